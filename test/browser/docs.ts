import t from 'tap';
import { browserSession, requireChromium } from '../fixtures/browser.js';

/**
 * `/docs` (swagger-ui) runs under its CSP in a real browser: the operations render, the browser
 * reports no CSP violation and nothing is fetched from another origin. Debian's Chromium (installed by
 * `npm test` from `.ci/apt-packages`); without it this test FAILS rather than skip.
 */

t.test('swagger-ui at /docs works under its CSP', async (t) => {
  if (!requireChromium(t)) return;
  // The page compares nothing: no inline warm-up compare, so start-up costs the least.
  const { base, page } = await browserSession(t, { inlineMaxChars: 0 });
  const violations: string[] = [],
    external: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => {
    violations.push(v);
  });
  // A string, not a function: the test is compiled without the DOM library.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation',
    (e) => window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI));`,
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url());
  });

  const res = await page.goto(`${base}/docs/`);
  t.equal(res?.status(), 200);
  await page.waitForSelector('.opblock');
  t.ok(
    (await page.locator('.opblock-summary-path', { hasText: '/v1/compare' }).count()) > 0,
    'the compare operation is listed',
  );
  await page.locator('.opblock-summary', { hasText: '/v1/compare' }).first().click();
  await page.waitForSelector('.opblock-body');
  t.same(violations, [], 'no CSP violations');
  t.same(external, [], 'nothing fetched from another origin');
});
