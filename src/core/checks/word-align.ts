import { ALNUM_ASCII, codePointAt, isLetterOrDigit, isUpper, widthOf } from '../segment/chars.js';

/**
 * Word alignment inside one aligned sentence pair: which words of the original stand in the same order in the
 * rewrite (the backbone, a weighted longest common subsequence) and, for every other word, the gap of the backbone
 * it sits in. The fact checks read changes off it: a word that left its gap for another, a name standing where a
 * different name stood, a negator or modal with no counterpart in its place.
 */

/** One word of a sentence. */
export interface Word {
  /** Lower-cased, contractions expanded (`n't` → `not`, `won` of won't → `will`), possessive `'s` its own word. */
  key: string;
  start: number;
  end: number;
  /** Written with a capital or digits: a name or a number (they weigh less in the backbone, see `weight`). */
  named: boolean;
}

/** Two words' alignment: for each word, its partner's index on the other side (−1: none) and its backbone gap. */
export interface WordAlignment {
  o: Word[];
  r: Word[];
  /** Partner of each original word in the rewrite, or −1. */
  oPartner: Int32Array;
  rPartner: Int32Array;
  /** Gap of each word: how many backbone words precede it on its side (a backbone word has the gap after it). */
  oGap: Int32Array;
  rGap: Int32Array;
}

/** Sentences longer than this (in words) are not word-aligned: the table is quadratic in their lengths. */
export const MAX_ALIGNED_WORDS = 160;

/** Contracted forms whose first part is not the full word: the negated auxiliaries ("won't" is "will not"). */
const NEGATED_STEMS = new Map(Object.entries({ wo: 'will', ca: 'can', sha: 'shall', ai: 'is' }));
/** Enclitics after an apostrophe and the word each stands for. */
const CLITICS = new Map(Object.entries({ s: "'s", ll: 'will', re: 'are', ve: 'have', d: 'would', m: 'am' }));

const isApostrophe = (c: number) => c === 0x27 || c === 0x2019;

/**
 * The words of `text[start, end)`: runs of letters and digits, an apostrophe inside a word splitting off its clitic
 * ("doesn’t" → does, not; "Graham’s" → graham, 's), "cannot" as can, not. Hyphenated words are split.
 */
export function sentenceWords(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  // The width of the letter or digit at i, else 0 (ASCII by table: news copy is mostly ASCII).
  const wordUnit = (i: number) => {
    const u = text.charCodeAt(i);
    if (u < 128) return ALNUM_ASCII[u] ? 1 : 0;
    const c = codePointAt(text, i, end);
    return isLetterOrDigit(c) ? widthOf(c) : 0;
  };
  for (let i = start; i < end; ) {
    let k = wordUnit(i);
    if (!k) {
      i += widthOf(codePointAt(text, i, end));
      continue;
    }
    const s = i;
    while (i < end && (k = wordUnit(i))) i += k;
    let c: number;
    const first = text.charCodeAt(s);
    const named =
      first < 128 ? (first >= 65 && first <= 90) || (first >= 48 && first <= 57) : isUpper(codePointAt(text, s, end));
    let word = text.slice(s, i).toLowerCase();
    // A clitic after an apostrophe: "n't" is read back from the word's end ("doesn" + "t").
    if (i + 1 < end && isApostrophe(text.charCodeAt(i)) && wordUnit(i + 1)) {
      let j = i + 1;
      while (j < end && (c = wordUnit(j))) j += c;
      const clitic = text.slice(i + 1, j).toLowerCase();
      if (clitic === 't' && word.endsWith('n') && word.length > 1) {
        const stem = word.slice(0, -1);
        out.push({ key: NEGATED_STEMS.get(stem) ?? stem, start: s, end: i - 1, named });
        out.push({ key: 'not', start: i - 1, end: j, named: false });
        i = j;
        continue;
      }
      const full = CLITICS.get(clitic);
      if (full) {
        out.push({ key: word, start: s, end: i, named }, { key: full, start: i, end: j, named: false });
        i = j;
        continue;
      }
    }
    if (word === 'cannot') {
      out.push({ key: 'can', start: s, end: s + 3, named }, { key: 'not', start: s + 3, end: i, named: false });
      continue;
    }
    if (word.endsWith('’') || word.endsWith("'")) word = word.slice(0, -1);
    // "US" is the country, not the pronoun.
    if (word === 'us' && text.charCodeAt(s) === 0x55 && text.charCodeAt(s + 1) === 0x53) word = 'u.s';
    out.push({ key: word, start: s, end: i, named });
  }
  return out;
}

/**
 * A word's weight in the backbone: a name or number word weighs a fifth of another word (a name of up to four
 * words weighs less than one relating word). Where two orders tie, the backbone then
 * keeps the words that relate the names (the verb, "of", "between") and leaves the names to move: "Russia attacked
 * Ukraine" / "Ukraine attacked Russia" keeps "attacked", and both names are seen changing places.
 */
const weight = (w: Word) => (w.named ? 1 : 5);

/** The word alignment of two sentences (null when one is longer than `MAX_ALIGNED_WORDS`). */
export function alignWords(o: Word[], r: Word[]): WordAlignment | null {
  const n = o.length,
    m = r.length;
  if (n > MAX_ALIGNED_WORDS || m > MAX_ALIGNED_WORDS) return null;
  const oPartner = new Int32Array(n).fill(-1),
    rPartner = new Int32Array(m).fill(-1);
  // A common head and tail are aligned as they stand (a weighted LCS with weights that depend on the word alone
  // can always take them), and the table covers only what lies between.
  let lo = 0,
    hi = 0;
  while (lo < n && lo < m && o[lo]!.key === r[lo]!.key) {
    oPartner[lo] = lo;
    rPartner[lo] = lo;
    lo++;
  }
  while (hi < n - lo && hi < m - lo && o[n - 1 - hi]!.key === r[m - 1 - hi]!.key) {
    oPartner[n - 1 - hi] = m - 1 - hi;
    rPartner[m - 1 - hi] = n - 1 - hi;
    hi++;
  }
  const N = n - lo - hi,
    M = m - lo - hi;
  if (N > 0 && M > 0) {
    // The middles' words as numbers (a word of the rewrite not in the original: −1), their weights beside them.
    const ids = new Map<string, number>(),
      oi = new Int32Array(N),
      ri = new Int32Array(M),
      ow = new Int32Array(N);
    for (let i = 0; i < N; i++) {
      const k = o[lo + i]!.key;
      let id = ids.get(k);
      if (id === undefined) ids.set(k, (id = ids.size));
      oi[i] = id;
      ow[i] = weight(o[lo + i]!);
    }
    for (let j = 0; j < M; j++) ri[j] = ids.get(r[lo + j]!.key) ?? -1;
    // Weighted LCS table of the middles, row-major (N + 1) × (M + 1).
    const w = M + 1,
      t = new Int32Array((N + 1) * w);
    for (let i = N - 1; i >= 0; i--) {
      const row = i * w,
        next = row + w,
        id = oi[i]!,
        wt = ow[i]!;
      for (let j = M - 1; j >= 0; j--) {
        const skip = Math.max(t[next + j]!, t[row + j + 1]!);
        t[row + j] = ri[j] === id ? Math.max(skip, t[next + j + 1]! + wt) : skip;
      }
    }
    for (let i = 0, j = 0; i < N && j < M; ) {
      const here = t[i * w + j]!;
      if (oi[i] === ri[j] && here === t[(i + 1) * w + j + 1]! + ow[i]!) {
        oPartner[lo + i] = lo + j;
        rPartner[lo + j] = lo + i;
        i++;
        j++;
      } else if (here === t[(i + 1) * w + j]!) i++;
      else j++;
    }
  }
  return { o, r, oPartner, rPartner, oGap: gaps(oPartner), rGap: gaps(rPartner) };
}

function gaps(partner: Int32Array): Int32Array {
  const out = new Int32Array(partner.length);
  let g = 0;
  for (let i = 0; i < partner.length; i++) {
    if (partner[i]! >= 0) g++;
    out[i] = g;
  }
  return out;
}

/** The index of the word covering `offset` (or the first word after it), or −1. */
export function wordAt(words: Word[], offset: number): number {
  let lo = 0,
    hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < words.length ? lo : -1;
}
