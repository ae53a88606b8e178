import { hash52 } from './hash.js';
import { words } from './words.js';

/**
 * What the candidate index keeps of an article, and what a check looks up (Broder's shingles for copying,
 * rare shared terms for paraphrase):
 * - shingles: hashes of every run of SHINGLE_WORDS words, kept when the hash is 0 mod SHINGLE_SAMPLE. The same
 *   rule on both sides keeps the same shingles of a copied passage, so a copied run of ~40 words or more shares
 *   keys whatever surrounds it ("0 mod p" sampling: Schleimer, Wilkerson & Aiken 2003).
 * - terms: a stored article keeps its STORED_TERMS rarest content words (rarity from the lexicon's frequency
 *   ranks); a check looks up up to QUERY_TERMS of its own. Names, places and specific nouns survive paraphrase and
 *   summary where word runs do not.
 */
export const SHINGLE_WORDS = 5;
export const SHINGLE_SAMPLE = 8;
export const STORED_TERMS = 32;
export const QUERY_TERMS = 300;
/** Words at least this rare (background IDF; rank ~1,000 of English) are terms: below it they are everyday words. */
export const MIN_TERM_RARITY = 3;

/** Background rarity of a word (Zipf IDF from its frequency rank); injected so this module reads no files. */
export type Rarity = (word: string) => number;

/** Zipf IDF, log(1 + (rank + 1) / 50), as the compare's vocabulary weighs words; unknown words are the rarest. */
export function rarityFromRanks(rank: ReadonlyMap<string, number>, size: number): Rarity {
  return (word) => Math.log(1 + ((rank.get(word) ?? size) + 1) / 50);
}

export type KeyKind = 'shingle' | 'term';

export interface QueryKey {
  key: number;
  kind: KeyKind;
}

/** Plural and third-person -s folded, so "sanctions" meets "sanction" (a light stem: precision comes later). */
export function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

function shingleKeys(ws: readonly string[]): number[] {
  const keys = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= ws.length; i++) {
    const k = hash52(`s ${ws.slice(i, i + SHINGLE_WORDS).join(' ')}`);
    if (k % SHINGLE_SAMPLE === 0) keys.add(k);
  }
  return [...keys];
}

/** Content terms by rarity × (1 + ln tf), rarest first; ties by the term itself so the order is stable. */
function rankedTerms(ws: readonly string[], rarity: Rarity): string[] {
  const tf = new Map<string, number>();
  for (const w of ws) {
    if (!isTermWord(w)) continue;
    const s = stem(w);
    tf.set(s, (tf.get(s) ?? 0) + 1);
  }
  const scored: [string, number][] = [];
  for (const [t, n] of tf) {
    const r = rarity(t);
    if (r >= MIN_TERM_RARITY) scored.push([t, r * (1 + Math.log(n))]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return scored.map(([t]) => t);
}

/** A content term: not too short, not a number, and rare enough in English to say something specific. */
export function isTermWord(w: string): boolean {
  return w.length >= 3 && !/^\d+$/.test(w);
}

/** The index key of a (stemmed) term. */
export const termKey = (t: string) => hash52(`t ${t}`);

/** The keys the index stores for an article. */
export function storedKeys(text: string, rarity: Rarity): number[] {
  return storedKeysOfWords(words(text), rarity);
}

/** `storedKeys` of a text already read into words. */
export function storedKeysOfWords(ws: readonly string[], rarity: Rarity): number[] {
  const keys = new Set(shingleKeys(ws));
  for (const t of rankedTerms(ws, rarity).slice(0, STORED_TERMS)) keys.add(termKey(t));
  return [...keys];
}

/** The keys a check looks up, each with its kind (they weigh differently when candidates are ranked). */
export function queryKeys(text: string, rarity: Rarity): QueryKey[] {
  return queryKeysOfWords(words(text), rarity);
}

/** `queryKeys` of a text already read into words. */
export function queryKeysOfWords(ws: readonly string[], rarity: Rarity, terms = QUERY_TERMS): QueryKey[] {
  const out: QueryKey[] = shingleKeys(ws).map((key) => ({ key, kind: 'shingle' }));
  const seen = new Set(out.map((k) => k.key));
  for (const t of rankedTerms(ws, rarity).slice(0, terms)) {
    const key = termKey(t);
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ key, kind: 'term' });
    }
  }
  return out;
}

/** Without a lexicon (not built): longer words count as rarer, so names and specific nouns still lead. */
export const rarityWithoutLexicon: Rarity = (word) => Math.min(8, word.length / 2);
