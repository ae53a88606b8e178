import t from 'tap';
import { testApp } from '../../fixtures/app.js';
import { manualBudget } from '../../fixtures/budget.js';
import { faults, post, small, withText } from '../../fixtures/faults.js';

t.test('a runaway compare ends at the time budget with 503 COMPARE_TIMEOUT, and the pool recovers', async (t) => {
  const budget = manualBudget();
  const app = await testApp(t, {
    config: { inlineMaxChars: 0, workers: 1, compareTimeoutMs: 3000 },
    engine: { faults, budgetTimer: budget.timer },
  });
  await app.engine.warmup?.();
  const pending = app.inject(post(withText('SIMULATE_HANG in a long report.')));
  await budget.started(1);
  budget.expireOldest();
  const res = await pending;
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
  await app.engine.warmup?.();
  const res = await app.inject(post(withText('SIMULATE_CRASH please.')));
  t.equal(res.statusCode, 503);
  t.equal(res.json().code, 'COMPARE_FAILED');
  t.ok(res.headers['retry-after']);
  t.notMatch(res.body, /exited with code/, 'no internal message leaks');
  await app.engine.warmup?.(); // the replacement loads its resources (seconds on a busy machine)
  t.match(app.engine.stats?.(), { threads: 1, ready: 1 });
  for (let i = 0; i < 3; i++)
    t.equal((await app.inject(post(small))).statusCode, 200, `request ${i + 1} after the crash`);
});

t.test('an error thrown inside the core is a 500 that leaks nothing', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 0, workers: 1 }, engine: { faults } });
  await app.engine.warmup?.();
  const res = await app.inject(post(withText('SIMULATE_THROW now.')));
  t.equal(res.statusCode, 500);
  t.equal(res.json().code, 'INTERNAL_ERROR');
  t.notMatch(res.body, /simulated failure/);
  t.equal((await app.inject(post(small))).statusCode, 200);
});

t.test('fault markers do nothing without the test-only engine option', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 0, workers: 1 } });
  await app.engine.warmup?.();
  for (const marker of ['SIMULATE_CRASH', 'SIMULATE_HANG', 'SIMULATE_THROW']) {
    t.equal((await app.inject(post(withText(`${marker} is just a word here.`)))).statusCode, 200, marker);
  }
});
