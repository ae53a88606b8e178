import t from 'tap';
import { testApp } from '../../fixtures/app.js';
import { manualBudget } from '../../fixtures/budget.js';
import { faults, post, small, withText } from '../../fixtures/faults.js';
import { until } from '../../fixtures/until.js';

t.test('a full queue is shed at once with 503 OVERLOADED and Retry-After', async (t) => {
  const budget = manualBudget();
  const app = await testApp(t, {
    config: { inlineMaxChars: 0, workers: 1, compareQueueMax: 1 },
    engine: { faults, budgetTimer: budget.timer },
  });
  await app.engine.warmup?.();
  const running = app.inject(post(withText('SIMULATE_HANG one.')));
  await until(() => app.engine.stats?.().pooled === 1);
  const queued = app.inject(post(withText('SIMULATE_HANG two.')));
  await until(() => app.engine.stats?.().queued === 1);
  const shed = await app.inject(post(small));
  t.equal(shed.statusCode, 503);
  t.equal(shed.json().code, 'OVERLOADED');
  t.ok(Number(shed.headers['retry-after']) > 0);
  t.equal(budget.running, 2, 'the shed request started no budget');
  budget.expireOldest();
  t.equal((await running).json().code, 'COMPARE_TIMEOUT');
  budget.expireOldest();
  t.equal((await queued).json().code, 'COMPARE_TIMEOUT', 'the budget counts time spent waiting in the queue');
});

t.test('/health answers while every worker is busy and a compare waits for one', async (t) => {
  const budget = manualBudget();
  const app = await testApp(t, {
    config: { inlineMaxChars: 0, workers: 1 },
    engine: { faults, budgetTimer: budget.timer },
  });
  await app.engine.warmup?.();
  const busy = [app.inject(post(withText('SIMULATE_HANG a.'))), app.inject(post(withText('SIMULATE_HANG b.')))];
  await until(() => app.engine.stats?.().queued === 1);
  for (let i = 0; i < 5; i++) t.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
  t.equal(app.engine.stats?.().queued, 1, 'the pool was still saturated while /health answered');
  budget.expireOldest();
  budget.expireOldest();
  for (const r of await Promise.all(busy)) t.equal(r.json().code, 'COMPARE_TIMEOUT');
});
