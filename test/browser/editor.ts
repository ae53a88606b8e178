import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import t from 'tap';
import type { CompareResult } from '../../src/core/types.js';
import { browserSession, requireChromium, SHOTS } from '../fixtures/browser.js';
import { seeds } from '../fixtures/seeds.js';

/**
 * What an editor sees, in Debian's Chromium: exact strike marks, the credit state, findings first and their links,
 * the view switches, the form's error page, the batch view, and axe-core's accessibility audit (no serious or
 * critical violation) of the form, the report and the batch view. Screenshots are kept in test-results/.
 */
t.setTimeout(300_000);

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: number;
  targets: string[];
}

/** axe-core run inside the page (evaluated over the CDP, so the page's CSP does not block it). */
async function audit(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, nodes: v.nodes.length,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`) as Promise<AxeViolation[]>;
}

const serious = (v: AxeViolation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');
const visibleCount = (page: Page, selector: string) =>
  page.evaluate(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].filter((e) => e.offsetParent !== null).length`,
  ) as Promise<number>;

t.test('the report, the form and the batch view, as an editor sees them', async (t) => {
  if (!requireChromium(t)) return;
  const { base, page } = await browserSession(t);
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 404) missing.push(r.url());
  });

  // The form, audited.
  await page.goto(`${base}/`);
  t.same(serious(await audit(page)), [], 'form: no serious or critical accessibility violation');

  // The seed pair without outlets, through the form.
  await page.fill('#one-original', seeds.atlantic);
  await page.fill('#one-rewrite', seeds.caliber);
  await Promise.all([page.waitForURL(/\/v1\/compare/), page.click('form:not(.batch) button[type=submit]')]);
  await page.screenshot({ path: join(SHOTS, 'editor-report.png') });
  await page.screenshot({ path: join(SHOTS, 'editor-report-full.png'), fullPage: true });

  // The same compare as JSON: which groups reworded which words.
  const res = await fetch(`${base}/v1/compare`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ original: { text: seeds.atlantic }, rewrite: { text: seeds.caliber } }),
  });
  const result = (await res.json()) as CompareResult;
  let checked = 0;
  for (const a of result.alignments) {
    for (const [side, op, tag] of [
      ['original', 'removed', 'del'],
      ['rewrite', 'added', 'ins'],
    ] as const) {
      const changed = a.diff
        .filter((p) => p.op === op)
        .map((p) => p.text)
        .join('')
        .replace(/\s+/g, '');
      if (!changed) continue;
      checked++;
      const selector = a[side].map((id) => `.claim#${id} ${tag}`).join(', ');
      const shown = (await page.locator(selector).allInnerTexts()).join('').replace(/\s+/g, '');
      if (shown !== changed) t.fail(`${a.id} ${side}: <${tag}> shows "${shown}", the diff ${op} "${changed}"`);
    }
  }
  t.ok(checked > 40, `every reworded group shows exactly its removed and added words (${checked} group sides)`);

  // Credit not checked: a calm state, not a red alarm.
  const credit = page.locator('.summary .credit');
  t.equal(await credit.getAttribute('class'), 'credit unchecked');
  t.match(await credit.innerText(), /credit not checked.*cites Atlantic/i);
  t.notMatch(await page.locator('main').innerText(), /UNCREDITED/);
  t.equal(
    await page.evaluate(`getComputedStyle(document.querySelector('.summary .credit')).backgroundColor`),
    'rgb(238, 241, 246)',
  );

  // Findings first, each link jumping to its claim.
  const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!.y;
  t.ok((await box('section.findings')) < (await box('.rows')), 'findings above the rows');
  const labels = await page.locator('section.findings li b a').allInnerTexts();
  t.ok(
    labels.includes('Altered quotation') &&
      labels.includes('Narration turned into a quotation') &&
      labels.includes('Changed fact'),
    labels.join(', '),
  );
  const link = page.locator('section.findings li[data-kind="altered_quote"] a').first();
  const target = (await link.getAttribute('href'))!;
  await link.click();
  t.equal(new URL(page.url()).hash, target);
  t.ok(await page.locator(`.claim${target}`).isVisible(), 'the linked claim is shown');
  t.equal(
    await page.evaluate(`document.querySelector(${JSON.stringify(`.claim${target}`)}).matches(':target')`),
    true,
    'and targeted',
  );
  const top = (await page.evaluate(
    `document.querySelector(${JSON.stringify(`.claim${target}`)}).getBoundingClientRect().top`,
  )) as number;
  t.ok(top >= 0 && top < 900, `scrolled into view (top ${top})`);
  await page.screenshot({ path: join(SHOTS, 'editor-finding-link.png') });

  // The switches.
  await page.evaluate('window.scrollTo(0, 0)');
  const dropped = await visibleCount(page, '.row[data-status="dropped"]');
  t.ok(dropped > 20, `${dropped} dropped rows shown by default`);
  await page.check('.switches .hide-dropped');
  t.equal(await visibleCount(page, '.row[data-status="dropped"]'), 0, 'hide dropped');
  await page.check('.switches .hide-boilerplate');
  t.equal(await visibleCount(page, '.row.boilerplate'), 0, 'hide boilerplate');
  await page.uncheck('.switches .hide-dropped');
  await page.uncheck('.switches .hide-boilerplate');
  await page.check('.switches .only-problems');
  const shown = await visibleCount(page, '.row');
  t.ok(
    shown > 0 && shown === (await visibleCount(page, '.row[data-problem]')),
    `problems only: ${shown} rows, all with a problem`,
  );
  await page.screenshot({ path: join(SHOTS, 'editor-problems-only.png'), fullPage: true });
  await page.uncheck('.switches .only-problems');
  t.same(serious(await audit(page)), [], 'report: no serious or critical accessibility violation');

  // The form's error page: a page without article text, sent as HTML.
  await page.goto(`${base}/`);
  await page.fill('#one-original', '<html><body><script>x</script></body></html>');
  await page.check('form:not(.batch) input[name=original_type][value=html]');
  await page.fill('#one-original_outlet', 'The Atlantic');
  await page.fill('#one-rewrite', seeds.caliber);
  await Promise.all([page.waitForURL(/\/v1\/compare/), page.click('form:not(.batch) button[type=submit]')]);
  t.match(await page.locator('#one-error').innerText(), /Could not compare[\s\S]*Original: No article text was found/);
  t.equal(await page.inputValue('#one-rewrite'), seeds.caliber.replace(/\r\n/g, '\n'), 'the rewrite kept');
  t.equal(await page.inputValue('#one-original_outlet'), 'The Atlantic', 'the outlet kept');
  t.equal(await page.isChecked('form:not(.batch) input[name=original_type][value=html]'), true, 'the HTML choice kept');
  t.notMatch(await page.content(), /"type":"urn:article-diff/, 'no raw problem JSON');
  await page.screenshot({ path: join(SHOTS, 'editor-form-error.png') });

  // The batch view: one derived outlet, one independent.
  await page.goto(`${base}/`);
  await page.fill('#many-original', seeds.atlantic);
  await page.fill('#many-original_outlet', 'The Atlantic');
  await page.fill('#many-rewrite_1', seeds.caliber);
  await page.fill('#many-rewrite_1_outlet', 'Caliber.Az');
  await page.fill('#many-rewrite_2', seeds.independent004);
  await page.fill('#many-rewrite_2_outlet', 'Independent');
  await Promise.all([page.waitForURL(/\/v1\/compare\/batch/), page.click('form.batch button[type=submit]')]);
  t.same(await page.locator('table.outlets thead th').allInnerTexts(), [
    'Outlet',
    'Verdict',
    'Coverage',
    'Containment',
    'Credit',
    'Quote problems',
    'Changed facts',
  ]);
  t.same(
    await page.locator('table.outlets tbody tr').first().locator('td.num').allInnerTexts(),
    ['3', '1'],
    'Caliber.Az: 3 quote problems, 1 changed fact',
  );
  const independentCells = page.locator('table.claims tbody td.st:nth-child(4)');
  t.equal(
    await page.locator('table.claims tbody td.st:nth-child(4)[data-status="dropped"]').count(),
    0,
    'no red "dropped" wall for the independent outlet',
  );
  t.ok(
    (await page.locator('table.claims tbody td.st:nth-child(4)[data-status="unrelated"]').count()) > 40,
    'its unused claims read "not used"',
  );
  t.not(await independentCells.first().evaluate('(e) => getComputedStyle(e).backgroundColor'), 'rgb(253, 231, 233)');
  // The sticky header is opaque: nothing shows through it while the table scrolls under it.
  await page.evaluate(`document.querySelector('table.claims tbody tr:nth-child(20)').scrollIntoView()`);
  const headBg = await page.evaluate(
    `getComputedStyle(document.querySelector('table.claims thead th')).backgroundColor`,
  );
  t.equal(headBg, 'rgb(255, 255, 255)', 'opaque header cells');
  const onTop = await page.evaluate(`(() => { const th = document.querySelector('table.claims thead th:nth-child(3)');
    const r = th.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return th.contains(hit); })()`);
  t.equal(onTop, true, 'the header is drawn over the rows scrolled under it');
  await page.screenshot({ path: join(SHOTS, 'editor-batch-scrolled.png') });
  // An outlet link opens its folded report.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.click('table.outlets a[href="#outlet-0"]');
  t.equal(await page.evaluate(`document.querySelector('#outlet-0').open`), true, 'the linked report is open');
  t.ok(await page.locator('#outlet-0 .summary').isVisible(), 'its summary is visible');
  await page.screenshot({ path: join(SHOTS, 'editor-batch-open.png') });
  t.same(serious(await audit(page)), [], 'batch view: no serious or critical accessibility violation');

  t.same(missing, [], 'no 404 while loading the pages (the favicon included)');
});
