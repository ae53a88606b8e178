#!/usr/bin/env node
// Precomputes ONCE, at build time, each lexicon vector's near neighbours and their cosines
// (dist/lexicon/neighbours.bin), after build-vectors.mjs: every pair of the 100k vectors through the WebAssembly
// prefilter kernel, then the exact cosine of each hit, split over the machine's cores. Why, and the
// file's layout: src/lexicon/neighbours.ts. Skipped when the file already holds the lists of the current vectors
// at the current floor; without it the engine finds the same pairs per compare (slower, same answers).
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'dist', 'lexicon');
const dist = (p) => import(pathToFileURL(join(root, 'dist', 'src', p)).href);
const { readLexicon } = await dist('lexicon/vectors.js');
const { NEIGHBOURS_FILE, encodeNeighbours, neighbourPairs, neighboursFromPairs } = await dist('lexicon/neighbours.js');
const { PREFILTER_MARGIN, VECTOR_MIN_COSINE } = await dist('core/match/kernels/cross-side.js');

if (isMainThread) {
  if (!existsSync(join(dir, 'vectors.bin'))) {
    console.log('build-neighbours: no lexicon built; nothing to do');
    process.exit(0);
  }
  const lex = readLexicon(dir);
  if (lex.neighbours && lex.neighbours.floor === VECTOR_MIN_COSINE) process.exit(0);
  const t0 = Date.now();
  const threads = Math.max(1, Math.min(availableParallelism(), 8));
  // Row q is scanned against the rows after it: striping the rows over the threads gives each the same work.
  const parts = await Promise.all(
    Array.from(
      { length: threads },
      (_, from) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { from, step: threads } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`build-neighbours: worker exited with ${code}`));
          });
        }),
    ),
  );
  if (parts.some((p) => p === null)) {
    console.log('build-neighbours: no WebAssembly SIMD here; the engine will find neighbours per compare');
    process.exit(0);
  }
  const nb = neighboursFromPairs(lex, VECTOR_MIN_COSINE, parts);
  writeFileSync(join(dir, NEIGHBOURS_FILE), encodeNeighbours(nb));
  console.log(
    `build-neighbours: ${nb.rows.length} neighbours of ${lex.vectorCount} vectors (${threads}` +
      ` threads) in ${Date.now() - t0} ms`,
  );
} else {
  const lex = readLexicon(dir);
  const part = neighbourPairs(
    lex,
    VECTOR_MIN_COSINE - PREFILTER_MARGIN,
    VECTOR_MIN_COSINE,
    workerData.from,
    lex.vectorCount,
    workerData.step,
  );
  parentPort.postMessage(part, part ? [part.pairs.buffer, part.cosines.buffer] : []);
}
