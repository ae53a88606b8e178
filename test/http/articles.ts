import t from 'tap';
import { SEED_ARTICLES, storeApp } from '../fixtures/store-app.js';

// A worker pool (and here a store) on a loaded shared machine: a file can take minutes; no assertion is timed.
t.setTimeout(600_000);

t.test('POST /v1/articles stores once: 201, then 200 with the same id for the same text however spaced', async (t) => {
  const { app } = await storeApp(t);
  const first = await app.inject({ method: 'POST', url: '/v1/articles', payload: SEED_ARTICLES['001'] });
  t.equal(first.statusCode, 201);
  const meta = first.json();
  const chars = SEED_ARTICLES['001'].text.length;
  t.match(meta, { id: /^[0-9a-f]{24}$/, outlet: 'The Atlantic', published: '2025-05-22', chars });
  t.equal(first.headers.location, `/v1/articles/${meta.id}`);
  const respaced = SEED_ARTICLES['001'].text.replace(/\n\n/g, '\n\n\n').replace(/ /g, '  ').toUpperCase();
  const again = await app.inject({ method: 'POST', url: '/v1/articles', payload: { text: respaced } });
  t.equal(again.statusCode, 200);
  t.equal(again.json().id, meta.id);
  t.equal(again.json().outlet, 'The Atlantic', 'the stored article is unchanged');

  const got = await app.inject({ url: `/v1/articles/${meta.id}` });
  t.equal(got.statusCode, 200);
  t.equal(got.json().text, SEED_ARTICLES['001'].text);
});

t.test('an HTML page is extracted as /v1/compare does', async (t) => {
  const { app } = await storeApp(t);
  const first = 'The harbour reopened on Monday after a storm closed it for two weeks, officials said. '.repeat(4);
  const second = 'Fishermen returned to the quays before dawn and unloaded the first catch in days. '.repeat(4);
  const html = `<!doctype html><html><head><title>Page</title><meta property="og:site_name" content="The Daily">
</head><body><article><h1>Harbour reopens</h1><p>${first}</p><p>${second}</p></article></body></html>`;
  const res = await app.inject({ method: 'POST', url: '/v1/articles', payload: { html } });
  t.equal(res.statusCode, 201);
  const got = (await app.inject({ url: `/v1/articles/${res.json().id}` })).json();
  t.match(got.text, /harbour reopened on Monday/);
  t.notMatch(got.text, /<p>/);
  t.equal(got.outlet, 'The Daily');
});

t.test('invalid articles and ids are problems with stable codes', async (t) => {
  const { app } = await storeApp(t);
  const empty = await app.inject({ method: 'POST', url: '/v1/articles', payload: { text: '  ' } });
  t.equal(empty.statusCode, 400);
  t.equal(empty.json().code, 'INVALID_REQUEST');
  t.match(empty.headers['content-type'], /application\/problem\+json/);
  t.equal((await app.inject({ url: '/v1/articles/nothex' })).json().code, 'INVALID_REQUEST');
  const missing = await app.inject({ url: `/v1/articles/${'0'.repeat(24)}` });
  t.equal(missing.statusCode, 404);
  t.equal(missing.json().code, 'ARTICLE_NOT_FOUND');
  const del = await app.inject({ method: 'DELETE', url: `/v1/articles/${'0'.repeat(24)}` });
  t.equal(del.json().code, 'ARTICLE_NOT_FOUND');
});

t.test('GET /v1/articles pages by cursor and filters by outlet and date', async (t) => {
  const { app } = await storeApp(t);
  const ids: string[] = [];
  for (const a of Object.values(SEED_ARTICLES)) {
    ids.push((await app.inject({ method: 'POST', url: '/v1/articles', payload: a })).json().id);
  }
  const seen: string[] = [];
  let url = '/v1/articles?limit=2';
  for (let i = 0; i < 5; i++) {
    const page = (await app.inject({ url })).json();
    seen.push(...page.articles.map((a: { id: string }) => a.id));
    if (!page.next) break;
    url = `/v1/articles?limit=2&cursor=${page.next}`;
  }
  t.same(seen, ids);
  const atlantic = (await app.inject({ url: '/v1/articles?outlet=The%20Atlantic' })).json();
  t.same(
    atlantic.articles.map((a: { id: string }) => a.id),
    [ids[1]],
  );
  const may = (await app.inject({ url: '/v1/articles?since=2025-05&until=2025-05-22' })).json();
  t.same(
    may.articles.map((a: { published: string }) => a.published),
    ['2025-05-22'],
  );
  t.equal((await app.inject({ url: '/v1/articles?limit=0' })).json().code, 'INVALID_REQUEST');
  t.equal((await app.inject({ url: '/v1/articles?since=2025-13' })).json().code, 'INVALID_REQUEST');
});

t.test('DELETE: 204, then the article is neither served, listed nor found as a source', async (t) => {
  const { app } = await storeApp(t);
  const id = (await app.inject({ method: 'POST', url: '/v1/articles', payload: SEED_ARTICLES['001'] })).json().id;
  const before = (await app.inject({ method: 'POST', url: '/v1/check', payload: SEED_ARTICLES['000'] })).json();
  t.equal(before.sources[0]?.article.id, id);
  const del = await app.inject({ method: 'DELETE', url: `/v1/articles/${id}` });
  t.equal(del.statusCode, 204);
  t.equal((await app.inject({ url: `/v1/articles/${id}` })).statusCode, 404);
  t.same((await app.inject({ url: '/v1/articles' })).json().articles, []);
  const url = '/v1/check?nearMisses=true';
  const after = (await app.inject({ method: 'POST', url, payload: SEED_ARTICLES['000'] })).json();
  t.same(after.sources, []);
});

t.test('/ready reports the store: its engine and the articles it holds', async (t) => {
  const { app } = await storeApp(t);
  await app.inject({ method: 'POST', url: '/v1/articles', payload: SEED_ARTICLES['004'] });
  await app.engine.warmup!();
  const ready = await app.inject({ url: '/ready' });
  t.match(ready.json(), { store: { engine: 'sqlite', articles: 1 } });
});

t.test('a text the store cannot hold (U+0000) is a 400 on both routes, whatever the engine', async (t) => {
  const { app } = await storeApp(t);
  // One stray NUL in an article is text (a compare takes it), but no store engine can hold it.
  const stray = `Harbour\u0000 reopens. ${'The ferry company said services would resume on Monday. '.repeat(3)}`;
  const res = await app.inject({ method: 'POST', url: '/v1/articles', payload: { text: stray } });
  t.equal(res.statusCode, 400);
  t.match(res.json(), { code: 'INVALID_REQUEST', errors: [{ field: 'body.text', rule: 'storable' }] });
  const headers = { 'content-type': 'application/x-ndjson' };
  const bulk = await app.inject({
    method: 'POST',
    url: '/v1/articles/bulk',
    headers,
    payload: `${JSON.stringify({ text: stray })}\n${JSON.stringify({ text: 'Harbour reopens.' })}\n`,
  });
  const [first, second] = bulk.body
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  t.match(first, { line: 1, status: 400, problem: { errors: [{ field: 'line 1.text' }] } });
  t.match(second, { line: 2, status: 201 });
});
