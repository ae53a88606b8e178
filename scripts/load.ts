import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { median, percentile } from '../bench/stats.js';
import { type ServerProcess, seed, startServer } from './server-process.js';

/**
 * Load and fault check: `npm run load` (60 s) or `node dist/scripts/load.js --quick` (8 s, run by
 * CI). Starts the service on 127.0.0.1, then drives it with autocannon at 32 connections with a mix of valid,
 * oversized and malformed requests while probing `/health` and sampling RSS; finally sends SIGTERM while the
 * load is still running. Fails (exit 1) when:
 * - any answer is a 5xx other than 503 (deliberate shedding / compare time budget), or a socket error occurs
 *   (other than EPIPE: a client still writing an oversized body after its 413);
 * - `/health` fails to answer 200 within 2 s at any probe;
 * - RSS grows after warm-up by more than 25% + 48 MB between the second and last quarter of the run (a leak);
 * - the log holds an error/fatal line (unhandled rejection, uncaught exception, 500) or a request line
 *   without its request id;
 * - the server dies during the run, or does not exit 0 within its grace delay after SIGTERM.
 */

interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
/** autocannon's run: an EventEmitter (`reqError`) that is also a promise of the result. */
type Run = PromiseLike<AutocannonResult> & {
  stop(): void;
  on(event: 'reqError', listener: (err: Error) => void): void;
};
type Autocannon = (opts: Record<string, unknown>) => Run;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    connections: { type: 'string', default: '32' },
    port: { type: 'string', default: '3650' },
    env: { type: 'string', multiple: true },
  },
});
const durationS = Number(args.duration ?? (args.quick ? 8 : 60));
const connections = Number(args.connections);
const port = Number(args.port);
/** A small body limit so oversized requests are cheap to send and the 413 path is exercised often. */
const BODY_LIMIT = 256 * 1024;
const GRACE_MS = 15_000;

const atlantic = seed('001_d2036ec9883e01fd.txt'),
  caliber = seed('000_c90c4d7f5878e1c4.txt');
const paragraphs = (text: string) => text.split(/\n+/).filter((p) => p.trim().length > 40);
const oParas = paragraphs(atlantic),
  rParas = paragraphs(caliber);

const json = (body: unknown) => ({
  method: 'POST',
  path: '/v1/compare',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const boundary = '----load-boundary';
const form = (o: string, r: string) => ({
  method: 'POST',
  path: '/v1/compare',
  headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  body: [
    ...[
      ['original', o],
      ['rewrite', r],
    ].map(
      ([k, v]) =>
        `--${boundary}\r\n` +
        `Content-Disposition: form-data; name="${k}"; filename="${k}.txt"\r\n` +
        `Content-Type: text/plain\r\n\r\n${v}\r\n`,
    ),
    `--${boundary}--\r\n`,
  ].join(''),
});

/**
 * The request mix, as two request lists run at once by separate autocannon instances (each connection cycles
 * through its list in order), so the mix holds however slow compares are: valid compares (paragraph pairs, a
 * multipart upload, odd Unicode, the full seed pair) on 3/4 of the connections, oversized and malformed
 * requests on the rest.
 */
const small = (i: number) =>
  json({
    original: { text: oParas.slice(i, i + 3).join('\n\n') },
    rewrite: { text: rParas.slice(i, i + 2).join('\n\n') },
  });
const VALID = [
  small(0),
  json({ original: { text: oParas[3] ?? 'x' }, rewrite: { text: rParas[2] ?? 'y' } }),
  form(oParas.slice(2, 4).join('\n\n'), rParas.slice(1, 3).join('\n\n')),
  small(4),
  json({ original: { text: '\ud800 emoji 😀 '.repeat(100) }, rewrite: { text: 'كلمة '.repeat(300) } }),
  small(8),
  json({ original: { text: atlantic, outlet: 'The Atlantic' }, rewrite: { text: caliber, outlet: 'Caliber.Az' } }),
];
const HOSTILE = [
  json({ original: { text: 'x'.repeat(BODY_LIMIT + 1024) }, rewrite: { text: 'y' } }), // 413
  {
    method: 'POST',
    path: '/v1/compare',
    headers: { 'content-type': 'application/json' },
    body: '{"original": {"text": "unterminated',
  }, // 400
  json({ original: { text: 42 }, rewrite: {} }), // 400
  { method: 'POST', path: '/v1/compare', headers: { 'content-type': 'application/xml' }, body: '<a/>' }, // 415
  {
    method: 'POST',
    path: '/v1/compare',
    headers: { 'content-type': 'application/json' },
    body: '{"original":{"text":"a"},"rewrite":{"text":"b"},"__proto__":{"x":1}}',
  }, // 400
  { method: 'GET', path: '/v1/nothing' }, // 404
  json({ original: { text: '\u0000\u0001 binary '.repeat(100) }, rewrite: { text: 'y' } }), // 415 binary content
  {
    method: 'POST',
    path: '/v1/compare',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: `--${boundary}\r\nContent-Disposition: form-data; name="original"\r\n\r\ntruncated`,
  }, // 400
  {
    method: 'POST',
    path: '/v1/compare',
    headers: { 'content-type': 'application/json' },
    body: `{"original":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
  }, // 400
];

/** Runs both halves of the mix for `duration` seconds and merges their results. */
async function mixed(
  url: string,
  conns: number,
  duration: number,
  errorKinds: Map<string, number>,
): Promise<AutocannonResult> {
  const hostileConns = Math.max(1, Math.round(conns / 4));
  const runs = [
    autocannon({ url, connections: conns - hostileConns, duration, requests: VALID, timeout: 30 }),
    autocannon({ url, connections: hostileConns, duration, requests: HOSTILE, timeout: 30 }),
  ];
  for (const run of runs)
    run.on('reqError', (err) => errorKinds.set(err.message, (errorKinds.get(err.message) ?? 0) + 1));
  const [a, b] = (await Promise.all(runs)) as [AutocannonResult, AutocannonResult];
  const statusCodeStats: AutocannonResult['statusCodeStats'] = {};
  for (const r of [a, b]) {
    for (const [code, { count }] of Object.entries(r.statusCodeStats))
      statusCodeStats[code] = { count: (statusCodeStats[code]?.count ?? 0) + count };
  }
  return {
    requests: { total: a.requests.total + b.requests.total, average: a.requests.average + b.requests.average },
    latency: a.latency, // the valid compares' latency is the one worth reading
    errors: a.errors + b.errors,
    timeouts: a.timeouts + b.timeouts,
    statusCodeStats,
  };
}

interface Probe {
  at: number;
  ms: number;
  ok: boolean;
  status: number | string;
}

/** Probes `/health` every `everyMs` until stopped; each probe must answer 200 within `limitMs`. */
function probeHealth(url: string, everyMs: number, limitMs: number) {
  const probes: Probe[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(limitMs) });
        await res.arrayBuffer();
        probes.push({ at: t0, ms: performance.now() - t0, ok: res.status === 200, status: res.status });
      } catch (err) {
        probes.push({ at: t0, ms: performance.now() - t0, ok: false, status: (err as Error).name });
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    probes,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

function sampleRss(server: ServerProcess, everyMs: number) {
  const samples: { at: number; rss: number }[] = [];
  const timer = setInterval(() => samples.push({ at: performance.now(), rss: server.rss() }), everyMs);
  return { samples, stop: () => clearInterval(timer) };
}

/** `--env NAME=value` pairs passed through to the server (e.g. `--env WORKERS=4`). */
function extraEnv(): Record<string, string> {
  return Object.fromEntries(
    (args.env ?? []).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
}

const MB = 1024 * 1024;
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

function statusSummary(r: AutocannonResult): string {
  return Object.entries(r.statusCodeStats)
    .map(([code, { count }]) => `${code}×${count}`)
    .join(' ');
}

async function main() {
  console.log(
    `load: ${durationS} s at ${connections} connections on 127.0.0.1:${port}, body limit ${BODY_LIMIT / 1024} KB`,
  );
  const server = await startServer(port, {
    BODY_LIMIT: String(BODY_LIMIT),
    SHUTDOWN_GRACE_MS: String(GRACE_MS),
    RATE_LIMIT_MAX: '0',
    ...extraEnv(),
  });
  try {
    // Warm-up: workers load their resources; RSS is judged only after this.
    // Warm-up, and the functional half of the check: every valid request of the mix answers 200 on its own
    // (throughput under 32 connections depends on the machine; correctness must not).
    const warm = [];
    for (const r of VALID) {
      const res = await fetch(`${server.url}${r.path}`, {
        method: r.method,
        headers: r.headers,
        body: r.body,
        signal: AbortSignal.timeout(60_000),
      });
      await res.arrayBuffer();
      warm.push(res.status);
    }
    check(
      warm.every((c) => c === 200),
      `every valid request of the mix answers 200 alone (${warm.join(' ')})`,
    );
    await mixed(server.url, 4, Math.min(3, durationS / 4), new Map());

    const health = probeHealth(server.url, 250, 2000);
    const rss = sampleRss(server, 500);
    const t0 = performance.now();
    const errorKinds = new Map<string, number>();
    const result = await mixed(server.url, connections, durationS, errorKinds);
    const elapsed = (performance.now() - t0) / 1000;
    await health.stop();
    rss.stop();

    const codes = Object.keys(result.statusCodeStats).map(Number);
    console.log(
      `  ${result.requests.total} requests in ${elapsed.toFixed(1)} s` +
        ` (${result.requests.average.toFixed(0)} req/s); valid compares: p50 ${result.latency.p50}` +
        ` ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    );
    console.log(
      `  status codes: ${statusSummary(result)}; socket errors ${result.errors}, timeouts ${result.timeouts}`,
    );
    check(result.requests.total > 0, 'requests were answered');
    check(
      codes.every((c) => c < 500 || c === 503),
      'no 5xx other than 503 shedding',
    );
    check(
      codes.includes(413) && codes.includes(400) && codes.includes(415),
      'oversized and malformed requests got 413, 400 and 415 under load',
    );
    // EPIPE: the client was still writing an oversized body after the 413; the server rightly stops reading.
    const unexpected = [...errorKinds].filter(([m]) => !/EPIPE/.test(m)).reduce((n, [, k]) => n + k, 0);
    const kinds = errorKinds.size ? `: ${[...errorKinds].map(([m, n]) => `${m} ×${n}`).join(', ')}` : '';
    check(
      unexpected === 0,
      `no socket errors other than EPIPE after a 413 (${result.errors}${kinds}); timeouts ${result.timeouts}`,
    );

    const probes = health.probes;
    const failed = probes.filter((p) => !p.ok);
    console.log(
      `  /health: ${probes.length} probes, p50 ${median(probes.map((p) => p.ms)).toFixed(1)} ms, p99 ${percentile(
        probes.map((p) => p.ms),
        99,
      ).toFixed(1)} ms, max ${Math.max(...probes.map((p) => p.ms)).toFixed(1)} ms`,
    );
    check(
      probes.length > 0 && failed.length === 0,
      `/health answered every probe within 2 s (${failed.length} failed${
        failed.length
          ? `: ${failed
              .slice(0, 3)
              .map((p) => p.status)
              .join(', ')}`
          : ''
      })`,
    );

    const s = rss.samples.filter((x) => Number.isFinite(x.rss));
    const q = Math.floor(s.length / 4);
    const second = median(s.slice(q, 2 * q).map((x) => x.rss)),
      last = median(s.slice(3 * q).map((x) => x.rss));
    const peak = Math.max(...s.map((x) => x.rss));
    const quarters = [0, 1, 2, 3].map((i) => (median(s.slice(i * q, (i + 1) * q).map((x) => x.rss)) / MB).toFixed(0));
    console.log(`  RSS by quarter (median MB): ${quarters.join(' → ')}; peak ${(peak / MB).toFixed(0)} MB`);
    check(s.length >= 8 && last <= second * 1.25 + 48 * MB, 'RSS flat after warm-up (no leak)');

    // SIGTERM while a new wave of load is running: stop accepting, finish in-flight work, exit 0.
    const wave = autocannon({
      url: server.url,
      connections,
      duration: 30,
      requests: [VALID[0]!, VALID[VALID.length - 1]!],
      timeout: 30,
    });
    await new Promise((r) => setTimeout(r, 1500));
    const killedAt = performance.now();
    server.child.kill('SIGTERM');
    const exit = await Promise.race([
      server.exited,
      new Promise<null>((r) => setTimeout(() => r(null), GRACE_MS + 5000)),
    ]);
    const exitMs = performance.now() - killedAt;
    wave.stop();
    const waveResult = await wave;
    console.log(
      `  SIGTERM under load: exit ${exit ? `code ${exit.code}` : 'none'} after` +
        ` ${exitMs.toFixed(0)} ms; wave status codes: ${statusSummary(waveResult)}`,
    );
    check(exit !== null && exit.code === 0, 'SIGTERM during load: exits 0 within the grace delay');
    check(
      Object.keys(waveResult.statusCodeStats)
        .map(Number)
        .every((c) => c < 500 || c === 503),
      'SIGTERM during load: no 5xx other than 503',
    );
    check(
      server.lines.some((l) => l.msg === 'closed'),
      'SIGTERM during load: the server logged a clean close',
    );

    const bad = server.lines.filter((l) => (l.level ?? 0) >= 50 || /unhandled|uncaught/i.test(l.msg ?? l.raw ?? ''));
    check(
      bad.length === 0,
      `no error/fatal or unhandled-rejection lines in the log` +
        ` (${bad.length}${bad.length ? `: ${JSON.stringify(bad[0]).slice(0, 300)}` : ''})`,
    );
    const requestLines = server.lines.filter((l) => 'req' in l || 'res' in l);
    const withoutId = requestLines.filter((l) => typeof l.reqId !== 'string' || !l.reqId);
    check(
      requestLines.length > 0 && withoutId.length === 0,
      `every request log line has its request id (${requestLines.length} lines)`,
    );
  } finally {
    await server.stop();
  }
  console.log(failures.length ? `load: FAILED (${failures.length})` : 'load: passed');
  process.exitCode = failures.length ? 1 : 0;
}

await main();
