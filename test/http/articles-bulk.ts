import t from 'tap';
import { SEED_ARTICLES, storeApp } from '../fixtures/store-app.js';

// A worker pool (and here a store) on a loaded shared machine: a file can take minutes; no assertion is timed.
t.setTimeout(600_000);

const NDJSON = { 'content-type': 'application/x-ndjson' };
const lines = (body: string) =>
  body
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

t.test('each line is answered in order, bad lines with their problem, then a summary', async (t) => {
  const { app } = await storeApp(t);
  const payload = [
    JSON.stringify(SEED_ARTICLES['001']),
    '',
    '{"text": "unterminated',
    JSON.stringify({ text: 'x', colour: 'red' }),
    JSON.stringify(SEED_ARTICLES['000']),
    JSON.stringify({ ...SEED_ARTICLES['001'], outlet: 'Someone else' }),
  ].join('\n');
  const res = await app.inject({ method: 'POST', url: '/v1/articles/bulk', headers: NDJSON, payload });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /application\/x-ndjson/);
  const [a, b, c, d, e, summary] = lines(res.body);
  t.match(a, { line: 1, status: 201, id: /^[0-9a-f]{24}$/ });
  t.match(b, { line: 2, status: 400, problem: { code: 'MALFORMED_BODY' } });
  t.match(c, {
    line: 3,
    status: 400,
    problem: {
      code: 'INVALID_REQUEST',
      errors: [{ rule: 'additionalProperties' }],
    },
  });
  t.match(d, { line: 4, status: 201 });
  t.same(e, { line: 5, status: 200, id: a.id }, 'the same text again: the stored id');
  t.same(summary, { summary: { lines: 5, created: 2, existing: 1, failed: 2, complete: true } });
  t.equal((await app.inject({ url: `/v1/articles/${d.id}` })).json().outlet, 'Caliber.Az');
});

t.test('past BULK_MAX_LINES or BULK_MAX_BYTES the ingest ends with a BULK_TOO_LARGE line, not silently', async (t) => {
  const { app } = await storeApp(t, { bulkMaxLines: 2 });
  const payload = ['000', '001', '003', '004'].map((k) => JSON.stringify(SEED_ARTICLES[k as '000'])).join('\n');
  const res = lines((await app.inject({ method: 'POST', url: '/v1/articles/bulk', headers: NDJSON, payload })).body);
  t.same(
    res.map((l) => l.status),
    [201, 201, 413, undefined],
  );
  t.equal(res[2].problem.code, 'BULK_TOO_LARGE');
  t.same(res[3], { summary: { lines: 2, created: 2, existing: 0, failed: 0, complete: false } });
  t.equal((await app.inject({ url: '/v1/articles' })).json().articles.length, 2);

  const small = await storeApp(t, { bulkMaxBytes: 2048 });
  const cut = await small.app.inject({ method: 'POST', url: '/v1/articles/bulk', headers: NDJSON, payload });
  const big = lines(cut.body);
  t.equal(big.at(-2).problem.code, 'BULK_TOO_LARGE');
  t.equal(big.at(-1).summary.complete, false);
});

t.test('a body that is not NDJSON is refused before anything is stored', async (t) => {
  const { app } = await storeApp(t);
  const headers = { 'content-type': 'text/plain' };
  const res = await app.inject({ method: 'POST', url: '/v1/articles/bulk', headers, payload: 'x' });
  t.equal(res.statusCode, 415);
  t.equal(res.json().code, 'UNSUPPORTED_MEDIA_TYPE');
});
