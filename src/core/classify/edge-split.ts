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
  /** The largest share of an edge's longer words (four letters or more) found among the other side's words of the
   *  group: a clause moved within a reordered sentence is there, text pasted beside a passage is not. */
  edgeMoved: number;
}

/** One side's claims and the paragraphs that hold them (sentences in claim order). */
export interface SplitSide {
  claims: ClaimSpan[];
  paragraphs: Segment[];
}

/** Whitespace runs as one space, ends trimmed: copies are compared whatever their line breaks. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

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
 * text after it starts with a capital or a digit (and is not in title case), the text before it does not end in a
 * joining mark (`fires, It's` is one list), and the word before it is not in lower case (`preparing to sue Searle`)
 * unless the common stretch was copied word for word and that word opens no phrase (`believes that "Fiddling…`).
 */
function isSeam(text: string, at: number, from: number, to: number, copied: () => boolean): boolean {
  const after = text
    .slice(at, Math.min(to, at + 8))
    .trimStart()
    .replace(OPENING, '');
  if (!/^[\p{Lu}\p{N}]/u.test(after) || titleCase(text.slice(at, Math.min(to, at + 80)))) return false;
  const before = text.slice(Math.max(from, at - 40), at).trimEnd();
  if (!before || JOINING.test(before.replace(CLOSING, '').trimEnd()) || JOINING.test(before)) return false;
  const word = /[\p{L}\p{M}'’]+$/u.exec(before)?.[0];
  return word === undefined || !/^\p{Ll}/u.test(word) || (!FUNCTION_WORDS.has(word) && copied());
}

/** Where a claim is cut: the end of an uncopied head, the start of an uncopied tail (-1: none). */
interface Cuts {
  head: number;
  tail: number;
}

/** A word of four letters or more: content rather than the function words any two sentences share. */
const LONG_WORD = /[\p{L}\p{M}]{4,}/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** True for a letter or digit code unit (ASCII by table, the rest by the Unicode classes). */
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

/** Words (runs of letters and digits) in `s`, counting stops at `atMost` (an anchor test needs only a few). */
function wordCount(s: string, atMost = Infinity): number {
  let n = 0,
    inWord = false;
  for (let i = 0; i < s.length && n < atMost; i++) {
    const w = isWordUnit(s.charCodeAt(i));
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

/** This side's text of diff parts `[from, to)`: the equal parts and the parts only this side has (`own`). */
function sideText(diff: DiffPart[], from: number, to: number, own: 'added' | 'removed'): string {
  let s = '';
  for (let i = from; i < to; i++) if (diff[i]!.op !== (own === 'added' ? 'removed' : 'added')) s += diff[i]!.text;
  return s;
}

/** Words of the equal parts among `[from, to)`. */
function equalWords(diff: DiffPart[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (diff[i]!.op === 'equal') n += wordCount(diff[i]!.text);
  return n;
}

/**
 * Records on `cuts` where the group's first / last member on this side loses an uncopied edge: the diff's parts
 * before the first and after the last equal part of at least `anchorWords` words, as this side's text (`own`: the
 * op only this side has), when they hold `minWords` words, few of them equal (`edgeShared`), and end at a seam.
 * Each test is made only when the cheaper ones before it pass (most groups have no such edge).
 */
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
  const anchor = (i: number) => diff[i]!.op === 'equal' && wordCount(diff[i]!.text, t.anchorWords) >= t.anchorWords;
  let first = 0;
  while (first < diff.length && !anchor(first)) first++;
  if (first === diff.length) return;
  let last = diff.length - 1;
  while (last > first && !anchor(last)) last--;
  // The common stretch copied word for word (long enough not to be a chance run of names): only asked of a seam
  // after a lower-case word.
  const copied = () => {
    const words = wordCount(sideText(diff, first, last + 1, own));
    return words >= t.coreWords && equalWords(diff, first, last + 1) >= t.coreShared * words;
  };
  const cutOf = (i: number) => {
    let c = cuts.get(i);
    if (!c) cuts.set(i, (c = { head: -1, tail: -1 }));
    return c;
  };
  // A claim in several groups is explained by all of them: its edge may be another group's common text.
  const alone = (i: number) => verdicts[i]!.alignments.length === 1;
  // An edge found word for word in the other text is copied too: page furniture the other side set aside as
  // boilerplate, or a line of the passage that its own segmentation kept apart.
  let partner: Set<string> | null = null;
  const moved = (s: string) => {
    const long = s.toLowerCase().match(LONG_WORD) ?? [];
    if (!long.length) return false;
    partner ??= new Set(
      sideText(diff, 0, diff.length, own === 'added' ? 'removed' : 'added')
        .toLowerCase()
        .match(LONG_WORD),
    );
    let found = 0;
    for (const w of long) if (partner.has(w)) found++;
    return found > t.edgeMoved * long.length;
  };
  const edge = (s: string, from: number, to: number) => {
    const words = wordCount(s);
    return words >= t.minWords && equalWords(diff, from, to) <= t.edgeShared * words;
  };
  const elsewhere = (s: string) => otherText().includes(squash(s));
  const head = first > 0 ? sideText(diff, 0, first, own) : '',
    firstClaim = claims[members[0]!]!;
  if (
    head &&
    head.length < firstClaim.text.length &&
    firstClaim.text.startsWith(head) &&
    alone(members[0]!) &&
    edge(head, 0, first) &&
    isSeam(text, firstClaim.start + head.length, firstClaim.start, firstClaim.end, copied) &&
    !moved(head) &&
    !elsewhere(head)
  )
    cutOf(members[0]!).head = firstClaim.start + head.length;
  const tail = last < diff.length - 1 ? sideText(diff, last + 1, diff.length, own) : '',
    lastClaim = claims[members[members.length - 1]!]!;
  if (
    tail &&
    tail.length < lastClaim.text.length &&
    lastClaim.text.endsWith(tail) &&
    alone(members[members.length - 1]!) &&
    edge(tail, last + 1, diff.length) &&
    isSeam(text, lastClaim.end - tail.length, lastClaim.start, lastClaim.end, copied) &&
    !moved(tail) &&
    !elsewhere(tail)
  )
    cutOf(members[members.length - 1]!).tail = lastClaim.end - tail.length;
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

/** The fitted thresholds (`scripts/fit/edge-split.ts`, see docs/edge-split.md). */
export const EDGE_SPLIT: EdgeSplitThresholds = {
  minWords: 3,
  anchorWords: 3,
  edgeShared: 0.1,
  coreShared: 0.9,
  coreWords: 10,
  edgeMoved: 0.5,
};
