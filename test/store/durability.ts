import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import t from 'tap';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { fixtureScript } from '../fixtures/repo.js';

// A worker pool (and here a store) on a loaded shared machine: a file can take minutes; no assertion is timed.
t.setTimeout(600_000);

const SERVER = fixtureScript('bulk-server');

/** A distinct short news-like article per n. */
const articleLine = (n: number) =>
  JSON.stringify({
    text:
      `Council vote ${n}. The council voted ${n} times on the harbour plan, the mayor said on Monday.\n\n` +
      `Residents of district ${n} asked for a second hearing before the works begin.`,
    outlet: `Outlet ${n % 7}`,
  });

t.test('kill -9 during a bulk ingest: every line answered before the kill is there after a restart', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'article-diff-crash-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const socket = join(dir, 'server.sock');
  const child = spawn(process.execPath, [...process.execArgv, SERVER, join(dir, 'data'), socket], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  t.teardown(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('listening')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });

  const acknowledged: string[] = [];
  const killed = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const req = request({
    socketPath: socket,
    method: 'POST',
    path: '/v1/articles/bulk',
    headers: { 'content-type': 'application/x-ndjson' },
  });
  req.on('error', () => {});
  req.on('response', (res) => {
    res.on('error', () => {});
    // The kill cuts the answer: the cut is expected, the lines read before it are what counts.
    const lines = createInterface({ input: res });
    lines.on('error', () => {});
    lines.on('line', (line) => {
      const answer = JSON.parse(line) as { status?: number; id?: string };
      if (answer.status === 201 && answer.id) acknowledged.push(answer.id);
      // Killed while lines are still being written, read and committed.
      if (acknowledged.length === 40) child.kill('SIGKILL');
    });
  });
  // Written in small groups, so the server commits (and answers) group by group while more arrive.
  let n = 0;
  const writer = setInterval(() => {
    if (child.exitCode !== null || n >= 5000) {
      clearInterval(writer);
      return;
    }
    const group: string[] = [];
    for (let i = 0; i < 5; i++) group.push(articleLine(n++));
    req.write(`${group.join('\n')}\n`);
  }, 5);
  await killed;
  clearInterval(writer);
  req.destroy();
  t.equal(child.signalCode, 'SIGKILL');
  t.ok(acknowledged.length >= 40, `${acknowledged.length} lines acknowledged before the kill`);
  t.ok(n > acknowledged.length, 'more lines were sent than answered: the kill came mid-ingest');

  const store = openSqliteStore({ dataDir: join(dir, 'data') });
  t.teardown(() => store.close());
  const missing: string[] = [];
  for (const id of acknowledged) if (!(await store.get(id))) missing.push(id);
  t.same(missing, [], 'no acknowledged article is lost');
  t.ok((await store.count()) >= acknowledged.length);
});
