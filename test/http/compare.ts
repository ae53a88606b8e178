import t from 'tap';
import { buildApp } from '../../src/http/app.js';
import { multipartBody, testApp } from '../fixtures/app.js';
import { noBudget } from '../fixtures/budget.js';
import { seeds } from '../fixtures/seeds.js';

// These tests check the contract, not compare budgets or load shedding (tested in test/http/engine*.test.ts):
// the first compare of a fresh app loads the NLP models, and tap runs files in parallel on a 2-core machine. One app
// answers them all (its worker pool loads once), with no time budget and no event-loop shedding.
const shared = await testApp(t, { config: { maxEventLoopDelayMs: 0 }, engine: noBudget });

const seedBody = {
  original: { text: seeds.atlantic, outlet: 'The Atlantic' },
  rewrite: { text: seeds.caliber, outlet: 'Caliber.Az' },
};

t.test('JSON compare answers the v1 contract on the seed pair', async (t) => {
  const app = shared;
  const res = await app.inject({ method: 'POST', url: '/v1/compare', payload: seedBody });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /application\/json/);
  const out = res.json();
  t.ok(['wholly_derived', 'partially_derived', 'independent'].includes(out.summary.verdict));
  t.type(out.summary.coverage, 'number');
  t.type(out.summary.containment, 'number');
  t.type(out.summary.attribution.credited, 'boolean');
  t.ok(out.original.claims.length > 10, 'original has claims');
  for (const [side, text] of [
    ['original', seeds.atlantic],
    ['rewrite', seeds.caliber],
  ] as const) {
    for (const c of out[side].claims) t.equal(text.slice(c.start, c.end), c.text, `${side} ${c.id} slices to its text`);
  }
  const rewriteIds = new Set(out.rewrite.claims.map((c: { id: string }) => c.id));
  for (const c of out.original.claims) for (const m of c.matches) t.ok(rewriteIds.has(m), `match ${m} exists`);
  t.ok(out.alignments.length > 0, 'some alignments');
  t.ok(Array.isArray(out.quotes));
  t.ok(res.headers['x-request-id'], 'request id header');
});

t.test('multipart upload gives the same answer as JSON', async (t) => {
  const app = shared;
  const form = multipartBody({
    original: { value: seeds.atlantic, filename: 'a.txt' },
    rewrite: { value: seeds.caliber, filename: 'b.txt' },
    original_outlet: { value: 'The Atlantic' },
    rewrite_outlet: { value: 'Caliber.Az' },
  });
  const res = await app.inject({ method: 'POST', url: '/v1/compare', ...form });
  t.equal(res.statusCode, 200, res.body.slice(0, 300));
  const json = await app.inject({ method: 'POST', url: '/v1/compare', payload: seedBody });
  t.same(res.json().summary, json.json().summary);
});

t.test('multipart without the rewrite names the missing field', async (t) => {
  const app = shared;
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    ...multipartBody({ original: { value: 'Some text.', filename: 'a.txt' } }),
  });
  t.equal(res.statusCode, 400);
  t.match(res.json(), { code: 'INVALID_REQUEST', errors: [{ field: 'body.rewrite', rule: 'required' }] });
});

const problems = [
  {
    name: 'missing rewrite',
    payload: { original: { text: 'x' } },
    status: 400,
    code: 'INVALID_REQUEST',
    field: 'body.rewrite',
  },
  {
    name: 'empty text',
    payload: { original: { text: '' }, rewrite: { text: 'x' } },
    status: 400,
    code: 'INVALID_REQUEST',
    field: 'body.original.text',
  },
  {
    name: 'whitespace-only text',
    payload: { original: { text: ' \n\t ' }, rewrite: { text: 'x' } },
    status: 400,
    code: 'INVALID_REQUEST',
    field: 'body.original.text',
  },
  {
    name: 'wrong type',
    payload: { original: { text: 42 }, rewrite: { text: 'x' } },
    status: 400,
    code: 'INVALID_REQUEST',
    field: 'body.original.text',
  },
  {
    name: 'extra field',
    payload: { original: { text: 'x', colour: 'red' }, rewrite: { text: 'x' } },
    status: 400,
    code: 'INVALID_REQUEST',
    field: 'body.original.colour',
  },
];

for (const p of problems) {
  t.test(`400 problem: ${p.name}`, async (t) => {
    const app = shared;
    const res = await app.inject({ method: 'POST', url: '/v1/compare', payload: p.payload });
    t.equal(res.statusCode, p.status);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    const body = res.json();
    t.equal(body.code, p.code);
    t.equal(body.status, p.status);
    t.ok(
      body.errors.some((e: { field: string }) => e.field === p.field),
      `names ${p.field}: ${JSON.stringify(body.errors)}`,
    );
    t.ok(body.requestId);
  });
}

t.test('400 problem on malformed JSON', async (t) => {
  const app = shared;
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    headers: { 'content-type': 'application/json' },
    payload: '{"original":',
  });
  t.equal(res.statusCode, 400);
  t.equal(res.json().code, 'MALFORMED_BODY');
});

// One app with a small body limit for both 413 cases.
const small = await testApp(t, { config: { bodyLimit: 2048 } });

t.test('413 problem over the body limit', async (t) => {
  const app = small;
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: { original: { text: 'a '.repeat(2000) }, rewrite: { text: 'b' } },
  });
  t.equal(res.statusCode, 413);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.equal(res.json().code, 'BODY_TOO_LARGE');
});

t.test('413 problem for an uploaded file over the limit', async (t) => {
  const app = small;
  const form = multipartBody({
    original: { value: 'a '.repeat(2000), filename: 'a.txt' },
    rewrite: { value: 'b', filename: 'b.txt' },
  });
  const res = await app.inject({ method: 'POST', url: '/v1/compare', ...form });
  t.equal(res.statusCode, 413);
  t.equal(res.json().code, 'BODY_TOO_LARGE');
});

t.test('415 problem for an unsupported content type', async (t) => {
  const app = shared;
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    headers: { 'content-type': 'application/xml' },
    payload: '<a/>',
  });
  t.equal(res.statusCode, 415);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.equal(res.json().code, 'UNSUPPORTED_MEDIA_TYPE');
});

t.test('404 problem for an unknown route', async (t) => {
  const app = shared;
  const res = await app.inject({ method: 'GET', url: '/v2/nothing?x=1' });
  t.equal(res.statusCode, 404);
  t.match(res.json(), { code: 'NOT_FOUND', status: 404, instance: '/v2/nothing?x=1' });
});

t.test('a 5xx never leaks the internal message or stack', async (t) => {
  const app = await buildApp({ logger: false, pluginTimeoutMs: 0 });
  t.teardown(() => app.close());
  app.get('/boom', async () => {
    throw new Error('secret database password in /etc/passwd');
  });
  const res = await app.inject({ method: 'GET', url: '/boom' });
  t.equal(res.statusCode, 500);
  const body = res.json();
  t.equal(body.code, 'INTERNAL_ERROR');
  t.notMatch(res.body, /secret|passwd|at .*\.ts/);
});
