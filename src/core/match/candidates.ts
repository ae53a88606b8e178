import type { ClaimVector, Vocabulary } from '../terms/vocabulary.js';

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
export function candidatePairs(
  vocab: Vocabulary,
  original: ClaimVector[],
  rewrite: ClaimVector[],
  maxPerClaim: number,
): number[][] {
  if (original.length * rewrite.length <= EXHAUSTIVE_PAIRS) return rewrite.map(() => original.map((_, i) => i));
  const postings = new Map<number, number[]>();
  original.forEach((c, oi) => {
    for (const id of c.ids) {
      let p = postings.get(id);
      if (!p) postings.set(id, (p = []));
      p.push(oi);
    }
  });
  const cap = Math.max(20, Math.ceil(COMMON_TERM_SHARE * original.length));
  const k = Math.min(maxPerClaim, INDEX_CANDIDATES);
  // Accumulators reused across rewrite claims (stamped rather than cleared): a Map per claim and a sort of every
  // touched claim were most of the index's cost on long texts (each common term touches up to `cap` claims).
  const score = new Float64Array(original.length),
    seen = new Int32Array(original.length).fill(-1);
  const touched: number[] = [];
  const topIdx: number[] = [],
    topScore: number[] = [];
  return rewrite.map((c, ri) => {
    touched.length = 0;
    for (const id of c.ids) {
      const p = postings.get(id);
      if (!p || p.length > cap) continue;
      const w = vocab.weight[id] ?? 0;
      for (const oi of p) {
        if (seen[oi] !== ri) {
          seen[oi] = ri;
          score[oi] = 0;
          touched.push(oi);
        }
        score[oi]! += w;
      }
    }
    // The k best by (score descending, index ascending): the same set a full sort would keep, by insertion
    // into a short sorted list.
    topIdx.length = 0;
    topScore.length = 0;
    for (const oi of touched) {
      const s = score[oi]!;
      let pos = topIdx.length;
      while (pos > 0 && (topScore[pos - 1]! < s || (topScore[pos - 1] === s && topIdx[pos - 1]! > oi))) pos--;
      if (pos >= k) continue;
      topIdx.splice(pos, 0, oi);
      topScore.splice(pos, 0, s);
      if (topIdx.length > k) {
        topIdx.pop();
        topScore.pop();
      }
    }
    return topIdx.slice().sort((a, b) => a - b);
  });
}
