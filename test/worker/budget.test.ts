import { spawnSync } from 'node:child_process';
import t, { type Test } from 'tap';
import { createEngine } from '../../src/worker/pool.js';
import { manualBudget } from '../fixtures/budget.js';
import { faults, small, withText } from '../fixtures/faults.js';
import { repoPath } from '../fixtures/repo.js';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (err: { code?: string }) => err.code ?? String(err),
  );

/** One pooled worker, loaded, whose compare budgets the test expires itself (`budget`). */
async function oneWorker(t: Test) {
  const budget = manualBudget();
  const engine = createEngine({
    workers: 1,
    inlineMaxChars: 0,
    compareTimeoutMs: 1000,
    budgetTimer: budget.timer,
    faults,
  });
  t.teardown(() => engine.close());
  await engine.warmup();
  return { budget, engine };
}

t.test('a runaway compare ends when its budget expires, and the pool replaces the worker', async (t) => {
  const { budget, engine } = await oneWorker(t);
  const hung = code(engine.compare(withText('SIMULATE_HANG here.').original, small.rewrite));
  await budget.started(1);
  budget.expireOldest();
  t.equal(await hung, 'COMPARE_TIMEOUT');
  t.equal(budget.running, 0, 'nothing left running');
  await engine.warmup();
  t.equal(await code(engine.compare(small.original, small.rewrite)), 'answered', 'the replacement worker compares');
  t.equal(budget.running, 0, 'a compare that finishes cancels its budget');
});

t.test('the budget counts the wait for a worker: a queued compare past it is not run', async (t) => {
  const { budget, engine } = await oneWorker(t);
  const hung = code(engine.compare(withText('SIMULATE_HANG here.').original, small.rewrite));
  const queued = code(engine.compare(small.original, small.rewrite));
  await budget.started(2);
  t.equal(engine.stats().queued, 1);
  budget.expireOldest(); // the hung compare's budget
  t.equal(await hung, 'COMPARE_TIMEOUT');
  t.equal(await queued, 'answered', 'the queued compare runs on the replacement within its own budget');
});

// The budget must fire whatever the garbage collector does. A timeout signal inside `AbortSignal.any()` could be
// collected before firing (Node 20), leaving a runaway compare holding its worker. Here a child process forces
// collections while a hung compare waits for its budget; only the budget can end that compare.
t.test('the budget fires under forced garbage collection', async (t) => {
  const script = repoPath('test', 'fixtures', 'budget-under-gc.mjs');
  const child = spawnSync(process.execPath, ['--expose-gc', script], { encoding: 'utf8' });
  t.equal(child.stdout.trim(), 'COMPARE_TIMEOUT', child.stderr);
});
