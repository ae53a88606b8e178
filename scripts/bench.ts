import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { benchBlocking, benchHttp } from '../bench/http.js';
import { benchInProcess } from '../bench/in-process.js';
import { runScale, type ScaleRow } from '../bench/scaling.js';
import { fmt, growthExponent, table } from '../bench/stats.js';
import { benchStore } from '../bench/store-section.js';
import { type PairKind, seedsDir, syntheticPair } from '../bench/synthetic.js';

/**
 * `npm run bench`: in-process seed pair, HTTP with autocannon, scaling on synthetic pairs with the
 * `diffWords` anchor. Prints tables with the targets and writes `bench/results.json`.
 *   --quick            short run (fewer iterations, 2 s HTTP runs, sizes up to 50k words)
 *   --only=a,b         any of: inprocess, http, blocking, scaling, retrieval, store
 *   --store-sizes=…    stored articles per store step (default 1000,10000,100000; quick 1000,10000)
 *   --store-engines=…  sqlite,postgres (PostgreSQL from --database-url= or DATABASE_URL; skipped when unreachable)
 *   --port=N           port for the HTTP benchmark (default 3510)
 * Figures depend on the machine and on what else runs on it; compare runs on the same machine only.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = new Set(
  (args.find((a) => a.startsWith('--only='))?.slice(7) ?? 'inprocess,http,blocking,scaling,retrieval,store').split(','),
);
const port = Number(args.find((a) => a.startsWith('--port='))?.slice(7) ?? 3510);

const TARGETS = {
  seedMedianMs: 10,
  startupMs: 2000,
  http8ReqPerSec: 200,
  http8P99Ms: 100,
  words100kMs: 5000,
  rss100kMb: 1024,
  exponent: 1.2,
};
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const root = `${seedsDir()}../`;
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  commit: gitCommit(),
  quick,
  machine: {
    node: process.version,
    cpus: availableParallelism(),
    cpu: cpus()[0]?.model,
    memGb: Math.round(totalmem() / 2 ** 30),
  },
  targets: TARGETS,
};

if (only.has('inprocess')) {
  const r = await benchInProcess(quick ? 50 : 300, quick ? 20 : 200);
  results.inProcess = r;
  console.log('\n## 1. In-process: seed 001 (The Atlantic) vs 000 (Caliber.Az)\n');
  console.log(
    table(
      ['measure', 'value', 'target', ''],
      [
        ['start-up: import core + wink-nlp model', `${fmt(r.importMs, 0)} ms`, '', ''],
        ['start-up: load lexicon (word vectors)', `${fmt(r.lexiconMs, 0)} ms`, '', ''],
        [
          'start-up total',
          `${fmt(r.startupMs, 0)} ms`,
          `<= ${TARGETS.startupMs} ms`,
          mark(r.startupMs <= TARGETS.startupMs),
        ],
        ['first compare (cold)', `${fmt(r.firstMs)} ms`, '', ''],
        [
          `median of ${r.iterations} (warm, texts analysed afresh)`,
          `${fmt(r.medianMs, 2)} ms`,
          `<= ${TARGETS.seedMedianMs} ms`,
          mark(r.medianMs <= TARGETS.seedMedianMs),
        ],
        ['p99 (warm, texts analysed afresh)', `${fmt(r.p99Ms, 2)} ms`, '', ''],
        ['CPU time per compare, median (texts analysed afresh)', `${fmt(r.cpuMedianMs, 2)} ms`, '', ''],
        ['of which wink-nlp reading the two texts, median', `${fmt(r.readMedianMs, 2)} ms`, '', ''],
        [
          'median / p99, same pair again (analyses cached)',
          `${fmt(r.cachedMedianMs, 2)} / ${fmt(r.cachedP99Ms, 2)} ms`,
          '',
          '',
        ],
        ['CPU time per compare, median (analyses cached)', `${fmt(r.cachedCpuMedianMs, 2)} ms`, '', ''],
        [
          `worker pool start-up (${r.poolThreads} threads)`,
          `${fmt(r.poolStartupMs, 0)} ms`,
          `<= ${TARGETS.startupMs} ms`,
          mark(r.poolStartupMs <= TARGETS.startupMs),
        ],
        ['median through the pool', `${fmt(r.pooledMedianMs, 2)} ms`, '', ''],
      ],
    ),
  );
}

if (only.has('http')) {
  const repeats = quick ? 1 : 3;
  const r = await benchHttp(port, [1, 8, 32], quick ? 2 : 5, {}, [8], quick ? 1 : 5, repeats);
  results.http = r;
  console.log(
    `\n## 2. HTTP: POST /v1/compare, seed pair, autocannon, ${repeats} × ${quick ? 2 : 5} s per` +
      ` row (median window) after ${quick ? 1 : 5} s of warm-up (server start to first answer:` +
      ` ${fmt(r.serverStartMs, 0)} ms)\n`,
  );
  console.log(
    table(
      [
        'connections',
        'texts',
        'req/s',
        'windows',
        'p50 ms',
        'p99 ms',
        'max ms',
        'requests',
        'non-2xx',
        'errors',
        'target',
      ],
      r.rows.map((row) => [
        row.connections,
        row.texts,
        fmt(row.reqPerSec),
        row.windows.map((w) => fmt(w, 0)).join(' / '),
        row.p50Ms,
        row.p99Ms,
        row.maxMs,
        row.requests,
        row.non2xx,
        row.errors,
        // The target is the seed pair's (the same texts every time); the fresh row shows what new texts cost.
        row.connections === 8 && row.texts === 'same'
          ? `>= ${TARGETS.http8ReqPerSec} req/s, p99 <= ${TARGETS.http8P99Ms} ms:` +
            ` ${mark(row.reqPerSec >= TARGETS.http8ReqPerSec && row.p99Ms <= TARGETS.http8P99Ms)}`
          : '',
      ]),
    ),
  );
}

if (only.has('blocking')) {
  const words = quick ? 20_000 : 100_000;
  const r = await benchBlocking(port + 1, words, syntheticPair(words, 'shared'));
  results.blocking = r;
  console.log(
    `\n## 2b. Event loop during one huge compare (${words} words per side, shared), /health probed every 20 ms\n`,
  );
  console.log(
    table(
      ['compare status', 'compare ms', 'answer bytes', '/health probes', 'p50 ms', 'p99 ms', 'max ms', 'target'],
      [
        [
          r.compareStatus,
          fmt(r.compareMs, 0),
          r.responseBytes,
          r.healthProbes,
          fmt(r.healthP50Ms),
          fmt(r.healthP99Ms),
          fmt(r.healthMaxMs),
          `/health <= 100 ms: ${mark(r.healthMaxMs <= 100)}`,
        ],
      ],
    ),
  );
}

if (only.has('scaling')) {
  const sizes = quick ? [1_000, 10_000, 50_000] : [1_000, 10_000, 50_000, 100_000];
  const kinds: PairKind[] = ['shared', 'unrelated'];
  const diffCapMs = quick ? 3_000 : 10_000;
  const killMs = quick ? 60_000 : 180_000;
  const rows: ScaleRow[] = [];
  for (const kind of kinds) {
    for (const words of sizes) {
      rows.push(await runScale('engine', words, kind, diffCapMs, killMs));
      rows.push(await runScale('diff', words, kind, diffCapMs, killMs));
    }
  }
  const exponents: Record<string, number> = {};
  for (const kind of kinds) {
    for (const tool of ['engine', 'diff'] as const) {
      const pts = rows
        .filter((r) => r.kind === kind && r.tool === tool && r.words >= 10_000 && r.ms !== null && !r.timedOut)
        .map((r) => ({ size: r.words, value: r.ms! }));
      exponents[`${tool}/${kind}`] = growthExponent(pts);
      // Step exponents between neighbouring sizes show where growth bends (a super-linear step stands out).
      for (let i = 1; i < pts.length; i++) {
        exponents[`${tool}/${kind} ${pts[i - 1]!.size / 1000}k→${pts[i]!.size / 1000}k`] = growthExponent([
          pts[i - 1]!,
          pts[i]!,
        ]);
      }
    }
  }
  results.scaling = { diffCapMs, killMs, rows, exponents };
  console.log(
    `\n## 3-4. Scaling on synthetic pairs (words per side), engine vs diffWords (capped at ${diffCapMs / 1000} s)\n`,
  );
  const cell = (r: ScaleRow | undefined) =>
    !r ? '-' : r.error ? r.error : r.timedOut ? `> ${diffCapMs} (cap)` : fmt(r.ms ?? NaN, 0);
  const out: (string | number)[][] = [];
  for (const kind of kinds) {
    for (const words of sizes) {
      const e = rows.find((r) => r.tool === 'engine' && r.kind === kind && r.words === words);
      const d = rows.find((r) => r.tool === 'diff' && r.kind === kind && r.words === words);
      out.push([
        kind,
        words,
        cell(e),
        e?.peakRssMb ?? '-',
        e?.alignments ?? '-',
        e?.verdict ?? '-',
        cell(d),
        d?.peakRssMb ?? '-',
      ]);
    }
  }
  console.log(
    table(
      [
        'pair',
        'words',
        'engine ms',
        'engine peak RSS MB',
        'alignments',
        'verdict',
        'diffWords ms',
        'diffWords peak RSS MB',
      ],
      out,
    ),
  );
  console.log('\nGrowth exponent (least-squares slope of log time on log words, 10k words and up; 1 = linear):');
  for (const [k, v] of Object.entries(exponents)) {
    const fit = !k.includes('→');
    const target =
      fit && k.startsWith('engine') ? `  (target <= ${TARGETS.exponent}: ${mark(v <= TARGETS.exponent)})` : '';
    console.log(`  ${k.padEnd(30)} ${fmt(v, 2)}${target}`);
  }
  const big = rows.filter((r) => r.tool === 'engine' && r.words === 100_000);
  for (const r of big) {
    console.log(
      `  100k ${r.kind}: ${fmt(r.ms ?? NaN, 0)} ms (target <= ${TARGETS.words100kMs}:` +
        ` ${mark((r.ms ?? Infinity) <= TARGETS.words100kMs)}), ` +
        `peak RSS ${r.peakRssMb ?? '-'} MB (target <= ${TARGETS.rss100kMb}:` +
        ` ${mark((r.peakRssMb ?? Infinity) <= TARGETS.rss100kMb)})`,
    );
  }
}

if (only.has('retrieval') || only.has('store')) {
  results.store = await benchStore({ quick, retrieval: only.has('retrieval'), scale: only.has('store'), args });
}

const file = `${root}bench/results.json`;
// A partial run (--only) updates its sections and keeps the others from the last run.
const previous =
  args.some((a) => a.startsWith('--only=')) && existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
// The store's two sections (retrieval, scale) are kept apart too: one may run without the other.
const store = { ...(previous.store as object | undefined), ...(results.store as object | undefined) };
writeFileSync(file, `${JSON.stringify({ ...previous, ...results, ...(results.store ? { store } : {}) }, null, 2)}\n`);
console.log(`\nwrote ${file}`);

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: seedsDir(), encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}
