import type { ClaimVector, Vocabulary } from '../terms/vocabulary.js';
import type { PairScore } from './pair-score.js';

/**
 * Interpretable features of one claim pair, the inputs of the calibrated pair model (`pair-model.ts`). Each says
 * something the soft similarity alone blurs: whether the shared weight is exact words or only word-vector
 * neighbours (topic words of one subject are each other's neighbours), whether the words come in the same order,
 * whether names and numbers agree, and whether the neighbouring sentences on the diagonal are similar too
 * (derived text aligns in runs; two articles on one subject share words sentence by sentence, not in runs).
 */
export const PAIR_FEATURES = [
  'sim', 'minShare', 'maxShare', 'minContent', 'exactShare', 'bigramShare', 'copied',
  'nameShared', 'nameConflict', 'numberShared', 'numberConflict', 'lengthRatio', 'shortLength', 'diagonal',
] as const;
export type PairFeature = (typeof PAIR_FEATURES)[number];

/** What the features of one pair read: the two claims' terms, their scores, and the diagonal neighbours'. */
export interface PairContext {
  vocab: Vocabulary;
  a: ClaimVector;
  b: ClaimVector;
  score: PairScore;
  copied: boolean;
  /** Best similarity of the pairs before and after this one on the diagonal ((oi−1, ri−1), (oi+1, ri+1)); 0 if none. */
  diagonal: number;
}

/** Writes the features of one pair, in PAIR_FEATURES order, into `out` (no allocation but the bigram sets). */
export function pairFeatures(c: PairContext, out: Float64Array): Float64Array {
  const { vocab, a, b, score } = c;
  const w = vocab.weight;
  // Exact shared weight over the smaller claim's weight: ids are sorted by key on both sides? Not guaranteed, so
  // the shared ids are found through a mark on the smaller claim.
  let wa = 0, wb = 0, shared = 0, namesA = 0, namesB = 0, namesShared = 0, numA = 0, numB = 0, numShared = 0;
  const inA = new Set(a.ids);
  for (const id of a.ids) {
    wa += w[id] ?? 0;
    if (vocab.isName[id]) namesA++;
    if (vocab.isNumber[id]) numA++;
  }
  for (const id of b.ids) {
    const x = w[id] ?? 0;
    wb += x;
    if (vocab.isName[id]) namesB++;
    if (vocab.isNumber[id]) numB++;
    if (inA.has(id)) {
      shared += x;
      if (vocab.isName[id]) namesShared++;
      if (vocab.isNumber[id]) numShared++;
    }
  }
  out[0] = score.sim;
  out[1] = Math.min(score.aInB, score.bInA);
  out[2] = Math.max(score.aInB, score.bInA);
  out[3] = Math.min(score.contentA, score.contentB);
  out[4] = wa > 0 && wb > 0 ? shared / Math.min(wa, wb) : 0;
  out[5] = bigramShare(a.words, b.words);
  out[6] = c.copied ? 1 : 0;
  out[7] = namesShared / Math.max(1, Math.min(namesA, namesB));
  out[8] = namesA && namesB && !namesShared ? 1 : 0;
  out[9] = numShared / Math.max(1, Math.min(numA, numB));
  out[10] = numA && numB && !numShared ? 1 : 0;
  const la = a.words.length, lb = b.words.length;
  out[11] = Math.min(la, lb) / Math.max(1, la, lb);
  out[12] = 1 / (1 + Math.min(la, lb) / 8);
  out[13] = c.diagonal;
  return out;
}

/** Share of the shorter claim's word bigrams that the other claim has too (word order kept, not just words). */
function bigramShare(a: string[], b: string[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 2) return 0;
  const grams = new Set<string>();
  for (let i = 1; i < long.length; i++) grams.add(`${long[i - 1]} ${long[i]}`);
  let hit = 0;
  for (let i = 1; i < short.length; i++) if (grams.has(`${short[i - 1]} ${short[i]}`)) hit++;
  return hit / (short.length - 1);
}
