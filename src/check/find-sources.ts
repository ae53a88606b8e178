import type { Derivation } from '../core/compare.js';
import type { ArticleInput, CompareResult, Verdict } from '../core/types.js';
import { dateRange, mayPrecede } from '../retrieve/dates.js';
import { articleId } from '../retrieve/fingerprint.js';
import { longestSharedRun, narrationSegments } from '../retrieve/narration-runs.js';
import { passageEvidence, termSequence, termSet } from '../retrieve/passage.js';
import { type Candidate, POSTINGS_CAP, rankCandidates } from '../retrieve/rank.js';
import { QUERY_TERMS, queryKeysOfWords, type Rarity, termKey } from '../retrieve/signature.js';
import { words } from '../retrieve/words.js';
import type { ArticleMeta, ArticleStore, CandidateArticle, DerivationLink, StoredArticle } from '../store/types.js';
import { derivationOf, type IndexEvidence, JUDGE_RULE, type JudgeRule, judgeAll, sourceVerdict } from './judge.js';

/**
 * "Of everything we hold, what did this article come from?" The candidate index proposes a few stored articles
 * (never all of them); each is compared, stored article as the original, the checked one as the rewrite; those
 * the compare finds derived are the sources. Resources are injected: the store, the compare (the routes pass the
 * worker engine, the CLI the core) and the rarity the index was built with.
 *
 * A source is answered by the compare's summary figures, which `derive` gives without the journalism checks (a
 * third of a compare): only a check asked for the full results (`full`) runs the whole compare, on its own
 * candidates; the links of a chain never need it.
 */

/** Candidates compared per check. */
export const COMPARE_CANDIDATES = 6;
/**
 * Candidates compared, one after another, when looking for what a found source itself derives from:
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
  store: Pick<ArticleStore, 'postings' | 'bySeq' | 'count' | 'get' | 'generation' | 'links' | 'saveLinks'>;
  compare(original: ArticleInput, rewrite: ArticleInput): Promise<CompareResult>;
  /** The compare's derivation figures alone (`Comparer.derive`): the same as `compare`'s summary gives. */
  derive(original: ArticleInput, rewrite: ArticleInput): Promise<Derivation>;
  rarity: Rarity;
  /** The judge's fitted rule (`judge.ts`); given only when fitting it. */
  judgeRule?: JudgeRule | undefined;
  /**
   * Told of each candidate a check compares (not a chain link's), with the evidence the judge read: the fit
   * (`scripts/fit-passage.ts`) replays other rules on it without comparing again.
   */
  observe?: ((judged: JudgedCandidate) => void) | undefined;
}

/** A compared candidate as the judge saw it. */
export interface JudgedCandidate {
  article: SourceArticle;
  derivation: Derivation;
  evidence: IndexEvidence;
  indexScore: number;
  verdict: Verdict;
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
  /** Stored articles compared with it. */
  compared: number;
  /** Stored articles when the check ran. */
  stored: number;
}

interface Scored {
  article: CandidateArticle;
  derivation: Derivation;
  /** The full compare, when the check was asked for it. */
  result?: CompareResult | undefined;
  verdict: Verdict;
  /** Claims of the checked article aligned to it, then the candidate index's score (for ties). */
  aligned: number;
  indexScore: number;
}

export function sourceArticle(a: ArticleMeta): SourceArticle {
  return { id: a.id, outlet: a.outlet, url: a.url, title: a.title, published: a.published };
}

function asInput(a: StoredArticle): ArticleInput {
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
  given: SourceFinderDeps,
  input: ArticleInput,
  options: CheckOptions,
): Promise<CheckAnswer> {
  const deps = { ...given, store: readingOnce(given.store) };
  const [stored, generation] = await Promise.all([deps.store.count(), deps.store.generation()]);
  const selfId = articleId(input.text);
  const scored = await compareCandidates(deps, input, new Set([selfId]), stored, options.full === true);
  const kept = scored.filter((s) => options.nearMisses || s.verdict !== 'independent').slice(0, options.limit);
  const links = chainLinks(deps, stored, generation);

  // Each link excludes the articles already on its path, so no chain can loop (two undated copies of each other
  // would otherwise point at each other); chains share nothing but the links cache, so they run side by side.
  const chainOf = async (article: StoredArticle, path: Set<string>, depth: number): Promise<DerivedLink | null> => {
    if (depth >= CHAIN_DEPTH) return null;
    const exclude = new Set([...path, article.id]);
    const next = await links.next(article, exclude);
    if (!next) return null;
    return {
      article: sourceArticle(next.article),
      verdict: next.verdict,
      credited: next.credited,
      derivedFrom: await chainOf(next.article, exclude, depth + 1),
    };
  };

  const sources = await Promise.all(
    kept.map(async (s, i): Promise<FoundSource> => {
      const { coverage, containment, attribution } = s.derivation;
      const derived = s.verdict !== 'independent';
      return {
        article: sourceArticle(s.article),
        verdict: s.verdict,
        coverage,
        containment,
        credited: attribution.credited,
        score: s.aligned,
        derivedFrom: derived && i < CHAIN_SOURCES ? await chainOf(s.article, new Set([selfId]), 0) : null,
        ...(options.full ? { result: s.result } : {}),
      };
    }),
  );
  await links.save();
  return { sources, compared: scored.length, stored };
}

type FinderStore = SourceFinderDeps['store'];

/**
 * The store as one check reads it: each key's postings read once. A chain link looks up the rarest terms of a
 * source of the checked article, most of which the check looked up already (a third of a check's lookups).
 */
function readingOnce(store: FinderStore): FinderStore {
  const read = new Map<number, readonly number[]>();
  let readCap: number | undefined;
  return {
    async postings(keys, cap) {
      if (readCap !== undefined && cap !== readCap) return store.postings(keys, cap);
      readCap = cap;
      const missing = keys.filter((k) => !read.has(k));
      if (missing.length > 0) for (const [k, seqs] of await store.postings(missing, cap)) read.set(k, seqs);
      return new Map(keys.map((k) => [k, read.get(k) ?? []]));
    },
    bySeq: (seqs) => store.bySeq(seqs),
    count: () => store.count(),
    get: (id) => store.get(id),
    generation: () => store.generation(),
    links: (ids, generation) => store.links(ids, generation),
    saveLinks: (links, generation) => store.saveLinks(links, generation),
  };
}

/** The next link of a chain: the stored article a stored one derives from. */
interface NextLink {
  article: StoredArticle;
  verdict: Verdict;
  credited: boolean | null;
}

/**
 * What stored articles derive from, each looked for once per store generation: read from the store's links cache,
 * else found (`firstDerived`, excluding only the article itself) and cached at the end of the check. Chains from
 * several sources of one check often meet at one earlier article, and successive checks follow the same wire
 * stories, so most links are found once and read after.
 */
function chainLinks(deps: SourceFinderDeps, stored: number, generation: number) {
  // A fitting run (another summary threshold) judges differently from the links cached: it neither reads nor saves.
  const cached = deps.judgeRule === undefined;
  const fresh = new Map<string, DerivationLink>();
  const known = new Map<string, Promise<{ link: DerivationLink; source: StoredArticle | null }>>();

  const find = async (article: StoredArticle, exclude: Set<string>) => {
    const r = await firstDerived(deps, asInput(article), exclude, CHAIN_CANDIDATES, stored, CHAIN_QUERY_TERMS);
    const link: DerivationLink = {
      considered: r.considered,
      source: r.found && {
        id: r.found.article.id,
        verdict: r.found.verdict,
        credited: r.found.derivation.attribution.credited,
      },
    };
    return { link, source: r.found?.article ?? null };
  };

  const linkOf = (article: StoredArticle) => {
    let pending = known.get(article.id);
    if (!pending) {
      pending = (async () => {
        const hit = cached ? (await deps.store.links([article.id], generation)).get(article.id) : undefined;
        const source = hit?.source ? await deps.store.get(hit.source.id) : null;
        if (hit && (source || !hit.source)) return { link: hit, source };
        const found = await find(article, new Set([article.id]));
        fresh.set(article.id, found.link);
        return found;
      })();
      known.set(article.id, pending);
    }
    return pending;
  };

  return {
    async next(article: StoredArticle, exclude: Set<string>): Promise<NextLink | null> {
      let { link, source } = await linkOf(article);
      // Found excluding only the article itself: a path that excludes one of the candidates considered could
      // choose another window, so it is looked for again with the path excluded (and not cached).
      if (link.considered.some((id) => exclude.has(id))) ({ link, source } = await find(article, exclude));
      return link.source && source
        ? { article: source, verdict: link.source.verdict, credited: link.source.credited }
        : null;
    },
    /** Caches the links found; a failure costs only a later check's time, never this answer. */
    async save() {
      if (cached) await deps.store.saveLinks(fresh, generation).catch(() => {});
    },
  };
}

/**
 * The best COMPARE_CANDIDATES eligible candidates of `input`, each compared (in `full` when asked), best score
 * first. Eligible: not excluded (the checked text itself, by fingerprint) and not certainly published later.
 */
async function compareCandidates(
  deps: SourceFinderDeps,
  input: ArticleInput,
  exclude: Set<string>,
  stored: number,
  full: boolean,
): Promise<Scored[]> {
  const chosen = await eligibleCandidates(deps, input, exclude, COMPARE_CANDIDATES, stored, QUERY_TERMS);
  const compared = await Promise.all(chosen.map((c) => comparedWith(deps, c, input, full)));
  const verdicts = judgeAll(compared, deps.judgeRule);
  const scored = compared.map((s, i) => ({ ...s, verdict: verdicts[i]! }));
  const observe = deps.observe;
  if (observe) {
    chosen.forEach((c, i) => {
      const { article, derivation, verdict, indexScore } = scored[i]!;
      observe({ article: sourceArticle(article), derivation, evidence: c.evidence, indexScore, verdict });
    });
  }
  const derived = (s: Scored) => (s.verdict === 'independent' ? 0 : 1);
  return scored.sort((a, b) => derived(b) - derived(a) || bySourceRank(a, b));
}

/**
 * How sources are ranked among themselves: by claims the compare aligns, then by the index's score. Shared with the
 * judge's fit (`bench/judge-replay.ts`), whose replay must rank as the check does.
 */
export function bySourceRank(
  a: { derivation: Pick<Derivation, 'aligned'>; indexScore: number },
  b: { derivation: Pick<Derivation, 'aligned'>; indexScore: number },
): number {
  return b.derivation.aligned - a.derivation.aligned || b.indexScore - a.indexScore;
}

/**
 * The first of the best `max` eligible candidates, in index order, that the compare finds a source: a chain link
 * needs one, so the next candidate is compared only when the one before was not. With the window it was chosen
 * from (the passage evidence of each candidate depends on the whole window).
 */
async function firstDerived(
  deps: SourceFinderDeps,
  input: ArticleInput,
  exclude: Set<string>,
  max: number,
  stored: number,
  terms: number,
): Promise<{ found: Scored | null; considered: string[] }> {
  const window = await eligibleCandidates(deps, input, exclude, max, stored, terms);
  const considered = window.map((c) => c.article.id);
  // One at a time, so the summary test reads the index's first candidate only (`sourceVerdict`'s default).
  for (const c of window) {
    const s = await comparedWith(deps, c, input, false);
    const verdict = sourceVerdict(s.derivation, s.evidence, deps.judgeRule);
    if (verdict !== 'independent') return { found: { ...s, verdict }, considered };
  }
  return { found: null, considered };
}

/** A candidate compared, before the judge's verdict (which may read the other candidates: `judgeAll`). */
async function comparedWith(
  deps: SourceFinderDeps,
  c: Eligible,
  input: ArticleInput,
  full: boolean,
): Promise<Omit<Scored, 'verdict'> & { evidence: IndexEvidence }> {
  const result = full ? await deps.compare(asInput(c.article), input) : undefined;
  const derivation = result ? derivationOf(result) : await deps.derive(asInput(c.article), input);
  return {
    article: c.article,
    derivation,
    result,
    aligned: derivation.aligned,
    indexScore: c.candidate.score,
    evidence: c.evidence,
  };
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
  const ranked = rankCandidates(query, postings, stored, POSTINGS_CAP, MIN_CANDIDATE_SCORE).slice(0, max * 3);
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
  const narration = chosen.length > 0 ? narrationSegments(input.text) : [];
  const window = (deps.judgeRule ?? JUDGE_RULE).passageWindow;
  const top = chosen[0]?.candidate.score ?? 0;
  return chosen.map((e) => {
    const passage = passageEvidence(
      checkedTerms,
      termSet(words(e.article.text), deps.rarity),
      frequency,
      stored,
      window,
    );
    const evidence = {
      shingles: e.candidate.shingles,
      passage: passage.score,
      precision: passage.precision,
      indexShare: top > 0 ? e.candidate.score / top : 1,
      run: longestSharedRun(narration, narrationSegments(e.article.text)),
    };
    return { ...e, evidence };
  });
}
