import { ANALYSIS_CACHE_CHARS, ANALYSIS_CACHE_ENTRY_CHARS, AnalysisCache } from './analysis-cache.js';
import { readText, type TextAnalysis } from './text-analysis.js';
import { termReader, type TermReader } from './terms/tokens.js';
import { lexiconLookups, type LexiconLookups } from './terms/lexicon-lookups.js';
import { pairTerms } from './terms/pair-terms.js';
import { scoredPairs } from './match/scored-pairs.js';
import { groupCoverage } from './align/group-coverage.js';
import { claimGroups } from './align/claim-groups.js';
import { classifyGroups } from './classify/claim-verdicts.js';
import { sideResult } from './classify/side-result.js';
import { summarise } from './classify/summary.js';
import { annotateJournalism } from './checks/journalism.js';
import { Workspace } from './workspace.js';
import type { Lexicon } from '../lexicon/vectors.js';
import type { ArticleInput, CompareLimits, CompareResult } from './types.js';
import { DEFAULT_LIMITS } from './types.js';

export { VERBATIM_RANK_WINDOW } from './match/scored-pairs.js';

/** What a comparer is built from: the resources the core reads but never loads itself. */
export interface ComparerResources {
  /** Word vectors and frequency ranks (`src/lexicon`); null: lexical similarity without vectors (degraded). */
  lexicon: Lexicon | null;
  /** Character budget of the text-analysis cache (0: every text is analysed afresh). */
  analysisCacheChars?: number;
  /** The wink-nlp instance and key memo texts are read with (default: the comparer's own). */
  reader?: TermReader;
}

/** Compares articles with the resources it was built with, and owns the caches its compares share. */
export interface Comparer {
  /**
   * Compares an original with a rewrite: which claims were kept, paraphrased, dropped or added.
   * Pipeline: segment (content paragraphs/sentences, boilerplate aside) → lemmatise → weight terms (Zipf
   * background IDF × in-document IDF) → candidate pairs (inverted index on long texts) → soft IDF-weighted
   * similarity with word vectors → align (anchors, supported matches, splits/merges) → classify kept vs
   * paraphrased → word diff inside groups → moves → paragraph matches → summary → journalism checks.
   * Deterministic: the same input always gives the same answer, whatever the comparer compared before.
   */
  compare(original: ArticleInput, rewrite: ArticleInput, limits?: CompareLimits): CompareResult;
  /** Recently analysed texts: comparing one original with several rewrites reads it once. */
  readonly analyses: AnalysisCache<unknown>;
}

/** A comparer over the given resources; every cache it fills is its own (two comparers share nothing). */
export function createComparer(resources: ComparerResources): Comparer {
  const budget = resources.analysisCacheChars ?? ANALYSIS_CACHE_CHARS;
  const analyses = new AnalysisCache<TextAnalysis>(budget, ANALYSIS_CACHE_ENTRY_CHARS);
  const context: CompareContext = {
    lookups: lexiconLookups(resources.lexicon), analyses, reader: resources.reader ?? termReader(),
    workspace: new Workspace(),
  };
  return {
    compare: (original, rewrite, limits = DEFAULT_LIMITS) => compare(context, original, rewrite, limits),
    analyses,
  };
}

/** What one compare reads besides its input: the comparer's resources and caches. */
interface CompareContext {
  /** The lexicon and the memos of its look-ups (null: no lexicon). */
  lookups: LexiconLookups | null;
  analyses: AnalysisCache<TextAnalysis>;
  /** The wink-nlp instance and key memo texts are read with. */
  reader: TermReader;
  /** Scratch buffers for the kernels. */
  workspace: Workspace;
}

/** The pipeline, one stage a line: each stage takes what the ones before it returned. */
function compare(context: CompareContext, original: ArticleInput, rewrite: ArticleInput,
  limits: CompareLimits): CompareResult {
  const { analyses, reader, lookups, workspace } = context;
  const o = readText(analyses, reader, original.text, limits.maxChars);
  const r = readText(analyses, reader, rewrite.text, limits.maxChars);
  const terms = pairTerms(lookups, workspace.cross, o.terms, r.terms);
  const pairs = scoredPairs(terms, o, r, limits.maxCandidatesPerClaim);
  const aligned = claimGroups(pairs, o.claims.length, r.claims.length, groupCoverage(terms, workspace.pairs));
  const verdicts = classifyGroups(terms, aligned, o, r, limits.maxDiffEdits, workspace);
  const originalSide = sideResult(o, 'o', verdicts.original, r.claims);
  const rewriteSide = sideResult(r, 'r', verdicts.rewrite, o.claims);
  const summary = summarise(originalSide, rewriteSide);
  const result: CompareResult = {
    summary, original: originalSide, rewrite: rewriteSide, alignments: verdicts.alignments,
    quotes: [], droppedQuotes: [],
  };
  // The journalism checks (quotations, attribution, facts) fill the result's quotes, changes and summary fields.
  annotateJournalism(result, original, rewrite, limits, { original: o.memo, rewrite: r.memo }, workspace);
  return result;
}
