import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { seed } from './in-process.js';
import { percentile } from './stats.js';

/** The parts of autocannon's result this benchmark reads (autocannon ships no TypeScript types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface HttpRow {
  connections: number;
  /** `same`: the seed pair every time (the workers' analysis cache holds both texts). `fresh`: each request's texts
   *  differ from every earlier one (a numbered first paragraph on both sides), so both are analysed anew. */
  texts: 'same' | 'fresh';
  durationS: number;
  /** req/s of each measured window (`repeats` windows of `durationS`, back to back); the row's figures are those of
   *  the median window. */
  windows: number[];
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface HttpResult {
  /** From spawning `node dist/src/server.js` until `/health` answers and the pool is warm. */
  serverStartMs: number;
  workers: string;
  rows: HttpRow[];
}

/** A service started from `dist/src/server.js` on 127.0.0.1 for a benchmark. */
export interface BenchServer {
  base: string;
  /** From spawn until `/health` answers. */
  startMs: number;
  stop(): Promise<void>;
}

export async function startServer(port: number, env: Record<string, string> = {}): Promise<BenchServer> {
  const server = fileURLToPath(new URL('../src/server.js', import.meta.url));
  const start = performance.now();
  const child = spawn(process.execPath, [server], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitForHealth(port, child, 30_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${output}`);
  }
  return { base: `http://127.0.0.1:${port}`, startMs: performance.now() - start, stop };
}

const seedBody = (prefix = '') =>
  JSON.stringify({
    original: { text: prefix + seed('001_d2036ec9883e01fd.txt'), outlet: 'The Atlantic' },
    rewrite: { text: prefix + seed('000_c90c4d7f5878e1c4.txt'), outlet: 'Caliber.Az' },
  });

let bulletin = 0;
/** An autocannon request whose texts no earlier request had (defeats the per-text analysis cache). */
const freshRequest = {
  setupRequest: (req: Record<string, unknown>) => ({
    ...req,
    body: seedBody(`Bulletin ${++bulletin} of the wire service.\n\n`),
  }),
};

/**
 * Benchmark 2: the seed pair through the running service (`dist/src/server.js` on 127.0.0.1) with autocannon at
 * the given connection counts, each for `repeats` windows of `durationS` seconds (the median window reported) after
 * `warmupS` seconds of warm-up at that concurrency; then, at `freshConnections`, with texts that differ on every
 * request.
 */
export async function benchHttp(
  port: number,
  connectionsList: number[],
  durationS: number,
  env: Record<string, string> = {},
  freshConnections: number[] = [],
  warmupS = 5,
  repeats = 1,
): Promise<HttpResult> {
  const body = seedBody();
  const server = await startServer(port, env);
  try {
    const url = `${server.base}/v1/compare`;
    // One compare through the pool so every worker is warm before timing starts.
    const t = performance.now();
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const serverStartMs = server.startMs + performance.now() - t;
    const rows: HttpRow[] = [];
    const runs = [
      ...connectionsList.map((c) => [c, 'same'] as const),
      ...freshConnections.map((c) => [c, 'fresh'] as const),
    ];
    for (const [connections, texts] of runs) {
      const opts = {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
        ...(texts === 'fresh' ? { requests: [freshRequest] } : {}),
      };
      // Warm-up at this concurrency, long enough for steady state: with both cores busy, V8's optimising compiler
      // (background threads) lags, and a cold pool takes ~5 s of load to reach its steady rate (measured: 70 → 150
      // req/s over the first 5 one-second windows at 8 connections).
      await autocannon({ ...opts, duration: warmupS });
      // On a shared machine one window's rate moves by ±10% from run to run: the median of a few windows is steadier.
      const windows: AutocannonResult[] = [];
      for (let k = 0; k < repeats; k++) windows.push(await autocannon({ ...opts, duration: durationS, timeout: 30 }));
      const r = [...windows].sort((a, b) => a.requests.average - b.requests.average)[windows.length >> 1]!;
      rows.push({
        connections,
        texts,
        durationS,
        windows: windows.map((w) => w.requests.average),
        reqPerSec: r.requests.average,
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        maxMs: r.latency.max,
        requests: r.requests.total,
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
      });
    }
    return { serverStartMs, workers: env.WORKERS ?? 'default', rows };
  } finally {
    await server.stop();
  }
}

export interface BlockingResult {
  words: number;
  compareStatus: number;
  compareMs: number;
  responseBytes: number;
  healthProbes: number;
  healthP50Ms: number;
  healthP99Ms: number;
  healthMaxMs: number;
}

/**
 * Does a huge compare stall the service? One `words`-per-side compare is sent while `/health` is probed every
 * 20 ms; the probe latencies show how long the event loop was ever blocked (parsing the body, handing it to a
 * worker, serialising the answer).
 */
export async function benchBlocking(
  port: number,
  words: number,
  pair: { original: string; rewrite: string },
): Promise<BlockingResult> {
  const server = await startServer(port, { COMPARE_TIMEOUT_MS: '600000', BODY_LIMIT: String(64 * 1024 * 1024) });
  try {
    await fetch(`${server.base}/v1/compare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: seedBody(),
    });
    const body = JSON.stringify({ original: { text: pair.original }, rewrite: { text: pair.rewrite } });
    const probes: number[] = [];
    let done = false;
    const prober = (async () => {
      while (!done) {
        const t = performance.now();
        await fetch(`${server.base}/health`).then((r) => r.arrayBuffer());
        probes.push(performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const t = performance.now();
    const res = await fetch(`${server.base}/v1/compare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await res.text();
    const compareMs = performance.now() - t;
    done = true;
    await prober;
    return {
      words,
      compareStatus: res.status,
      compareMs,
      responseBytes: text.length,
      healthProbes: probes.length,
      healthP50Ms: percentile(probes, 50),
      healthP99Ms: percentile(probes, 99),
      healthMaxMs: Math.max(...probes),
    };
  } finally {
    await server.stop();
  }
}

async function waitForHealth(port: number, child: ChildProcess, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`server on port ${port} did not become healthy within ${ms} ms`);
}
