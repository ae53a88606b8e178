import t, { type Test } from 'tap';
import { testApp } from '../fixtures/app.js';

/**
 * The service's HTML pages satisfy their own strict CSP: every inline `<script>`/`<style>` carries
 * the response's nonce, there are no inline event handlers or `style=` attributes (CSP blocks them), and
 * markup planted in an article comes back escaped, never as live tags.
 */

const PLANTED = '"><script>alert("pwned")</script><img src=x onerror="alert(1)"><style>body{display:none}</style>';
const body = {
  original: {
    text: `The council approved the budget on Monday. ${PLANTED}\n\nCritics said the plan was rushed.`,
    outlet: `Evil ${PLANTED}`,
  },
  rewrite: {
    text: `Critics said the plan was rushed. ${PLANTED} The council approved the budget on Monday.`,
    outlet: 'Other',
  },
};

function nonces(csp: string, directive: string): string[] {
  const d =
    csp
      .split(';')
      .map((x) => x.trim())
      .find((x) => x.startsWith(`${directive} `)) ?? '';
  return [...d.matchAll(/'nonce-([^']+)'/g)].map((m) => m[1]!);
}

function checkPage(t: Test, html: string, csp: string) {
  const scriptNonces = nonces(csp, 'script-src'),
    styleNonces = nonces(csp, 'style-src');
  t.equal(scriptNonces.length, 1, 'script-src has one nonce');
  t.equal(styleNonces.length, 1, 'style-src has one nonce');
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1]!;
    if (/\bsrc=/.test(attrs)) continue;
    t.match(attrs, new RegExp(`nonce="${scriptNonces[0]}"`), `inline script carries the nonce: <script${attrs}>`);
  }
  for (const m of html.matchAll(/<style\b([^>]*)>/gi)) {
    t.match(m[1]!, new RegExp(`nonce="${styleNonces[0]}"`), `inline style carries the nonce: <style${m[1]}>`);
  }
  // Attribute values are blanked first: an escaped value may spell "onerror=" as text (a form given back filled).
  const tags = [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0].replace(/="[^"]*"/g, '=""'));
  const handlers = tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag));
  t.same(handlers, [], 'no inline event handler attributes');
  const styled = tags.filter((tag) => /\sstyle\s*=/i.test(tag));
  t.same(styled, [], 'no style attributes');
  t.notMatch(html, /<script>alert\("pwned"\)<\/script>|<img src=x onerror/, 'planted markup is not live');
}

t.test('the HTML report satisfies the strict CSP and escapes planted markup', async (t) => {
  // A cold worker on a busy CI machine may need more than the default budget; speed is not under test here.
  const app = await testApp(t, { config: { compareTimeoutMs: 100_000, maxEventLoopDelayMs: 0 } });
  const res = await app.inject({ method: 'POST', url: '/v1/compare', payload: body, headers: { accept: 'text/html' } });
  t.equal(res.statusCode, 200, res.body.slice(0, 200));
  t.match(res.headers['content-type'], /^text\/html/);
  const csp = String(res.headers['content-security-policy']);
  t.match(csp, /default-src 'none'/);
  checkPage(t, res.body, csp);
  t.match(
    res.body,
    /&lt;script&gt;alert\(&quot;pwned&quot;\)|&lt;script&gt;alert\("pwned"\)/,
    'planted script shown as text',
  );
});

t.test('the upload form satisfies the strict CSP', async (t) => {
  const app = await testApp(t);
  const res = await app.inject({ method: 'GET', url: '/' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/html/);
  checkPage(t, res.body, String(res.headers['content-security-policy']));
});

t.test('the form page given back after an error satisfies the strict CSP and reflects nothing live', async (t) => {
  const app = await testApp(t);
  const bad = { original: { text: body.original.text, outlet: body.original.outlet }, rewrite: { text: '' } };
  const res = await app.inject({ method: 'POST', url: '/v1/compare', payload: bad, headers: { accept: 'text/html' } });
  t.equal(res.statusCode, 400, 'the status stays the problem’s');
  t.match(res.headers['content-type'], /^text\/html/);
  checkPage(t, res.body, String(res.headers['content-security-policy']));
  t.match(res.body, /&lt;script&gt;alert\(&quot;pwned&quot;\)/, 'the submitted markup comes back as text in the form');
  const api = await app.inject({ method: 'POST', url: '/v1/compare', payload: bad });
  t.match(api.headers['content-type'], /^application\/problem\+json/, 'an API client still gets problem JSON');
});
