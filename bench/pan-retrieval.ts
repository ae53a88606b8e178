import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSources, type JudgedCandidate, type SourceFinderDeps } from '../src/check/find-sources.js';
import type { JudgeRule } from '../src/check/judge.js';
import type { Derivation } from '../src/core/compare.js';
import type { ArticleInput } from '../src/core/types.js';
import { defaultComparer } from '../src/default-comparer.js';
import { prepareArticle } from '../src/retrieve/prepare.js';
import type { Rarity } from '../src/retrieve/signature.js';
import { words } from '../src/retrieve/words.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { seedsDir } from './synthetic.js';
import { sharedRunCount, sharesRun } from './verbatim-runs.js';

/**
 * Retrieval on the PAN 2013 dev pairs: every source document and the seeds stored, every suspicious document
 * checked. A pair names a source the suspicious document reuses when its truth lists at least one reuse case
 * (`cases` in pairs_index.tsv): no no-plagiarism pair does, nor 40 of the 140 summary pairs, whose suspicious
 * document is another article on the source's story. A document no pair names a source for reuses none.
 * The listing covers the pairs of this subset only: a suspicious document also reuses stored sources that no pair
 * of the subset names (the full corpus pairs it with several). Such a source counts as a true one when the two
 * documents share a run of VERBATIM_RUN words, evidence read from the texts alone; both figures are reported.
 * Obfuscation (random word replacement, a translation chain) leaves no such run in a copied passage, only short
 * ones: a third figure also counts an unlisted source sharing SCATTERED_RUNS distinct runs of SCATTERED_RUN_WORDS
 * words, evidence read from the texts alone too.
 */
export const PAN_DIR = join(seedsDir(), '../../shared/eval/corpora/pan13-dev');
/**
 * Words in a row shared verbatim that make an unlisted source a true one: one more than the longest run any
 * document without reuse shares with any stored document (8 words, two same-story news articles quoting the same
 * sentence; `scripts/fit-passage.ts` prints it).
 */
export const VERBATIM_RUN = 9;
/** Words in the short runs counted for obfuscated copying (the length of Broder's shingles in the index). */
export const SCATTERED_RUN_WORDS = 5;
/**
 * Distinct runs of SCATTERED_RUN_WORDS words shared that make an unlisted source a true one: one more than the most
 * any document without reuse shares with any stored document (4; `scripts/fit-passage.ts` prints it).
 */
export const SCATTERED_RUNS = 5;

export interface PanRow {
  subcorpus: string;
  documents: number;
  /** Documents whose first source is a listed true source / any derived source is listed / none is derived. */
  firstTrue: number;
  anyTrue: number;
  nothing: number;
  /** Documents whose first source is not listed; of them, sharing a verbatim run of VERBATIM_RUN words. */
  firstUnlisted: number;
  firstVerbatim: number;
  /** Of the unlisted first sources without a verbatim run, sharing SCATTERED_RUNS short runs. */
  firstScattered: number;
}

/** One checked document: its subcorpus and what the check answered first. */
export interface PanOutcome {
  document: string;
  subcorpus: string;
  /** First source listed; unlisted but verbatim; unlisted, not verbatim, sharing scattered runs; any found. */
  firstListed: boolean;
  firstVerbatim: boolean;
  firstScattered: boolean;
  found: boolean;
}

export interface PanResult {
  stored: number;
  rows: PanRow[];
  /** Over documents with reuse: first source a listed true source; a listed or verbatim-verified one. */
  firstTrueShare: number;
  firstVerifiedShare: number;
  /** Over documents with reuse: first source listed, verbatim or sharing scattered runs. */
  firstReusedShare: number;
  /** Over documents without reuse: any derived source found. */
  falseSourceShare: number;
  checkMs: { median: number; p95: number };
  missed: string[];
  outcomes: PanOutcome[];
}

export interface PanOptions {
  dir?: string;
  onProgress?: (done: number, total: number) => void;
  /** The compare's derivation figures (default: this process's comparer); the fitting script memoises them. */
  derive?: (original: ArticleInput, rewrite: ArticleInput) => Promise<Derivation>;
  judgeRule?: JudgeRule;
  /** Told of each compared candidate (`SourceFinderDeps.observe`), with the document it was compared for. */
  observe?: (document: string, judged: JudgedCandidate) => void;
}

/** Documents without reuse are filed under `none`, or `none: SUBCORPUS` when their pairs list no reuse case. */
export function withoutReuse(subcorpus: string): boolean {
  return subcorpus === 'none' || subcorpus.startsWith('none:');
}

/** Shares of `outcomes` as the benchmark reports them. */
export function panShares(outcomes: readonly PanOutcome[]): {
  first: number;
  verified: number;
  reused: number;
  false: number;
} {
  const reuse = outcomes.filter((o) => !withoutReuse(o.subcorpus));
  const none = outcomes.filter((o) => withoutReuse(o.subcorpus));
  return {
    first: reuse.filter((o) => o.firstListed).length / Math.max(1, reuse.length),
    verified: reuse.filter((o) => o.firstListed || o.firstVerbatim).length / Math.max(1, reuse.length),
    reused:
      reuse.filter((o) => o.firstListed || o.firstVerbatim || o.firstScattered).length / Math.max(1, reuse.length),
    false: none.filter((o) => o.found).length / Math.max(1, none.length),
  };
}

export async function panRetrieval(rarity: Rarity, options: PanOptions = {}): Promise<PanResult | null> {
  const dir = options.dir ?? PAN_DIR;
  if (!existsSync(join(dir, 'pairs_index.tsv'))) return null;
  const pairs = readFileSync(join(dir, 'pairs_index.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  const store = openSqliteStore({ dataDir: ':memory:' });
  try {
    const sourceWords = new Map<string, string[]>();
    for (const f of readdirSync(join(dir, 'src')).sort()) {
      const text = readFileSync(join(dir, 'src', f), 'utf8');
      sourceWords.set(f, words(text));
      await store.add([prepareArticle({ text, title: f }, rarity)]);
    }
    for (const f of readdirSync(seedsDir())
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      await store.add([prepareArticle({ text: readFileSync(join(seedsDir(), f), 'utf8'), title: f }, rarity)]);
    }
    const truth = new Map<string, { sources: Set<string>; subcorpus: string }>();
    for (const [sub, susp, src, cases] of pairs as [string, string, string, string][]) {
      const entry = truth.get(susp) ?? { sources: new Set<string>(), subcorpus: 'none' };
      if (sub !== '01-no-plagiarism' && Number(cases) > 0) {
        entry.sources.add(src);
        if (withoutReuse(entry.subcorpus)) entry.subcorpus = sub;
      } else if (sub !== '01-no-plagiarism' && entry.subcorpus === 'none') {
        entry.subcorpus = `none: ${sub}`;
      }
      truth.set(susp, entry);
    }
    const deps: SourceFinderDeps = {
      store,
      rarity,
      compare: async (o, r) => defaultComparer().compare(o, r),
      derive: options.derive ?? (async (o, r) => defaultComparer().derive(o, r)),
      judgeRule: options.judgeRule,
    };
    let current = '';
    if (options.observe) {
      const observe = options.observe;
      deps.observe = (j) => observe(current, j);
    }
    const rows = new Map<string, PanRow>();
    const times: number[] = [];
    const missed: string[] = [];
    const outcomes: PanOutcome[] = [];
    let done = 0;
    for (const [susp, { sources, subcorpus }] of [...truth].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const text = readFileSync(join(dir, 'susp', susp), 'utf8');
      current = susp;
      const started = performance.now();
      const answer = await findSources(deps, { text }, { limit: 5 });
      times.push(performance.now() - started);
      const row = rows.get(subcorpus) ?? {
        subcorpus,
        documents: 0,
        firstTrue: 0,
        anyTrue: 0,
        nothing: 0,
        firstUnlisted: 0,
        firstVerbatim: 0,
        firstScattered: 0,
      };
      row.documents++;
      const titles = answer.sources.map((s) => s.article.title ?? '');
      const first = titles[0];
      const firstListed = first !== undefined && sources.has(first);
      const unlisted = first !== undefined && !firstListed && sources.size > 0;
      const checked = words(text);
      const firstVerbatim = unlisted && sharesRun(checked, sourceWords.get(first) ?? [], VERBATIM_RUN);
      const firstScattered =
        unlisted &&
        !firstVerbatim &&
        sharedRunCount(checked, sourceWords.get(first) ?? [], SCATTERED_RUN_WORDS) >= SCATTERED_RUNS;
      if (titles.length === 0) row.nothing++;
      if (firstListed) row.firstTrue++;
      if (unlisted) row.firstUnlisted++;
      if (firstVerbatim) row.firstVerbatim++;
      if (firstScattered) row.firstScattered++;
      if (titles.some((t) => sources.has(t))) row.anyTrue++;
      if (sources.size && !firstListed && !firstVerbatim) {
        missed.push(`${subcorpus}/${susp}: first ${first ?? 'none'}${firstScattered ? ' (scattered runs)' : ''}`);
      }
      outcomes.push({
        document: susp,
        subcorpus,
        firstListed,
        firstVerbatim,
        firstScattered,
        found: titles.length > 0,
      });
      rows.set(subcorpus, row);
      options.onProgress?.(++done, truth.size);
    }
    const shares = panShares(outcomes);
    times.sort((a, b) => a - b);
    return {
      stored: await store.count(),
      rows: [...rows.values()].sort((a, b) => (a.subcorpus < b.subcorpus ? -1 : 1)),
      firstTrueShare: shares.first,
      firstVerifiedShare: shares.verified,
      firstReusedShare: shares.reused,
      falseSourceShare: shares.false,
      checkMs: { median: times[Math.floor(times.length / 2)] ?? 0, p95: times[Math.floor(times.length * 0.95)] ?? 0 },
      missed,
      outcomes,
    };
  } finally {
    await store.close();
  }
}
