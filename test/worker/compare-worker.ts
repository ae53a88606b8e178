import { pathToFileURL } from 'node:url';
import { Piscina, valueSymbol } from 'piscina';
import t from 'tap';
import type { CompareResult } from '../../src/core/types.js';
import { defaultLexicon } from '../../src/lexicon/vectors.js';
import { renderText } from '../../src/render/text.js';
import runCompare from '../../src/worker/compare-worker.js';
import {
  type CompareTask,
  type CompareWorkerData,
  WORKER_LOADED,
  type WorkerLoaded,
} from '../../src/worker/messages.js';
import { workerFile } from '../../src/worker/pool.js';
import { compare, comparer } from '../fixtures/comparer.js';
import { repoPath } from '../fixtures/repo.js';
import { seeds } from '../fixtures/seeds.js';

const pair = { original: { text: seeds.report002 }, rewrite: { text: seeds.blog003 } };

t.test('the worker entry answers exactly what the core answers', async (t) => {
  t.same(runCompare(pair), compare(pair.original, pair.rewrite));
  const limits = { maxChars: 400, maxDiffEdits: 400, maxCandidatesPerClaim: 5 };
  t.same(runCompare({ ...pair, limits }), compare(pair.original, pair.rewrite, limits), 'limits are passed through');
});

t.test('a derive task answers what the core derives', async (t) => {
  t.same(runCompare({ kind: 'derive', ...pair }), comparer.derive(pair.original, pair.rewrite));
});

t.test('fault requests are ignored unless the pool was created with allowFaults', async (t) => {
  // Here (main thread, no workerData) faults are not allowed: a task asking for a crash just compares.
  for (const fault of ['crash', 'throw', 'hang'] as const) {
    t.same(
      (runCompare({ ...pair, fault }) as CompareResult).summary,
      compare(pair.original, pair.rewrite).summary,
      fault,
    );
  }
});

/** A formatted answer as the main thread receives it: UTF-8 bytes marked to be moved (not copied) to it. */
const body = (answer: unknown): string => {
  const bytes = (answer as Record<symbol, unknown>)[valueSymbol];
  if (!(bytes instanceof Uint8Array)) throw new Error('not a moved Uint8Array');
  return new TextDecoder().decode(bytes);
};

t.test('asked for a format, the worker answers the serialised or rendered result as UTF-8 bytes to move', async (t) => {
  const json = body(runCompare({ ...pair, format: 'json' }));
  t.equal(json, JSON.stringify(compare(pair.original, pair.rewrite)));
  const text = body(
    runCompare({ ...pair, format: 'text', render: { originalOutlet: 'Report', rewriteOutlet: 'Blog' } }),
  );
  t.equal(text, renderText(compare(pair.original, pair.rewrite), { originalOutlet: 'Report', rewriteOutlet: 'Blog' }));
  const html = body(runCompare({ ...pair, format: 'html', render: { nonce: { script: 'n0nce1', style: 'n0nce2' } } }));
  t.match(html, /<style nonce="n0nce2">/, 'the response nonce reaches the report rendered in the worker');
});

t.test('extracted sides carry their text in the answer', async (t) => {
  const result = runCompare({ ...pair, withText: { rewrite: true } }) as CompareResult;
  t.equal(result.rewrite.text, pair.rewrite.text);
  t.equal(result.original.text, undefined);
});

t.test('an extract task answers the article, or why there is none, without throwing across the thread', async (t) => {
  const page = await runCompare({
    kind: 'extract',
    html:
      '<html><head><title>Budget</title></head><body><article><p>The council approved' +
      ' the budget on Monday after a long debate about schools and' +
      ' roads.</p></article></body></html>',
  });
  t.ok(page.ok && page.article.text.includes('The council approved the budget'));
  const none = await runCompare({ kind: 'extract', html: '<html><body></body></html>' });
  t.match(none, { ok: false, message: /./ });
});

t.test('workerFile finds the compiled worker from sources and from dist', async (t) => {
  const compiled = repoPath('dist', 'src', 'worker', 'compare-worker.js');
  t.equal(workerFile(pathToFileURL(repoPath('src', 'worker', 'pool.ts')).href), compiled, 'from src/*.ts (tap)');
  t.equal(
    workerFile(pathToFileURL(repoPath('dist', 'src', 'worker', 'pool.js')).href),
    compiled,
    'from dist/*.js (npm start)',
  );
  t.throws(() => workerFile('file:///nonexistent/dist/src/worker/pool.js'), /npm run build/);
});

t.test('a real worker thread loads once, says so, and compares', async (t) => {
  const pool = new Piscina<CompareTask, CompareResult>({ filename: workerFile(), minThreads: 1, maxThreads: 1 });
  t.teardown(() => pool.close({ force: true }));
  const loaded = new Promise<WorkerLoaded>((resolve) =>
    pool.on('message', (m: WorkerLoaded) => {
      if (m.type === WORKER_LOADED) resolve(m);
    }),
  );
  const result = await pool.run({ ...pair, fault: 'crash' });
  t.same(result, compare(pair.original, pair.rewrite), 'the crash request was ignored: allowFaults was not set');
  const msg = await loaded;
  t.ok(msg.loadMs > 0, `worker reported its load time (${msg.loadMs.toFixed(0)} ms)`);
  t.equal(msg.threadId, pool.threads[0]?.threadId);
  t.equal(msg.lexicon, 'own', 'given no lexicon, the worker read its own');
});

t.test('a worker given the parent’s lexicon compares with that shared memory instead of reading a copy', async (t) => {
  const lexicon = defaultLexicon();
  if (!lexicon) throw new Error('the lexicon is built by `npm run build`');
  t.ok(lexicon.data.buffer instanceof SharedArrayBuffer, 'the vectors are in shared memory');
  t.ok(lexicon.neighbours?.rows.buffer instanceof SharedArrayBuffer, 'so are the neighbour lists');
  const pool = new Piscina<CompareTask, CompareResult>({
    filename: workerFile(),
    minThreads: 1,
    maxThreads: 1,
    workerData: { lexicon } satisfies CompareWorkerData,
  });
  t.teardown(() => pool.close({ force: true }));
  const loaded = new Promise<WorkerLoaded>((resolve) =>
    pool.on('message', (m: WorkerLoaded) => {
      if (m.type === WORKER_LOADED) resolve(m);
    }),
  );
  t.same(await pool.run(pair), compare(pair.original, pair.rewrite), 'the same answer as with a lexicon of its own');
  t.equal((await loaded).lexicon, 'shared');
});
