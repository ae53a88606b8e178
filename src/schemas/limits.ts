/** Explicit resource limits of one compare; the core stops work at these rather than running away. */
export interface CompareLimits {
  /** Maximum characters per side. */
  maxChars: number;
  /**
   * Longest edit script (in words) a word diff explores, passed to `diff`'s `maxEditLength`: bounds each diff at
   * O((N+M)·D) and, unlike a wall-clock `timeout`, gives the same answer whatever the machine's load.
   */
  maxDiffEdits: number;
  /** Maximum candidate pairs scored per rewrite claim. */
  maxCandidatesPerClaim: number;
}

export const DEFAULT_LIMITS: CompareLimits = {
  maxChars: 2_000_000,
  maxDiffEdits: 400,
  maxCandidatesPerClaim: 40,
};
