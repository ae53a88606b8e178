import { parseHTML } from 'linkedom';
import t from 'tap';
import type { ArticleInput } from '../../src/core/types.js';
import type { Fault } from '../../src/worker/messages.js';
import { testApp } from '../fixtures/app.js';
import { renderAppOptions } from '../fixtures/render-app.js';
import { smallPair } from '../fixtures/small-pair.js';

const independent = {
  text: 'A local bakery won a prize for its sourdough. The owner thanked her staff.\n\nThe shop opens at seven.',
  outlet: 'Bread Times',
};
const credited = {
  text: `${smallPair.rewrite.text}\n\nThe story was first reported by the Daily Planet.`,
  outlet: 'Fair Wire',
};
const batch = (rewrites: unknown[]) => ({
  method: 'POST' as const,
  url: '/v1/compare/batch',
  payload: { original: smallPair.original, rewrites },
});

// One app for the tests that need no faults: each app's worker pool loads its resources once.
const shared = await testApp(t, renderAppOptions);

t.test('results in request order, each a full compare result, plus the outlet matrix', async (t) => {
  const app = shared;
  const res = await app.inject(batch([smallPair.rewrite, independent, credited]));
  t.equal(res.statusCode, 200, res.body.slice(0, 300));
  const { results, matrix } = res.json();
  t.equal(results.length, 3);
  const single = (await app.inject({ method: 'POST', url: '/v1/compare', payload: smallPair })).json();
  t.same(results[0], single, 'the first result is exactly the single compare of that pair');
  t.equal(results[1].summary.verdict, 'independent');
  t.same(
    matrix.outlets.map((o: { outlet: string }) => o.outlet),
    ['Copy Wire', 'Bread Times', 'Fair Wire'],
  );
  t.equal(matrix.claims.length, single.original.claims.length, 'one matrix row per original claim');
  for (const [i, c] of matrix.claims.entries()) {
    const own = single.original.claims[i];
    t.same([c.id, c.start, c.end, c.statuses[0]], [own.id, own.start, own.end, own.status], `${c.id} row`);
    t.equal(c.statuses[1], 'dropped', `${c.id}: the independent article carries nothing`);
    t.ok(c.dropped.includes('Bread Times'));
  }
  t.same(matrix.failed, []);
  t.ok(matrix.credited.includes('Fair Wire'), `credited: ${JSON.stringify(matrix.credited)}`);
  t.notOk(matrix.credited.includes('Bread Times'));
});

t.test('one failing rewrite becomes a problem in its slot and does not sink the others', async (t) => {
  const faults = (_o: ArticleInput, r: ArticleInput): Fault | undefined =>
    r.text.includes('SIMULATE_THROW') ? 'throw' : undefined;
  const app = await testApp(t, {
    config: { ...renderAppOptions.config, inlineMaxChars: 0, workers: 1 },
    engine: { faults, ...renderAppOptions.engine },
  });
  const res = await app.inject(
    batch([
      smallPair.rewrite,
      { html: '<html><body><script>x()</script></body></html>', outlet: 'Empty Page' },
      { text: 'SIMULATE_THROW in this one.', outlet: 'Crashy' },
      independent,
    ]),
  );
  t.equal(res.statusCode, 200, res.body.slice(0, 300));
  const { results, matrix } = res.json();
  t.equal(results[0].summary.verdict !== undefined, true);
  t.match(results[1], { status: 400, code: 'INVALID_REQUEST', detail: /body\.rewrites\.1\.html/ });
  t.match(results[2], { status: 500, code: 'INTERNAL_ERROR' });
  t.equal(results[3].summary.verdict, 'independent');
  t.same(matrix.failed, ['Empty Page', 'Crashy']);
  t.same(matrix.claims[0].statuses.slice(1, 3), [null, null]);
});

t.test('limits and validation', async (t) => {
  const app = shared;
  const tooMany = await app.inject(batch(Array.from({ length: 11 }, () => smallPair.rewrite)));
  t.equal(tooMany.statusCode, 400);
  t.match(tooMany.json(), { code: 'INVALID_REQUEST', errors: [{ field: 'body.rewrites', rule: 'maxItems' }] });
  const none = await app.inject(batch([]));
  t.match(none.json(), { code: 'INVALID_REQUEST', errors: [{ field: 'body.rewrites', rule: 'minItems' }] });
  const bad = await app.inject(batch([{ text: 'x', colour: 'red' }]));
  t.equal(bad.statusCode, 400, 'a malformed rewrite is a 400 for the whole request');
});

t.test('Accept: text/html gives the batch view; text and Markdown too', async (t) => {
  const app = shared;
  const html = await app.inject({ ...batch([smallPair.rewrite, independent]), headers: { accept: 'text/html' } });
  t.match(html.headers['content-type'], /^text\/html/);
  const { document: d } = parseHTML(html.body);
  t.equal(d.querySelectorAll('table.claims thead th').length, 4, 'claim, text and one column per outlet');
  t.ok(d.querySelectorAll('table.claims td[data-status="dropped"]').length > 0);
  t.equal(d.querySelectorAll('details.outlet').length, 2, 'each outlet’s report, folded');
  const text = await app.inject({ ...batch([smallPair.rewrite, independent]), url: '/v1/compare/batch?format=text' });
  t.match(text.body, /^Copy Wire: [^|]*\| coverage\s\d+%/); // \s: the report binds a figure to its label
  t.match(text.body, /\nBread Times: independent/);
  const md = await app.inject({ ...batch([smallPair.rewrite]), headers: { accept: 'text/markdown' } });
  t.match(md.body, /^# Daily Planet against 1 rewrite\(s\)/);
});
