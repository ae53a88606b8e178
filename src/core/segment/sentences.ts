import type { Span } from '../types.js';
import { type Nlp, readTokens } from './nlp.js';
import { isCombiningAt, isLowSurrogateAt, isSpaceChar } from './normalize.js';

/**
 * Sentence boundaries for a whole text from wink-nlp's sentence boundary detection, which knows news
 * abbreviations ("U.S.", "J. D. Vance", "2:18 p.m.") and keeps `.”` with its sentence. wink reports sentences as
 * token ranges; character offsets are rebuilt from each token's `precedingSpaces` and `value` and verified
 * against the text (`tokenOffsets` in segment/nlp.ts), so a token wink altered can never shift a span.
 */

/** Longest sentence kept whole, in UTF-16 units. News sentences rarely pass 500 characters; a longer "sentence"
 * is a list, a table row or text without punctuation, and one huge claim would swamp the aligner. */
export const MAX_SENTENCE_CHARS = 1000;
/** How far back from the cap a clause boundary (; : — , ) is looked for before cutting at a space instead. */
const CLAUSE_LOOKBACK = MAX_SENTENCE_CHARS / 2;
/** Longest run without whitespace searched backwards for a space before cutting hard (CJK, base64, URLs). */
const SPACE_LOOKBACK = 200;

/**
 * Start offsets of the sentences wink finds in `nlpText` (a length-preserving normalisation of the submitted
 * text), ascending. Returns `null` when wink's tokens cannot be mapped onto the text (then the caller falls back).
 * (`segment` takes them from its one read of the text; this is the same for a text alone.)
 */
export function winkSentenceStarts(nlpText: string, nlp: Nlp): number[] | null {
  return readTokens(nlpText, nlp).sentenceStarts;
}

/** Words that start a real sentence even when a typo glued it to the last one ("the end.The next day"). */
export const SENTENCE_OPENERS = new Set([
  'a',
  'an',
  'the',
  'it',
  'its',
  'he',
  'she',
  'we',
  'they',
  'i',
  'you',
  'this',
  'that',
  'these',
  'those',
  'there',
  'but',
  'and',
  'or',
  'so',
  'yet',
  'in',
  'on',
  'at',
  'as',
  'if',
  'when',
  'while',
  'after',
  'before',
  'his',
  'her',
  'their',
  'our',
  'my',
  'one',
  'no',
  'not',
  'for',
  'to',
  'with',
  'by',
  'from',
  'what',
  'who',
]);

/** A lower-case word of three letters or more, then the period: "…in the recent past." of "past.Floods". */
const LOWER_WORD_END = /(?:^|[^\p{L}\p{M}.])\p{Ll}{3,}$/u;

/**
 * True when a sentence start glued to a period with no space ("Caliber.Az", "Yahoo.News") is a domain-like name
 * rather than a typo: wink splits both, but only the typo is a boundary. A typo follows an opener ("end.The")
 * or a plain lower-case word before a capital ("past.Floods"); a name's first part is capitalised, and
 * "www.Example.com" goes on with another dot.
 */
export function isGluedName(text: string, start: number): boolean {
  if (start === 0 || text[start - 1] !== '.' || !/\p{L}/u.test(text[start - 2] ?? '')) return false;
  const word = /^\p{L}+(\.\p{L})?/u.exec(text.slice(start, start + 40));
  if (word === null || SENTENCE_OPENERS.has((word[0] as string).toLowerCase())) return false;
  if (word[1] !== undefined || !/^\p{Lu}/u.test(word[0] as string)) return true;
  return !LOWER_WORD_END.test(text.slice(Math.max(0, start - 41), start - 1));
}

/** End punctuation (with closing quotes/brackets), whitespace, then something that can open a sentence. */
const PLAIN_BOUNDARY = /[.!?…]+["'”’»)\]]*\s+(?=["'“‘«([]?[\p{Lu}\p{N}])/gu;

/**
 * Sentence starts by a plain punctuation rule: the fallback when wink's tokens cannot be mapped onto the text.
 * Deliberately not `Intl.Segmenter`: on Node 20 its time grows faster than linearly with the text (a megabyte of
 * plain prose takes minutes), while this regex is linear.
 */
export function plainSentenceStarts(nlpText: string): number[] {
  const starts = [0];
  PLAIN_BOUNDARY.lastIndex = 0;
  for (let m = PLAIN_BOUNDARY.exec(nlpText); m; m = PLAIN_BOUNDARY.exec(nlpText)) starts.push(m.index + m[0].length);
  return starts;
}

/** Trims whitespace off both ends of `[start, end)`; returns null when nothing is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && isSpaceChar(text[start])) start++;
  while (end > start && isSpaceChar(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** Closing marks wink sometimes leaves at the start of the next sentence (`…more.’” Trump added`). */
const CLOSERS = new Set(['”', '’', '"', "'", '»', '›', ')', ']', '」', '』', '）']);
/** Opening marks that belong to the sentence they open, never to the end of the previous one. */
const OPENERS = new Set(['“', '‘', '«', '‹', '(', '[', '「', '『', '（', '"']);

/**
 * Repairs quote marks at sentence edges: closing marks at the start of a sentence (followed by a space) go back
 * to the sentence they close; an opening mark stranded at the end of a sentence (after a space) goes forward.
 */
export function reattachQuotes(text: string, sentences: Span[]): Span[] {
  // A straight " is both opener and closer: it closes when the sentence before holds an odd number of them.
  const straight = (from: number, to: number) => {
    let n = 0;
    for (let x = from; x < to; x++) if (text[x] === '"') n++;
    return n;
  };
  for (let k = 1; k < sentences.length; k++) {
    const prev = sentences[k - 1] as Span,
      cur = sentences[k] as Span;
    let i = cur.start;
    while (i < cur.end && CLOSERS.has(text[i] as string)) i++;
    const closesStraight = straight(cur.start, i) === 0 || straight(prev.start, prev.end) % 2 === 1;
    if (i > cur.start && (i === cur.end || isSpaceChar(text[i])) && closesStraight) {
      prev.end = i;
      const t = trimSpan(text, i, cur.end);
      if (t) {
        cur.start = t.start;
      } else {
        cur.start = cur.end;
        continue;
      }
    }
    let j = prev.end;
    while (j > prev.start && OPENERS.has(text[j - 1] as string)) j--;
    const opensStraight = straight(j, prev.end) === 0 || straight(prev.start, j) % 2 === 0;
    if (j < prev.end && j > prev.start && isSpaceChar(text[j - 1]) && opensStraight) {
      cur.start = j;
      const t = trimSpan(text, prev.start, j);
      if (t) prev.end = t.end;
      else prev.end = prev.start;
    }
  }
  return sentences.filter((s) => s.end > s.start);
}

/** A quoted question or exclamation that ends in a closing quote mark: `“Is it over?”`. */
const QUOTED_END = /[?!…]+["'”’»]+$/u;

/**
 * Joins `“Is it over?” he asked.`, which wink cuts after the quote: a quoted ? or ! followed by a sentence that
 * starts in lower case is a speech tag, not a new sentence. (Only after a closing quote, so all-lower-case text
 * is never merged wholesale.)
 */
export function joinSpeechTags(text: string, sentences: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (
      prev &&
      /^\p{Ll}/u.test(text[s.start] ?? '') &&
      QUOTED_END.test(text.slice(Math.max(prev.start, prev.end - 8), prev.end))
    ) {
      prev.end = s.end;
    } else out.push({ ...s });
  }
  return out;
}

/** CJK sentence-final marks (wink's English model does not split on them), with any closing brackets after. */
const CJK_END = /[。！？]+[」』”’）)]*/g;

/** Splits a sentence after CJK full stops that are followed by more text. */
export function splitCjk(text: string, s: Span): Span[] {
  const piece = text.slice(s.start, s.end);
  if (!/[。！？]/.test(piece)) return [s];
  const out: Span[] = [];
  let from = s.start;
  CJK_END.lastIndex = 0;
  for (let m = CJK_END.exec(piece); m; m = CJK_END.exec(piece)) {
    const cut = s.start + m.index + m[0].length;
    const t = trimSpan(text, from, cut);
    if (t && cut < s.end) {
      out.push(t);
      from = cut;
    }
  }
  const rest = trimSpan(text, from, s.end);
  if (rest) out.push(rest);
  return out;
}

/** A safe cut position at or before `i`: never inside a surrogate pair or before a combining mark. */
function safeCut(text: string, i: number, floor: number): number {
  while (i > floor && (isLowSurrogateAt(text, i) || isCombiningAt(text, i))) i--;
  return i;
}

/**
 * Cuts a sentence longer than `MAX_SENTENCE_CHARS` into pieces no longer than that: preferably after clause
 * punctuation in the second half of the window, else at the last space, else (no space at all) hard, at a
 * character boundary. Linear in the sentence length.
 */
export function capLength(text: string, s: Span, max = MAX_SENTENCE_CHARS): Span[] {
  const out: Span[] = [];
  let from = s.start;
  while (s.end - from > max) {
    const limit = from + max;
    let cut = -1;
    for (let i = limit; i > limit - CLAUSE_LOOKBACK && i > from; i--) {
      const ch = text[i - 1];
      if ((ch === ';' || ch === ':' || ch === ',' || ch === '—' || ch === '–') && isSpaceChar(text[i])) {
        cut = i;
        break;
      }
    }
    if (cut < 0) {
      for (let i = limit; i > limit - SPACE_LOOKBACK && i > from; i--)
        if (isSpaceChar(text[i])) {
          cut = i;
          break;
        }
    }
    if (cut < 0) cut = safeCut(text, limit, from + 1);
    const t = trimSpan(text, from, cut);
    if (t) out.push(t);
    from = cut;
    const next = trimSpan(text, from, s.end);
    if (!next) return out;
    from = next.start;
  }
  out.push({ start: from, end: s.end });
  return out;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Folds pieces without a letter or digit (a stray `”`, `—`, `***`) into the neighbouring sentence: they carry no
 * claim of their own. A paragraph made only of such pieces keeps them as one sentence.
 */
export function mergeWordless(text: string, sentences: Span[]): Span[] {
  const out: Span[] = [];
  let pendingStart = -1;
  for (const s of sentences) {
    if (!HAS_WORD.test(text.slice(s.start, s.end))) {
      const last = out[out.length - 1];
      if (last) last.end = s.end;
      else if (pendingStart < 0) pendingStart = s.start;
      continue;
    }
    out.push(pendingStart >= 0 ? { start: pendingStart, end: s.end } : { ...s });
    pendingStart = -1;
  }
  if (!out.length && sentences.length) {
    const first = sentences[0] as Span,
      last = sentences[sentences.length - 1] as Span;
    out.push({ start: first.start, end: last.end });
  }
  return out;
}
