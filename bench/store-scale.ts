import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findSources } from '../src/check/find-sources.js';
import type { ArticleInput } from '../src/core/types.js';
import { defaultComparer } from '../src/default-comparer.js';
import { articleId } from '../src/retrieve/fingerprint.js';
import { prepareArticle } from '../src/retrieve/prepare.js';
import { POSTINGS_CAP, rankCandidates } from '../src/retrieve/rank.js';
import { queryKeys, type Rarity } from '../src/retrieve/signature.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { ArticleStore } from '../src/store/types.js';
import { PAN_DIR } from './pan-retrieval.js';
import { percentile } from './stats.js';
import { rng, seedsDir } from './synthetic.js';

/**
 * Ingest rate and check latency as the store grows (1k, 10k, 100k articles), on each engine. Articles are
 * synthetic and news-like: 4–8 paragraphs drawn from the seeds' and the PAN documents' paragraphs (~30,000 of
 * them), each copy with 5% of its words replaced, under a numbered first line, so a paragraph recurs in many
 * articles (as wire copy does) without whole articles repeating. Checks alternate a light rewrite of a stored
 * article (a source to find) and a new recombination (nothing to find); each check runs the full path (index,
 * candidates, compares in this process).
 */

export interface ScaleStep {
  engine: 'sqlite' | 'postgres';
  articles: number;
  /** Articles stored per second while growing to this size (index keys computed and committed in batches of 500). */
  ingestPerSec: number;
  /**
   * The same rate in this process's CPU time (index keys and SQLite's work; PostgreSQL's server is not counted):
   * on a machine shared with other work, wall time measures the load as much as the store.
   */
  ingestCpuPerSec: number;
  /** Whole check (index lookup, candidates read, compares) and index lookup alone, ms. */
  check: { p50: number; p95: number; p99: number };
  /** Whole check in this process's CPU time, ms. */
  checkCpu: { p50: number; p95: number; p99: number };
  lookup: { p50: number; p95: number; p99: number };
  /** Bytes on disk (SQLite file + WAL; PostgreSQL tables + indexes) per stored article. */
  bytesPerArticle: number;
  rssMb: number;
  /** Derived checks whose source was found first. */
  foundFirst: string;
  /** One-minute load average when the step ended (2 cores: above 2, other work was waiting for them). */
  load: number;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

const BATCH = 500;

export function paragraphPool(): string[] {
  // U+0000 (in a few PAN documents) is refused by the store.
  const lines = (text: string) =>
    text
      .replace(/\u0000/g, '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.split(/\s+/).length >= 12);
  const read = (dir: string, f: string) => lines(readFileSync(join(dir, f), 'utf8'));
  const pool = readdirSync(seedsDir())
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => read(seedsDir(), f));
  for (const sub of ['src', 'susp']) {
    const dir = join(PAN_DIR, sub);
    if (existsSync(dir)) for (const f of readdirSync(dir).sort()) pool.push(...read(dir, f));
  }
  return pool;
}

/** The n-th synthetic article: deterministic, so every run and engine stores the same texts. */
export function syntheticArticle(n: number, pool: string[], vocab: string[]): ArticleInput {
  const rand = rng(n * 7919 + 17);
  const count = 4 + Math.floor(rand() * 5);
  const word = () => vocab[Math.floor(rand() * vocab.length)];
  const paras = [`Dispatch ${n}: ${word()} ${word()} report.`];
  for (let i = 0; i < count; i++) {
    const p = pool[Math.floor(rand() * pool.length)]!;
    paras.push(p.replace(/[A-Za-z][\w'’-]*/g, (w) => (rand() < 0.05 ? (word() ?? w) : w)));
  }
  const day = 1 + (n % 28),
    month = 1 + (Math.floor(n / 28) % 12);
  const published = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { text: paras.join('\n\n'), outlet: `Outlet ${n % 50}`, published };
}

/** A light rewrite of a stored article, dated after it: a third of its sentences reworded, one dropped. */
export function rewriteOf(a: ArticleInput, n: number, vocab: string[]): ArticleInput {
  const rand = rng(n * 104729 + 3);
  const swap = (w: string) => (rand() < 0.08 ? (vocab[Math.floor(rand() * vocab.length)] ?? w) : w);
  const paras = a.text
    .split('\n\n')
    .slice(1)
    .map((p) => p.replace(/[A-Za-z][\w'’-]*/g, swap));
  return { text: [`Rewritten ${n}.`, ...paras.filter((_, i) => i !== 1)].join('\n\n'), published: '2025-06-01' };
}

export interface ScaleOptions {
  sizes: number[];
  checks: number;
  rarity: Rarity;
  postgresUrl?: string | undefined;
  onProgress?: (line: string) => void;
}

export async function storeScale(engine: 'sqlite' | 'postgres', opts: ScaleOptions): Promise<ScaleStep[]> {
  const pool = paragraphPool();
  const vocab = [...new Set(pool.join(' ').match(/[A-Za-z]{4,}/g) ?? [])].slice(0, 20_000);
  let store: ArticleStore;
  let size: () => Promise<number>;
  let cleanup: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'article-diff-bench-'));
    store = openSqliteStore({ dataDir: dir });
    const bytes = (f: string) => (existsSync(join(dir, f)) ? statSync(join(dir, f)).size : 0);
    size = async () => bytes('articles.db') + bytes('articles.db-wal');
    cleanup = async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    };
  } else {
    const schema = `ad_bench_${process.pid}`;
    store = await openPostgresStore({ connectionString: opts.postgresUrl!, schema });
    const admin = new pg.Client({ connectionString: opts.postgresUrl });
    await admin.connect();
    size = async () =>
      Number(
        (
          await admin.query(
            `SELECT sum(pg_total_relation_size(c.oid))::int8 AS n FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
            [schema],
          )
        ).rows[0].n,
      );
    cleanup = async () => {
      await store.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    };
  }
  const steps: ScaleStep[] = [];
  try {
    let stored = 0;
    const deps = {
      store,
      rarity: opts.rarity,
      compare: async (o: ArticleInput, r: ArticleInput) => defaultComparer().compare(o, r),
      derive: async (o: ArticleInput, r: ArticleInput) => defaultComparer().derive(o, r),
    };
    for (const target of opts.sizes) {
      // Timed: index keys computed and the batch committed (building the synthetic texts is not ingest).
      let ingestMs = 0,
        ingestCpu = 0;
      while (stored < target) {
        const batch: ArticleInput[] = [];
        for (let i = 0; i < BATCH && stored + i < target; i++) batch.push(syntheticArticle(stored + i, pool, vocab));
        const started = performance.now(),
          cpu = process.cpuUsage();
        await store.add(batch.map((a) => prepareArticle(a, opts.rarity)));
        ingestMs += performance.now() - started;
        ingestCpu += cpuMs(cpu);
        stored += batch.length;
      }
      const added = target - (steps.at(-1)?.articles ?? 0);
      const ingestPerSec = added / (ingestMs / 1000);
      const checks: number[] = [],
        checkCpus: number[] = [],
        lookups: number[] = [];
      let derived = 0,
        found = 0;
      for (let i = 0; i < opts.checks; i++) {
        const n = Math.floor(((i + 0.5) * target) / opts.checks);
        const source = syntheticArticle(n, pool, vocab);
        const input = i % 2 === 0 ? rewriteOf(source, n, vocab) : syntheticArticle(10_000_000 + i, pool, vocab);
        const t0 = performance.now();
        const q = queryKeys(input.text, opts.rarity);
        rankCandidates(
          q,
          await store.postings(
            q.map((k) => k.key),
            POSTINGS_CAP,
          ),
          target,
        );
        lookups.push(performance.now() - t0);
        const t1 = performance.now(),
          cpu = process.cpuUsage();
        const answer = await findSources(deps, input, { limit: 5 });
        checks.push(performance.now() - t1);
        checkCpus.push(cpuMs(cpu));
        if (i % 2 === 0) {
          derived++;
          if (answer.sources[0]?.article.id === articleId(source.text)) found++;
        }
      }
      const stat = (xs: number[]) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99) });
      const step: ScaleStep = {
        engine,
        articles: target,
        ingestPerSec,
        ingestCpuPerSec: added / (ingestCpu / 1000),
        check: stat(checks),
        checkCpu: stat(checkCpus),
        lookup: stat(lookups),
        bytesPerArticle: (await size()) / target,
        rssMb: process.memoryUsage().rss / 2 ** 20,
        foundFirst: `${found}/${derived}`,
        load: loadavg()[0]!,
      };
      steps.push(step);
      opts.onProgress?.(
        `${engine} ${target}: ingest ${step.ingestPerSec.toFixed(0)}/s ` +
          `(CPU ${step.ingestCpuPerSec.toFixed(0)}/s), check p50 ${step.check.p50.toFixed(0)} ms ` +
          `p95 ${step.check.p95.toFixed(0)} ms (CPU ${step.checkCpu.p95.toFixed(0)} ms), ` +
          `load ${step.load.toFixed(1)}, ` +
          `lookup p95 ${step.lookup.p95.toFixed(1)} ms, found ${step.foundFirst}`,
      );
    }
  } finally {
    await cleanup();
  }
  return steps;
}
