import t from 'tap';
import { BOILERPLATE_KINDS, CHANGE_KINDS, QUOTE_EDIT_KINDS, QUOTE_STATUSES } from '../../src/schemas/result.js';
import { testApp } from '../fixtures/app.js';
import { noBudget } from '../fixtures/budget.js';
import { contractViolations } from '../fixtures/contract.js';

/**
 * The served OpenAPI document describes the server as it is. Every route test already checks each response it
 * receives against this document (test/fixtures/app.ts); here: what the document says, and that the check bites.
 */

const app = await testApp(t, { config: { maxEventLoopDelayMs: 0 }, engine: noBudget });
const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();

type Operation = {
  operationId?: string;
  tags?: string[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<
    string,
    { headers?: Record<string, unknown>; content?: Record<string, { schema: Record<string, unknown> }> }
  >;
};
const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ path, method, op })),
);

t.test(
  'the document names its service: licence, servers, described tags, an operationId for every operation',
  async (t) => {
    t.match(doc.info.license, { name: 'MIT' });
    t.ok(doc.servers.length > 0);
    for (const tag of doc.tags) t.ok(tag.description, `tag ${tag.name} is described`);
    t.same(operations.map((o) => o.op.operationId).sort(), [
      'addArticle',
      'addArticles',
      'check',
      'compare',
      'compareBatch',
      'deleteArticle',
      'formPage',
      'getArticle',
      'health',
      'listArticles',
      'ready',
    ]);
    for (const { op } of operations)
      t.ok(op.tags?.every((name) => doc.tags.some((tag: { name: string }) => tag.name === name)));
  },
);

t.test('every error is application/problem+json with the codes of its status; every 503 has Retry-After', async (t) => {
  for (const { path, method, op } of operations) {
    for (const [status, response] of Object.entries(op.responses)) {
      if (Number(status) < 400) continue;
      // The forms' targets answer a request for HTML with the form page (406: the request accepts no HTML).
      const formPage = ['/v1/compare', '/v1/compare/batch'].includes(path) && status !== '406';
      t.same(
        Object.keys(response.content ?? {}),
        formPage ? ['application/problem+json', 'text/html'] : ['application/problem+json'],
        `${method} ${path} ${status}`,
      );
      const schema = doc.components.schemas[`Problem${status}`];
      t.ok(schema.properties.code.enum.length > 0, `Problem${status} lists its codes`);
      if (status === '503') t.ok(response.headers?.['Retry-After'], `${method} ${path} 503 documents Retry-After`);
    }
  }
  t.same(doc.components.schemas.Problem503.properties.code.enum, [
    'OVERLOADED',
    'COMPARE_TIMEOUT',
    'COMPARE_FAILED',
    'SHUTTING_DOWN',
    'NOT_READY',
    'STORE_UNAVAILABLE',
  ]);
});

t.test('the compare routes document each answer format, the text ones as strings', async (t) => {
  for (const path of ['/v1/compare', '/v1/compare/batch']) {
    const content = doc.paths[path].post.responses['200'].content;
    t.same(Object.keys(content).sort(), ['application/json', 'text/html', 'text/markdown', 'text/plain']);
    for (const type of ['text/html', 'text/markdown', 'text/plain'])
      t.equal(content[type].schema.type, 'string', `${path} ${type}`);
  }
  t.equal(doc.paths['/'].get.responses['200'].content['text/html'].schema.type, 'string');
});

t.test('multipart is documented as the flat fields the server takes', async (t) => {
  const form = doc.paths['/v1/compare'].post.requestBody.content['multipart/form-data'].schema;
  for (const field of ['original', 'rewrite', 'original_html', 'rewrite_outlet', 'original_url', 'original_type']) {
    t.ok(form.properties[field], field);
  }
  t.equal(form.additionalProperties, false);
  const batch = doc.paths['/v1/compare/batch'].post.requestBody.content['multipart/form-data'].schema;
  for (const field of ['rewrite_1', 'rewrite_10_html', 'rewrite_3_outlet']) t.ok(batch.properties[field], field);
  t.equal(batch.additionalProperties, false);
  const json = doc.paths['/v1/compare'].post.requestBody.content['application/json'].schema;
  t.ok(json.properties.original, 'JSON keeps its nested shape');
});

t.test('the kinds are enums in the document', async (t) => {
  const text = JSON.stringify(doc);
  for (const kinds of [BOILERPLATE_KINDS, CHANGE_KINDS, QUOTE_EDIT_KINDS, QUOTE_STATUSES]) {
    t.ok(text.includes(JSON.stringify({ enum: kinds }).slice(1, -1)), kinds.join(', '));
  }
});

t.test('the contract check reports responses the document does not allow', async (t) => {
  const problem = { type: 'urn:x', title: 'T', status: 503, detail: 'd', code: 'OVERLOADED' };
  const res = (over: Partial<Parameters<typeof contractViolations>[1]>) => ({
    method: 'POST',
    url: '/v1/compare',
    statusCode: 503,
    body: JSON.stringify(problem),
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'retry-after': '5' },
    ...over,
  });
  t.same(contractViolations(doc, res({}), 'test'), [], 'a documented 503 passes');
  const table: [string, Parameters<typeof contractViolations>[1], RegExp][] = [
    ['undocumented status', res({ statusCode: 418 }), /status not in the document/],
    ['wrong media type', res({ headers: { 'content-type': 'application/json', 'retry-after': '5' } }), /media type/],
    ['missing Retry-After', res({ headers: { 'content-type': 'application/problem+json' } }), /Retry-After missing/],
    ['a code of another status', res({ body: JSON.stringify({ ...problem, code: 'NOT_FOUND' }) }), /body/],
    [
      'a result without its summary',
      res({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{}' }),
      /summary/,
    ],
  ];
  for (const [name, response, want] of table) t.match(contractViolations(doc, response, 'test').join('\n'), want, name);
});
