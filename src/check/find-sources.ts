import type { ArticleInput, CompareResult, Verdict } from '../core/types.js';
import { dateRange, mayPrecede } from '../retrieve/dates.js';
import { articleId } from '../retrieve/fingerprint.js';
import { passageScore, termSequence, termSet } from '../retrieve/passage.js';
import { type Candidate, POSTINGS_CAP, rankCandidates } from '../retrieve/rank.js';
import { QUERY_TERMS, queryKeysOfWords, type Rarity, termKey } from '../retrieve/signature.js';
import { words } from '../retrieve/words.js';
import type { ArticleMeta, ArticleStore, CandidateArticle } from '../store/types.js';
import { alignedClaims, type IndexEvidence, type SummaryRule, sourceVerdict } from './judge.js';

/**
 * "Of everything we hold, what did this article come from?" The candidate index proposes a few stored articles
 * (never all of them); each gets the full compare, stored article as the original, the checked one as the
 * rewrite; those the compare finds derived are the sources. Resources are injected: the store, the compare (the
 * routes pass the worker engine, the CLI the core) and the rarity the index was built with.
 */

/** Candidates given the full compare per check. */
export const COMPARE_CANDIDATES = 6;
/**
 * Candidates given the full compare, one after another, when looking for what a found source itself derives from:
 * the first found a source ends the search.
 */
export const CHAIN_CANDIDATES = 2;
/**
 * Terms a chain link looks up for a stored source (a check looks up QUERY_TERMS of the checked text): what a stored
 * article derives from was itself stored with its STORED_TERMS rarest terms, so its own rarest terms find it.
 */
export const CHAIN_QUERY_TERMS = 64;
/** Sources (the first ones) whose own derivation is followed: each link costs compares. */
export const CHAIN_SOURCES = 3;
/**
 * Candidates scoring below this share of the best candidate's index score are not compared: on the PAN dev pairs
 * it spares a quarter of the compares and loses the true source of 2 of 280 documents with reuse.
 */
export const RELATIVE_CUT = 0.2;
/** How far back a chain of copies is followed (`derivedFrom` of `derivedFrom` …). */
export const CHAIN_DEPTH = 3;
/**
 * Least candidate score worth a compare: about two shared terms of mid rarity. Below it a stored article shares
 * nothing specific with the checked one and a compare would only spend time saying so.
 */
export const MIN_CANDIDATE_SCORE = 6;

export interface SourceFinderDeps {
  store: Pick<ArticleStore, 'postings' | 'bySeq' | 'count'>;
  compare(original: ArticleInput, rewrite: ArticleInput): Promise<CompareResult>;
  rarity: Rarity;
  /** The summary rule (`judge.ts`); given only when fitting it. */
  summaryRule?: SummaryRule | undefined;
}

export interface CheckOptions {
  /** Most sources answered. */
  limit: number;
  /** Also answer compared candidates judged independent (near misses). */
  nearMisses?: boolean | undefined;
  /** Attach each source's full compare result. */
  full?: boolean | undefined;
}

export type SourceArticle = Pick<ArticleMeta, 'id' | 'outlet' | 'url' | 'title' | 'published'>;

/** What a found source itself derives from: the next link of the chain back to the first article. */
export interface DerivedLink {
  article: SourceArticle;
  verdict: Verdict;
  credited: boolean | null;
  derivedFrom: DerivedLink | null;
}

export interface FoundSource {
  article: SourceArticle;
  /** The check's verdict (`judge.ts`): the compare's, or partially derived for a passage carried into a longer text. */
  verdict: Verdict;
  /** Share of the source carried into the checked article, and share of the checked article derived from it. */
  coverage: number;
  containment: number;
  /** Whether the checked article credits this source. */
  credited: boolean | null;
  /** Ranking score: claims of the checked article aligned to this source. */
  score: number;
  derivedFrom: DerivedLink | null;
  result?: CompareResult | undefined;
}

export interface CheckAnswer {
  sources: FoundSource[];
  /** Stored articles given the full compare. */
  compared: number;
  /** Stored articles when the check ran. */
  stored: number;
}

interface Scored {
  article: CandidateArticle;
  result: CompareResult;
  verdict: Verdict;
  /** Claims of the checked article aligned to it, then the candidate index's score (for ties). */
  aligned: number;
  indexScore: number;
}

export function sourceArticle(a: ArticleMeta): SourceArticle {
  return { id: a.id, outlet: a.outlet, url: a.url, title: a.title, published: a.published };
}

function asInput(a: CandidateArticle): ArticleInput {
  return {
    text: a.text,
    outlet: a.outlet ?? undefined,
    url: a.url ?? undefined,
    title: a.title ?? undefined,
    published: a.published ?? undefined,
    aliases: a.aliases ?? undefined,
  };
}

/** Checks `input` against the store: its sources, most likely first. */
export async function findSources(
  deps: SourceFinderDeps,
  input: ArticleInput,
  options: CheckOptions,
): Promise<CheckAnswer> {
  const stored = await deps.store.count();
  const selfId = articleId(input.text);
  const scored = await compareCandidates(deps, input, new Set([selfId]), COMPARE_CANDIDATES, stored, QUERY_TERMS);
  const kept = scored.filter((s) => options.nearMisses || s.verdict !== 'independent').slice(0, options.limit);

  // Each link excludes the articles already on its path, so no chain can loop (two undated copies of each other
  // would otherwise point at each other); chains share nothing, so they run side by side.
  const chainOf = async (s: Scored, path: Set<string>, depth: number): Promise<DerivedLink | null> => {
    if (depth >= CHAIN_DEPTH) return null;
    const exclude = new Set([...path, s.article.id]);
    const first = await firstDerived(deps, asInput(s.article), exclude, CHAIN_CANDIDATES, stored, CHAIN_QUERY_TERMS);
    if (!first) return null;
    return {
      article: sourceArticle(first.article),
      verdict: first.verdict,
      credited: first.result.summary.attribution.credited,
      derivedFrom: await chainOf(first, exclude, depth + 1),
    };
  };

  const sources = await Promise.all(
    kept.map(async (s, i): Promise<FoundSource> => {
      const { summary } = s.result;
      const derived = s.verdict !== 'independent';
      return {
        article: sourceArticle(s.article),
        verdict: s.verdict,
        coverage: summary.coverage,
        containment: summary.containment,
        credited: summary.attribution.credited,
        score: s.aligned,
        derivedFrom: derived && i < CHAIN_SOURCES ? await chainOf(s, new Set([selfId]), 0) : null,
        ...(options.full ? { result: s.result } : {}),
      };
    }),
  );
  return { sources, compared: scored.length, stored };
}

/**
 * The best `max` eligible candidates of `input`, each compared, best score first. Eligible: not excluded (the
 * checked text itself, by fingerprint; the links of a chain already followed) and not certainly published later.
 */
async function compareCandidates(
  deps: SourceFinderDeps,
  input: ArticleInput,
  exclude: Set<string>,
  max: number,
  stored: number,
  terms: number,
): Promise<Scored[]> {
  const chosen = await eligibleCandidates(deps, input, exclude, max, stored, terms);
  const scored = await Promise.all(chosen.map((c) => judged(deps, c, input)));
  const derived = (s: Scored) => (s.verdict === 'independent' ? 0 : 1);
  return scored.sort((a, b) => derived(b) - derived(a) || b.aligned - a.aligned || b.indexScore - a.indexScore);
}

/**
 * The first of the best `max` eligible candidates, in index order, that the compare finds a source: a chain link
 * needs one, so the next candidate is compared only when the one before was not.
 */
async function firstDerived(
  deps: SourceFinderDeps,
  input: ArticleInput,
  exclude: Set<string>,
  max: number,
  stored: number,
  terms: number,
): Promise<Scored | null> {
  for (const c of await eligibleCandidates(deps, input, exclude, max, stored, terms)) {
    const s = await judged(deps, c, input);
    if (s.verdict !== 'independent') return s;
  }
  return null;
}

async function judged(deps: SourceFinderDeps, c: Eligible, input: ArticleInput): Promise<Scored> {
  const result = await deps.compare(asInput(c.article), input);
  const verdict = sourceVerdict(result, c.evidence, deps.summaryRule);
  return { article: c.article, result, verdict, aligned: alignedClaims(result), indexScore: c.candidate.score };
}

interface Eligible {
  article: CandidateArticle;
  candidate: Candidate;
  evidence: IndexEvidence;
}

/** The best `max` eligible candidates of `input` by index score, with the stored articles read. */
async function eligibleCandidates(
  deps: SourceFinderDeps,
  input: ArticleInput,
  exclude: Set<string>,
  max: number,
  stored: number,
  terms: number,
): Promise<Eligible[]> {
  const ws = words(input.text);
  const query = queryKeysOfWords(ws, deps.rarity, terms);
  const postings = await deps.store.postings(
    query.map((k) => k.key),
    POSTINGS_CAP,
  );
  // Read beyond `max`: some fall to the date rule or the exclusions (the checked text itself, when stored, first).
  const ranked = rankCandidates(query, postings, stored)
    .filter((c) => c.score >= MIN_CANDIDATE_SCORE)
    .slice(0, max * 3);
  const bySeq = new Map((await deps.store.bySeq(ranked.map((c) => c.seq))).map((a) => [a.seq, a]));
  const range = dateRange(input.published);
  const eligible = ranked.flatMap((c) => {
    const article = bySeq.get(c.seq);
    return article && !exclude.has(article.id) && mayPrecede(article.range, range) ? [{ article, candidate: c }] : [];
  });
  const floor = RELATIVE_CUT * (eligible[0]?.candidate.score ?? 0);
  const chosen = eligible.filter((e) => e.candidate.score >= floor).slice(0, max);
  const checkedTerms = termSequence(ws, deps.rarity);
  const frequency = (t: string) => postings.get(termKey(t))?.length;
  const passages = chosen.map(({ article }) =>
    passageScore(checkedTerms, termSet(words(article.text), deps.rarity), frequency, stored),
  );
  return chosen.map((e, i) => ({
    ...e,
    evidence: { shingles: e.candidate.shingles, passage: passages[i]!, first: i === 0 },
  }));
}
