import type { ClaimVector, Vocabulary } from './similarity.js';

/** Below this many claim pairs every pair is scored: the index is only an optimisation for long texts. */
export const EXHAUSTIVE_PAIRS = 40_000;
/** On long texts at most this many candidates per claim are scored in full (≤ maxCandidatesPerClaim): the
 *  index ranks by shared rare-term weight, and a derived claim's source is among the first few. */
export const INDEX_CANDIDATES = 10;
/** A term in more than this share of one side's claims is too common to propose candidates (it still scores). */
export const COMMON_TERM_SHARE = 0.05;

/**
 * Candidate original claims for each rewrite claim, without comparing every sentence with every sentence on
 * long texts: an inverted index from term id to the original claims containing it; a rewrite claim's
 * candidates are the original claims sharing its rarest terms, ranked by the summed weight of the shared
 * terms, capped at `maxPerClaim`. Terms present in more than COMMON_TERM_SHARE of the claims (min 20) are not
 * indexed: they are what every sentence of the topic shares. Cost O(Σ postings) ≈ linear in text length.
 * Short texts (≤ EXHAUSTIVE_PAIRS pairs) get every pair, so a paraphrase that shares no word is still scored.
 */
export function candidatePairs(vocab: Vocabulary, original: ClaimVector[], rewrite: ClaimVector[], maxPerClaim: number): number[][] {
  if (original.length * rewrite.length <= EXHAUSTIVE_PAIRS) return rewrite.map(() => original.map((_, i) => i));
  const postings = new Map<number, number[]>();
  original.forEach((c, oi) => { for (const id of c.ids) { let p = postings.get(id); if (!p) postings.set(id, p = []); p.push(oi); } });
  const cap = Math.max(20, Math.ceil(COMMON_TERM_SHARE * original.length));
  return rewrite.map((c) => {
    const acc = new Map<number, number>();
    for (const id of c.ids) {
      const p = postings.get(id);
      if (!p || p.length > cap) continue;
      const w = vocab.weight[id] ?? 0;
      for (const oi of p) acc.set(oi, (acc.get(oi) ?? 0) + w);
    }
    return [...acc].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, Math.min(maxPerClaim, INDEX_CANDIDATES)).map(([oi]) => oi).sort((a, b) => a - b);
  });
}
