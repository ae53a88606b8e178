import { ALNUM_ASCII, codePointAt, isLetter, isLetterOrDigit, LETTER_ASCII, widthOf } from '../segment/chars.js';
import type { QuoteEdit, QuoteStatus, Span, TextSpan } from '../types.js';
import type { FoundQuote } from './quote-find.js';

/**
 * Checks a rewrite's quotations against the original: verbatim, altered, put into someone's mouth
 * from the author's narration (`from_narration`), or without a source (`not_in_original`).
 *
 * A quotation is cut at its editorial marks — ellipses (omissions) and square brackets (insertions) — into
 * pieces, and each piece is located in the original on its own, because a rewrite may stitch a real quotation
 * and the author's narration into one pair of quotation marks (seed 000 does). Pieces with the same kind of
 * source are merged back into one entry; pieces with different sources are reported separately.
 */

/** A word of a text: normalised form plus its span. */
export interface Word extends Span {
  norm: string;
}

/** Result of checking one piece (or a merged run of pieces) of a rewrite quotation. */
export interface CheckedPiece extends Span {
  status: QuoteStatus;
  source: TextSpan | null;
  /** The original quotation the source lies in, if any (index into the original's quotes). */
  sourceQuote: number | null;
  edits: QuoteEdit[];
  /** 0..1 share of the piece's words found in order in the source. */
  score: number;
}

/** Share of a piece's words that must be found, in order, for the original to count as its source. */
const MIN_SOURCE_SHARE = 0.6;
/** A quoted source is preferred over a narration source that scores at most this much better. */
const QUOTED_PREFERENCE = 0.1;
/** Diagonals (alignment offsets) examined per piece; bounds the work on long originals. */
const MAX_DIAGONALS = 8;
/** Longest piece aligned word by word; longer pieces are cut (a bound on the quadratic LCS). */
const MAX_PIECE_WORDS = 400;
/** Words occurring more often than this in the original do not vote for a piece's position. */
const MAX_VOTING_POSITIONS = 500;
/** Characters between two pieces' sources for them to count as one passage. */
const SAME_PASSAGE_CHARS = 400;

/**
 * A word; hyphenated compounds are one word, so that "cease-fire" and "ceasefire" compare equal. A word is what the
 * regex `[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+(?:['’][\p{L}]+)*)*` (flags gu) matches, scanned by hand in
 * `words`: Unicode property classes are slow in V8's regex engine. Its greedy parts
 * are followed by nothing that can fail, so they never backtrack, and a left-to-right scan taking each part as far
 * as it goes gives the regex's matches (checked against it by a property test).
 */
/** Words of `text[start, end)` with offsets, normalised for matching: case, curly apostrophes, hyphens. */
export function words(text: string, start = 0, end = text.length): Word[] {
  const out: Word[] = [];
  scanWords(text, start, end, (s, e, norm) => {
    out.push({ start: s, end: e, norm });
  });
  return out;
}

/** The words of `words(text, start, end)` handed to `emit` in order, without a `Word` object each (`indexOriginal`
 *  keeps only their offsets and ids). */
function scanWords(
  text: string,
  start: number,
  end: number,
  emit: (start: number, end: number, norm: string) => void,
): void {
  // Past the run of code points `ok` accepts from `i`; ASCII units (most of the text) are looked up in `ascii`, the
  // same class as a table, without reading a code point or calling `ok`.
  const run = (i: number, ok: (cp: number) => boolean, ascii: Uint8Array): number => {
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (!ascii[c]) break;
        i++;
        continue;
      }
      const cp = codePointAt(text, i, end);
      if (!ok(cp)) break;
      i += widthOf(cp);
    }
    return i;
  };
  // Whether the word being read took a curly apostrophe or a hyphen: only then has its norm one to replace.
  let curly = false,
    hyphen = false;
  // (['’]\p{L}+)*
  const apostrophes = (i: number): number => {
    for (
      let c = text.charCodeAt(i);
      i + 1 < end && (c === 39 || c === 0x2019) && isLetter(codePointAt(text, i + 1, end));
      c = text.charCodeAt(i)
    ) {
      if (c === 0x2019) curly = true;
      i = run(i + 1, isLetter, LETTER_ASCII);
    }
    return i;
  };
  // Lower-cased once for the range: the same as per word unless lower-casing changes a length (İ) or looks at
  // the neighbours (final sigma), and per-word lower-casing of two-byte text was half of this function's time.
  const range = text.slice(start, end),
    lowered = range.toLowerCase();
  const once = lowered.length === range.length && !range.includes('Σ');
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (c < 128 ? !ALNUM_ASCII[c] : !isLetterOrDigit((c = codePointAt(text, i, end)))) {
      i += widthOf(c);
      continue;
    }
    const s = i;
    curly = hyphen = false;
    i = apostrophes(run(i, isLetterOrDigit, ALNUM_ASCII));
    while (i + 1 < end && text.charCodeAt(i) === 45 && isLetterOrDigit(codePointAt(text, i + 1, end))) {
      hyphen = true;
      i = apostrophes(run(i + 1, isLetterOrDigit, ALNUM_ASCII));
    }
    let norm = once ? lowered.slice(s - start, i - start) : text.slice(s, i).toLowerCase();
    if (curly) norm = norm.replace(/’/g, "'");
    if (hyphen) norm = norm.replace(/-/g, '');
    emit(s, i, norm);
  }
}

/**
 * The original text prepared once for locating many pieces. It is memoised with the text's analysis
 * (checks/journalism.ts `TextMemo`) and so promoted and kept by the garbage collector: flat typed arrays, not an object
 * per word and a list per distinct word (~2,200 objects for the seed original).
 */
export interface OriginalIndex {
  text: string;
  /** How many words the original has; word `j` spans `[starts[j], ends[j])`. */
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** For each word, the index of the original quotation that holds it, or -1 for narration. */
  quoteOf: Int32Array;
  /** Each word's norm as a small integer (equal norms, equal ids): the LCS compares integers, not strings. */
  ids: Int32Array;
  idOf: Map<string, number>;
  /** The positions of id `k`'s words, in text order: `posList[posStart[k], posStart[k + 1])`. */
  posStart: Int32Array;
  posList: Int32Array;
}

/** Indexes the original's words and marks which lie inside its quotations. */
export function indexOriginal(text: string, quotes: FoundQuote[]): OriginalIndex {
  // Words are at least one unit apart, so there are at most ⌈length / 2⌉ (the arrays are cut to the count below).
  const cap = (text.length + 1) >> 1;
  let starts = new Int32Array(cap),
    ends = new Int32Array(cap),
    ids = new Int32Array(cap);
  const idOf = new Map<string, number>();
  let n = 0;
  scanWords(text, 0, text.length, (s, e, norm) => {
    let id = idOf.get(norm);
    if (id === undefined) idOf.set(norm, (id = idOf.size));
    starts[n] = s;
    ends[n] = e;
    ids[n++] = id;
  });
  starts = starts.slice(0, n);
  ends = ends.slice(0, n);
  ids = ids.slice(0, n);
  const quoteOf = new Int32Array(n).fill(-1);
  let q = 0;
  for (let i = 0; i < n; i++) {
    while (q < quotes.length && quotes[q]!.end <= starts[i]!) q++;
    const cur = quotes[q];
    if (cur && cur.start <= starts[i]! && ends[i]! <= cur.end) quoteOf[i] = q;
  }
  // Positions grouped by id (a counting sort: each id's positions stay in text order).
  const posStart = new Int32Array(idOf.size + 1),
    posList = new Int32Array(n),
    fill = new Int32Array(idOf.size);
  for (let i = 0; i < n; i++) posStart[ids[i]! + 1]!++;
  for (let k = 0; k < idOf.size; k++) posStart[k + 1]! += posStart[k]!;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    posList[posStart[id]! + fill[id]!++] = i;
  }
  return { text, count: n, starts, ends, quoteOf, ids, idOf, posStart, posList };
}

/** The positions of id `id`'s words in the original (a view, no copy). */
const positionsOf = (idx: OriginalIndex, id: number): Int32Array =>
  idx.posList.subarray(idx.posStart[id]!, idx.posStart[id + 1]!);

/** A piece of a rewrite quotation: a pure function of the rewrite text and the quotation's span, so memoised with the
 *  text (checks/journalism.ts `TextMemo`) and never mutated once made (checked pieces copy its edits). */
export interface Piece extends Span {
  /** The normalised words (`Word.norm`): all that checking a piece reads of them. Kept as strings, not `Word`s,
   *  since pieces are memoised with the rewrite's analysis (~220 objects fewer for the seed rewrite). */
  norms: string[];
  edits: QuoteEdit[];
}

/** A piece while it is being cut: its words with their offsets. */
interface Draft extends Span {
  words: Word[];
  edits: QuoteEdit[];
}

const MARK = /\[[^\]\n]{0,80}\]|…|\.\s?\.\s?\./g;

/** Cuts a quotation into pieces at its editorial marks; brackets go to the piece that follows them. */
export function splitPieces(text: string, quote: Span): Piece[] {
  const pieces: Draft[] = [];
  const body = text.slice(quote.start, quote.end);
  let from = quote.start;
  let pendingEdits: QuoteEdit[] = [];
  MARK.lastIndex = 0;
  const flush = (to: number) => {
    const ws = words(text, from, to);
    if (ws.length) pieces.push({ start: ws[0]!.start, end: ws[ws.length - 1]!.end, words: ws, edits: pendingEdits });
    else if (pieces.length) pieces[pieces.length - 1]!.edits.push(...pendingEdits);
    pendingEdits = [];
  };
  for (let m = MARK.exec(body); m; m = MARK.exec(body)) {
    const at = quote.start + m.index;
    const edit: QuoteEdit = {
      kind: m[0].startsWith('[') ? 'insertion' : 'omission',
      start: at,
      end: at + m[0].length,
      text: m[0],
    };
    if (edit.kind === 'omission') {
      flush(at);
      const last = pieces[pieces.length - 1];
      if (last) last.edits.push(edit);
      else pendingEdits.push(edit);
    } else {
      // An insertion: the words before it end a piece (they may come from elsewhere than the words after it).
      flush(at);
      pendingEdits.push(edit);
    }
    from = at + m[0].length;
  }
  flush(quote.end);
  // Trailing edits with no piece after them stay on the last piece.
  if (pendingEdits.length && pieces.length) pieces[pieces.length - 1]!.edits.push(...pendingEdits);
  return pieces
    .flatMap((p) => splitSentences(text, p))
    .map((p) => ({ start: p.start, end: p.end, norms: p.words.map((w) => w.norm), edits: p.edits }));
}

/** Fewest words on each side of a sentence boundary for a piece to be cut there. */
const MIN_SENTENCE_WORDS = 4;

/**
 * Cuts a piece at its sentence boundaries, so that a sentence the rewrite added to (or dropped from) a real
 * quotation is checked on its own; sentences from the same source are merged back afterwards.
 */
function splitSentences(text: string, p: Draft): Draft[] {
  const out: Draft[] = [];
  let from = 0;
  for (let i = 0; i + 1 < p.words.length; i++) {
    const gap = text.slice(p.words[i]!.end, p.words[i + 1]!.start);
    const boundary = /[.!?]/.test(gap) && /^\p{Lu}/u.test(text[p.words[i + 1]!.start] ?? '');
    if (boundary && i + 1 - from >= MIN_SENTENCE_WORDS && p.words.length - (i + 1) >= MIN_SENTENCE_WORDS) {
      const ws = p.words.slice(from, i + 1);
      out.push({
        start: ws[0]!.start,
        end: ws[ws.length - 1]!.end,
        words: ws,
        edits: out.length ? [] : p.edits.filter((e) => e.start < p.words[i]!.end),
      });
      from = i + 1;
    }
  }
  if (!out.length) return [p];
  const ws = p.words.slice(from);
  out.push({
    start: ws[0]!.start,
    end: p.end,
    words: ws,
    edits: p.edits.filter((e) => e.start >= ws[0]!.start - 1 || e.start >= out[out.length - 1]!.end),
  });
  return out;
}

interface Located {
  score: number;
  /** Share of the piece's content words (not function words) found. */
  content: number;
  exact: boolean;
  first: number;
  last: number;
  quoted: number | null;
}

/** What locating a piece reuses from piece to piece, grown as needed (not one allocation per candidate diagonal). */
export class QuoteBuffers {
  /** The LCS table. Pieces are cut at `MAX_PIECE_WORDS` (400) and a window spans at most twice a piece's words plus
   *  one, so it never passes 401 × 802 cells (~640 KB). */
  dp = new Uint16Array(1 << 14);
  /** Votes per diagonal (offset by the piece length), reset after each piece: no Map per piece. */
  votes = new Int32Array(1 << 12);
}

/**
 * Longest common subsequence of word ids `a` against `b[lo, hi)`, returning the matched index pairs `[i in a, j in b]`.
 */
function lcs(a: Int32Array, b: Int32Array, lo: number, hi: number, buffers: QuoteBuffers): [number, number][] {
  const n = a.length,
    m = hi - lo,
    w = m + 1;
  if (buffers.dp.length < (n + 1) * w) buffers.dp = new Uint16Array((n + 1) * w);
  const dp = buffers.dp;
  // The last row and column are the only cells read before the loop writes them: they start at 0.
  dp.fill(0, n * w, n * w + w);
  for (let i = 0; i < n; i++) dp[i * w + m] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const ai = a[i]!,
      row = i * w,
      next = row + w;
    for (let j = m - 1; j >= 0; j--) {
      dp[row + j] = ai === b[lo + j] ? dp[next + j + 1]! + 1 : Math.max(dp[next + j]!, dp[row + j + 1]!);
    }
  }
  const matched: [number, number][] = [];
  let i = 0,
    j = 0;
  while (i < n && j < m) {
    if (a[i] === b[lo + j]) {
      matched.push([i, lo + j]);
      i++;
      j++;
    } else if (dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!) i++;
    else j++;
  }
  return matched;
}

/**
 * The `MAX_DIAGONALS` diagonals (offsets j − k of original word j against piece word k) with most votes, ties to the
 * smaller offset, best first. `lists[k]` are the original positions of piece word k (words with more than
 * `MAX_VOTING_POSITIONS` do not vote). The order is total, so inserting into a short list gives what sorting every
 * voted diagonal and keeping the head gave, without the sort.
 */
export function topDiagonals(
  wordCount: number,
  lists: (ArrayLike<number> | undefined)[],
  originalWords: number,
  buffers = new QuoteBuffers(),
): number[] {
  if (buffers.votes.length < originalWords + wordCount) buffers.votes = new Int32Array(originalWords + wordCount);
  const votes = buffers.votes;
  const touched: number[] = [];
  lists.forEach((at, k) => {
    // Very frequent words carry no evidence of where a piece comes from and would make voting quadratic.
    if (!at || at.length > MAX_VOTING_POSITIONS) return;
    for (let x = 0; x < at.length; x++) {
      const v = at[x]! - k + wordCount;
      if (votes[v]!++ === 0) touched.push(v);
    }
  });
  const top: number[] = [];
  const before = (a: number, b: number) => votes[a]! > votes[b]! || (votes[a] === votes[b] && a < b);
  for (const v of touched) {
    if (top.length === MAX_DIAGONALS && !before(v, top[MAX_DIAGONALS - 1]!)) continue;
    let p = Math.min(top.length, MAX_DIAGONALS - 1);
    for (; p > 0 && before(v, top[p - 1]!); p--) top[p] = top[p - 1]!;
    top[p] = v;
  }
  for (const v of touched) votes[v] = 0;
  return top.map((v) => v - wordCount);
}

/**
 * Finds where a piece's words come from: diagonal voting over shared words picks a few candidate offsets, an LCS
 * around each measures the share found in order. Returns the best quoted and the best overall candidate.
 */
function locate(
  piece: string[],
  idx: OriginalIndex,
  buffers: QuoteBuffers,
): { best: Located | null; bestQuoted: Located | null } {
  const words = piece.slice(0, MAX_PIECE_WORDS),
    n = words.length;
  // Each word's id in the original (-1: not there) and its positions there, looked up once.
  const ids = new Int32Array(n),
    lists: (Int32Array | undefined)[] = [];
  words.forEach((w, k) => {
    const id = idx.idOf.get(w);
    ids[k] = id ?? -1;
    lists.push(id === undefined ? undefined : positionsOf(idx, id));
  });
  const exact = exactRuns(ids, lists, idx);
  if (exact.length) return { best: exact[0]!, bestQuoted: exact.find((l) => l.quoted !== null) ?? null };
  const content = words.map((w) => !FUNCTION_WORDS.has(w));
  const contentTotal = content.filter(Boolean).length;
  const margin = Math.max(4, Math.ceil(n / 2));
  let best: Located | null = null,
    bestQuoted: Located | null = null;
  for (const d of topDiagonals(n, lists, idx.count, buffers)) {
    const lo = Math.max(0, d - margin),
      hi = Math.min(idx.count, d + n + margin);
    const pairs = lcs(ids, idx.ids, lo, hi, buffers);
    if (!pairs.length) continue;
    const matched = pairs.map((p) => p[1]);
    let first = matched[0]!,
      last = matched[matched.length - 1]!;
    const counts = new Map<number, number>();
    for (const j of matched) counts.set(idx.quoteOf[j]!, (counts.get(idx.quoteOf[j]!) ?? 0) + 1);
    const inQuotes = matched.length - (counts.get(-1) ?? 0);
    let quoted: number | null = null;
    if (inQuotes * 2 > matched.length) {
      quoted = [...counts.entries()].filter(([q]) => q >= 0).sort((a, b) => b[1] - a[1])[0]![0];
    }
    // Word for word, allowing only narration between the matched words: “We need to know,” he said, “who we can
    // count on” quoted as “We need to know who we can count on” is still verbatim. (`matched` ascends.)
    let exact = matched.length === n;
    for (let j = first, t = 0; exact && j <= last; j++) {
      if (matched[t] === j) t++;
      else if (idx.quoteOf[j] !== -1) exact = false;
    }
    if (exact && matched.every((j) => idx.quoteOf[j] === -1)) exact = last - first + 1 === n;
    // The source also covers the original words that the piece's unmatched first/last words replaced
    // ("He’s being played" for "Trump is being played"), within the same quotation or narration.
    const zone = idx.quoteOf[first]!;
    const joined = (j: number) =>
      idx.quoteOf[j] === zone &&
      idx.quoteOf[j + 1] === zone &&
      !/[.!?;:]/.test(idx.text.slice(idx.ends[j]!, idx.starts[j + 1]!));
    for (let k = pairs[0]![0]; k > 0 && first > 0 && joined(first - 1); k--) first--;
    for (let k = n - 1 - pairs[pairs.length - 1]![0]; k > 0 && last + 1 < idx.count && joined(last); k--) last++;
    let contentFound = 0;
    for (const [i] of pairs) if (content[i]) contentFound++;
    const cand: Located = {
      score: matched.length / n,
      content: contentTotal ? contentFound / contentTotal : 1,
      exact,
      first,
      last,
      quoted,
    };
    if (!best || better(cand, best)) best = cand;
    if (quoted !== null && (!bestQuoted || better(cand, bestQuoted))) bestQuoted = cand;
  }
  return { best, bestQuoted };
}

/** Most exact occurrences examined per piece (a bound for very common short pieces). */
const MAX_EXACT = 50;

/** Occurrences of the piece (word ids, with their positions) word for word (quoted occurrences reported like any
 *  other; the caller prefers them). */
function exactRuns(ids: Int32Array, lists: (Int32Array | undefined)[], idx: OriginalIndex): Located[] {
  const out: Located[] = [];
  const n = ids.length;
  // Anchor on the piece's rarest word: a long original has thousands of "the" but few "terrorizing".
  let anchor = 0;
  for (let k = 1; k < n; k++) if ((lists[k]?.length ?? 0) < (lists[anchor]?.length ?? 0)) anchor = k;
  const anchors = lists[anchor];
  for (let p = 0; anchors && p < anchors.length; p++) {
    const at = anchors[p]!;
    if (out.length >= MAX_EXACT) break;
    const j = at - anchor;
    if (j < 0 || j + n > idx.count) continue;
    let k = 0;
    while (k < n && idx.ids[j + k] === ids[k]) k++;
    if (k < n) continue;
    let inQuote = 0,
      firstQuote = -1;
    for (let x = j; x < j + n; x++)
      if (idx.quoteOf[x]! >= 0) {
        if (!inQuote++) firstQuote = idx.quoteOf[x]!;
      }
    const quoted = inQuote * 2 > n ? firstQuote : null;
    out.push({ score: 1, content: 1, exact: true, first: j, last: j + n - 1, quoted });
  }
  return out;
}

/**
 * English function words: a source must share the piece's content, not just "to the" ("want to stop the war"
 * is not "wants to keep the war going").
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that ' +
    'these those he she they we i you his her their our my your him them us me not no so than then there here ' +
    'what who which will would can could may might must should do does did has have had just also very all any some'
  ).split(' '),
);

function better(a: Located, b: Located): boolean {
  return a.score > b.score || (a.score === b.score && a.last - a.first < b.last - b.first);
}

/**
 * Checks one rewrite quotation against the indexed original. Returns one entry, or several when its pieces have
 * different sources (a real quotation stitched to narration or to invented words). `pieces` are the quotation's
 * `splitPieces`, when the caller kept them from an earlier compare.
 */
export function checkQuote(
  rewriteText: string,
  quote: Span,
  idx: OriginalIndex,
  pieces = splitPieces(rewriteText, quote),
  buffers = new QuoteBuffers(),
): CheckedPiece[] {
  const checked = pieces.map((p) => checkPiece(p, idx, buffers));
  // Merge runs of pieces with the same kind of source (one original passage, or all from narration nearby).
  const merged: CheckedPiece[] = [];
  for (const c of checked) {
    const prev = merged[merged.length - 1];
    if (prev && samePassage(prev, c)) {
      prev.end = c.end;
      prev.edits.push(...c.edits);
      prev.score = Math.min(prev.score, c.score);
      if (c.status === 'altered') prev.status = 'altered';
      if (prev.source && c.source) {
        const start = Math.min(prev.source.start, c.source.start),
          end = Math.max(prev.source.end, c.source.end);
        prev.source = { start, end, text: idx.text.slice(start, end) };
      }
    } else merged.push(c);
  }
  // A quotation that is one passage keeps its whole span (leading/trailing marks included).
  if (merged.length === 1) {
    merged[0]!.start = quote.start;
    merged[0]!.end = quote.end;
  }
  return merged;
}

function samePassage(a: CheckedPiece, b: CheckedPiece): boolean {
  const kind = (c: CheckedPiece) => (c.status === 'verbatim' || c.status === 'altered' ? 'quoted' : c.status);
  if (kind(a) !== kind(b)) return false;
  if (!a.source || !b.source) return a.status === 'not_in_original' && b.status === 'not_in_original';
  if (a.sourceQuote !== null && a.sourceQuote === b.sourceQuote) return true;
  return b.source.start >= a.source.start && b.source.start - a.source.end <= SAME_PASSAGE_CHARS;
}

function checkPiece(p: Piece, idx: OriginalIndex, buffers: QuoteBuffers): CheckedPiece {
  const edits = p.edits.map((e) => ({ ...e }));
  const { best, bestQuoted } = locate(p.norms, idx, buffers);
  // Very short pieces ("immediately") must match exactly: a shared common word is no evidence of a source.
  const short = p.norms.length < 3;
  const ok = (l: Located | null): l is Located =>
    !!l && (short ? l.exact : l.score >= MIN_SOURCE_SHARE && l.content >= MIN_SOURCE_SHARE);
  let pick: Located | null = null;
  if (ok(bestQuoted) && (!best || bestQuoted.score >= best.score - QUOTED_PREFERENCE)) pick = bestQuoted;
  else if (ok(best)) pick = best;
  if (!pick)
    return {
      start: p.start,
      end: p.end,
      edits,
      status: 'not_in_original',
      source: null,
      sourceQuote: null,
      score: best?.score ?? 0,
    };
  const s = idx.starts[pick.first]!,
    e = idx.ends[pick.last]!;
  const source = { start: s, end: e, text: idx.text.slice(s, e) };
  const status: QuoteStatus = pick.quoted === null ? 'from_narration' : pick.exact ? 'verbatim' : 'altered';
  return { start: p.start, end: p.end, edits, status, source, sourceQuote: pick.quoted, score: pick.score };
}
