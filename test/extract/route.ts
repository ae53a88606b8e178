import t from 'tap';
import { multipartBody, testApp } from '../fixtures/app.js';
import { newsPage } from '../fixtures/html-page.js';
import { renderAppOptions } from '../fixtures/render-app.js';
import { smallPair } from '../fixtures/small-pair.js';

const page = newsPage('Bridge plan unveiled', smallPair.original.text.split('\n\n'));
// One app answers every test: each is one request, and every app starts a worker pool of its own to extract pages.
const shared = await testApp(t, renderAppOptions);

t.test('POST /v1/compare with `html`: the answer returns the extracted text and offsets refer to it', async (t) => {
  const app = shared;
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: { original: { html: page }, rewrite: smallPair.rewrite },
  });
  t.equal(res.statusCode, 200, res.body.slice(0, 300));
  const out = res.json();
  const text: string = out.original.text;
  t.equal(text, ['Bridge plan unveiled', ...smallPair.original.text.split('\n\n')].join('\n\n'));
  for (const c of out.original.claims) t.equal(text.slice(c.start, c.end), c.text, `${c.id} slices the extracted text`);
  for (const p of out.original.paragraphs) t.ok(p.end <= text.length, `paragraph ${p.index} inside the text`);
  t.ok(out.alignments.length > 0, 'the extracted article aligns with the rewrite');
});

t.test('the page’s site name stands in for a missing outlet (and is looked for as credit)', async (t) => {
  const app = shared;
  const withCredit = { text: `${smallPair.rewrite.text} First reported by Example Media.` };
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare?format=text',
    payload: { original: { html: page }, rewrite: withCredit },
  });
  t.equal(res.statusCode, 200);
  t.notMatch(res.body.split('\n')[0], /no credit to the original/, 'the outlet name was known');
});

t.test('multipart: `original_html` carries a page', async (t) => {
  const app = shared;
  const form = multipartBody({
    original_html: { value: page, filename: 'p.html' },
    rewrite: { value: smallPair.rewrite.text },
  });
  const res = await app.inject({ method: 'POST', url: '/v1/compare', ...form });
  t.equal(res.statusCode, 200, res.body.slice(0, 300));
  t.match(res.json().original.text, /^Bridge plan unveiled/);
});

const bad: { name: string; original: unknown; field: string }[] = [
  { name: 'both text and html', original: { text: 'a b c', html: '<p>a b c</p>' }, field: 'body.original' },
  { name: 'neither text nor html', original: { outlet: 'X' }, field: 'body.original' },
  { name: 'empty html', original: { html: '' }, field: 'body.original.html' },
  {
    name: 'a page without article text',
    original: { html: '<html><body><script>x()</script></body></html>' },
    field: 'body.original.html',
  },
];
for (const b of bad) {
  t.test(`400 problem: ${b.name}`, async (t) => {
    const app = shared;
    const res = await app.inject({
      method: 'POST',
      url: '/v1/compare',
      payload: { original: b.original, rewrite: smallPair.rewrite },
    });
    t.equal(res.statusCode, 400);
    t.equal(res.json().code, 'INVALID_REQUEST');
    t.ok(
      res.json().errors.some((e: { field: string }) => e.field === b.field),
      JSON.stringify(res.json().errors),
    );
  });
}
