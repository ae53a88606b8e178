import { checkPairModel, type PairModel } from '../core/match/pair-model.js';
import weights from './pair-model.json' with { type: 'json' };

/**
 * The pair model fitted by `scripts/fit/fit.ts` (weights, gates and the fingerprints of the script and data that
 * produced them), shipped with the package and checked against this build's features once, at import. The core
 * never reads it: `createComparer` is given it (`src/default-comparer.ts`).
 */
const model: PairModel = checkPairModel(weights);

export function defaultPairModel(): PairModel {
  return model;
}
