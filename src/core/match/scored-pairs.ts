import type { ScoredPair } from '../align/links.js';
import type { PairTerms } from '../terms/pair-terms.js';
import { PairScorer, SCORE_FIELDS, StoredPair } from './batch-scorer.js';
import { candidatePairs } from './candidates.js';
import { copiedPairs, type TextShingles } from './copied-runs.js';

/** A repeated sentence's k-th copy on one side is paired with the copies ranked within this distance of k on the
 *  other: enough for a few copies dropped or inserted in between, bounded whatever the number of repeats. */
export const VERBATIM_RANK_WINDOW = 4;

/** What matching reads of each text: its claims' word keys (verbatim copies) and copied-run shingles. */
export interface MatchText {
  wordKeys: string[];
  shingles: TextShingles;
}

/**
 * The candidate claim pairs of a compare, scored. Scores live in one array, each pair a view of its slice
 * (`StoredPair`): one slice per candidate, and one of ones that every rank-paired copy reads.
 * Verbatim copies are evidence on their own, however short ("Yes.", a one-word quote): identical word sequences
 * score 1 whatever their content weight. A sentence repeated on both sides ("Yes.", a refrain) pairs its
 * occurrences in order: the k-th copy in the rewrite with the copies ranked k ± VERBATIM_RANK_WINDOW in the original
 * (symmetric by construction, and O(n·window) pairs instead of every copy with every copy).
 */
export function scoredPairs(
  terms: PairTerms,
  original: MatchText,
  rewrite: MatchText,
  maxPerClaim: number,
): ScoredPair[] {
  const { vocab, original: ov, rewrite: rv } = terms;
  const oKey = original.wordKeys,
    rKey = rewrite.wordKeys;
  const copied = copiedPairs(original.shingles, rewrite.shingles);
  const candidates = candidatePairs(vocab, ov, rv, maxPerClaim);
  const candidateCount = candidates.reduce((n, l) => n + l.length, 0);
  const scorer = new PairScorer(vocab, ov, rv, candidateCount);
  const ones = candidateCount * SCORE_FIELDS;
  const store = new Float64Array(ones + SCORE_FIELDS).fill(1, ones);
  let at = 0;
  const pairs: ScoredPair[] = [];
  const verbatim = new Map<string, number[]>(),
    rewriteRank = new Map<string, number>();
  ov.forEach((v, oi) => {
    if (!v.words.length) return;
    const k = oKey[oi]!;
    let l = verbatim.get(k);
    if (!l) verbatim.set(k, (l = []));
    l.push(oi);
  });
  candidates.forEach((list, ri) => {
    const key = rKey[ri]!;
    const copies = rv[ri]!.words.length ? (verbatim.get(key) ?? []) : [];
    const rank = rewriteRank.get(key) ?? 0;
    if (copies.length) rewriteRank.set(key, rank + 1);
    for (const oi of list) {
      if (copies.length && oKey[oi] === key) continue; // a copy: paired by rank below
      scorer.queue(oi, ri, at);
      pairs.push(new StoredPair(store, at, oi, ri, copied.has(oi * rv.length + ri)));
      at += SCORE_FIELDS;
    }
    for (const oi of copies.slice(Math.max(0, rank - VERBATIM_RANK_WINDOW), rank + VERBATIM_RANK_WINDOW + 1)) {
      pairs.push(new StoredPair(store, ones, oi, ri, true));
    }
  });
  scorer.flush(store);
  return pairs;
}
