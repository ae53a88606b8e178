import { spawnSync } from 'node:child_process';
import t from 'tap';
import { loadSqliteDatabase, sqlitePackageFor } from '../../src/store/sqlite-driver.js';
import { fixtureScript } from '../fixtures/repo.js';

t.test('each Node major gets the better-sqlite3 build that runs on it', async (t) => {
  for (const [major, expected] of [
    [20, 'better-sqlite3-node20'],
    [22, 'better-sqlite3'],
    [24, 'better-sqlite3'],
    [26, 'better-sqlite3'],
  ] as const)
    t.equal(sqlitePackageFor(major), expected, `Node ${major}`);
});

t.test('the build chosen for this Node opens a database and answers a query', async (t) => {
  const db = new (loadSqliteDatabase())(':memory:');
  t.teardown(() => db.close());
  t.same(db.prepare('SELECT 6 * 7 AS answer').get(), { answer: 42 });
});

t.test('statements the collector finalizes outside JavaScript do not abort the process', async (t) => {
  const script = fixtureScript('sqlite-churn');
  const run = spawnSync(process.execPath, [...process.execArgv, script], { encoding: 'utf8' });
  t.equal(run.signal, null, `no signal (stderr: ${run.stderr.slice(0, 400)})`);
  t.equal(run.status, 0);
  t.match(run.stdout, /^CHURNED \d+$/m);
});

t.test('a missing build is reported with what to do, not a bare module error', async (t) => {
  const absent = (name: string) => {
    throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
  };
  t.throws(
    () => loadSqliteDatabase(20, absent),
    /better-sqlite3-node20 for Node 20.*Run on Node 22 or newer, or set DATABASE_URL/,
  );
});
