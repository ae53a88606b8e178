#!/usr/bin/env node
// Per-file time of a test run, slowest first, from tap's TAP output (`npm test -- --reporter=tap > run.log`):
//   node bench/test-times.mjs run.log [top]
// tap ends each file with `ok N - dist/test/file.test.js # time=…ms`. The file's TAP result lines (assertions and subtests)
// are counted too: the runner parses every one, and property tests that asserted once per run were most of them.
import { readFileSync } from 'node:fs';

const [file, top = '15'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/test-times.mjs run.log [top]');
  process.exit(2);
}
const files = new Map();
let current = null;
for (const line of readFileSync(file, 'utf8').split('\n')) {
  const start = /^# Subtest: ((?:dist\/)?test\/\S+)/.exec(line);
  if (start) {
    current = start[1];
    files.set(current, { ms: NaN, results: 0 });
    continue;
  }
  const end = /^(?:not )?ok \d+ - ((?:dist\/)?test\/\S+) # time=([\d.]+)ms/.exec(line);
  if (end && files.has(end[1])) {
    files.get(end[1]).ms = Number(end[2]);
    current = null;
    continue;
  }
  if (current && /^\s+(?:not )?ok \d+/.test(line)) files.get(current).results++;
}
const rows = [...files].filter(([, f]) => Number.isFinite(f.ms)).sort((a, b) => b[1].ms - a[1].ms);
const total = rows.reduce((s, [, f]) => s + f.ms, 0);
console.log(`${rows.length} files, ${(total / 1000).toFixed(0)} s of per-file time`);
for (const [name, f] of rows.slice(0, Number(top))) {
  console.log(`${(f.ms / 1000).toFixed(1).padStart(7)} s ${String(f.results).padStart(6)} results ${name}`);
}
