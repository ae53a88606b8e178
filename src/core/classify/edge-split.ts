import type { Segment } from '../segment/article.js';
import { SENTENCE_OPENERS, trimSpan } from '../segment/sentences.js';
import type { ClaimSpan } from '../text-analysis.js';
import type { Alignment, DiffPart } from '../types.js';
import type { ClaimVerdict, Classification } from './claim-verdicts.js';
import { wordDiff } from './word-diff.js';

/**
 * Uncopied edges of aligned claims. A passage pasted into another text rarely starts or ends where a sentence
 * does: without punctuation at the seam ("…and Shrink Ray Made especially for Guitar Hero…", a nav line glued to
 * the first copied sentence) the segmenter reads host text and passage as one sentence, and the whole sentence
 * would count as aligned. The group's word diff shows the seam: before its first and after its last common run of
 * words, one side's words only. Such an edge of at least `minWords` words (fitted, `scripts/fit/edge-split.ts`)
 * becomes a claim of its own, added (or dropped), and the aligned claim keeps the span that holds the common text.
 */
export interface EdgeSplitThresholds {
  /** The least number of words an uncopied edge must hold to be split off (Infinity: never). */
  minWords: number;
  /** The least number of words of an equal diff part that counts as a common run (shorter ones may be chance). */
  anchorWords: number;
  /** The largest share of an edge's words that short equal parts may hold: a reworded stretch keeps words here and
   *  there, a pasted seam next to nothing. */
  edgeShared: number;
  /** The least share of the common stretch's words in equal parts for a seam after a lower-case word to count: a
   *  pasted passage is copied word for word, a summary sentence that adds a clause is reworded throughout. */
  coreShared: number;
  /** …and the least number of words of that copied stretch (a short run of names is shared by chance). */
  coreWords: number;
}

/** One side's claims and the paragraphs that hold them (sentences in claim order). */
export interface SplitSide {
  claims: ClaimSpan[];
  paragraphs: Segment[];
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Whitespace runs as one space, ends trimmed: copies are compared whatever their line breaks. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const wordCount = (s: string) => s.match(WORD)?.length ?? 0;

/** Marks that join what follows to what comes before: a seam after one is inside a sentence. */
const JOINING = /[,;:([{“‘«\-–—/&+]$/u;
/** Lower-case words that open a phrase: the text after them continues it (`believes that "Fiddling…`). */
const FUNCTION_WORDS = new Set([...SENTENCE_OPENERS, 'of', 'is', 'are', 'was', 'were', 'be', 'been', 'than', 'about']);
const CLOSING = /["'”’»)\]]+$/u;
const OPENING = /^["'“‘«([]+/u;

/** Text whose longer words are all capitalised (a headline, a menu): its capitals mark no sentence start. */
function titleCase(s: string): boolean {
  const long = s.match(/[\p{L}\p{M}]{4,}/gu) ?? [];
  return long.length >= 2 && long.every((w) => /^\p{Lu}/u.test(w));
}

/**
 * True when `at` in `text` reads as a seam between two texts rather than a clause boundary of one sentence: the
 * text after it starts with a capital or a digit (and is not in title case), the text before it does not end in a joining mark (`fires, It's`
 * is one list), and, unless the common stretch was copied word for word, the word before it is not in lower case
 * (`believes that "Fiddling…`, `preparing to sue Searle`).
 */
function isSeam(text: string, at: number, from: number, to: number, copied: boolean): boolean {
  const after = text
    .slice(at, Math.min(to, at + 8))
    .trimStart()
    .replace(OPENING, '');
  if (!/^[\p{Lu}\p{N}]/u.test(after) || titleCase(text.slice(at, Math.min(to, at + 80)))) return false;
  const before = text.slice(Math.max(from, at - 40), at).trimEnd();
  if (!before || JOINING.test(before.replace(CLOSING, '').trimEnd()) || JOINING.test(before)) return false;
  const word = /[\p{L}\p{M}'’]+$/u.exec(before)?.[0];
  return word === undefined || !/^\p{Ll}/u.test(word) || (copied && !FUNCTION_WORDS.has(word));
}

/** Where a claim is cut: the end of an uncopied head, the start of an uncopied tail (-1: none). */
interface Cuts {
  head: number;
  tail: number;
}

/**
 * The diff's uncopied head and tail on one side: the parts before the first and after the last equal part of at
 * least `anchorWords` words, as that side's text (`own`: the op that only this side has). Null when no part is long
 * enough to anchor.
 */
function edges(
  diff: DiffPart[],
  own: 'added' | 'removed',
  t: EdgeSplitThresholds,
): { head: string; tail: string; copied: boolean } | null {
  const anchorWords = t.anchorWords;
  let first = -1,
    last = -1;
  diff.forEach((p, i) => {
    if (p.op === 'equal' && wordCount(p.text) >= anchorWords) {
      if (first < 0) first = i;
      last = i;
    }
  });
  if (first < 0) return null;
  const side = (parts: DiffPart[]) => {
    const mine = parts.filter((p) => p.op === 'equal' || p.op === own);
    const shared = mine.filter((p) => p.op === 'equal').reduce((n, p) => n + wordCount(p.text), 0);
    const text = mine.map((p) => p.text).join('');
    return shared > t.edgeShared * wordCount(text) ? '' : text;
  };
  const core = diff.slice(first, last + 1).filter((p) => p.op === 'equal' || p.op === own);
  const equal = core.filter((p) => p.op === 'equal').reduce((n, p) => n + wordCount(p.text), 0);
  const coreWords = wordCount(core.map((p) => p.text).join(''));
  const copied = coreWords >= t.coreWords && equal >= t.coreShared * coreWords;
  return { head: side(diff.slice(0, first)), tail: side(diff.slice(last + 1)), copied };
}

/** Records on `cuts` where the group's first / last member on this side loses an uncopied edge. */
function markCuts(
  diff: DiffPart[],
  own: 'added' | 'removed',
  members: number[],
  claims: ClaimSpan[],
  verdicts: ClaimVerdict[],
  cuts: Map<number, Cuts>,
  t: EdgeSplitThresholds,
  text: string,
  otherText: () => string,
): void {
  const e = edges(diff, own, t);
  if (!e) return;
  const joined = members.map((i) => claims[i]!.text).join(' ');
  const cutOf = (i: number) => {
    let c = cuts.get(i);
    if (!c) cuts.set(i, (c = { head: -1, tail: -1 }));
    return c;
  };
  // A claim in several groups is explained by all of them: its edge may be another group's common text.
  const alone = (i: number) => verdicts[i]!.alignments.length === 1;
  // An edge found word for word in the other text is copied too: page furniture the other side set aside as
  // boilerplate, or a line of the passage that its own segmentation kept apart.
  const elsewhere = (edge: string) => otherText().includes(squash(edge));
  const first = claims[members[0]!]!,
    last = claims[members[members.length - 1]!]!;
  if (
    wordCount(e.head) >= t.minWords &&
    alone(members[0]!) &&
    joined.startsWith(e.head) &&
    e.head.length < first.text.length &&
    isSeam(text, first.start + e.head.length, first.start, first.end, e.copied) &&
    !elsewhere(e.head)
  )
    cutOf(members[0]!).head = first.start + e.head.length;
  if (
    wordCount(e.tail) >= t.minWords &&
    alone(members[members.length - 1]!) &&
    joined.endsWith(e.tail) &&
    e.tail.length < last.text.length &&
    isSeam(text, last.end - e.tail.length, last.start, last.end, e.copied) &&
    !elsewhere(e.tail)
  )
    cutOf(members[members.length - 1]!).tail = last.end - e.tail.length;
}

/** A side with its cut claims split: each old claim's new index (of its aligned core) and the new claims' flags. */
function splitSide(side: SplitSide, cuts: Map<number, Cuts>, text: string) {
  const claims: ClaimSpan[] = [],
    index: number[] = [],
    pieces: boolean[] = [];
  const paragraphs: Segment[] = [];
  let k = 0;
  for (const p of side.paragraphs) {
    const sentences: { start: number; end: number }[] = [];
    for (let s = 0; s < p.sentences.length; s++, k++) {
      const c = side.claims[k]!,
        cut = cuts.get(k);
      const head = cut && cut.head > 0 ? trimSpan(text, c.start, cut.head) : null;
      const tail = cut && cut.tail > 0 ? trimSpan(text, cut.tail, c.end) : null;
      const core = trimSpan(text, head ? cut!.head : c.start, tail ? cut!.tail : c.end);
      const spans = core && wordCount(text.slice(core.start, core.end)) ? [head, core, tail] : [null, c, null];
      spans.forEach((span, j) => {
        if (!span) return;
        if (j === 1) index[k] = claims.length;
        pieces.push(j !== 1);
        claims.push({
          paragraph: c.paragraph,
          start: span.start,
          end: span.end,
          text: text.slice(span.start, span.end),
        });
        sentences.push({ start: span.start, end: span.end });
      });
    }
    paragraphs.push({ start: p.start, end: p.end, sentences });
  }
  return { side: { claims, paragraphs }, index, pieces };
}

/**
 * Splits the uncopied edges off aligned claims on both sides (the same rule each way, so swapping the texts swaps
 * the result): new claims, renumbered in text order, and the classification with its ids and the diffs of the groups
 * that lost an edge updated. Returns the input unchanged when no edge is long enough.
 */
export function splitEdges(
  o: SplitSide,
  r: SplitSide,
  texts: { original: string; rewrite: string },
  c: Classification,
  maxEdits: number,
  t: EdgeSplitThresholds,
): { o: SplitSide; r: SplitSide; verdicts: Classification } {
  if (!Number.isFinite(t.minWords)) return { o, r, verdicts: c };
  const oCuts = new Map<number, Cuts>(),
    rCuts = new Map<number, Cuts>();
  const idx = (id: string) => Number(id.slice(1)) - 1;
  const squashed = { original: '', rewrite: '' };
  const originalText = () => (squashed.original ||= squash(texts.original));
  const rewriteText = () => (squashed.rewrite ||= squash(texts.rewrite));
  for (const a of c.alignments) {
    markCuts(a.diff, 'removed', a.original.map(idx), o.claims, c.original, oCuts, t, texts.original, rewriteText);
    markCuts(a.diff, 'added', a.rewrite.map(idx), r.claims, c.rewrite, rCuts, t, texts.rewrite, originalText);
  }
  if (!oCuts.size && !rCuts.size) return { o, r, verdicts: c };
  const os = splitSide(o, oCuts, texts.original),
    rs = splitSide(r, rCuts, texts.rewrite);
  const oId = (id: string) => `o${os.index[idx(id)]! + 1}`,
    rId = (id: string) => `r${rs.index[idx(id)]! + 1}`;
  const verdictsOf = (
    old: ClaimVerdict[],
    split: ReturnType<typeof splitSide>,
    status: 'dropped' | 'added',
    other: (id: string) => string,
  ) => {
    const out: ClaimVerdict[] = split.pieces.map(() => ({
      status,
      matches: [],
      similarity: 0,
      carried: 0,
      alignments: [],
    }));
    old.forEach((v, i) => {
      out[split.index[i]!] = { ...v, matches: v.matches.map(other) };
    });
    return out;
  };
  const cutIds = new Set([...[...oCuts.keys()].map((i) => `o${i + 1}`), ...[...rCuts.keys()].map((i) => `r${i + 1}`)]);
  const alignments = c.alignments.map((a): Alignment => {
    const original = a.original.map(oId),
      rewrite = a.rewrite.map(rId);
    const touched = [...a.original, ...a.rewrite].some((id) => cutIds.has(id));
    const diff = touched
      ? wordDiff(
          original.map((id) => os.side.claims[idx(id)]!.text).join(' '),
          rewrite.map((id) => rs.side.claims[idx(id)]!.text).join(' '),
          maxEdits,
        )
      : a.diff;
    return { ...a, original, rewrite, diff };
  });
  return {
    o: os.side,
    r: rs.side,
    verdicts: {
      alignments,
      original: verdictsOf(c.original, os, 'dropped', rId),
      rewrite: verdictsOf(c.rewrite, rs, 'added', oId),
    },
  };
}

/** The fitted thresholds (`scripts/fit/edge-split.ts`, see docs/calibration.md). */
export const EDGE_SPLIT: EdgeSplitThresholds = {
  minWords: 5,
  anchorWords: 3,
  edgeShared: 0.1,
  coreShared: 0.9,
  coreWords: 10,
};
