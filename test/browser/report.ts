import { join } from 'node:path';
import t from 'tap';
import { browserSession, requireChromium, SHOTS } from '../fixtures/browser.js';
import { newsPage } from '../fixtures/html-page.js';
import { seeds } from '../fixtures/seeds.js';

/**
 * The HTML report in a real browser: Debian's Chromium (installed by `.ci/run` from
 * `.ci/apt-packages`; never downloaded by a tool) driven by playwright-core, against the real server with
 * its real CSP. Without Chromium this test FAILS: CI must not pass silently without a browser.
 */
// Real browser / child processes on a shared machine: allow more than the default per-file timeout.
t.setTimeout(300_000);

const PLANTED =
  '\n\n<script>window.__pwned = "script"</script>"><img src=x' +
  ' onerror="window.__pwned = \'img\'"> Officials said the talks <b>failed</b>.';

t.test('the report in headless Chromium', async (t) => {
  if (!requireChromium(t)) return;
  const { base, page } = await browserSession(t);
  const dialogs: string[] = [],
    violations: string[] = [],
    external: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) external.push(r.url());
  });

  await page.goto(`${base}/`);
  t.equal(await page.title(), 'Article diff');
  await page.fill('#one-original', seeds.atlantic);
  await page.fill('#one-original_outlet', 'The Atlantic');
  await page.fill('#one-rewrite', seeds.caliber + PLANTED);
  await page.fill('#one-rewrite_outlet', 'Caliber.Az');
  await Promise.all([page.waitForURL(/\/v1\/compare/), page.click('form:not(.batch) button[type=submit]')]);

  const summary = page.locator('.summary');
  if (!(await summary.isVisible())) {
    t.fail(`no report: ${(await page.content()).slice(0, 600)}`);
    return;
  }
  t.pass('summary bar visible');
  t.match(await summary.locator('.verdict').innerText(), /DERIVED|INDEPENDENT/i);
  t.match(await summary.innerText(), /\d+%\s*coverage/i);
  const claims = page.locator('.claim[data-status]');
  t.ok((await claims.count()) > 40, `claims rendered (${await claims.count()})`);
  for (const status of ['kept', 'paraphrased', 'dropped']) {
    const first = page.locator(`.claim[data-status="${status}"]`).first();
    t.ok(await first.isVisible(), `a ${status} claim is visible`);
  }
  // The stylesheet applied under the real CSP (nonce accepted): statuses are coloured.
  // (Browser-side code as strings: the project's TypeScript has no DOM lib.)
  const bg = (status: string) =>
    page.evaluate(`getComputedStyle(document.querySelector('.claim[data-status="${status}"]')).backgroundColor`);
  t.equal(await bg('dropped'), 'rgb(253, 231, 233)', 'dropped claims are red');
  t.equal(await bg('paraphrased'), 'rgb(255, 243, 205)', 'paraphrased claims are amber');
  t.not(await bg('kept'), 'rgba(0, 0, 0, 0)', 'kept claims are coloured');
  // A claim that says something else than its counterpart (the rewrite adds the hedge "potentially") is a finding:
  // marked, and never in the plain colour of a kept claim.
  const changed = page.locator('.cell .claim[data-changed="true"]').first();
  t.ok(await changed.isVisible(), 'a changed claim is marked');
  const changedBg = await page.evaluate(
    `getComputedStyle(document.querySelector('.cell .claim[data-changed="true"]')).backgroundColor`,
  );
  t.not(changedBg, await bg('kept'), 'a changed claim is not coloured as kept');
  t.equal(changedBg, 'rgb(243, 229, 245)', 'changed claims take the changed-fact colour');

  // The planted markup is text, and nothing ran.
  t.equal(await page.evaluate('typeof window.__pwned'), 'undefined', 'planted script/onerror did not run');
  t.same(dialogs, []);
  t.equal(await page.locator('.rows img').count(), 0, 'no <img> element from the article');
  t.match(
    await page.locator('.rows').innerText(),
    /__pwned = "script"<\/script>"><img src=x onerror=/,
    'the planted markup is shown as text',
  );
  t.same(violations, [], 'no CSP violations: the page needs nothing the policy forbids');
  t.same(external, [], 'no request leaves the server');

  // Clicking a claim highlights its counterpart (the report's script ran under the CSP).
  const aligned = page.locator('.cell.o .claim[data-status="paraphrased"]').first();
  const partner = (await aligned.getAttribute('data-matches'))!.split(' ')[0]!;
  await aligned.click();
  t.match(await page.locator(`#${partner}`).getAttribute('class'), /\bhl\b/, 'counterpart highlighted');

  await page.screenshot({ path: join(SHOTS, 'report.png') });
  await page.screenshot({ path: join(SHOTS, 'report-full.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(SHOTS, 'report-print.png') });
  await page.emulateMedia({ media: 'screen' });

  // The form's file input loads a page and switches the side to "HTML page" (the form script ran).
  await page.goto(`${base}/`);
  await page.setInputFiles('#one-original_file', {
    name: 'original.html',
    mimeType: 'text/html',
    buffer: Buffer.from(newsPage('Trump Hands Putin Another Victory', seeds.atlantic.split(/\n\s*\n/).slice(4, 20))),
  });
  await page.waitForFunction(`document.querySelector('#one-original').value.length > 0`);
  t.equal(
    await page.locator('form:not(.batch) input[name=original_type][value=html]').isChecked(),
    true,
    'HTML page chosen for an .html file',
  );
  await page.fill('#one-rewrite', seeds.caliber);
  await page.screenshot({ path: join(SHOTS, 'form.png') });
  await Promise.all([page.waitForURL(/\/v1\/compare/), page.click('form:not(.batch) button[type=submit]')]);
  t.ok(await page.locator('.summary').isVisible(), 'report from an uploaded HTML page');
  t.notMatch(
    await page.locator('.rows').innerText(),
    /Subscribe to our newsletter|Great article, thanks/,
    'page furniture was not compared',
  );

  // The batch form: one original, two outlets (one added with the "Add a rewrite" button), the matrix view.
  await page.goto(`${base}/`);
  await page.fill('#many-original', seeds.atlantic);
  await page.fill('#many-original_outlet', 'The Atlantic');
  await page.fill('#many-rewrite_1', seeds.caliber);
  await page.fill('#many-rewrite_1_outlet', 'Caliber.Az');
  for (let i = 0; i < 2; i++) await page.click('.add-rewrite');
  t.equal(await page.locator('.rewrites fieldset').count(), 5, 'two slots added to the three');
  await page.fill('#many-rewrite_5', seeds.independent004);
  await page.fill('#many-rewrite_5_outlet', 'Independent');
  await Promise.all([page.waitForURL(/\/v1\/compare\/batch/), page.click('form.batch button[type=submit]')]);
  t.same(
    await page.locator('table.claims thead th').allInnerTexts(),
    ['Claim', 'Original text', 'Caliber.Az', 'Independent'],
    'one column per filled slot, in order',
  );
  t.ok(await page.locator('table.claims td[data-status="dropped"]').first().isVisible());
  t.equal(
    await page.evaluate(
      `getComputedStyle(document.querySelector('.matrix td[data-status="dropped"]')).backgroundColor`,
    ),
    'rgb(253, 231, 233)',
  );
  await page.screenshot({ path: join(SHOTS, 'batch.png') });
});
