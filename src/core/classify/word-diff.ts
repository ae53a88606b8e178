import { type ChangeObject, wordDiff as words } from 'diff';
import { isSpaceUnit } from '../segment/chars.js';
import type { DiffPart } from '../types.js';
import { EditBuffers, editScript } from './myers.js';

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

/**
 * `text`'s tokens as `wordDiff.tokenize` cuts them, their cores interned by `intern`. Scanned directly rather than
 * by the library's regex and whitespace stitching (tokens and interning of an aligned claim, on the fresh path,
 * in less than half the time; tested against `wordDiff.tokenize`, which stays the reference, on every UTF-16 unit).
 */
export function diffTokens(text: string, intern: (core: string) => number, buffers = new DiffBuffers()): DiffText {
  const len = text.length;
  if (buffers.spans.length < 2 * len) buffers.spans = new Int32Array(2 * len);
  const spans = buffers.spans;
  let n = 0;
  for (let p = 0; p < len; ) {
    const c = text.charCodeAt(p),
      k = classOf(c);
    if (k === SPACE) {
      p++;
      continue;
    }
    let e = p + 1;
    // A run of word characters; otherwise one code point (a surrogate pair is one, a lone surrogate too).
    if (k === WORD) while (e < len && classOf(text.charCodeAt(e)) === WORD) e++;
    else if (c >= 0xd800 && c <= 0xdbff && e < len && (text.charCodeAt(e) & 0xfc00) === 0xdc00) e++;
    spans[2 * n] = p;
    spans[2 * n + 1] = e;
    n++;
    p = e;
  }
  // Whitespace only: one token of its own, compared as ''.
  if (!n && len)
    return { text, starts: Int32Array.of(0), ends: Int32Array.of(len), ids: Int32Array.of(intern('')), blank: true };
  const [starts, ends, ids] = int32Triple(n);
  for (let i = 0; i < n; i++) {
    starts[i] = spans[2 * i]!;
    ends[i] = spans[2 * i + 1]!;
    ids[i] = intern(text.slice(starts[i], ends[i]));
  }
  return { text, starts, ends, ids, blank: false };
}

/** Three arrays of `n` as views of one buffer: a text's tokens are kept with its cached analysis, and one backing
 *  store per claim instead of three is two fewer allocations outside the heap for each. */
function int32Triple(n: number): [Int32Array, Int32Array, Int32Array] {
  const all = new Int32Array(3 * n);
  return [all.subarray(0, n), all.subarray(n, 2 * n), all.subarray(2 * n)];
}

/** What the tokenizer and the diff reuse from call to call (each runs to completion), grown as needed. */
export class DiffBuffers {
  /** The cores' spans of the text being tokenised, two numbers a core. */
  spans = new Int32Array(0);
  readonly edits = new EditBuffers();
}

/**
 * The library tokenizer's classes (`libesm/diff/word.js`) of each UTF-16 unit: its extended word characters
 * (`[a-zA-Z0-9_\u{AD}\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{2C6}\u{2C8}-\u{2D7}\u{2DE}-\u{2FF}\u{1E00}-\u{1EFF}]`: Latin
 * letters with diacritics, the soft hyphen, spacing modifiers except a few accents) and `\s`, both BMP-only.
 */
const WORD = 1,
  SPACE = 2,
  OTHER = 3;
const WORD_RANGES = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
  [0xad, 0xad],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x2c6],
  [0x2c8, 0x2d7],
  [0x2de, 0x2ff],
  [0x1e00, 0x1eff],
] as const;
const CLASSES = (() => {
  const classes = new Uint8Array(0x10000);
  for (let c = 0; c < classes.length; c++) classes[c] = isSpaceUnit(c) ? SPACE : OTHER;
  for (const [from, to] of WORD_RANGES) classes.fill(WORD, from, to + 1);
  return classes;
})();

const classOf = (c: number): number => CLASSES[c]!;

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
  const [starts, ends, ids] = int32Triple(n);
  let at = 0,
    shift = 0;
  for (const p of parts) {
    if (!p.blank) {
      for (let i = 0; i < p.ids.length; i++, at++) {
        starts[at] = p.starts[i]! + shift;
        ends[at] = p.ends[i]! + shift;
        ids[at] = p.ids[i]!;
      }
    }
    shift += p.text.length + 1;
  }
  return { text: parts.map((p) => p.text).join(' '), starts, ends, ids, blank: false };
}

/**
 * Word-level diff of two short texts (an aligned group), as equal/removed/added parts: exactly `diffWords` of the
 * `diff` package (its tokens carry their surrounding whitespace, and it tidies the whitespace of changes), with
 * its inner Myers loop replaced by `editScript` on interned tokens (allocation-free).
 * Myers is quadratic on long dissimilar inputs, so it only ever runs inside aligned groups and with
 * `maxEditLength` (deterministic, unlike a timeout); past it the group is reported as one removal plus one addition.
 */
export function wordDiff(a: string, b: string, maxEdits: number, buffers = new DiffBuffers()): DiffPart[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  const ids = new Map<string, number>();
  const intern = (core: string) => {
    let id = ids.get(core);
    if (id === undefined) ids.set(core, (id = ids.size));
    return id;
  };
  return diffTexts(diffTokens(a, intern, buffers), diffTokens(b, intern, buffers), maxEdits, buffers);
}

/** `wordDiff` of two tokenised texts whose ids share one space (equal cores, equal ids on both sides). */
export function diffTexts(a: DiffText, b: DiffText, maxEdits: number, buffers = new DiffBuffers()): DiffPart[] {
  // Identical texts are one equal part (what `diffWords` returns: its tokens join back to the text).
  if (a.text === b.text) return a.text ? [{ op: 'equal', text: a.text }] : [];
  const runs = editScript(a.ids, b.ids, maxEdits, buffers.edits);
  if (!runs) return coarse(a.text, b.text);
  // The library's change objects (values as its buildValues: kept and added text from the new side).
  let oldPos = 0,
    newPos = 0;
  const changes: ChangeObject<string>[] = runs.map(({ op, count }) => {
    if (op === 2) return { count, added: false, removed: true, value: between(a, oldPos, (oldPos += count)) };
    const value = between(b, newPos, (newPos += count));
    if (op === 0) oldPos += count;
    return { count, added: op === 1, removed: false, value };
  });
  return words
    .postProcess(changes, POST)
    .map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'equal', text: c.value }));
}

/** `postProcess` reads only `oneChangePerToken` and `intlSegmenter`, neither of which diffWords is given here. */
const POST = Object.freeze({});

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
