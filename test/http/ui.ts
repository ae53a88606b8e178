import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import t from 'tap';
import { multipartBody, testApp } from '../fixtures/app.js';
import { els } from '../fixtures/dom.js';
import { newsPage } from '../fixtures/html-page.js';
import { renderAppOptions } from '../fixtures/render-app.js';
import { repoPath } from '../fixtures/repo.js';
import { smallPair } from '../fixtures/small-pair.js';

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
    original: { value: smallPair.original.text },
    original_type: { value: 'text' },
    original_outlet: { value: 'Daily Planet' },
    rewrite: { value: smallPair.rewrite.text },
    rewrite_type: { value: 'text' },
    rewrite_outlet: { value: '' },
  });
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare?format=html',
    payload: form.payload,
    headers: { ...form.headers, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
  });
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
    original: { value: page, filename: 'page.html' },
    original_type: { value: 'html' },
    rewrite: { value: smallPair.rewrite.text },
    rewrite_type: { value: 'text' },
  });
  const res = await app.inject({ method: 'POST', url: '/v1/compare', ...form });
  t.equal(res.statusCode, 200, res.body.slice(0, 300));
  const out = res.json();
  t.match(out.original.text, /^Bridge plan unveiled\n\nThe mayor announced/);
  t.notMatch(out.original.text, /Subscribe|Great article|Related posts/);
  for (const c of out.original.claims)
    t.equal(out.original.text.slice(c.start, c.end), c.text, `${c.id} offsets refer to the extracted text`);
  t.equal(out.rewrite.text, undefined, 'plain text sides are not echoed');
});

t.test('the page has a batch form posting numbered rewrite slots; the batch route reads them', async (t) => {
  const app = shared;
  const { document: d } = parseHTML((await app.inject({ method: 'GET', url: '/' })).body);
  const form = d.querySelector('form.batch')!;
  t.equal(form.getAttribute('action'), '/v1/compare/batch?format=html');
  t.same(
    els(form, 'textarea').map((x) => x.getAttribute('name')),
    ['original', 'rewrite_1', 'rewrite_2', 'rewrite_3'],
  );
  const ids = els(d, '[id]').map((x) => x.getAttribute('id'));
  t.equal(new Set(ids).size, ids.length, 'element ids are unique across both forms');
  const multipart = multipartBody({
    original: { value: smallPair.original.text },
    original_outlet: { value: 'Daily Planet' },
    rewrite_1: { value: smallPair.rewrite.text },
    rewrite_1_outlet: { value: 'Copy Wire' },
    rewrite_2: { value: '   ' },
    rewrite_2_outlet: { value: 'Blank slot' },
    rewrite_3: { value: 'A local bakery won a prize for its sourdough.' },
    rewrite_3_outlet: { value: 'Bread Times' },
    rewrite_3_type: { value: 'text' },
  });
  const res = await app.inject({ method: 'POST', url: '/v1/compare/batch', ...multipart });
  t.equal(res.statusCode, 200, res.body.slice(0, 300));
  t.same(
    res.json().matrix.outlets.map((o: { outlet: string }) => o.outlet),
    ['Copy Wire', 'Bread Times'],
    'blank slots skipped, order kept',
  );
  const html = await app.inject({ method: 'POST', url: '/v1/compare/batch?format=html', ...multipart });
  t.match(html.headers['content-type'], /^text\/html/);
  const none = await app.inject({
    method: 'POST',
    url: '/v1/compare/batch',
    ...multipartBody({ original: { value: 'x y z.' }, rewrite_1: { value: ' ' } }),
  });
  t.match(none.json(), { code: 'INVALID_REQUEST', errors: [{ field: 'body.rewrites', rule: 'minItems' }] });
});

t.test('a failed form post answers the form page: message above the form, texts kept, status kept', async (t) => {
  const app = shared;
  const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
  const page = '<html><body><script>x</script></body></html>';
  const form = multipartBody({
    original: { value: page },
    original_type: { value: 'html' },
    original_outlet: { value: 'Daily "Planet"' },
    rewrite: { value: smallPair.rewrite.text },
    rewrite_type: { value: 'text' },
  });
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare?format=html',
    payload: form.payload,
    headers: { ...form.headers, ...browser },
  });
  t.equal(res.statusCode, 400);
  t.match(res.headers['content-type'], /^text\/html; charset=utf-8/);
  const { document: d } = parseHTML(res.body);
  t.match(
    d.querySelector('#one-error')!.textContent,
    /Could not compare: Invalid request[\s\S]*Original: No article text was found/,
  );
  t.match(res.body, /<textarea id="one-rewrite"[^>]*>\nThe mayor unveiled/, 'the rewrite comes back in its text area');
  t.equal(d.querySelector('#one-original_outlet')!.getAttribute('value'), 'Daily "Planet"');
  t.ok(d.querySelector('form:not(.batch) input[name=original_type][value=html][checked]'), 'the HTML choice kept');
  const batch = multipartBody({
    original: { value: 'x y z.' },
    original_outlet: { value: 'O' },
    rewrite_1: { value: ' ' },
  });
  const many = await app.inject({
    method: 'POST',
    url: '/v1/compare/batch?format=html',
    payload: batch.payload,
    headers: { ...batch.headers, ...browser },
  });
  t.equal(many.statusCode, 400);
  t.match(parseHTML(many.body).document.querySelector('#many-error')!.textContent, /Rewrite|rewrites/);
  t.match(many.body, /<textarea id="many-original"[^>]*>\nx y z\.<\/textarea>/);
  const json = await app.inject({ method: 'POST', url: '/v1/compare', payload: form.payload, headers: form.headers });
  t.match(json.headers['content-type'], /^application\/problem\+json/, 'API clients still get problem JSON');
});

t.test('favicon, the API reference’s version, and ?width= for text answers', async (t) => {
  const app = shared;
  const icon = await app.inject({ method: 'GET', url: '/favicon.ico' });
  t.equal(icon.statusCode, 200);
  t.match(icon.headers['content-type'], /^image\/svg\+xml/);
  t.match(icon.body, /^<svg /);
  const { version } = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
    version: string;
  };
  t.equal((await app.inject({ method: 'GET', url: '/docs/json' })).json().info.version, version);
  const payload = {
    original: { text: smallPair.original.text },
    rewrite: {
      text:
        `${smallPair.rewrite.text}` +
        ` ${'The bridge will carry trams and bicycles across the wide river to the old town. '.repeat(4)}`,
    },
  };
  const longest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));
  for (const [url, max] of [
    ['/v1/compare?format=text&width=50', 50],
    ['/v1/compare?format=markdown&width=60', 60],
    ['/v1/compare?format=text', 100],
  ] as const) {
    const res = await app.inject({ method: 'POST', url, payload });
    t.equal(res.statusCode, 200, url);
    t.ok(longest(res.body) <= max && longest(res.body) > max - 20, `${url}: longest line ${longest(res.body)}`);
  }
  const bad = await app.inject({ method: 'POST', url: '/v1/compare?format=text&width=wide', payload });
  t.match(bad.json(), { code: 'INVALID_REQUEST', errors: [{ field: 'querystring.width' }] });
});
