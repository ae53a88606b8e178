import type { AlignThresholds } from '../align/align.js';
import type { PairSim, ScoredPair } from '../align/links.js';
import type { EdgeSplitThresholds } from '../classify/edge-split.js';
import type { ReclaimRule } from '../segment/reclaim.js';
import type { ClaimVector, Vocabulary } from '../terms/vocabulary.js';
import { PAIR_FEATURES, PairFeaturizer } from './pair-features.js';
import { belief, type PairModel } from './pair-model.js';

/** What a compare may be given besides its texts and limits. */
export interface CompareResources {
  /** The calibrated pair model (`scripts/fit/`); without it every pair is believed and only similarity decides. */
  pairModel?: PairModel | undefined;
  /** Alignment thresholds that override the defaults and the model's gates (for fitting and ablations). */
  thresholds?: Partial<AlignThresholds> | undefined;
  /** Receives every featured pair of the compare (for fitting the model: `scripts/fit/`); no effect on the answer. */
  observePairs?: ((rows: readonly FeaturedPair[]) => void) | undefined;
  /** Edge-split thresholds that override the fitted ones (`classify/edge-split.ts`; for fitting and ablations). */
  edgeSplit?: Partial<EdgeSplitThresholds> | undefined;
  /** Boilerplate-reclaim rule that overrides the fitted one (`segment/reclaim.ts`; for fitting and ablations). */
  reclaim?: Partial<ReclaimRule> | undefined;
}

/** One candidate pair with its features (PAIR_FEATURES order). */
export interface FeaturedPair {
  oi: number;
  ri: number;
  features: Float64Array;
}

/** Pairs below this similarity get no features and belief 0: every alignment rule asks more (`gap` is the least). */
export const FEATURE_FLOOR = 0.1;

/** Up to this many claim pairs (8 MB) the beliefs are a dense table, else a Map (as the similarities). */
const DENSE_BELIEFS_MAX = 1 << 20;

/**
 * The belief of every scored pair as a look-up by (oi, ri): the model's probability for pairs at FEATURE_FLOOR or
 * above, 0 below it, −1 for pairs not scored; every scored pair 1 without a model. Computed on first look-up (the
 * aligner asks about the few pairs its rules consider, not every candidate); with `observePairs`, for every pair
 * at once.
 */
export function pairBeliefs(
  pairs: readonly ScoredPair[],
  sim: PairSim,
  vocab: Vocabulary,
  ov: ClaimVector[],
  rv: ClaimVector[],
  resources: CompareResources,
): PairSim {
  const { pairModel, observePairs } = resources;
  if (!pairModel && !observePairs) return (oi, ri) => (sim(oi, ri) < 0 ? -1 : 1);
  const key = (oi: number, ri: number) => oi * rv.length + ri;
  // Which pair sits at (oi, ri), and its belief once computed (NaN: not yet): dense up to DENSE_BELIEFS_MAX claim
  // pairs, as `pairSims`, else Maps.
  const dense = ov.length * rv.length <= DENSE_BELIEFS_MAX;
  const cells = ov.length * rv.length;
  const at = dense ? new Int32Array(cells).fill(-1) : null,
    atMap = dense ? null : new Map<number, number>();
  const memo = dense ? new Float64Array(cells).fill(NaN) : null,
    memoMap = dense ? null : new Map<number, number>();
  pairs.forEach((p, k) => {
    if (at) at[key(p.oi, p.ri)] = k;
    else atMap!.set(key(p.oi, p.ri), k);
  });
  const near = (oi: number, ri: number) => (oi < 0 || ri < 0 || oi >= ov.length || ri >= rv.length ? 0 : sim(oi, ri));
  const x = new Float64Array(PAIR_FEATURES.length);
  const featurizer = new PairFeaturizer(vocab);
  const featuresOf = (p: ScoredPair) => {
    const diagonal = Math.max(0, near(p.oi - 1, p.ri - 1), near(p.oi + 1, p.ri + 1));
    return featurizer.features(ov[p.oi]!, rv[p.ri]!, p, p.copied === true, diagonal, x);
  };
  if (observePairs) {
    const rows: FeaturedPair[] = [];
    for (const p of pairs) {
      if (p.sim >= FEATURE_FLOOR) rows.push({ oi: p.oi, ri: p.ri, features: featuresOf(p).slice() });
    }
    observePairs(rows);
  }
  return (oi, ri) => {
    if (oi < 0 || ri < 0 || oi >= ov.length || ri >= rv.length) return -1;
    const k = key(oi, ri),
      i = at ? at[k]! : (atMap!.get(k) ?? -1);
    if (i < 0) return -1;
    const p = pairs[i]!;
    if (p.sim < FEATURE_FLOOR) return 0;
    let b = memo ? memo[k]! : (memoMap!.get(k) ?? NaN);
    if (Number.isNaN(b)) {
      b = pairModel ? belief(pairModel, featuresOf(p)) : 1;
      if (memo) memo[k] = b;
      else memoMap!.set(k, b);
    }
    return b;
  };
}
