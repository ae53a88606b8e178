import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { seed } from './in-process.js';

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
  durationS: number;
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

/**
 * Benchmark 2: the seed pair through the running service (`dist/src/server.js` on 127.0.0.1) with autocannon at
 * the given connection counts, each for `durationS` seconds after a short warm-up.
 */
export async function benchHttp(port: number, connectionsList: number[], durationS: number, env: Record<string, string> = {}): Promise<HttpResult> {
  const body = JSON.stringify({
    original: { text: seed('001_d2036ec9883e01fd.txt'), outlet: 'The Atlantic' },
    rewrite: { text: seed('000_c90c4d7f5878e1c4.txt'), outlet: 'Caliber.Az' },
  });
  const server = fileURLToPath(new URL('../src/server.js', import.meta.url));
  const start = performance.now();
  const child = spawn(process.execPath, [server], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(port, child, 30_000);
    const url = `http://127.0.0.1:${port}/v1/compare`;
    // One compare through the pool so every worker is warm before timing starts.
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const serverStartMs = performance.now() - start;
    const rows: HttpRow[] = [];
    for (const connections of connectionsList) {
      const opts = { url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections };
      await autocannon({ ...opts, duration: 1 }); // warm-up at this concurrency
      const r = await autocannon({ ...opts, duration: durationS, timeout: 30 });
      rows.push({
        connections, durationS, reqPerSec: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99,
        maxMs: r.latency.max, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts,
      });
    }
    return { serverStartMs, workers: env.WORKERS ?? 'default', rows };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => { if (child.exitCode !== null) resolve(null); else child.once('exit', resolve); });
  }
}

async function waitForHealth(port: number, child: ChildProcess, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`server on port ${port} did not become healthy within ${ms} ms`);
}
