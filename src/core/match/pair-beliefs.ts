import type { ClaimVector, Vocabulary } from '../terms/vocabulary.js';
import type { PairSim, ScoredPair } from '../align/links.js';
import type { AlignThresholds } from '../align/align.js';
import { PAIR_FEATURES, pairFeatures } from './pair-features.js';
import { belief, type PairModel } from './pair-model.js';

/** What a compare may be given besides its texts and limits. */
export interface CompareResources {
  /** The calibrated pair model (`scripts/fit/`); without it every pair is believed and only similarity decides. */
  pairModel?: PairModel | undefined;
  /** Alignment thresholds that override the defaults and the model's gates (for fitting and ablations). */
  thresholds?: Partial<AlignThresholds> | undefined;
  /** Receives every featured pair of the compare (for fitting the model: `scripts/fit/`); no effect on the answer. */
  observePairs?: ((rows: readonly FeaturedPair[]) => void) | undefined;
}

/** One candidate pair with its features (PAIR_FEATURES order). */
export interface FeaturedPair {
  oi: number;
  ri: number;
  features: Float64Array;
}

/** Pairs below this similarity get no features and belief 0: every alignment rule asks more (`gap` is the least). */
export const FEATURE_FLOOR = 0.1;

/**
 * The belief of every scored pair as a look-up by (oi, ri): the model's probability for pairs at FEATURE_FLOOR or
 * above, 0 below it, −1 for pairs not scored; every scored pair 1 without a model.
 */
export function pairBeliefs(pairs: readonly ScoredPair[], sim: PairSim, vocab: Vocabulary, ov: ClaimVector[], rv: ClaimVector[],
  resources: CompareResources): PairSim {
  const { pairModel, observePairs } = resources;
  if (!pairModel && !observePairs) return (oi, ri) => (sim(oi, ri) < 0 ? -1 : 1);
  const key = (oi: number, ri: number) => oi * rv.length + ri;
  const values = new Map<number, number>();
  const rows: FeaturedPair[] = [];
  const x = new Float64Array(PAIR_FEATURES.length);
  for (const p of pairs) {
    if (p.sim < FEATURE_FLOOR) continue;
    const diagonal = Math.max(0, oneOf(sim, p.oi - 1, p.ri - 1, ov.length, rv.length), oneOf(sim, p.oi + 1, p.ri + 1, ov.length, rv.length));
    pairFeatures({ vocab, a: ov[p.oi]!, b: rv[p.ri]!, score: p, copied: p.copied === true, diagonal }, x);
    if (observePairs) rows.push({ oi: p.oi, ri: p.ri, features: x.slice() });
    values.set(key(p.oi, p.ri), pairModel ? belief(pairModel, x) : 1);
  }
  observePairs?.(rows);
  return (oi, ri) => {
    const s = sim(oi, ri);
    return s < 0 ? -1 : values.get(key(oi, ri)) ?? 0;
  };
}

const oneOf = (sim: PairSim, oi: number, ri: number, o: number, r: number) => (oi < 0 || ri < 0 || oi >= o || ri >= r ? 0 : sim(oi, ri));
