import { wordDiff as words, type ChangeObject } from 'diff';
import { editScript } from './myers.js';
import type { DiffPart } from './types.js';

/**
 * A text cut into the tokens of the `diff` package's `diffWords` (`wordDiff.tokenize`). Each token is one core — a
 * run of word characters or one other non-space character — with the whitespace around it (shared with the
 * neighbouring token), and tokens are compared by their cores (`equals` trims). So a token is known by its core's
 * span: token i runs from the end of core i − 1 to the start of core i + 1 (the text's ends for the first and the
 * last), and the library's `join` of tokens i..j is the text between those bounds: one slice, not a join.
 * A text of whitespace only is one token of its own (`blank`, its core the whole text, compared as '').
 */
export interface DiffText {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  /** The cores as ids (equal cores, equal ids). */
  ids: Int32Array;
  blank: boolean;
}

/** `text`'s tokens as `wordDiff.tokenize` cuts them, their cores interned by `intern`. */
export function diffTokens(text: string, intern: (core: string) => number): DiffText {
  const tokens = words.tokenize(text);
  const n = tokens.length, starts = new Int32Array(n), ends = new Int32Array(n), ids = new Int32Array(n);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const token = tokens[i]!, trimmed = token.trimStart(), core = trimmed.trimEnd();
    // The token's leading whitespace starts where the previous core ended.
    starts[i] = end + token.length - trimmed.length;
    end = ends[i] = starts[i]! + core.length;
    ids[i] = intern(core);
  }
  const blank = n === 1 && starts[0] === ends[0];
  if (blank) { starts[0] = 0; ends[0] = text.length; }
  return { text, starts, ends, ids, blank };
}

/**
 * The tokens of `parts`' texts joined by single spaces, from the parts' tokens (the cores of the joined text are the
 * parts' cores, shifted: a space never joins or splits a core), or null when several parts have no core between
 * them (the joined text is then blank or empty: tokenise it instead).
 */
export function joinDiffTexts(parts: DiffText[]): DiffText | null {
  if (parts.length === 1) return parts[0]!;
  let n = 0;
  for (const p of parts) if (!p.blank) n += p.ids.length;
  if (!n) return null;
  const starts = new Int32Array(n), ends = new Int32Array(n), ids = new Int32Array(n);
  let at = 0, shift = 0;
  for (const p of parts) {
    if (!p.blank) {
      for (let i = 0; i < p.ids.length; i++, at++) { starts[at] = p.starts[i]! + shift; ends[at] = p.ends[i]! + shift; ids[at] = p.ids[i]!; }
    }
    shift += p.text.length + 1;
  }
  return { text: parts.map((p) => p.text).join(' '), starts, ends, ids, blank: false };
}

/**
 * Word-level diff of two short texts (an aligned group), as equal/removed/added parts: exactly `diffWords` of the
 * `diff` package (its tokens carry their surrounding whitespace, and it tidies the whitespace of changes), with
 * its inner Myers loop replaced by `editScript` on interned tokens (allocation-free; issue #6).
 * Myers is quadratic on long dissimilar inputs, so it only ever runs inside aligned groups and with
 * `maxEditLength` (deterministic, unlike a timeout); past it the group is reported as one removal plus one addition.
 */
export function wordDiff(a: string, b: string, maxEdits: number): DiffPart[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  const ids = new Map<string, number>();
  const intern = (core: string) => { let id = ids.get(core); if (id === undefined) ids.set(core, id = ids.size); return id; };
  return diffTexts(diffTokens(a, intern), diffTokens(b, intern), maxEdits);
}

/** `wordDiff` of two tokenised texts whose ids share one space (equal cores, equal ids on both sides). */
export function diffTexts(a: DiffText, b: DiffText, maxEdits: number): DiffPart[] {
  // Identical texts are one equal part (what `diffWords` returns: its tokens join back to the text).
  if (a.text === b.text) return a.text ? [{ op: 'equal', text: a.text }] : [];
  const runs = editScript(a.ids, b.ids, maxEdits);
  if (!runs) return coarse(a.text, b.text);
  // The library's change objects (values as its buildValues: kept and added text from the new side).
  let oldPos = 0, newPos = 0;
  const changes: ChangeObject<string>[] = runs.map(({ op, count }) => {
    if (op === 2) return { count, added: false, removed: true, value: between(a, oldPos, oldPos += count) };
    const value = between(b, newPos, newPos += count);
    if (op === 0) oldPos += count;
    return { count, added: op === 1, removed: false, value };
  });
  return words.postProcess(changes, POST).map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'equal', text: c.value }));
}

/** `postProcess` reads only `oneChangePerToken` and `intlSegmenter`, neither of which diffWords is given here. */
const POST = {};

/** The library's `join` of tokens [from, to) of `t`: from the end of the core before to the start of the core after. */
function between(t: DiffText, from: number, to: number): string {
  return t.text.slice(from ? t.ends[from - 1]! : 0, to < t.ids.length ? t.starts[to]! : t.text.length);
}

function coarse(a: string, b: string): DiffPart[] {
  const parts: DiffPart[] = [];
  if (a) parts.push({ op: 'removed', text: a });
  if (b) parts.push({ op: 'added', text: b });
  return parts;
}
