import { performance } from 'node:perf_hooks';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { move } from 'piscina';
import type { Derivation } from '../core/compare.js';
import type { CompareResult } from '../core/types.js';
import { adoptLexicon, defaultLexicon } from '../lexicon/vectors.js';
import {
  type CompareTask,
  type CompareWorkerData,
  type DeriveTask,
  type ExtractAnswer,
  type ExtractTask,
  type Fault,
  WORKER_LOADED,
  type WorkerLoaded,
  type WorkerTask,
} from './messages.js';

const data = (workerData ?? {}) as CompareWorkerData;
const started = performance.now();
// The parent's lexicon, in shared memory, instead of a copy of our own read from the files.
if (data.lexicon !== undefined) adoptLexicon(data.lexicon);
// Imported here (not statically) so that the load cost of the core and its resources can be measured.
const { defaultComparer } = await import('../default-comparer.js');
const { performTask } = await import('./tasks.js');
// The page extractor too: the first HTML request should not wait for its modules to load.
await import('../extract/html.js');

/**
 * Resources (wink-nlp model, lexicon/vectors) load when the core's modules are imported, i.e. once per worker
 * at start-up, not per request. One tiny compare here also runs any lazily loaded resource and JIT-warms the
 * hot paths, so the first real request does not pay for it.
 */
defaultComparer().compare(
  { text: 'The minister said on Monday that talks would resume.' },
  { text: 'Talks will resume, the minister said.' },
);
const lexicon = defaultLexicon();
parentPort?.postMessage({
  type: WORKER_LOADED,
  threadId,
  loadMs: performance.now() - started,
  lexicon: lexicon === null ? 'none' : lexicon === data.lexicon ? 'shared' : 'own',
} satisfies WorkerLoaded);

/**
 * Piscina worker entry: runs one compare with the pure core (or extracts a web page's article). Both are
 * synchronous CPU work; the pool (src/worker/pool.ts) bounds them in time by terminating this thread, which
 * piscina replaces.
 */
export default function runTask(task: ExtractTask): Promise<ExtractAnswer>;
export default function runTask(task: DeriveTask): Derivation;
export default function runTask(task: CompareTask): CompareResult | Uint8Array;
export default function runTask(task: WorkerTask): CompareResult | Uint8Array | Derivation | Promise<ExtractAnswer>;
export default function runTask(task: WorkerTask): CompareResult | Uint8Array | Derivation | Promise<ExtractAnswer> {
  if (task.kind === 'extract') return performTask(task);
  if (task.fault && data.allowFaults) simulate(task.fault);
  const answer = performTask(task);
  // A serialised or rendered answer crosses as its UTF-8 bytes, moved rather than copied: the main thread then
  // writes them to the socket as they are. Handed over as a string, it would be encoded on the event loop, the
  // largest cost of the main thread under load (bench/README.md).
  return typeof answer === 'string' ? (move(encoder.encode(answer)) as unknown as Uint8Array) : answer;
}

const encoder = new TextEncoder();

/** Test-only fault injection, reachable only when the engine was built with an explicit fault hook. */
function simulate(fault: Fault): void {
  if (fault === 'crash') process.exit(70);
  if (fault === 'throw') throw new Error('simulated failure inside the compare worker');
  // 'hang': a runaway synchronous loop, as a pathological input would cause; only termination ends it.
  for (;;) {
    /* spin */
  }
}
