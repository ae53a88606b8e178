import type { CompareResult } from '../core/types.js';
import { escapeHtml as e, escapeMarkdown, stripControls } from './escape.js';
import { htmlPage, type Nonce, REPORT_SCRIPT, reportBody } from './html.js';
import { markdownItem } from './markdown.js';
import type { BatchMatrix, BatchOutlet, MatrixClaim } from './matrix.js';
import { type CreditState, creditState, percent, VERDICT_LABELS } from './summary-phrases.js';
import { clampWidth, type Word, words, wrap } from './wrap.js';

/** A failed rewrite of a batch: its problem's title and detail. */
export interface BatchFailure {
  title: string;
  detail: string;
}

export interface BatchView {
  originalOutlet?: string | undefined;
  matrix: BatchMatrix;
  /** In request order: a result, or the failure of that rewrite. */
  results: (CompareResult | BatchFailure)[];
}

const MARK: Record<string, string> = { kept: '= kept', paraphrased: '~ paraphrased', dropped: '- dropped' };

const CREDIT_WORDS: Record<CreditState, string> = {
  credited: 'credits source',
  uncredited: 'DERIVED BUT UNCREDITED',
  none: 'no credit (independent)',
  unchecked: 'credit not checked',
};

function isResult(r: CompareResult | BatchFailure): r is CompareResult {
  return 'summary' in r;
}

/** Quotation problems of a result: altered, made from narration, not in the original, given to another speaker. */
function quoteProblems(r: CompareResult): number {
  const q = r.summary.quotes;
  return q.altered + q.from_narration + q.not_in_original + q.speakerChanged;
}

/**
 * A claim's status for one outlet as the views show it: an independent rewrite's dropped claims are not news
 * (it never took them), so they read "not used", not a wall of red "dropped".
 */
function cellStatus(status: string | null, outlet: BatchOutlet): string {
  if (status === 'dropped' && outlet.verdict === 'independent') return 'unrelated';
  return status ?? 'error';
}
const CELL_TEXT: Record<string, string> = { ...MARK, unrelated: 'not used', error: '—' };

/**
 * Opens an outlet's folded report when a link (or the address) points at it: a link to a closed `<details>`
 * would otherwise land on a one-line summary. (A `\` at a template line's end continues the line: no newline goes
 * into the script or the markup.)
 */
const OPEN_TARGET_SCRIPT = `function openTarget(){var id=decodeURIComponent(location.hash.slice(1));\
var el=id&&document.getElementById(id);if(el&&el.tagName==='DETAILS'){el.open=true;el.scrollIntoView();}}\
window.addEventListener('hashchange',openTarget);openTarget();`;

/** The batch view: one row per outlet, the claim × outlet matrix, then each outlet's full report folded. */
export function renderBatchHtml(view: BatchView, opts: { nonce?: Nonce | undefined } = {}): string {
  const { matrix } = view;
  const source = view.originalOutlet ?? 'the original';
  const outletRows = matrix.outlets
    .map((o) => {
      const r = view.results[o.index]!;
      if (!o.ok || !isResult(r)) {
        const f = r as BatchFailure;
        return (
          `<tr data-ok="false"><th scope="row">${e(o.outlet)}</th>` +
          `<td colspan="6" class="problem">failed: ${e(f.title)} — ${e(f.detail)}</td></tr>`
        );
      }
      const state = creditState(r);
      const credit = state === 'none' ? CREDIT_WORDS.none : `<span class="tag ${state}">${CREDIT_WORDS[state]}</span>`;
      const quotes = quoteProblems(r),
        facts = r.summary.changedFacts;
      return (
        `<tr data-ok="true" data-verdict="${o.verdict}">` +
        `<th scope="row"><a href="#outlet-${o.index}">${e(o.outlet)}</a></th>` +
        `<td>${e(VERDICT_LABELS[o.verdict!])}</td><td>${percent(o.coverage ?? 0)}</td>` +
        `<td>${percent(o.containment ?? 0)}</td><td>${credit}</td>` +
        `<td class="num" data-count="${quotes}">${quotes || '—'}</td>` +
        `<td class="num" data-count="${facts}">${facts || '—'}</td></tr>`
      );
    })
    .join('\n');
  const head = matrix.outlets.map((o) => `<th scope="col">${e(o.outlet)}</th>`).join('');
  const claimRows = matrix.claims
    .map(
      (c) =>
        `<tr><th scope="row"><code>${e(c.id)}</code></th><td class="ctext">${e(c.text)}</td>` +
        c.statuses
          .map((s, i) => {
            const st = cellStatus(s, matrix.outlets[i]!);
            const changed = c.changed.includes(matrix.outlets[i]!.outlet);
            return (
              `<td class="st" data-status="${st}"${changed ? ' data-changed="true"' : ''}>${e(CELL_TEXT[st] ?? st)}` +
              `${changed ? ' ! changed' : ''}</td>`
            );
          })
          .join('') +
        '</tr>',
    )
    .join('\n');
  const reports = view.results
    .map((r, i) => {
      const o = matrix.outlets[i]!;
      if (!isResult(r)) return '';
      return `<details class="outlet" id="outlet-${i}">\
<summary>${e(o.outlet)}: ${e(VERDICT_LABELS[r.summary.verdict])}, coverage ${percent(r.summary.coverage)}</summary>
${reportBody(r, { originalOutlet: view.originalOutlet, rewriteOutlet: o.outlet, idPrefix: `b${i}-` })}
</details>`;
    })
    .join('\n');
  const body = `<h1>${e(source)} against ${matrix.outlets.length} rewrite(s)</h1>
<section aria-label="Outlets"><table class="matrix outlets"><thead><tr><th scope="col">Outlet</th>\
<th scope="col">Verdict</th><th scope="col">Coverage</th><th scope="col">Containment</th><th scope="col">Credit</th>\
<th scope="col">Quote problems</th><th scope="col">Changed facts</th></tr></thead>
<tbody>${outletRows}</tbody></table></section>
<h2>Claims of the original, outlet by outlet</h2>
<table class="matrix claims"><thead><tr><th scope="col">Claim</th><th scope="col">Original text</th>${head}</tr></thead>
<tbody>${claimRows || `<tr><td colspan="${2 + matrix.outlets.length}" class="empty">No claims.</td></tr>`}</tbody>\
</table>
<h2>Reports</h2>
${reports}
<p class="noprint"><a href="/">New comparison</a></p>`;
  return htmlPage(`${source} against ${matrix.outlets.length} rewrite(s) — article diff`, body, {
    nonce: opts.nonce,
    script: `${OPEN_TARGET_SCRIPT}\n${REPORT_SCRIPT}`,
  });
}

/** One line of an outlet: verdict, coverage, containment, credit, quotation problems and changed facts. */
function outletLine(o: BatchOutlet, r: CompareResult | BatchFailure): string[] {
  if (!o.ok || !isResult(r)) return [`FAILED ${(r as BatchFailure).title}: ${(r as BatchFailure).detail}`];
  return [
    VERDICT_LABELS[o.verdict!],
    `coverage ${percent(o.coverage ?? 0)}`,
    `containment ${percent(o.containment ?? 0)}`,
    CREDIT_WORDS[creditState(r)],
    `quote problems ${quoteProblems(r)}`,
    `changed facts ${r.summary.changedFacts}`,
  ];
}

/** Which outlets kept, paraphrased or dropped a claim; an independent outlet's drops are left out (see cellStatus). */
function claimOutlets(c: MatrixClaim, outlets: BatchOutlet[]): [string, string[]][] {
  const dropped = outlets
    .filter((o, i) => c.statuses[i] === 'dropped' && o.verdict !== 'independent')
    .map((o) => o.outlet);
  return (
    [
      ['=', c.kept],
      ['~', c.paraphrased],
      ['-', dropped],
      ['!', c.changed],
    ] as [string, string[]][]
  ).filter(([, l]) => l.length);
}

/**
 * The batch as text: one entry per outlet, then one per original claim with the outlets by status (`=` kept,
 * `~` paraphrased, `-` dropped) before its text, every line within `width` columns.
 */
export function renderBatchText(view: BatchView, opts: { width?: number | undefined } = {}): string {
  const width = clampWidth(opts.width);
  const lines: string[] = [];
  for (const o of view.matrix.outlets) {
    const parts = outletLine(o, view.results[o.index]!).map(field);
    lines.push(
      ...wrap(
        parts.flatMap((p, i): Word[] => (i ? [{ text: '|' }, ...p] : p)),
        width,
        `${clean(o.outlet)}: `,
        2,
      ),
    );
  }
  lines.push('');
  const idWidth = Math.max(3, ...view.matrix.claims.map((c) => c.id.length)) + 2;
  for (const c of view.matrix.claims) {
    const who = claimOutlets(c, view.matrix.outlets).flatMap(([m, l]) => words(`${m}${l.map(clean).join(', ')}`));
    lines.push(
      ...wrap(
        [...who, ...(who.length ? [{ text: '—' }] : []), ...words(clean(c.text))],
        width,
        c.id.padEnd(idWidth),
        idWidth,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The batch as Markdown: the outlets and the claims as lists (lines within `width`; tables cannot wrap). */
export function renderBatchMarkdown(view: BatchView, opts: { width?: number | undefined } = {}): string {
  const width = clampWidth(opts.width);
  const m = view.matrix;
  const out = [
    `# ${escapeMarkdown(view.originalOutlet ?? 'Original')} against ${m.outlets.length} rewrite(s)`,
    '',
    '## Outlets',
    '',
  ];
  for (const o of m.outlets) {
    const r = view.results[o.index]!;
    const parts = outletLine(o, r).map(escapeMarkdown);
    if (isResult(r) && creditState(r) === 'uncredited') parts[3] = `**${parts[3]}**`;
    const list = parts.map(field).flatMap((p, i): Word[] => (i ? [{ text: '·' }, ...p] : p));
    out.push(...markdownItem([...words(`**${escapeMarkdown(o.outlet)}:**`), ...list], width, '- ', 2));
  }
  out.push(
    '',
    '## Claims',
    '',
    ...wrap(words('Outlets that `=` kept, `~` paraphrased or `-` dropped each claim of the original.'), width, '', 0),
    '',
  );
  for (const c of m.claims) {
    const who = claimOutlets(c, m.outlets)
      .map(([mk, l]) => `\`${mk}\` ${l.map(escapeMarkdown).join(', ')}`)
      .join(' · ');
    out.push(...markdownItem(words(`**${c.id}**${who ? ` (${who})` : ''}: ${escapeMarkdown(c.text)}`), width, '- ', 2));
  }
  return `${out.join('\n')}\n`;
}

/** The words of a short field ("coverage 62%"), never cut over two lines. */
const field = (s: string): Word[] => words(s).map((w, k) => (k ? { ...w, tight: true } : w));

function clean(text: string): string {
  return stripControls(text).replace(/\s+/g, ' ').trim();
}
