import t from 'tap';
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
