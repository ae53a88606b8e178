import t from 'tap';
import { SEED_ARTICLES, storeApp } from '../fixtures/store-app.js';

// A worker pool (and here a store) on a loaded shared machine: a file can take minutes; no assertion is timed.
t.setTimeout(600_000);

t.test('with API_KEYS set, every /v1 route needs a configured key; liveness and docs stay open', async (t) => {
  const { app } = await storeApp(t, { apiKeys: ['k-one', 'k-two'] });
  const none = await app.inject({ method: 'POST', url: '/v1/articles', payload: SEED_ARTICLES['004'] });
  t.equal(none.statusCode, 401);
  t.equal(none.json().code, 'UNAUTHORIZED');
  t.equal(none.headers['www-authenticate'], 'Bearer');
  const wrong = await app.inject({ method: 'GET', url: '/v1/articles', headers: { authorization: 'Bearer k-three' } });
  t.equal(wrong.statusCode, 403);
  t.equal(wrong.json().code, 'FORBIDDEN');
  const pair = { original: { text: 'a b' }, rewrite: { text: 'a b' } };
  const compare = await app.inject({ method: 'POST', url: '/v1/compare', payload: pair });
  t.equal(compare.statusCode, 401, 'compare too');
  const headers = { authorization: 'Bearer k-two' };
  const ok = await app.inject({ method: 'POST', url: '/v1/articles', headers, payload: SEED_ARTICLES['004'] });
  t.equal(ok.statusCode, 201);
  t.equal((await app.inject({ url: '/health' })).statusCode, 200);
  const doc = (await app.inject({ url: '/docs/json' })).json();
  t.match(doc.components.securitySchemes.bearerAuth, { type: 'http', scheme: 'bearer' });
  t.same(doc.paths['/v1/check'].post.security, [{ bearerAuth: [] }]);
});

t.test('without API_KEYS the store routes are open', async (t) => {
  const { app } = await storeApp(t);
  t.equal((await app.inject({ url: '/v1/articles' })).statusCode, 200);
});
