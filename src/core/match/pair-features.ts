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
  'sim',
  'minShare',
  'maxShare',
  'minContent',
  'exactShare',
  'bigramShare',
  'copied',
  'nameShared',
  'nameConflict',
  'numberShared',
  'numberConflict',
  'lengthRatio',
  'shortLength',
  'diagonal',
] as const;
export type PairFeature = (typeof PAIR_FEATURES)[number];

/**
 * Features of the pairs of one compare. What depends on one claim alone (its weight total, name and number counts,
 * word bigrams) is computed once per claim, on first use; a pair then costs a pass over both claims' terms and
 * the shorter claim's bigrams, with no allocation.
 */
export class PairFeaturizer {
  private readonly stamp: Int32Array;
  private round = 0;
  private readonly stats = new Map<ClaimVector, ClaimStats>();

  constructor(private readonly vocab: Vocabulary) {
    this.stamp = new Int32Array(vocab.keys.length);
  }

  /**
   * Writes the features of the pair (a, b), in PAIR_FEATURES order, into `out`.
   * @param diagonal best similarity of the pairs before and after this one on the diagonal ((oi−1, ri−1),
   *   (oi+1, ri+1)), 0 if none
   */
  features(
    a: ClaimVector,
    b: ClaimVector,
    score: PairScore,
    copied: boolean,
    diagonal: number,
    out: Float64Array,
  ): Float64Array {
    const { vocab, stamp } = this;
    const w = vocab.weight,
      sa = this.statsOf(a),
      sb = this.statsOf(b);
    const r = ++this.round;
    for (const id of a.ids) stamp[id] = r;
    let shared = 0,
      namesShared = 0,
      numShared = 0;
    for (const id of b.ids) {
      if (stamp[id] !== r) continue;
      shared += w[id] ?? 0;
      if (vocab.isName[id]) namesShared++;
      if (vocab.isNumber[id]) numShared++;
    }
    out[0] = score.sim;
    out[1] = Math.min(score.aInB, score.bInA);
    out[2] = Math.max(score.aInB, score.bInA);
    out[3] = Math.min(score.contentA, score.contentB);
    out[4] = sa.weight > 0 && sb.weight > 0 ? shared / Math.min(sa.weight, sb.weight) : 0;
    out[5] = bigramShare(sa, sb);
    out[6] = copied ? 1 : 0;
    out[7] = namesShared / Math.max(1, Math.min(sa.names, sb.names));
    out[8] = sa.names && sb.names && !namesShared ? 1 : 0;
    out[9] = numShared / Math.max(1, Math.min(sa.numbers, sb.numbers));
    out[10] = sa.numbers && sb.numbers && !numShared ? 1 : 0;
    const la = a.words.length,
      lb = b.words.length;
    out[11] = Math.min(la, lb) / Math.max(1, la, lb);
    out[12] = 1 / (1 + Math.min(la, lb) / 8);
    out[13] = diagonal;
    return out;
  }

  private statsOf(c: ClaimVector): ClaimStats {
    let s = this.stats.get(c);
    if (!s) {
      const { vocab } = this;
      let weight = 0,
        names = 0,
        numbers = 0;
      for (const id of c.ids) {
        weight += vocab.weight[id] ?? 0;
        if (vocab.isName[id]) names++;
        if (vocab.isNumber[id]) numbers++;
      }
      // Bigrams as numbers (a hash of each word, two to a key below 2^53): no string is built per bigram.
      const list: number[] = [];
      let prev = c.words.length ? wordHash(c.words[0]!) : 0;
      for (let i = 1; i < c.words.length; i++) {
        const h = wordHash(c.words[i]!);
        list.push(prev * BIGRAM_SHIFT + (h & (BIGRAM_SHIFT - 1)));
        prev = h;
      }
      s = { weight, names, numbers, bigrams: list, bigramSet: new Set(list) };
      this.stats.set(c, s);
    }
    return s;
  }
}

interface ClaimStats {
  weight: number;
  names: number;
  numbers: number;
  bigrams: number[];
  bigramSet: Set<number>;
}

/** 2^21: a bigram's key is the first word's 32-bit hash times this plus the second's low 21 bits (below 2^53). */
const BIGRAM_SHIFT = 2_097_152;

/** FNV-1a over a word's UTF-16 units, unsigned 32 bits. */
function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Share of the shorter claim's word bigrams that the other claim has too (word order kept, not just words). */
function bigramShare(a: ClaimStats, b: ClaimStats): number {
  const [short, long] = a.bigrams.length <= b.bigrams.length ? [a, b] : [b, a];
  if (!short.bigrams.length) return 0;
  let hit = 0;
  for (const g of short.bigrams) if (long.bigramSet.has(g)) hit++;
  return hit / short.bigrams.length;
}
