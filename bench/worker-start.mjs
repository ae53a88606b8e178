#!/usr/bin/env node
// CPU time of one compare worker's start (thread, core modules, wink model, lexicon, warm-up compare), in a process
// that preloads a module hook (as a test runner's coverage tracker or an APM agent does) and in one that does not;
// the hooked process's workers started with inherited flags, and with the flags src/worker/worker-start.ts gives them.
//   node bench/worker-start.mjs [workers]      (after `npm run build`)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const n = Number(process.argv[2] ?? 3);
const worker = pathToFileURL(join(root, 'dist', 'src', 'worker', 'compare-worker.js')).href;
const execArgvModule = pathToFileURL(join(root, 'dist', 'src', 'worker', 'worker-start.js')).href;
// A load hook that passes every module through unchanged: its cost is the hooks thread itself.
const hook = `data:text/javascript,${encodeURIComponent(
  "import { register } from 'node:module';" +
    "register('data:text/javascript,' + encodeURIComponent('export const load = (u, c, next) => next(u, c);'));",
)}`;
const child = (flags) => `
  const { Worker } = await import('node:worker_threads');
  const { workerStart } = await import(${JSON.stringify(execArgvModule)});
  const c0 = process.cpuUsage();
  for (let i = 0; i < ${n}; i++) {
    const w = new Worker(new URL(${JSON.stringify(worker)}), { workerData: {}, ...${flags} });
    await new Promise((resolve) => w.on('message', (m) => m?.type && resolve()));
    await w.terminate();
  }
  const c = process.cpuUsage(c0);
  console.log(((c.user + c.system) / 1000 / ${n}).toFixed(0));`;
const started = 'workerStart(process.execArgv, process.env)';
const runs = [
  ['no preload', [], undefined, '{}'],
  ['module hook preloaded by a flag, worker inherits', ['--import', hook], undefined, '{}'],
  ['module hook preloaded by a flag, workerStart', ['--import', hook], undefined, started],
  ['module hook preloaded by NODE_OPTIONS, worker inherits', [], `--import=${hook}`, '{}'],
  ['module hook preloaded by NODE_OPTIONS, workerStart', [], `--import=${hook}`, started],
];
console.log(`node ${process.version}: CPU ms per worker start (${n} workers each)`);
const dir = mkdtempSync(join(tmpdir(), 'worker-start-'));
for (const [name, flags, nodeOptions, start] of runs) {
  const script = join(dir, 'child.mjs');
  writeFileSync(script, child(start));
  const env = { ...process.env, NODE_OPTIONS: nodeOptions ?? '' };
  const out = spawnSync(process.execPath, [...flags, script], { encoding: 'utf8', env });
  console.log(`${(out.stdout.trim() || out.stderr.trim().split('\n').at(-1)).padStart(8)}  ${name}`);
}
rmSync(dir, { recursive: true, force: true });
