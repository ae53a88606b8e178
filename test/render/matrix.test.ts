import t from 'tap';
import { els } from '../fixtures/dom.js';
import { buildMatrix, outletLabels } from '../../src/render/matrix.js';
import { renderBatchHtml, renderBatchMarkdown, renderBatchText } from '../../src/render/batch.js';
import { parseHTML } from 'linkedom';
import { sampleResult } from '../fixtures/result.js';

t.test('outlet labels are the outlet names, unique within the batch', async (t) => {
  t.same(outletLabels(['A', undefined, 'A', '  ', 'B']), ['A', 'rewrite 2', 'A (3)', 'rewrite 4', 'B']);
});

t.test('matrix: per original claim, which outlets kept, paraphrased or dropped it; who credited', async (t) => {
  const a = sampleResult().result;
  const b = sampleResult({ credited: true }).result;
  b.original.claims[2] = { ...b.original.claims[2]!, status: 'kept' };
  const m = buildMatrix([a, null, b], ['Copycat', 'Broken', 'Fair']);
  t.same(m.outlets.map((o) => [o.outlet, o.ok, o.verdict, o.credited]), [
    ['Copycat', true, 'partially_derived', false], ['Broken', false, null, null], ['Fair', true, 'partially_derived', true],
  ]);
  t.same(m.claims.map((c) => c.id), ['o1', 'o2', 'o3', 'o4']);
  t.same(m.claims[2], { ...m.claims[2], statuses: ['dropped', null, 'kept'], kept: ['Fair'], paraphrased: [], dropped: ['Copycat'], changed: [] });
  t.same(m.claims[1]!.changed, ['Copycat', 'Fair'], 'o2 (its number changed) is a finding for both outlets');
  t.same(m.claims[0]!.paraphrased, ['Copycat', 'Fair']);
  t.same(m.credited, ['Fair']);
  t.same(m.derivedUncredited, ['Copycat']);
  t.same(m.failed, ['Broken']);
});

t.test('a result whose original claim has a different span contributes null, not a wrong status', async (t) => {
  const a = sampleResult().result, b = sampleResult().result;
  b.original.claims[0] = { ...b.original.claims[0]!, start: b.original.claims[0]!.start + 1 };
  t.same(buildMatrix([a, b], ['A', 'B']).claims[0]!.statuses, ['paraphrased', null]);
  t.same(buildMatrix([null], ['X']).claims, [], 'all failed: no claims');
});

t.test('batch views: HTML table with data-status cells and folded reports, text and Markdown', async (t) => {
  const a = sampleResult().result;
  const m = buildMatrix([a, null], ['Copy<cat>', 'Broken']);
  const view = { originalOutlet: 'Example Times', matrix: m, results: [a, { title: 'Invalid request', detail: 'no <article>' }] };
  const { document: d } = parseHTML(renderBatchHtml(view, { nonce: { style: 's', script: 'x' } }));
  t.same(els(d, 'table.claims tbody tr:nth-child(3) td.st').map((c) => c.getAttribute('data-status')), ['dropped', 'error']);
  t.match(d.querySelector('table.outlets')!.textContent, /DERIVED BUT UNCREDITED/);
  t.match(d.querySelector('tr[data-ok="false"]')!.textContent, /failed: Invalid request — no <article>/);
  t.equal(d.querySelectorAll('details.outlet .claim[data-id="o1"]').length, 1, 'the successful rewrite’s report is folded in');
  t.equal(d.querySelector('style')!.getAttribute('nonce'), 's');
  t.equal(d.querySelectorAll('script').length, 0);
  const text = renderBatchText(view);
  t.match(text, /^Copy<cat>: partially derived \| coverage 62% \| containment 71% \| DERIVED BUT UNCREDITED$/m);
  t.match(text, /^Broken: FAILED Invalid request: no <article>$/m);
  t.match(text, /^o3 +-Copy<cat> +Gamma is gone for good\.$/m);
  t.match(text, /^o2 +~Copy<cat>  !Copy<cat> +Beta rose 5% this year\.$/m, 'a changed claim is shown with `!`');
  t.equal(d.querySelector('table.claims tbody tr:nth-child(2) td.st')!.getAttribute('data-changed'), 'true');
  const md = renderBatchMarkdown(view);
  t.match(md, /\| Copy&lt;cat&gt; \| partially derived \| 62% \| 71% \| \*\*DERIVED BUT UNCREDITED\*\* \|/);
  t.match(md, /\| o3 \| Gamma is gone for good\. \| - dropped \| — \|/);
});
