import type { QueryKey } from './signature.js';

/**
 * Ranks stored articles by the keys they share with a checked text, each key weighted by how rarely the store holds
 * it (IDF over the store's own postings) and copied word runs above shared terms. Only the first few candidates get
 * the full compare, so this order decides what a check can find.
 */

/** Postings read per key: a key held by more articles says little about any of them and costs a long read. */
export const POSTINGS_CAP = 500;
/** A shared shingle (a copied run of words) against a shared rare term. */
export const SHINGLE_WEIGHT = 4;

export interface Candidate {
  /** The stored article's sequence number (the store's internal key). */
  seq: number;
  score: number;
  /** Shared shingles and shared terms. */
  shingles: number;
  terms: number;
}

/**
 * `postings` maps each looked-up key to the articles holding it (at most `cap + 1` read: more means too common);
 * `total` is the number of stored articles.
 */
export function rankCandidates(
  query: readonly QueryKey[],
  postings: ReadonlyMap<number, readonly number[]>,
  total: number,
  cap = POSTINGS_CAP,
): Candidate[] {
  const bySeq = new Map<number, Candidate>();
  for (const { key, kind } of query) {
    const list = postings.get(key);
    if (!list || list.length === 0 || list.length > cap) continue;
    const idf = Math.log(1 + Math.max(total, list.length) / list.length);
    const weight = kind === 'shingle' ? SHINGLE_WEIGHT * idf : idf;
    for (const seq of list) {
      let c = bySeq.get(seq);
      if (!c) bySeq.set(seq, (c = { seq, score: 0, shingles: 0, terms: 0 }));
      c.score += weight;
      if (kind === 'shingle') c.shingles++;
      else c.terms++;
    }
  }
  return [...bySeq.values()].sort((a, b) => b.score - a.score || a.seq - b.seq);
}
