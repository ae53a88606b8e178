import t from 'tap';
import { els } from '../fixtures/dom.js';
import { parseHTML } from 'linkedom';
import { renderAppOptions } from '../fixtures/render-app.js';
import { testApp, multipartBody } from '../fixtures/app.js';
import { smallPair } from '../fixtures/small-pair.js';
import { newsPage } from '../fixtures/html-page.js';


// One app for the file: each app's worker pool loads its resources once.
const shared = await testApp(t, renderAppOptions);

t.test('GET / is the comparison form, self-contained and CSP-clean', async (t) => {
  const app = shared;
  const res = await app.inject({ method: 'GET', url: '/' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/html; charset=utf-8/);
  const { document: d } = parseHTML(res.body);
  const form = d.querySelector('form')!;
  t.equal(form.getAttribute('method'), 'post');
  t.equal(form.getAttribute('action'), '/v1/compare?format=html');
  t.equal(form.getAttribute('enctype'), 'multipart/form-data');
  for (const name of ['original', 'rewrite']) {
    t.ok(d.querySelector(`textarea[name="${name}"][required]`), `${name} textarea`);
    t.ok(d.querySelector(`#one-${name}_file[type=file]`), `${name} upload`);
    t.ok(d.querySelector(`input[name="${name}_outlet"]`), `${name} outlet`);
    t.ok(d.querySelector(`input[name="${name}_type"][value="html"]`), `${name} HTML choice`);
  }
  const csp = String(res.headers['content-security-policy'] ?? '');
  const nonce = d.querySelector('script')!.getAttribute('nonce');
  if (csp) t.ok(nonce && csp.includes(`'nonce-${nonce}'`), 'script nonce matches the CSP');
  t.notMatch(res.body, /\son[a-z]+=|\sstyle=/i, 'no inline handlers or style attributes');
  t.notMatch(res.body, /(src|href|action)="(https?:)?\/\//i, 'no external resources');
});

t.test('the form post (multipart, browser Accept) answers the HTML report', async (t) => {
  const app = shared;
  const form = multipartBody({
    original: { value: smallPair.original.text }, original_type: { value: 'text' }, original_outlet: { value: 'Daily Planet' },
    rewrite: { value: smallPair.rewrite.text }, rewrite_type: { value: 'text' }, rewrite_outlet: { value: '' },
  });
  const res = await app.inject({ method: 'POST', url: '/v1/compare?format=html', payload: form.payload,
    headers: { ...form.headers, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
  t.equal(res.statusCode, 200, res.body.slice(0, 300));
  const { document: d } = parseHTML(res.body);
  t.ok(d.querySelector('.summary .verdict'), 'summary bar');
  t.match(d.querySelector('.heads')!.textContent, /Original — Daily Planet/);
  t.notMatch(d.querySelector('.heads')!.textContent, /Rewrite —/, 'an empty outlet field is no outlet');
  t.ok(d.querySelectorAll('.claim[data-status]').length >= 5, 'claims with their status');
});

t.test('the form’s "HTML page" choice extracts the article from a pasted page', async (t) => {
  const app = shared;
  const page = newsPage('Bridge plan unveiled', smallPair.original.text.split('\n\n'));
  const form = multipartBody({
    original: { value: page, filename: 'page.html' }, original_type: { value: 'html' },
    rewrite: { value: smallPair.rewrite.text }, rewrite_type: { value: 'text' },
  });
  const res = await app.inject({ method: 'POST', url: '/v1/compare', ...form });
  t.equal(res.statusCode, 200, res.body.slice(0, 300));
  const out = res.json();
  t.match(out.original.text, /^Bridge plan unveiled\n\nThe mayor announced/);
  t.notMatch(out.original.text, /Subscribe|Great article|Related posts/);
  for (const c of out.original.claims) t.equal(out.original.text.slice(c.start, c.end), c.text, `${c.id} offsets refer to the extracted text`);
  t.equal(out.rewrite.text, undefined, 'plain text sides are not echoed');
});

t.test('the page has a batch form posting numbered rewrite slots; the batch route reads them', async (t) => {
  const app = shared;
  const { document: d } = parseHTML((await app.inject({ method: 'GET', url: '/' })).body);
  const form = d.querySelector('form.batch')!;
  t.equal(form.getAttribute('action'), '/v1/compare/batch?format=html');
  t.same(els(form, 'textarea').map((x) => x.getAttribute('name')), ['original', 'rewrite_1', 'rewrite_2', 'rewrite_3']);
  const ids = els(d, '[id]').map((x) => x.getAttribute('id'));
  t.equal(new Set(ids).size, ids.length, 'element ids are unique across both forms');
  const multipart = multipartBody({
    original: { value: smallPair.original.text }, original_outlet: { value: 'Daily Planet' },
    rewrite_1: { value: smallPair.rewrite.text }, rewrite_1_outlet: { value: 'Copy Wire' },
    rewrite_2: { value: '   ' }, rewrite_2_outlet: { value: 'Blank slot' },
    rewrite_3: { value: 'A local bakery won a prize for its sourdough.' }, rewrite_3_outlet: { value: 'Bread Times' }, rewrite_3_type: { value: 'text' },
  });
  const res = await app.inject({ method: 'POST', url: '/v1/compare/batch', ...multipart });
  t.equal(res.statusCode, 200, res.body.slice(0, 300));
  t.same(res.json().matrix.outlets.map((o: { outlet: string }) => o.outlet), ['Copy Wire', 'Bread Times'], 'blank slots skipped, order kept');
  const html = await app.inject({ method: 'POST', url: '/v1/compare/batch?format=html', ...multipart });
  t.match(html.headers['content-type'], /^text\/html/);
  const none = await app.inject({ method: 'POST', url: '/v1/compare/batch', ...multipartBody({ original: { value: 'x y z.' }, rewrite_1: { value: ' ' } }) });
  t.match(none.json(), { code: 'INVALID_REQUEST', errors: [{ field: 'body.rewrites', rule: 'minItems' }] });
});
