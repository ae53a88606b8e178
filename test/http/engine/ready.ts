import t from 'tap';
import { testApp } from '../../fixtures/app.js';
import { faults, post, small, withText } from '../../fixtures/faults.js';

t.test('GET /ready: 503 NOT_READY until every compare worker has loaded, then ready', async (t) => {
  const app = await testApp(t, { config: { workers: 2, inlineMaxChars: 0 } });
  // Under inject the server never listens, so the pool has not been started: nothing can compare yet.
  const before = await app.inject({ method: 'GET', url: '/ready' });
  t.equal(before.statusCode, 503);
  t.match(before.headers['content-type'], /^application\/problem\+json/);
  t.equal(before.json().code, 'NOT_READY');
  t.match(before.json().detail, /^0 of 2 compare workers/);
  t.ok(before.headers['retry-after'], 'a load balancer is told when to ask again');
  t.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200, 'liveness answers meanwhile');

  await app.engine.warmup?.();
  const after = await app.inject({ method: 'GET', url: '/ready' });
  t.equal(after.statusCode, 200);
  // The article store is reported too (articles held depend on what `DATA_DIR` already holds).
  t.match(after.json(), { status: 'ready', workers: { size: 2, ready: 2 }, store: { engine: 'sqlite' } });
});

t.test('GET /ready stays ready while a crashed worker is replaced and the other serves', async (t) => {
  const app = await testApp(t, { config: { workers: 2, inlineMaxChars: 0 }, engine: { faults } });
  await app.engine.warmup?.();
  const crashed = await app.inject(post(withText('SIMULATE_CRASH in this text')));
  t.equal(crashed.json().code, 'COMPARE_FAILED');
  const res = await app.inject({ method: 'GET', url: '/ready' });
  t.equal(res.statusCode, 200, 'one worker is enough to serve after start-up');
  t.equal((await app.inject(post(small))).statusCode, 200, 'and it does');
});

t.test('OpenAPI documents /ready with its 503 problem', async (t) => {
  const app = await testApp(t);
  const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
  t.ok(doc.paths['/ready'].get.responses['200']);
  t.ok(doc.paths['/ready'].get.responses['503']);
});
