import { parseHTML } from 'linkedom';
import t from 'tap';
import { renderBatchHtml, renderBatchMarkdown, renderBatchText } from '../../src/render/batch.js';
import { buildMatrix, outletLabels } from '../../src/render/matrix.js';
import { els } from '../fixtures/dom.js';
import { sampleResult } from '../fixtures/result.js';

t.test('outlet labels are the outlet names, unique within the batch', async (t) => {
  t.same(outletLabels(['A', undefined, 'A', '  ', 'B']), ['A', 'rewrite 2', 'A (3)', 'rewrite 4', 'B']);
});

t.test('matrix: per original claim, which outlets kept, paraphrased or dropped it; who credited', async (t) => {
  const a = sampleResult().result;
  const b = sampleResult({ credited: true }).result;
  b.original.claims[2] = { ...b.original.claims[2]!, status: 'kept' };
  const m = buildMatrix([a, null, b], ['Copycat', 'Broken', 'Fair']);
  t.same(
    m.outlets.map((o) => [o.outlet, o.ok, o.verdict, o.credited]),
    [
      ['Copycat', true, 'partially_derived', false],
      ['Broken', false, null, null],
      ['Fair', true, 'partially_derived', true],
    ],
  );
  t.same(
    m.claims.map((c) => c.id),
    ['o1', 'o2', 'o3', 'o4'],
  );
  t.same(m.claims[2], {
    ...m.claims[2],
    statuses: ['dropped', null, 'kept'],
    kept: ['Fair'],
    paraphrased: [],
    dropped: ['Copycat'],
    changed: [],
  });
  t.same(m.claims[1]!.changed, ['Copycat', 'Fair'], 'o2 (its number changed) is a finding for both outlets');
  t.same(m.claims[0]!.paraphrased, ['Copycat', 'Fair']);
  t.same(m.credited, ['Fair']);
  t.same(m.derivedUncredited, ['Copycat']);
  t.same(m.failed, ['Broken']);
});

t.test('a result whose original claim has a different span contributes null, not a wrong status', async (t) => {
  const a = sampleResult().result,
    b = sampleResult().result;
  b.original.claims[0] = { ...b.original.claims[0]!, start: b.original.claims[0]!.start + 1 };
  t.same(buildMatrix([a, b], ['A', 'B']).claims[0]!.statuses, ['paraphrased', null]);
  t.same(buildMatrix([null], ['X']).claims, [], 'all failed: no claims');
});

t.test('batch views: HTML table with data-status cells and folded reports, text and Markdown', async (t) => {
  const a = sampleResult().result;
  const m = buildMatrix([a, null], ['Copy<cat>', 'Broken']);
  const view = {
    originalOutlet: 'Example Times',
    matrix: m,
    results: [a, { title: 'Invalid request', detail: 'no <article>' }],
  };
  const { document: d } = parseHTML(renderBatchHtml(view, { nonce: { style: 's', script: 'x' } }));
  t.same(
    els(d, 'table.claims tbody tr:nth-child(3) td.st').map((c) => c.getAttribute('data-status')),
    ['dropped', 'error'],
  );
  t.match(d.querySelector('table.outlets')!.textContent, /DERIVED BUT UNCREDITED/);
  t.same(
    els(d, 'table.outlets tbody tr[data-ok="true"] td.num').map((c) => c.textContent),
    ['1', '1'],
    'quote problems and changed facts',
  );
  t.match(d.querySelector('tr[data-ok="false"]')!.textContent, /failed: Invalid request — no <article>/);
  t.equal(
    d.querySelectorAll('details.outlet .claim[data-id="o1"]').length,
    1,
    'the successful rewrite’s report is folded in',
  );
  t.equal(
    d.querySelector('a[href="#outlet-0"]') !== null && d.querySelector('details#outlet-0') !== null,
    true,
    'outlet links point at its report',
  );
  t.equal(d.querySelector('style')!.getAttribute('nonce'), 's');
  t.same(
    els(d, 'script').map((s) => s.getAttribute('nonce')),
    ['x'],
    'the script that opens a linked report, with the nonce',
  );
  const text = renderBatchText(view);
  t.match(
    text,
    new RegExp(
      String.raw`^Copy<cat>: partially\sderived \| coverage\s62% \| containment\s71% \| DERIVED\sBUT\sUNCREDITED \|\n` +
        String.raw` {2}quote\sproblems\s1 \| changed\sfacts\s1$`,
      'm',
    ),
  );
  t.match(text, /^Broken: FAILED\sInvalid\srequest:\sno\s<article>$/m);
  t.match(text, /^o3 +-Copy<cat> — Gamma is gone for good\.$/m);
  const md = renderBatchMarkdown(view);
  t.match(
    md,
    new RegExp(
      String.raw`^- \*\*Copy&lt;cat&gt;:\*\* partially\sderived · coverage\s62% · containment\s71% ·` +
        String.raw`\s+\*\*DERIVED\sBUT\sUNCREDITED\*\*`,
      'm',
    ),
  );
  t.match(md, /^- \*\*o3\*\* \(`-` Copy&lt;cat&gt;\): Gamma is gone for good\.$/m);
});

t.test(
  'batch views: an independent outlet’s unused claims are not a wall of red, credit not checked is calm',
  async (t) => {
    const derived = sampleResult().result;
    const independent = sampleResult({ credited: null }).result;
    independent.summary.verdict = 'independent';
    const m = buildMatrix([derived, independent], ['Copy', 'Own']);
    const view = { matrix: m, results: [derived, independent] };
    const { document: d } = parseHTML(renderBatchHtml(view));
    t.same(
      els(d, 'table.claims tbody tr:nth-child(3) td.st').map((c) => [c.getAttribute('data-status'), c.textContent]),
      [
        ['dropped', '- dropped'],
        ['unrelated', 'not used'],
      ],
    );
    t.notMatch(els(d, 'table.outlets tbody tr')[1]!.textContent, /UNCREDITED/);
    const unchecked = sampleResult({ credited: null }).result;
    const d2 = parseHTML(renderBatchHtml({ matrix: buildMatrix([unchecked], ['X']), results: [unchecked] })).document;
    t.equal(d2.querySelector('table.outlets .tag')!.getAttribute('class'), 'tag unchecked');
    t.match(
      renderBatchText(view),
      /^o3 +-Copy — Gamma/m,
      'the text view leaves the independent outlet out of the drops',
    );
  },
);

t.test('batch text and Markdown fit the width asked', async (t) => {
  const a = sampleResult().result;
  const m = buildMatrix([a, a, a], ['A very long outlet name indeed', 'Another long outlet name', 'Third']);
  const view = { originalOutlet: 'Example Times', matrix: m, results: [a, a, a] };
  for (const width of [40, 60, 100]) {
    for (const out of [renderBatchText(view, { width }), renderBatchMarkdown(view, { width })]) {
      t.same(
        out.split('\n').filter((l) => [...l].length > width),
        [],
        `${width} columns`,
      );
    }
  }
});
