import t from 'tap';
import { testApp } from '../fixtures/app.js';
import { seeds } from '../fixtures/seeds.js';
import type { ArticleInput } from '../../src/core/types.js';
import type { Fault } from '../../src/worker/messages.js';

/** Test-only fault hook: a marker word in the original's text picks the simulated fault. */
const faults = (original: ArticleInput): Fault | undefined =>
  original.text.includes('SIMULATE_HANG') ? 'hang'
    : original.text.includes('SIMULATE_CRASH') ? 'crash'
      : original.text.includes('SIMULATE_THROW') ? 'throw' : undefined;

const small = { original: { text: 'The minister said talks would resume on Monday.' }, rewrite: { text: 'Talks resume Monday, the minister said.' } };
const seedBody = { original: { text: seeds.atlantic, outlet: 'The Atlantic' }, rewrite: { text: seeds.caliber, outlet: 'Caliber.Az' } };
const post = (payload: unknown) => ({ method: 'POST' as const, url: '/v1/compare', payload: payload as Record<string, unknown> });
const withText = (text: string) => ({ original: { text }, rewrite: small.rewrite });

t.test('a compare in the worker pool gives exactly the answer of an inline compare', async (t) => {
  const pooled = await testApp(t, { config: { inlineMaxChars: 0, workers: 1 } });
  const inline = await testApp(t, { config: { inlineMaxChars: 10_000_000 } });
  const a = await pooled.inject(post(seedBody));
  const b = await inline.inject(post(seedBody));
  t.equal(a.statusCode, 200);
  t.equal(b.statusCode, 200);
  t.same(a.json(), b.json());
  t.match(pooled.engine.stats?.(), { pooled: 1, inline: 0, threads: 1 });
  t.match(inline.engine.stats?.(), { pooled: 0, inline: 1, threads: 0 }, 'the inline app never started a pool');
});

t.test('INLINE_MAX_CHARS decides where a compare runs', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 500, workers: 1 } });
  t.equal((await app.inject(post(small))).statusCode, 200);
  const big = await app.inject(post(seedBody));
  t.equal(big.statusCode, 200, big.body.slice(0, 200));
  t.match(app.engine.stats?.(), { inline: 1, pooled: 1 });
});

t.test('a runaway compare ends at the time budget with 503 COMPARE_TIMEOUT, and the pool recovers', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 0, workers: 1, compareTimeoutMs: 3000 }, engine: { faults } });
  await app.engine.warmup?.();
  const res = await app.inject(post(withText('SIMULATE_HANG in a long report.')));
  t.equal(res.statusCode, 503);
  t.match(res.headers['content-type'], /application\/problem\+json/);
  t.equal(res.json().code, 'COMPARE_TIMEOUT');
  t.match(res.json().detail, /3000 ms/);
  t.ok(Number(res.headers['retry-after']) > 0, 'Retry-After tells the client when to come back');
  // A replacement worker is started at once; the next request is served by it once it has loaded.
  await app.engine.warmup?.();
  t.match(app.engine.stats?.(), { threads: 1, ready: 1 });
  t.equal(app.engine.stats?.().loadMs.length, 2, 'a second worker was started');
  const next = await app.inject(post(small));
  t.equal(next.statusCode, 200, 'the next compare succeeds on the replacement worker');
});

t.test('a crashed worker answers 503 COMPARE_FAILED, is replaced, and the next request succeeds', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 0, workers: 1 }, engine: { faults } });
  const res = await app.inject(post(withText('SIMULATE_CRASH please.')));
  t.equal(res.statusCode, 503);
  t.equal(res.json().code, 'COMPARE_FAILED');
  t.ok(res.headers['retry-after']);
  t.notMatch(res.body, /exited with code/, 'no internal message leaks');
  for (let i = 0; i < 3; i++) t.equal((await app.inject(post(small))).statusCode, 200, `request ${i + 1} after the crash`);
});

t.test('an error thrown inside the core is a 500 that leaks nothing', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 0, workers: 1 }, engine: { faults } });
  const res = await app.inject(post(withText('SIMULATE_THROW now.')));
  t.equal(res.statusCode, 500);
  t.equal(res.json().code, 'INTERNAL_ERROR');
  t.notMatch(res.body, /simulated failure/);
  t.equal((await app.inject(post(small))).statusCode, 200);
});

t.test('fault markers do nothing without the test-only engine option', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 0, workers: 1, compareTimeoutMs: 5000 } });
  for (const marker of ['SIMULATE_CRASH', 'SIMULATE_HANG', 'SIMULATE_THROW']) {
    t.equal((await app.inject(post(withText(`${marker} is just a word here.`)))).statusCode, 200, marker);
  }
});

t.test('a full queue is shed at once with 503 OVERLOADED and Retry-After', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 0, workers: 1, compareQueueMax: 1, compareTimeoutMs: 2000 }, engine: { faults } });
  await app.engine.warmup?.();
  const running = app.inject(post(withText('SIMULATE_HANG one.')));
  await waitFor(() => app.engine.stats?.().pooled === 1);
  const queued = app.inject(post(withText('SIMULATE_HANG two.')));
  await waitFor(() => app.engine.stats?.().queued === 1);
  const shed = await app.inject(post(small));
  t.equal(shed.statusCode, 503);
  t.equal(shed.json().code, 'OVERLOADED');
  t.ok(Number(shed.headers['retry-after']) > 0);
  t.equal((await running).json().code, 'COMPARE_TIMEOUT');
  t.equal((await queued).json().code, 'COMPARE_TIMEOUT', 'the budget counts time spent waiting in the queue');
});

t.test('/health answers within 100 ms while every worker is busy', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 0, workers: 1, compareTimeoutMs: 2000 }, engine: { faults } });
  await app.engine.warmup?.();
  const busy = [app.inject(post(withText('SIMULATE_HANG a.'))), app.inject(post(withText('SIMULATE_HANG b.')))];
  await waitFor(() => app.engine.stats?.().queued === 1);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const res = await app.inject({ method: 'GET', url: '/health' });
    times.push(performance.now() - start);
    t.equal(res.statusCode, 200);
  }
  t.equal(app.engine.stats?.().queued, 1, 'the pool was still saturated while /health answered');
  times.sort((a, b) => a - b);
  t.ok(times[2]! < 100, `median /health latency ${times[2]!.toFixed(1)} ms under saturation`);
  for (const r of await Promise.all(busy)) t.equal(r.json().code, 'COMPARE_TIMEOUT');
});

t.test('closing the app stops the pool; later compares are refused as OVERLOADED', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 0, workers: 1 } });
  t.equal((await app.inject(post(small))).statusCode, 200);
  await app.close();
  await t.rejects(app.engine.compare(small.original, small.rewrite), { code: 'OVERLOADED' });
});

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
