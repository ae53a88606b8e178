import { PAIR_FEATURES } from './pair-features.js';

/**
 * The calibrated pair model: a logistic regression over the standardised features of `pair-features.ts`, fitted
 * by `scripts/fit/` on the development corpora (cross-validated) and committed as a few hundred bytes of weights.
 * It is a resource like the lexicon: loaded outside the core and passed in, never read from disk here.
 * `belief` is the probability that two claims carry the same content.
 */
export interface PairModel {
  /** The feature names in the order of `mean`, `scale` and `coef` (must be PAIR_FEATURES). */
  features: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  coef: readonly number[];
  intercept: number;
  /** The least belief each alignment rule asks of a pair (see `AlignThresholds`' belief gates). */
  gates: Readonly<Record<string, number>>;
}

/** Whether `m` is a pair model for this build's features (a model fitted on other features is refused). */
export function checkPairModel(m: PairModel): PairModel {
  const n = PAIR_FEATURES.length;
  if (m.features.length !== n || m.features.some((f, i) => f !== PAIR_FEATURES[i])) {
    throw new Error(
      `pair model features [${m.features.join(', ')}] are not this build's ` + `[${PAIR_FEATURES.join(', ')}]`,
    );
  }
  if (m.mean.length !== n || m.scale.length !== n || m.coef.length !== n) {
    throw new Error('pair model: wrong number of weights');
  }
  return m;
}

/** The model's belief for one pair's features. */
export function belief(m: PairModel, x: Float64Array): number {
  let z = m.intercept;
  for (let i = 0; i < m.coef.length; i++) z += m.coef[i]! * ((x[i]! - m.mean[i]!) / m.scale[i]!);
  return 1 / (1 + Math.exp(-z));
}
