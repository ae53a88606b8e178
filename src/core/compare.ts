import type { Lexicon } from '../lexicon/lexicon.js';
import { ALIGN_THRESHOLDS } from './align/align.js';
import { type AlignBeliefs, claimGroups, SIMILARITY_ONLY } from './align/claim-groups.js';
import { groupCoverage } from './align/group-coverage.js';
import type { ScoredPair } from './align/links.js';
import { ANALYSIS_CACHE_CHARS, ANALYSIS_CACHE_ENTRY_CHARS, AnalysisCache } from './analysis-cache.js';
import { findAttribution } from './checks/attribution.js';
import { alignmentStatus, changedClaimIds, markChanged } from './checks/changed-claims.js';
import { NO_ANTONYMS } from './checks/fact-changes.js';
import { checkJournalism, journalismFlags } from './checks/journalism.js';
import type { Antonyms } from './checks/polarity.js';
import { classifyGroups } from './classify/claim-verdicts.js';
import { EDGE_SPLIT, splitEdges } from './classify/edge-split.js';
import { sideResult } from './classify/side-result.js';
import { summarise } from './classify/verdict.js';
import { type CompareResources, pairBeliefs } from './match/pair-beliefs.js';
import type { PairModel } from './match/pair-model.js';
import { scoredPairs } from './match/scored-pairs.js';
import { copiedBoilerplate, RECLAIM } from './segment/reclaim.js';
import { type LexiconLookups, lexiconLookups } from './terms/lexicon-lookups.js';
import type { PairTerms } from './terms/pair-terms.js';
import { pairTerms } from './terms/pair-terms.js';
import { type TermReader, termReader } from './terms/tokens.js';
import { readText, type TextAnalysis } from './text-analysis.js';
import type { ArticleInput, Attribution, CompareLimits, CompareResult, Summary, Verdict } from './types.js';
import { DEFAULT_LIMITS } from './types.js';
import { Workspace } from './workspace.js';

export { VERBATIM_RANK_WINDOW } from './match/scored-pairs.js';

/** What a comparer is built from: the resources the core reads but never loads itself. */
export interface ComparerResources {
  /** Word vectors and frequency ranks (`src/lexicon`); null: lexical similarity without vectors (degraded). */
  lexicon: Lexicon | null;
  /** Character budget of the text-analysis cache (0: every text is analysed afresh). */
  analysisCacheChars?: number;
  /** The wink-nlp instance and key memo texts are read with (default: the comparer's own). */
  reader?: TermReader;
  /** Antonymous words (WordNet's, `src/lexicon/antonyms.ts`) for flipped predicates; default: none known. */
  antonyms?: Antonyms;
  /** The calibrated pair model (`scripts/fit/`, `src/lexicon/pair-model.json`); without it similarity alone decides. */
  pairModel?: PairModel | undefined;
}

/** Per-compare variations, for fitting and ablations (`scripts/fit/`): never used by the product. */
export type CompareVariation = CompareResources;

/** Compares articles with the resources it was built with, and owns the caches its compares share. */
export interface Comparer {
  /**
   * Compares an original with a rewrite: which claims were kept, paraphrased, dropped or added.
   * Pipeline: segment (content paragraphs/sentences, boilerplate aside; boilerplate the other text copied into
   * its content brought back: `segment/reclaim.ts`) → lemmatise → weight terms (Zipf
   * background IDF × in-document IDF) → candidate pairs (inverted index on long texts) → soft IDF-weighted
   * similarity with word vectors → align (anchors, supported matches, splits/merges) → classify kept vs
   * paraphrased → word diff inside groups → uncopied claim edges split off (`classify/edge-split.ts`) → moves →
   * paragraph matches → summary → journalism checks.
   * Deterministic: the same input always gives the same answer, whatever the comparer compared before.
   */
  compare(
    original: ArticleInput,
    rewrite: ArticleInput,
    limits?: CompareLimits,
    variation?: CompareVariation,
  ): CompareResult;
  /**
   * What the compare says of derivation alone, with the same figures as `compare`'s summary: the stages up to the
   * classified alignment, without the journalism checks on aligned claims (quotations, changed facts), which change
   * no claim's alignment (a changed claim stays aligned, `markChanged`) and are a third of a compare. For callers
   * that only judge whether one text derives from another (find-sources.ts compares several stored articles per
   * check and shows most of those answers only as these figures).
   */
  derive(original: ArticleInput, rewrite: ArticleInput, limits?: CompareLimits): Derivation;
  /** Recently analysed texts: comparing one original with several rewrites reads it once. */
  readonly analyses: AnalysisCache<unknown>;
}

/** `Comparer.derive`'s answer: as `compare`'s summary gives them. */
export interface Derivation {
  verdict: Verdict;
  coverage: number;
  containment: number;
  /** Claims of the rewrite kept or paraphrased (`summary.counts.rewrite`). */
  aligned: number;
  attribution: Attribution;
}

/** A comparer over the given resources; every cache it fills is its own (two comparers share nothing). */
export function createComparer(resources: ComparerResources): Comparer {
  const budget = resources.analysisCacheChars ?? ANALYSIS_CACHE_CHARS;
  const analyses = new AnalysisCache<TextAnalysis>(budget, ANALYSIS_CACHE_ENTRY_CHARS);
  const context: CompareContext = {
    lookups: lexiconLookups(resources.lexicon),
    analyses,
    reader: resources.reader ?? termReader(),
    workspace: new Workspace(),
    antonyms: resources.antonyms ?? NO_ANTONYMS,
  };
  return {
    compare: (original, rewrite, limits = DEFAULT_LIMITS, variation = {}) =>
      compare(context, original, rewrite, limits, { pairModel: resources.pairModel, ...variation }),
    derive: (original, rewrite, limits = DEFAULT_LIMITS) =>
      derive(context, original, rewrite, limits, { pairModel: resources.pairModel }),
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
  antonyms: Antonyms;
}

/** The pipeline, one stage a line: each stage takes what the ones before it returned. */
function compare(
  context: CompareContext,
  original: ArticleInput,
  rewrite: ArticleInput,
  limits: CompareLimits,
  model: CompareResources,
): CompareResult {
  const { workspace, antonyms } = context;
  const { o, r, verdicts } = classified(context, original, rewrite, limits, model);
  const originalSide = sideResult(o, 'o', verdicts.original, r.claims);
  const rewriteSide = sideResult(r, 'r', verdicts.rewrite, o.claims);
  const answer = { original: originalSide, rewrite: rewriteSide, alignments: verdicts.alignments };
  const checks = checkJournalism(
    answer,
    original,
    rewrite,
    limits,
    { original: o.memo, rewrite: r.memo },
    workspace,
    antonyms,
  );
  const found = verdicts.alignments.map((a, i) => ({ ...a, changes: checks.changes[i]! }));
  const changed = changedClaimIds(found, checks.quotes, originalSide, rewriteSide);
  const originalMarked = markChanged(originalSide, changed),
    rewriteMarked = markChanged(rewriteSide, changed);
  const alignments = found.map((a) => ({ ...a, status: alignmentStatus(a, changed) }));
  const derivation = summarise(originalMarked, rewriteMarked);
  const summary: Summary = {
    ...derivation,
    attribution: checks.attribution,
    quotes: checks.quoteCounts,
    changedFacts: checks.changedFacts,
    flags: journalismFlags(derivation.verdict, checks),
  };
  return {
    summary,
    original: originalMarked,
    rewrite: rewriteMarked,
    alignments,
    quotes: checks.quotes,
    droppedQuotes: checks.droppedQuotes,
  };
}

/** The stages `compare` and `derive` share: both texts read, their claims aligned, each claim classified. */
function classified(
  context: CompareContext,
  original: ArticleInput,
  rewrite: ArticleInput,
  limits: CompareLimits,
  model: CompareResources,
) {
  const { analyses, reader, lookups, workspace } = context;
  const rule = { ...RECLAIM, ...model.reclaim };
  let o = readText(analyses, reader, original.text, limits.maxChars);
  let r = readText(analyses, reader, rewrite.text, limits.maxChars);
  // Boilerplate one side copied into its content is content (both judged on the first reads: `reclaim.ts`).
  const oBack = copiedBoilerplate(original.text, o.boilerplate, rewrite.text, r.claims, rule);
  const rBack = copiedBoilerplate(rewrite.text, r.boilerplate, original.text, o.claims, rule);
  if (oBack.length) o = readText(analyses, reader, original.text, limits.maxChars, oBack);
  if (rBack.length) r = readText(analyses, reader, rewrite.text, limits.maxChars, rBack);
  const terms = pairTerms(lookups, workspace.cross, o.terms, r.terms);
  const pairs = scoredPairs(terms, o, r, limits.maxCandidatesPerClaim);
  const aligned = claimGroups(
    pairs,
    o.claims.length,
    r.claims.length,
    groupCoverage(terms, workspace.pairs),
    alignBeliefs(terms, pairs, model),
  );
  const verdicts = classifyGroups(terms, aligned, o, r, limits.maxDiffEdits, workspace);
  const split = splitEdges(o, r, { original: original.text, rewrite: rewrite.text }, verdicts, limits.maxDiffEdits, {
    ...EDGE_SPLIT,
    ...model.edgeSplit,
  });
  return { o: { ...o, ...split.o }, r: { ...r, ...split.r }, verdicts: split.verdicts };
}

/**
 * `compare`'s summary figures without its journalism checks: the checks only turn kept claims into paraphrased
 * ones, so which claims are aligned, and the shares and verdict read from them, are the same; attribution reads
 * the original's outlet and the rewrite's text alone.
 */
function derive(
  context: CompareContext,
  original: ArticleInput,
  rewrite: ArticleInput,
  limits: CompareLimits,
  model: CompareResources,
): Derivation {
  const { o, r, verdicts } = classified(context, original, rewrite, limits, model);
  const summary = summarise(
    sideResult(o, 'o', verdicts.original, r.claims),
    sideResult(r, 'r', verdicts.rewrite, o.claims),
  );
  return derivationFrom(summary, findAttribution(original, rewrite.text));
}

/** The derivation figures of a compare's summary (`derive` answers them; a full compare's summary holds them). */
export function derivationFrom(
  summary: Pick<Summary, 'verdict' | 'coverage' | 'containment' | 'counts'>,
  attribution: Attribution,
): Derivation {
  const { verdict, coverage, containment, counts } = summary;
  return { verdict, coverage, containment, aligned: counts.rewrite.kept + counts.rewrite.paraphrased, attribution };
}

/** The pair model's belief that two claims carry the same content gates the aligner's rules (no model: all 1). */
function alignBeliefs(terms: PairTerms, pairs: ScoredPair[], model: CompareResources): AlignBeliefs {
  if (!model.pairModel && !model.thresholds && !model.observePairs) return SIMILARITY_ONLY;
  return {
    thresholds: { ...ALIGN_THRESHOLDS, ...model.pairModel?.gates, ...model.thresholds },
    beliefs: (sim) => pairBeliefs(pairs, sim, terms.vocab, terms.original, terms.rewrite, model),
  };
}
