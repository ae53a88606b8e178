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
 * Seqs run from 1 to about the number of articles ever stored: while the largest is within DENSE_SEQS_PER_POSTING
 * times the postings read, an article's tally slot is found in an array indexed by seq, else in a Map (a store
 * whose seqs are sparse after many deletes). A check reads tens of thousands of postings over thousands of
 * articles; a Map from seq to tally was most of the ranking's time.
 */
const DENSE_SEQS_PER_POSTING = 64;

interface ReadList {
  list: readonly number[];
  weight: number;
  shingle: boolean;
}

/**
 * `postings` maps each looked-up key to the articles holding it (at most `cap + 1` read: more means too common);
 * `total` is the number of stored articles. Only candidates scoring at least `minScore` are answered.
 */
export function rankCandidates(
  query: readonly QueryKey[],
  postings: ReadonlyMap<number, readonly number[]>,
  total: number,
  cap = POSTINGS_CAP,
  minScore = 0,
): Candidate[] {
  const lists: ReadList[] = [];
  let read = 0,
    maxSeq = 0;
  for (const { key, kind } of query) {
    const list = postings.get(key);
    if (!list || list.length === 0 || list.length > cap) continue;
    const idf = Math.log(1 + Math.max(total, list.length) / list.length);
    const shingle = kind === 'shingle';
    lists.push({ list, weight: shingle ? SHINGLE_WEIGHT * idf : idf, shingle });
    read += list.length;
    for (const seq of list) if (seq > maxSeq) maxSeq = seq;
  }
  // Slots in order of first appearance; each article's weights are added in query order, as one sum.
  const slots = assignSlots(lists, maxSeq, maxSeq <= DENSE_SEQS_PER_POSTING * read);
  const n = slots.seqs.length;
  const scores = new Float64Array(n),
    shingles = new Uint32Array(n),
    terms = new Uint32Array(n);
  let at = 0;
  for (const { list, weight, shingle } of lists) {
    for (let i = 0; i < list.length; i++) {
      const slot = slots.slotOf[at++]!;
      scores[slot] = scores[slot]! + weight;
      if (shingle) shingles[slot] = shingles[slot]! + 1;
      else terms[slot] = terms[slot]! + 1;
    }
  }
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    if (scores[i]! >= minScore)
      out.push({ seq: slots.seqs[i]!, score: scores[i]!, shingles: shingles[i]!, terms: terms[i]! });
  }
  return out.sort((a, b) => b.score - a.score || a.seq - b.seq);
}

/** Each posting's tally slot (`slotOf`, postings in read order) and each slot's seq. */
interface Slots {
  slotOf: Uint32Array;
  seqs: number[];
}

/**
 * Slots in order of first appearance. `dense`: an article's slot is found in an array indexed by seq, else in a
 * Map (one branch per posting, against a Map lookup per posting when the seqs allow the array).
 */
function assignSlots(lists: readonly ReadList[], maxSeq: number, dense: boolean): Slots {
  const byIndex = dense ? new Int32Array(maxSeq + 1).fill(-1) : null;
  const byMap = dense ? null : new Map<number, number>();
  const slotOf = new Uint32Array(lists.reduce((n, l) => n + l.list.length, 0));
  const seqs: number[] = [];
  let at = 0;
  for (const { list } of lists) {
    for (const seq of list) {
      let slot = byIndex ? byIndex[seq]! : (byMap!.get(seq) ?? -1);
      if (slot < 0) {
        slot = seqs.length;
        if (byIndex) byIndex[seq] = slot;
        else byMap!.set(seq, slot);
        seqs.push(seq);
      }
      slotOf[at++] = slot;
    }
  }
  return { slotOf, seqs };
}
