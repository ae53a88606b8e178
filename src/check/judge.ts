import { type Derivation, derivationFrom } from '../core/compare.js';
import type { CompareResult, Verdict } from '../core/types.js';
import { PASSAGE_WINDOW } from '../retrieve/passage.js';

/**
 * Whether a compared candidate is a source of the checked article. The compare's verdict weighs the whole of both
 * texts, so a source whose passage sits inside a much longer article comes out `independent` (on the PAN dev pairs
 * it called 3% of reused sources derived), while two short same-topic texts sharing two sentences come out derived.
 * A check asks for the evidence of a passage instead, fitted on the PAN 2013 dev pairs (every source stored, every
 * suspicious document checked; no-reuse documents flagged at most 2%, two folds agreeing within a few points):
 * - the compare finds it derived, with at least MIN_ALIGNED claims of the checked article aligned to it; or
 * - at least MIN_ALIGNED claims aligned and at least MIN_PASSAGE_COVERAGE of the source carried; or
 * - they share at least MIN_COPIED_SHINGLES sampled word runs and MIN_COPIED_ALIGNED aligned claims (copying;
 *   one aligned claim alone is a shared quotation in two reports of one story, as in seeds 000 and 003); or
 * - their narrations share a run of at least `minCopiedRun` words (`retrieve/narration-runs.ts`) and
 *   MIN_COPIED_ALIGNED aligned claims: copying that obfuscation broke into runs too short for the sampled
 *   shingles (PAN 2013's random obfuscation), while two same-story reports share a name-laden phrase of up to 9
 *   words (seeds 000 and 003: "Ukraine peace talks, U.S. President Donald Trump is") with one claim aligned; or
 * - one passage of the checked article is a summary of it (`summaryScore`).
 */
export const MIN_ALIGNED = 3;
export const MIN_PASSAGE_COVERAGE = 0.1;
export const MIN_COPIED_SHINGLES = 2;
export const MIN_COPIED_ALIGNED = 2;
/**
 * A summary (`retrieve/passage.ts`) keeps a story's specific terms but few of its sentences: the compare aligns
 * none to three of its claims, and an article on the same story (PAN 2013's summary pairs without a reuse case are
 * such articles) shares as many terms. The test: the candidate the index ranks first (the stored article closest to
 * the checked one) whose passage score, plus SUMMARY_ALIGNED_WEIGHT for each claim the compare aligns (up to
 * SUMMARY_ALIGNED_CAP), reaches MIN_SUMMARY_SCORE, and whose terms make up at least MIN_SUMMARY_PRECISION of that
 * passage's term weight. A few aligned claims separate a summary from a same-story article better than more shared
 * terms do, and a same-story article names terms of its own among the shared ones: on the PAN dev pairs the
 * precision lets the weight rise from 2 to 4 without giving a source to two more documents without reuse. Weight,
 * threshold, precision and passage length, and the copied run, are fitted by `scripts/fit-passage.ts` on the PAN
 * 2013 dev pairs (2-fold cross-validation); the fit ties copied runs of 6, 8 and none at these values, and 8 is
 * kept: copying with two aligned claims is a source.
 */
export interface JudgeRule {
  alignedWeight: number;
  minScore: number;
  /** Least shared narration run (words) that, with MIN_COPIED_ALIGNED aligned claims, shows copying. */
  minCopiedRun: number;
  /** Words in a passage (`retrieve/passage.ts`): the passage score and its threshold are fitted together. */
  passageWindow: number;
  /** Least share of the summary passage's term weight the candidate holds (`PassageEvidence.precision`). */
  minPrecision: number;
}
export const SUMMARY_ALIGNED_WEIGHT = 4;
export const MIN_SUMMARY_SCORE = 16;
export const SUMMARY_ALIGNED_CAP = 3;
export const MIN_COPIED_RUN = 8;
export const MIN_SUMMARY_PRECISION = 0.45;
export const JUDGE_RULE: JudgeRule = {
  alignedWeight: SUMMARY_ALIGNED_WEIGHT,
  minScore: MIN_SUMMARY_SCORE,
  minCopiedRun: MIN_COPIED_RUN,
  passageWindow: PASSAGE_WINDOW,
  minPrecision: MIN_SUMMARY_PRECISION,
};

/** What the candidate index says of a compared candidate, besides the compare. */
export interface IndexEvidence {
  /** Sampled word runs shared with the checked article. */
  shingles: number;
  /** Its passage score and that passage's precision, and whether the index ranks it first of those compared. */
  passage: number;
  precision: number;
  first: boolean;
  /** The longest run of words its narration shares with the checked article's. */
  run: number;
}

/** What the compare of a candidate says (`Comparer.derive`, or read from a full compare's summary). */
export function derivationOf(result: CompareResult): Derivation {
  return derivationFrom(result.summary, result.summary.attribution);
}

/** The summary test's score: passage score plus the weighted aligned claims (capped). */
export function summaryScore(
  passage: number,
  aligned: number,
  rule: Pick<JudgeRule, 'alignedWeight'> = JUDGE_RULE,
): number {
  return passage + rule.alignedWeight * Math.min(aligned, SUMMARY_ALIGNED_CAP);
}

/** The source verdict: the compare's when the evidence agrees, partially derived for a carried passage. */
export function sourceVerdict(
  derivation: Pick<Derivation, 'verdict' | 'coverage' | 'aligned'>,
  evidence: IndexEvidence,
  rule: JudgeRule = JUDGE_RULE,
): Verdict {
  const { verdict, coverage, aligned } = derivation;
  if (verdict !== 'independent' && aligned >= MIN_ALIGNED) return verdict;
  if (
    (aligned >= MIN_ALIGNED && coverage >= MIN_PASSAGE_COVERAGE) ||
    (evidence.shingles >= MIN_COPIED_SHINGLES && aligned >= MIN_COPIED_ALIGNED) ||
    (evidence.run >= rule.minCopiedRun && aligned >= MIN_COPIED_ALIGNED) ||
    (evidence.first &&
      summaryScore(evidence.passage, aligned, rule) >= rule.minScore &&
      evidence.precision >= rule.minPrecision)
  ) {
    return verdict === 'independent' ? 'partially_derived' : verdict;
  }
  return 'independent';
}
