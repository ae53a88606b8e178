import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { DEFAULTS } from '../config.js';
import type { Derivation } from '../core/compare.js';
import type { ArticleInput, CompareResult } from '../core/types.js';
import { defaultComparer } from '../default-comparer.js';
import { ExtractError, type ExtractedArticle } from '../extract/article.js';
import { ProblemError } from '../http/problem.js';
import { defaultLexicon } from '../lexicon/vectors.js';
import type { Logger } from '../logger.js';
import type { HtmlOptions } from '../render/html.js';
import type { Format } from '../schemas/format.js';
import {
  type CompareTask,
  type CompareWorkerData,
  type DeriveTask,
  type ExtractAnswer,
  type Fault,
  WORKER_LOADED,
  type WorkerLoaded,
  type WorkerTask,
} from './messages.js';
import { performTask } from './tasks.js';
import { workerStart } from './worker-start.js';

/** How routes run a compare. Routes never call the core directly, so where it runs can change here. */
export interface Engine {
  compare(original: ArticleInput, rewrite: ArticleInput): Promise<CompareResult>;
  /** The compare's derivation figures alone (`Comparer.derive`), as a check judges most candidates by. */
  derive(original: ArticleInput, rewrite: ArticleInput): Promise<Derivation>;
  /**
   * The same answer already serialised (JSON) or rendered (text, Markdown, HTML report). For a long document
   * the result is megabytes: receiving it as an object and serialising or rendering it on the main thread would
   * block the event loop for hundreds of ms (measured: bench/README.md), so the worker hands over the body: its
   * UTF-8 bytes, ready to be written.
   */
  compareAs?(original: ArticleInput, rewrite: ArticleInput, answer: AnswerRequest): Promise<Buffer>;
  /**
   * The article of a web page (Readability over linkedom), off the event loop: a large page takes seconds
   * (test/extract). Rejects with an `ExtractError` when the page holds no article or breaks a page-shape limit.
   */
  extract(html: string): Promise<ExtractedArticle>;
}

/** How `compareAs` shapes its answer. */
export interface AnswerRequest {
  format: Format;
  /** Outlet names and the response's CSP nonces, for the rendered formats. */
  render?: HtmlOptions | undefined;
  /** Sides whose text was extracted from HTML: the answer carries that text (its offsets refer to it). */
  withText?: { original?: boolean | undefined; rewrite?: boolean | undefined } | undefined;
}

/** Live figures of the pool, for tests, logs and the benchmark. */
export interface EngineStats {
  /** Worker threads currently alive. */
  threads: number;
  /** Worker threads that have loaded their resources and can take a compare now. */
  ready: number;
  /** Compares waiting for a free worker. */
  queued: number;
  /** Compares run on the main thread / in the pool since start. */
  inline: number;
  pooled: number;
  /** Worker threads the pool runs when complete: it can take compares at full rate once `ready === size`. */
  size: number;
  /** Load time of each worker started so far (replacements included), ms from thread start to ready. */
  loadMs: number[];
}

export interface EngineOptions {
  /** Worker threads; 0 = one per CPU core. */
  workers: number;
  /** Budget of one compare (queueing included), in ms. */
  compareTimeoutMs: number;
  /** Compares with both texts totalling at most this many characters run inline while the pool is idle (0 = never). */
  inlineMaxChars: number;
  /** Compares allowed to wait for a worker before new ones are shed. */
  compareQueueMax: number;
  /**
   * Starts the budget of one compare: calls `expire` after `ms` unless the returned function cancels it first.
   * Tests inject one to expire budgets when they choose, so no test depends on how fast the machine is.
   */
  budgetTimer?: BudgetTimer | undefined;
  /** Where the pool reports its workers (loaded, with their load time); the server passes its pino logger. */
  logger?: Pick<Logger, 'info'> | undefined;
  /**
   * TEST ONLY: decides a simulated fault per compare (worker crash, runaway loop, thrown error). Only an explicit
   * `buildApp({ engine: { faults } })` sets it; nothing in a request can, and without it workers ignore faults.
   */
  faults?: ((original: ArticleInput, rewrite: ArticleInput) => Fault | undefined) | undefined;
}

/** Starts a budget of `ms`; `expire` runs when it runs out; the returned function cancels it. */
export type BudgetTimer = (ms: number, expire: () => void) => () => void;

/**
 * The budget's own timer. Not `AbortSignal.timeout()`: a timeout signal combined with `AbortSignal.any()` can be
 * garbage-collected before it fires (Node 20, nodejs/node#57736), and then a runaway compare holds its worker for
 * ever. A `setTimeout` handle stays referenced by the event loop until it fires or is cleared.
 */
export const realBudgetTimer: BudgetTimer = (ms, expire) => {
  const handle = setTimeout(expire, ms);
  return () => clearTimeout(handle);
};

export interface PooledEngine extends Engine {
  stats(): EngineStats;
  /** Starts the pool (if not yet) and waits (at most `timeoutMs`) until every worker has loaded its resources. */
  warmup(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The worker always runs compiled JavaScript: from `dist/` it sits next to this file; under tap (this file is
 * TypeScript run through a loader) the compiled copy in `dist/` is used, which `npm test` builds first.
 * Worker threads do not inherit a TypeScript loader, so pointing them at `.ts` would fail.
 */
export function workerFile(from: string = import.meta.url): string {
  const here = fileURLToPath(from);
  const file = here.endsWith('.ts')
    ? fileURLToPath(new URL('../../dist/src/worker/compare-worker.js', from))
    : fileURLToPath(new URL('./compare-worker.js', from));
  if (!existsSync(file)) throw new Error(`compare worker not found at ${file}: run \`npm run build\` first`);
  return file;
}

/**
 * Creates the compare engine: a piscina pool of worker threads, so a long compare never blocks the
 * event loop that serves `/health` and other requests. Each compare has a time budget; when it runs out the
 * task is aborted, which terminates its worker thread (a synchronous loop cannot be interrupted any other
 * way) and piscina starts a replacement. Tiny compares may run inline, where a round trip to a worker would
 * cost more than the compare itself. The pool starts lazily (tests that never compare never pay for it) or
 * eagerly through `warmup()` (the server does this when it starts listening).
 */
export function createEngine(options: Partial<EngineOptions> = {}): PooledEngine {
  const opts: EngineOptions = {
    workers: options.workers ?? DEFAULTS.workers,
    compareTimeoutMs: options.compareTimeoutMs ?? DEFAULTS.compareTimeoutMs,
    inlineMaxChars: options.inlineMaxChars ?? DEFAULTS.inlineMaxChars,
    compareQueueMax: options.compareQueueMax ?? DEFAULTS.compareQueueMax,
    budgetTimer: options.budgetTimer ?? realBudgetTimer,
    logger: options.logger,
    faults: options.faults,
  };
  const startBudget = opts.budgetTimer ?? realBudgetTimer;
  const threads = opts.workers > 0 ? opts.workers : Math.max(1, availableParallelism());
  let pool: Piscina<WorkerTask, CompareResult | string | Uint8Array | Derivation | ExtractAnswer> | undefined;
  let closed = false;
  /** Live workers that finished loading their resources, and how long each took to load (ms). */
  const ready = new Set<number>();
  const loadTimes: number[] = [];
  // A thread counts as ready while it is alive (a stopped worker's threadId becomes -1 or it leaves `threads`).
  const readyCount = () => pool?.threads.filter((w) => ready.has(w.threadId)).length ?? 0;
  /** Pooled compares running or waiting. */
  let inFlight = 0;
  const counts = { inline: 0, pooled: 0 };
  /** Ends the pooled tasks still running or queued (on close). */
  const running = new Set<AbortController>();

  const getPool = () => {
    if (closed) throw shuttingDown();
    if (pool) return pool;
    pool = new Piscina<WorkerTask, CompareResult | string | Uint8Array | Derivation | ExtractAnswer>({
      filename: workerFile(),
      minThreads: threads,
      maxThreads: threads,
      // Keep workers (and their loaded resources) alive: re-loading costs far more than an idle thread.
      idleTimeout: 2 ** 31 - 1,
      // Closing waits for running compares, which end by their own budget at the latest: piscina's default (30 s)
      // would otherwise give up first, and fail the close, while a compare with a longer budget still runs.
      closeTimeout: opts.compareTimeoutMs + 1000,
      // A compare allocates a few MB of short-lived objects; with V8's default young generation a worker under load
      // scavenges many times a second. A young generation of WORKER_YOUNG_GENERATION_MB makes the scavenges fewer
      // and the GC time shorter, for at most that much more memory.
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      workerData: { allowFaults: opts.faults !== undefined, lexicon: defaultLexicon() } satisfies CompareWorkerData,
      ...workerStart(process.execArgv, process.env),
    });
    // Each worker posts one message once its resources are loaded (src/worker/compare-worker.ts).
    pool.on('message', (m: unknown) => {
      if (!isLoaded(m)) return;
      ready.add(m.threadId);
      loadTimes.push(m.loadMs);
      opts.logger?.info(
        { threadId: m.threadId, loadMs: Math.round(m.loadMs), lexicon: m.lexicon },
        'compare worker loaded',
      );
    });
    return pool;
  };

  return {
    async compare(original, rewrite) {
      return run({ original, rewrite }) as Promise<CompareResult>;
    },
    async derive(original, rewrite) {
      return run({ kind: 'derive', original, rewrite }) as Promise<Derivation>;
    },
    async compareAs(original, rewrite, answer) {
      const body = (await run({
        original,
        rewrite,
        format: answer.format,
        render: answer.render,
        withText: answer.withText,
      })) as string | Uint8Array;
      // Inline compares answer the string itself; pooled ones its bytes (moved from the worker, not copied here).
      return typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    },
    async extract(html) {
      const answer = (await runTask({ kind: 'extract', html }, html.length, undefined)) as ExtractAnswer;
      if (!answer.ok) throw new ExtractError(answer.message);
      return answer.article;
    },
    stats: () => ({
      threads: pool?.threads.length ?? 0,
      ready: readyCount(),
      queued: Math.max(0, inFlight - threads),
      ...counts,
      size: threads,
      loadMs: [...loadTimes],
    }),
    async warmup(timeoutMs = 60_000) {
      getPool();
      const deadline = Date.now() + timeoutMs;
      while (readyCount() < threads && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    },
    async close() {
      closed = true;
      // The server closes after its in-flight requests are answered, so a task still here belongs to a client that
      // hung up: nobody waits for it, and the close should not wait for its budget either.
      for (const task of running) task.abort();
      const p = pool;
      pool = undefined;
      if (p) await p.close({ force: true });
    },
  };

  function run(task: CompareTask | DeriveTask): Promise<CompareResult | string | Uint8Array | Derivation> {
    const fault = opts.faults?.(task.original, task.rewrite);
    return runTask({ ...task, fault }, task.original.text.length + task.rewrite.text.length, fault) as Promise<
      CompareResult | string | Uint8Array | Derivation
    >;
  }

  async function runTask(
    task: WorkerTask,
    chars: number,
    fault: Fault | undefined,
  ): Promise<CompareResult | string | Uint8Array | Derivation | ExtractAnswer> {
    // Inline only while the pool is idle: under concurrency the main thread must stay free for I/O
    // (and the CPU for the workers), so then even tiny compares queue for a worker.
    if (!fault && chars <= opts.inlineMaxChars && inFlight === 0) {
      counts.inline++;
      return performTask(task);
    }
    const p = getPool();
    // Shed here rather than through piscina's maxQueue: in-flight counting is exact and independent of
    // how piscina splits waiting tasks between its queues.
    if (inFlight >= threads + opts.compareQueueMax) {
      throw new ProblemError('OVERLOADED', 'Too many compares are waiting for a worker; retry shortly.');
    }
    counts.pooled++;
    inFlight++;
    const stop = new AbortController();
    let expired = false;
    const cancelBudget = startBudget(opts.compareTimeoutMs, () => {
      expired = true;
      stop.abort();
    });
    running.add(stop);
    try {
      return await p.run(task, { signal: stop.signal });
    } catch (err) {
      // Closing the pool ends the tasks still running or queued (a client that hung up leaves its request running
      // past the server's close): that is the shutdown, not a slow compare or a crashed worker.
      if (closed) throw shuttingDown();
      throw expired ? budgetExpired(opts.compareTimeoutMs) : poolError(err);
    } finally {
      cancelBudget();
      running.delete(stop);
      inFlight--;
    }
  }
}

/** Runs one tiny compare on this thread, so that inline compares find the core's resources loaded. */
export function warmInline(): void {
  defaultComparer().compare(WARMUP.original, WARMUP.rewrite);
}

const WARMUP = {
  original: { text: 'The minister said on Monday that talks would resume.' },
  rewrite: { text: 'Talks will resume, the minister said.' },
};

function isLoaded(m: unknown): m is WorkerLoaded {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === WORKER_LOADED;
}

/** Young generation of each compare worker (V8 splits it into two semi-spaces and a large-object space). */
export const WORKER_YOUNG_GENERATION_MB = 96;

const shuttingDown = () =>
  new ProblemError('SHUTTING_DOWN', 'The service is shutting down; retry on another instance.');

const budgetExpired = (ms: number) =>
  new ProblemError(
    'COMPARE_TIMEOUT',
    `The compare did not finish within ${ms} ms; its worker was stopped. Retry later or send shorter texts.`,
  );

/** Maps a pool failure onto a registered problem: a crashed worker, or a core bug (kept as it is, a 500). */
function poolError(err: unknown): Error {
  const e = err as Error;
  if (/worker exited/i.test(e?.message ?? '')) {
    return new ProblemError(
      'COMPARE_FAILED',
      'The worker running this compare stopped unexpectedly; it has been replaced. Retry the request.',
    );
  }
  return e instanceof Error ? e : new Error(String(err));
}
