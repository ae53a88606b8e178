import t from 'tap';
import { testApp } from '../../fixtures/app.js';
import { noBudget } from '../../fixtures/budget.js';
import { faults, post, small, withText } from '../../fixtures/faults.js';
import { seeds } from '../../fixtures/seeds.js';
import { until } from '../../fixtures/until.js';

const seedBody = {
  original: { text: seeds.atlantic, outlet: 'The Atlantic' },
  rewrite: { text: seeds.caliber, outlet: 'Caliber.Az' },
};

t.test('a compare in the worker pool gives exactly the answer of an inline compare', async (t) => {
  const pooled = await testApp(t, { config: { inlineMaxChars: 0, workers: 1 }, engine: noBudget });
  const inline = await testApp(t, { config: { inlineMaxChars: 10_000_000 }, engine: noBudget });
  await pooled.engine.warmup?.();
  const a = await pooled.inject(post(seedBody));
  const b = await inline.inject(post(seedBody));
  t.equal(a.statusCode, 200);
  t.equal(b.statusCode, 200);
  t.same(a.json(), b.json());
  t.match(pooled.engine.stats?.(), { pooled: 1, inline: 0, threads: 1 });
  t.match(inline.engine.stats?.(), { pooled: 0, inline: 1, threads: 0 }, 'the inline app never started a pool');
});

t.test('INLINE_MAX_CHARS decides where a compare runs', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 500, workers: 1 }, engine: noBudget });
  await app.engine.warmup?.();
  t.equal((await app.inject(post(small))).statusCode, 200);
  const big = await app.inject(post(seedBody));
  t.equal(big.statusCode, 200, big.body.slice(0, 200));
  t.match(app.engine.stats?.(), { inline: 1, pooled: 1 });
});

t.test('tiny compares run inline only while the pool is idle', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 500, workers: 1 }, engine: noBudget });
  await app.engine.warmup?.();
  const busy = app.inject(post(seedBody)); // a real compare that keeps the only worker busy for a while
  await until(() => app.engine.stats?.().pooled === 1);
  const tiny = app.inject(post(small));
  await until(() => app.engine.stats?.().pooled === 2);
  t.match(
    app.engine.stats?.(),
    { inline: 0, pooled: 2 },
    'with a compare in the pool, the tiny one queued for a worker',
  );
  t.equal((await busy).statusCode, 200);
  t.equal((await tiny).statusCode, 200);
  t.equal((await app.inject(post(small))).statusCode, 200);
  t.match(app.engine.stats?.(), { inline: 1, pooled: 2 }, 'once the pool is idle again, it runs inline');
});

t.test(
  'answers are serialised in the worker and equal what the schema serialiser and the route renderers give',
  async (t) => {
    const app = await testApp(t, { config: { inlineMaxChars: 0, workers: 1 }, engine: noBudget });
    const plain = await testApp(t, { config: { inlineMaxChars: 0, workers: 1 }, engine: noBudget });
    plain.engine.compareAs = undefined; // forces the route's object path: result object → schema serialiser / renderers
    await Promise.all([app.engine.warmup?.(), plain.engine.warmup?.()]);
    const [viaWorker, viaSchema] = await Promise.all([app.inject(post(seedBody)), plain.inject(post(seedBody))]);
    t.equal(viaWorker.statusCode, 200);
    t.equal(viaSchema.statusCode, 200);
    t.equal(viaWorker.headers['content-type'], viaSchema.headers['content-type']);
    t.equal(viaWorker.headers.vary, viaSchema.headers.vary);
    t.same(viaWorker.json(), viaSchema.json(), 'same answer, field for field');
    t.equal(viaWorker.body.length, viaSchema.body.length, 'no field the schema would drop');
    for (const format of ['text', 'markdown'] as const) {
      const [w, p] = await Promise.all([app.inject(post(seedBody, format)), plain.inject(post(seedBody, format))]);
      t.equal(w.headers['content-type'], p.headers['content-type'], `${format}: same content type`);
      t.equal(w.body, p.body, `${format}: the report rendered in the worker is the one the route renders`);
    }
  },
);

t.test('HTML pages are extracted in the pool, not on the event loop', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 0, workers: 1 }, engine: noBudget });
  const page = (p: string) =>
    `<html><head><title>Budget</title></head><body><article><p>${p}</p></article></body></html>`;
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: {
      original: {
        html: page('The council approved the budget on Monday after a long debate about schools and roads.'),
      },
      rewrite: {
        html: page('On Monday the council passed the budget following a long debate over schools and roads.'),
      },
    },
  });
  t.equal(res.statusCode, 200);
  t.match(res.json().rewrite.text, /council passed the budget/, 'the extracted text comes back with the answer');
  t.match(app.engine.stats?.(), { inline: 0, pooled: 3 }, 'two extractions and one compare, all in workers');
});

t.test('closing the app stops the pool; later compares are refused as SHUTTING_DOWN', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 0, workers: 1 } });
  await app.engine.warmup?.();
  t.equal((await app.inject(post(small))).statusCode, 200);
  await app.close();
  await t.rejects(app.engine.compare(small.original, small.rewrite), { code: 'SHUTTING_DOWN' });
});

t.test('a compare still running when the pool closes ends as SHUTTING_DOWN, not as a timeout or a crash', async (t) => {
  // A client that hung up leaves its request running past the server's close: nobody waits for it, so the close
  // ends it (and the one queued behind it) instead of waiting for its budget.
  // The budget never expires here: a close that waited for it would never end (and the test would time out).
  const app = await testApp(t, { config: { inlineMaxChars: 0, workers: 1 }, engine: { faults, ...noBudget } });
  await app.engine.warmup?.();
  const settled = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (err: unknown) => err,
    );
  const running = settled(app.engine.compare(withText('SIMULATE_HANG').original, small.rewrite));
  const queued = settled(app.engine.compare(small.original, small.rewrite));
  await until(() => app.engine.stats?.().queued === 1);
  await app.close();
  t.match(await running, { code: 'SHUTTING_DOWN', statusCode: 503 }, 'the running task');
  t.match(await queued, { code: 'SHUTTING_DOWN', statusCode: 503 }, 'the task waiting behind it');
});
