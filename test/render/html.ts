import { parseHTML } from 'linkedom';
import t from 'tap';
import { escapeHtml } from '../../src/render/escape.js';
import { renderFormPage } from '../../src/render/form.js';
import { renderHtml, reportBody } from '../../src/render/html.js';
import { els } from '../fixtures/dom.js';
import { sampleResult } from '../fixtures/result.js';

const doc = (html: string) => parseHTML(html).document;

t.test('every claim is one element carrying its status, and its text is the claim text', async (t) => {
  const { result } = sampleResult();
  const d = doc(renderHtml(result));
  for (const c of [...result.original.claims, ...result.rewrite.claims]) {
    const els = d.querySelectorAll(`.claim[data-id="${c.id}"]`);
    t.equal(els.length, 1, `${c.id} rendered once`);
    const el = els[0]!;
    t.equal(el.getAttribute('data-status'), c.status, `${c.id} data-status`);
    t.equal(el.textContent, c.id + c.text, `${c.id} shows its text after its id label`);
  }
});

t.test('the summary bar shows verdict, coverage, containment, counts and a loud uncredited warning', async (t) => {
  const d = doc(renderHtml(sampleResult().result, { originalOutlet: 'Example Times', rewriteOutlet: 'Copycat News' }));
  const bar = d.querySelector('.summary')!;
  t.match(bar.textContent, /partially derived/);
  t.match(bar.textContent, /62%/);
  t.match(bar.textContent, /71%/);
  t.match(bar.textContent, /1 kept · 2 paraphrased · 1 dropped/);
  const credit = d.querySelector('.credit')!;
  t.equal(credit.getAttribute('class'), 'credit uncredited');
  t.equal(credit.getAttribute('role'), 'alert');
  t.match(credit.textContent, /DERIVED BUT UNCREDITED.*Example Times/);
  t.match(d.querySelector('title')!.textContent, /Copycat News vs Example Times/);
  const credited = doc(renderHtml(sampleResult({ credited: true }).result, { originalOutlet: 'Example Times' }));
  t.equal(credited.querySelector('.credit')!.getAttribute('class'), 'credit credited');
  t.notMatch(credited.querySelector('.summary')!.textContent, /UNCREDITED/);
});

t.test('word diffs, moves, changed facts, quote findings and boilerplate are marked where they occur', async (t) => {
  const d = doc(renderHtml(sampleResult().result));
  t.ok(d.querySelector('.claim[data-id="o2"] del'), 'removed words struck in the original');
  t.ok(d.querySelector('.claim[data-id="r1"] ins'), 'added words highlighted in the rewrite');
  t.equal(d.querySelector('.claim[data-id="o2"] mark.fact')!.textContent, '5%');
  t.equal(d.querySelector('.claim[data-id="r1"] mark.fact')!.textContent, '7%');
  t.equal(d.querySelector('.claim[data-id="r2"] .quote.q-altered')!.textContent.replace(/\s+/g, ' '), '“we shall win”');
  t.ok(d.querySelector('.row[data-moved="true"] .moved'), 'moved marker');
  t.match(d.querySelector('.row[data-status="paraphrased"] .row-flags')!.textContent, /quotation altered/);
  t.same(
    els(d, '.row.boilerplate').map((r) => r.textContent),
    ['read moreRead more: other story', 'photo creditPhoto: Agency'],
  );
  t.ok(d.querySelector('.legend'), 'legend');
  // A claim that says something else (changed number, altered quotation) is a finding, with the change beside it.
  t.same(
    els(d, '.cell .claim[data-changed="true"]')
      .map((c) => c.getAttribute('data-id'))
      .sort(),
    ['o1', 'o2', 'r1', 'r2'],
  );
  t.match(
    els(d, '.row[data-changed="true"] .row-flags')
      .map((f) => f.textContent)
      .join(' | '),
    /“5%” became “7%”/,
  );
  t.notOk(d.querySelector('.claim[data-changed="true"][data-status="kept"]'), 'never the plain green of a kept claim');
  t.notOk(d.querySelector('.claim[data-id="o4"][data-changed]'), 'an unchanged claim carries no mark');
});

t.test('submitted text is escaped: planted markup renders as text', async (t) => {
  const html = renderHtml(sampleResult({ hostile: true }).result, {
    originalOutlet: '<b>x</b>"',
    rewriteOutlet: "o'neil",
  });
  t.notMatch(html, /<script>window/);
  t.notMatch(html, /<img src=x/);
  t.match(html, /&lt;script&gt;window/);
  t.match(html, /&lt;img src=x onerror=&quot;window/);
  t.match(html, /&lt;b&gt;x&lt;\/b&gt;&quot;/);
  const d = doc(html);
  t.equal(d.querySelectorAll('script').length, 1, 'only the report’s own script');
  t.equal(d.querySelectorAll('img').length, 0);
  t.match(
    d.querySelector('.claim[data-id="o2"]')!.textContent,
    /<script>window.__pwned=1<\/script>"><img src=x onerror=/,
  );
});

t.test(
  'CSP-friendly: nonces on inline style and script, no inline handlers, no style attributes, no external resources',
  async (t) => {
    const nonce = { style: 'STYLE-NONCE', script: 'SCRIPT-NONCE' };
    for (const [name, html] of [
      ['report', renderHtml(sampleResult().result, { nonce })],
      ['form', renderFormPage({ nonce })],
    ] as const) {
      const d = doc(html);
      t.same(
        els(d, 'style').map((s) => s.getAttribute('nonce')),
        ['STYLE-NONCE'],
        `${name} style nonce`,
      );
      t.same(
        els(d, 'script').map((s) => s.getAttribute('nonce')),
        ['SCRIPT-NONCE'],
        `${name} script nonce`,
      );
      t.notMatch(html, /\son[a-z]+\s*=/i, `${name}: no inline event handlers`);
      t.notMatch(html, /\sstyle\s*=/i, `${name}: no style attributes`);
      t.notMatch(html, /(src|href)\s*=\s*"(https?:)?\/\//i, `${name}: no external resources`);
      t.notMatch(html, /@import|url\(/, `${name}: the stylesheet loads nothing`);
      t.match(html, /@media print/, `${name}: printable`);
    }
    t.notMatch(renderHtml(sampleResult().result), /nonce=/, 'no nonce attribute without a nonce (CLI output)');
  },
);

t.test('ids stay unique when several reports share a page', async (t) => {
  const { result } = sampleResult();
  const d = doc(`<div>${reportBody(result, { idPrefix: 'b0-' })}${reportBody(result, { idPrefix: 'b1-' })}</div>`);
  const ids = els(d, '[id]').map((e) => e.getAttribute('id'));
  t.equal(new Set(ids).size, ids.length);
  t.equal(d.querySelector('#b1-o1')!.getAttribute('data-matches'), 'b1-r2', 'matches point inside the same report');
});

t.test('escapeHtml covers the five significant characters', async (t) => {
  t.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});

t.test('credit not checked: a calm badge, no alarm anywhere, when the original’s outlet is unknown', async (t) => {
  const d = doc(renderHtml(sampleResult({ credited: null }).result));
  const credit = d.querySelector('.credit')!;
  t.equal(credit.getAttribute('class'), 'credit unchecked');
  t.equal(credit.getAttribute('role'), 'status');
  t.match(credit.textContent, /credit not checked/);
  t.equal(d.querySelector('.summary')!.getAttribute('data-credited'), 'null');
  t.notMatch(d.querySelector('main')!.textContent, /UNCREDITED|Derived but uncredited/i);
});

t.test('findings come first, with human labels and links to the claims they sit in', async (t) => {
  const d = doc(renderHtml(sampleResult().result, { originalOutlet: 'Example Times' }));
  const sections = els(d, '.report > *').map((e) => e.getAttribute('class')?.split(' ')[0]);
  t.ok(sections.indexOf('findings') < sections.indexOf('rows'), 'the findings before the rows');
  const items = els(d, 'section.findings li');
  t.same(
    items.map((li) => li.getAttribute('data-kind')),
    ['uncredited', 'altered_quote', 'changed_fact'],
  );
  t.same(
    items.map((li) => li.querySelector('b')!.textContent.replace(/\s*\(.*/, '')),
    ['Derived but uncredited', 'Altered quotation', 'Changed fact'],
  );
  const links = els(d, 'section.findings a').map((a) => a.getAttribute('href')!);
  t.same(links, ['#r2', '#r1']);
  for (const href of links) t.ok(d.querySelector(`.claim${href}`), `${href} is a claim of the report`);
  t.notMatch(
    d.querySelector('main')!.textContent,
    /derived_uncredited|altered_quote:|changed_facts/,
    'no raw codes shown',
  );
});

t.test('switches: problems only, hide dropped, hide boilerplate; rows carry what they read', async (t) => {
  const d = doc(renderHtml(sampleResult().result));
  t.same(
    els(d, '.switches input[type=checkbox]').map((i) => i.getAttribute('class')),
    ['only-problems', 'hide-dropped', 'hide-boilerplate'],
  );
  for (const i of els(d, '.switches input'))
    t.ok(d.querySelector(`label[for="${i.getAttribute('id')}"]`), 'each switch is labelled');
  t.same(
    els(d, '.row[data-problem]').map((r) => r.querySelector('.claim')!.getAttribute('data-id')),
    ['o1', 'o2'],
  );
  t.equal(els(d, '.row[data-status="dropped"]').length, 1);
});

t.test('each note once, under the column it is about; the credit’s words highlighted', async (t) => {
  const { result, rewrite } = sampleResult({ credited: true });
  const at = rewrite.indexOf('Delta is new');
  result.summary.attribution.evidence = [{ start: at, end: at + 5, text: 'Delta' }];
  const d = doc(renderHtml(result));
  t.same(
    els(d, '.row-flags li').map((li) => [li.closest('.cell')!.getAttribute('class'), li.textContent]),
    [
      ['cell r', 'quotation altered'],
      ['cell r', '“5%” became “7%”'],
    ],
  );
  t.equal(d.querySelector('.claim[data-id="r4"] mark.cite')!.textContent, 'Delta');
});

t.test('the form page after an error: the message above the form that was sent, the form filled', async (t) => {
  const page = renderFormPage({
    error: {
      form: 'one',
      title: 'Invalid request',
      detail: 'x',
      code: 'INVALID_REQUEST',
      status: 400,
      errors: [{ field: 'Rewrite', message: 'the text is empty' }],
      values: {
        original: { text: 'Original <b>text</b>.', html: true, outlet: 'The "Atlantic"' },
        rewrite: { text: '' },
      },
    },
  });
  const d = doc(page);
  t.match(
    d.querySelector('.form-error')!.textContent,
    /Could not compare: Invalid request[\s\S]*Rewrite: the text is empty/,
  );
  t.equal(
    d.querySelector('.form-error')!.nextElementSibling!.getAttribute('class'),
    'compare',
    'above the single form',
  );
  // (linkedom does not parse a textarea's content: read the markup.)
  t.match(
    page,
    /<textarea id="one-original"[^>]*>\nOriginal &lt;b&gt;text&lt;\/b&gt;\.<\/textarea>/,
    'the text kept, escaped',
  );
  t.equal(d.querySelector('#one-original_outlet')!.getAttribute('value'), 'The "Atlantic"');
  t.equal(d.querySelector('form:not(.batch) input[name=original_type][value=html]')!.hasAttribute('checked'), true);
  t.match(page, /<textarea id="many-original"[^>]*>\n<\/textarea>/, 'the other form stays empty');
  const batchPage = renderFormPage({
    error: {
      form: 'many',
      title: 'Invalid request',
      detail: 'x',
      code: 'INVALID_REQUEST',
      status: 400,
      values: { original: { text: 'O' }, rewrite_4: { text: 'Four', outlet: 'D' } },
    },
  });
  t.equal(doc(batchPage).querySelectorAll('.rewrites fieldset').length, 4, 'as many rewrite slots as were sent');
  t.match(batchPage, /<textarea id="many-rewrite_4"[^>]*>\nFour<\/textarea>/);
});
