import t from 'tap';
import { buildApp } from '../../src/http/app.js';
import { testApp } from '../fixtures/app.js';

const shared = await testApp(t);

t.test('GET /health answers ok', async (t) => {
  const app = shared;
  const res = await app.inject({ method: 'GET', url: '/health' });
  t.equal(res.statusCode, 200);
  t.equal(res.json().status, 'ok');
});

t.test('OpenAPI document lists /v1/compare with its schemas', async (t) => {
  const app = shared;
  const res = await app.inject({ method: 'GET', url: '/docs/json' });
  t.equal(res.statusCode, 200);
  const doc = res.json();
  t.match(doc.openapi, /^3\./);
  const op = doc.paths['/v1/compare'].post;
  t.ok(op, 'POST /v1/compare documented');
  t.ok(op.requestBody.content['application/json'].schema, 'request schema');
  t.ok(op.requestBody.content['multipart/form-data'], 'multipart documented');
  t.ok(op.responses['200'], '200 documented');
  t.ok(doc.paths['/health'], '/health documented');
});

t.test('the docs UI is served', async (t) => {
  const app = shared;
  const res = await app.inject({ method: 'GET', url: '/docs' });
  t.ok([200, 302].includes(res.statusCode));
});

t.test('a plugin start has fastify’s 10 s budget unless the caller lifts it', async (t) => {
  t.equal(shared.initialConfig.pluginTimeout, 0, 'lifted by the tests (a loaded machine must not fail them)');
  const app = await buildApp({ logger: false });
  t.teardown(() => app.close());
  t.equal(app.initialConfig.pluginTimeout, 10_000);
});
