import http from 'node:http';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { type LogLine, seed, startServer } from './server-process.js';

/**
 * Graceful-shutdown check: `npm run shutdown-check` (also run by CI). On 127.0.0.1 only:
 * 1. Sends `--inflight` (default 6) compares of the seed pair, each on its own connection, waits until the
 *    server has logged every one of them as received, then sends SIGTERM. Every one must get a complete 200
 *    answer; a new connection after SIGTERM must be refused; the process must exit 0 within its grace delay.
 * 2. With `SHUTDOWN_GRACE_MS=300` and a long compare in flight, the process must give up after the grace delay
 *    and exit 1 (a deploy never hangs on a stuck request).
 * Exits 1 when any check fails.
 */

const { values: args } = parseArgs({
  options: { inflight: { type: 'string', default: '6' }, port: { type: 'string', default: '3660' } },
});
const inflight = Number(args.inflight);
const port = Number(args.port);

const failures: string[] = [];
/** Log-line predicates for compare requests only (start-up `/health` polls log lines too). */
const isCompareIn = (l: LogLine) =>
  l.msg === 'incoming request' && (l.req as { url?: string } | undefined)?.url === '/v1/compare';
const completedIds = (lines: LogLine[]) =>
  new Set(lines.filter((l) => l.msg === 'request completed').map((l) => l.reqId));
const compareIds = (lines: LogLine[]) => lines.filter(isCompareIn).map((l) => l.reqId);
/** Compare requests received but not yet answered, according to the log. */
const unfinished = (lines: LogLine[]) => {
  const done = completedIds(lines);
  return compareIds(lines).filter((id) => !done.has(id)).length;
};
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

/** POSTs a compare on a fresh connection (no keep-alive agent) and resolves with the status and full body. */
function post(url: string, body: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      `${url}/v1/compare`,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          data += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
        res.on('error', (err) => resolve({ error: err.message }));
      },
    );
    req.on('error', (err) => resolve({ error: (err as NodeJS.ErrnoException).code ?? err.message }));
    req.end(body);
  });
}

/** Resolves with the connect error code, or 'connected' when the port still accepts connections. */
function tryConnect(p: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(p, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

async function inFlightFinish() {
  const graceMs = 30_000;
  // Shedding off: this checks the shutdown path, and a shed request would be answered before the signal.
  const server = await startServer(port, {
    SHUTDOWN_GRACE_MS: String(graceMs),
    RATE_LIMIT_MAX: '0',
    COMPARE_TIMEOUT_MS: '60000',
    MAX_EVENT_LOOP_DELAY_MS: '0',
  });
  const body = JSON.stringify({
    original: { text: seed('001_d2036ec9883e01fd.txt') },
    rewrite: { text: seed('000_c90c4d7f5878e1c4.txt') },
  });
  await post(server.url, body); // warm: the answer to compare against, and workers loaded
  const before = compareIds(server.lines).length;
  const answers = Array.from({ length: inflight }, () => post(server.url, body));
  // "In flight" for certain: the server has logged every request as received before the signal goes out.
  const deadline = Date.now() + 30_000;
  while (compareIds(server.lines).length < before + inflight && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
  }
  const received = compareIds(server.lines).length - before;
  const t0 = performance.now();
  server.child.kill('SIGTERM');
  const unfinishedAtSignal = unfinished(server.lines);
  // The listening socket closes once app.close() reaches it (after preClose hooks): poll for up to 2 s.
  let connect = 'connected',
    refusedMs = NaN;
  while (connect === 'connected' && performance.now() - t0 < 2000) {
    connect = await tryConnect(port);
    if (connect === 'connected') await new Promise((r) => setTimeout(r, 20));
    else refusedMs = performance.now() - t0;
  }
  const unfinishedAtRefusal = unfinished(server.lines);
  const results = await Promise.all(answers);
  const exit = await Promise.race([server.exited, new Promise<null>((r) => setTimeout(() => r(null), graceMs + 5000))]);
  const ms = performance.now() - t0;
  const complete = results.filter(
    (r) =>
      'status' in r &&
      r.status === 200 &&
      (() => {
        try {
          return Array.isArray((JSON.parse(r.body) as { original?: { claims?: unknown } }).original?.claims);
        } catch {
          return false;
        }
      })(),
  );
  console.log(
    `  ${received}/${inflight} requests received and ${unfinishedAtSignal} unfinished at` +
      ` SIGTERM; answers: ${results.map((r) => ('status' in r ? r.status : r.error)).join(' ')};` +
      ` connect after SIGTERM: ${connect} after ${refusedMs.toFixed(0)} ms with` +
      ` ${unfinishedAtRefusal} still unfinished; exit ${exit ? exit.code : 'none'} after` +
      ` ${ms.toFixed(0)} ms`,
  );
  check(
    received === inflight && unfinishedAtSignal > 0,
    `the requests were in flight when SIGTERM arrived (${unfinishedAtSignal} unfinished)`,
  );
  check(complete.length === inflight, 'every in-flight request got a complete 200 answer');
  // A connection attempt that meets the listening socket as it closes is reset by the kernel rather than refused:
  // either way the server never takes it.
  check(
    (connect === 'ECONNREFUSED' || connect === 'ECONNRESET') && unfinishedAtRefusal > 0,
    'new connections are refused while in-flight requests finish',
  );
  check(exit !== null && exit.code === 0, 'the process exited 0 within the grace delay');
  check(
    server.lines.some((l) => l.msg === 'closed'),
    'the server logged a clean close',
  );
}

async function graceDelayEnforced() {
  const graceMs = 300;
  const server = await startServer(port + 1, {
    SHUTDOWN_GRACE_MS: String(graceMs),
    RATE_LIMIT_MAX: '0',
    COMPARE_TIMEOUT_MS: '60000',
    INLINE_MAX_CHARS: '0',
    MAX_EVENT_LOOP_DELAY_MS: '0',
  });
  const words = 'council budget mayor critics schools plan week reporters officials talks'.split(' ');
  const long = (k: number) =>
    Array.from({ length: 60_000 }, (_, i) => words[(i * k + (i >> 3)) % words.length]).join(' ');
  const pending = post(server.url, JSON.stringify({ original: { text: long(3) }, rewrite: { text: long(7) } }));
  await server.waitForLog(isCompareIn, 10_000).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 200));
  const finishedEarly = unfinished(server.lines) === 0;
  const t0 = performance.now();
  server.child.kill('SIGTERM');
  const exit = await Promise.race([server.exited, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]);
  const ms = performance.now() - t0;
  await pending;
  console.log(
    `  grace ${graceMs} ms with a long compare in flight: exit ${exit ? exit.code : 'none'}` +
      ` after ${ms.toFixed(0)}` +
      ` ms${finishedEarly ? ' (the compare finished before the signal: inconclusive)' : ''}`,
  );
  check(
    finishedEarly || (exit !== null && exit.code === 1 && ms < graceMs + 3000),
    'past SHUTDOWN_GRACE_MS the process exits 1 instead of hanging',
  );
}

try {
  await inFlightFinish();
  await graceDelayEnforced();
} catch (err) {
  check(false, `shutdown check crashed: ${(err as Error).message}`);
}
console.log(failures.length ? `shutdown-check: FAILED (${failures.length})` : 'shutdown-check: passed');
process.exitCode = failures.length ? 1 : 0;
