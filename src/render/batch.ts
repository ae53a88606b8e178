import type { CompareResult } from '../core/types.js';
import { escapeHtml as e, escapeMarkdown, stripControls } from './escape.js';
import { htmlPage, reportBody, type Nonce } from './html.js';
import type { BatchMatrix } from './matrix.js';
import { VERDICT_LABELS, percent } from './summary.js';

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

function isResult(r: CompareResult | BatchFailure): r is CompareResult {
  return 'summary' in r;
}

/** The batch view: one row per outlet, the claim × outlet matrix, then each outlet's full report folded. */
export function renderBatchHtml(view: BatchView, opts: { nonce?: Nonce | undefined } = {}): string {
  const { matrix } = view;
  const source = view.originalOutlet ?? 'the original';
  const outletRows = matrix.outlets.map((o) => {
    if (!o.ok) {
      const f = view.results[o.index] as BatchFailure;
      return `<tr data-ok="false"><th scope="row">${e(o.outlet)}</th><td colspan="4" class="problem">failed: ${e(f.title)} — ${e(f.detail)}</td></tr>`;
    }
    const uncredited = o.credited === false && o.verdict !== 'independent';
    const credit = o.credited ? '<span class="tag credited">credits source</span>'
      : uncredited ? '<span class="tag uncredited">DERIVED BUT UNCREDITED</span>' : 'no credit (independent)';
    return `<tr data-ok="true" data-verdict="${o.verdict}"><th scope="row"><a href="#outlet-${o.index}">${e(o.outlet)}</a></th>`
      + `<td>${e(VERDICT_LABELS[o.verdict!])}</td><td>${percent(o.coverage ?? 0)}</td><td>${percent(o.containment ?? 0)}</td><td>${credit}</td></tr>`;
  }).join('\n');
  const head = matrix.outlets.map((o) => `<th scope="col">${e(o.outlet)}</th>`).join('');
  const claimRows = matrix.claims.map((c) => `<tr><th scope="row"><code>${e(c.id)}</code></th><td class="ctext">${e(c.text)}</td>`
    + c.statuses.map((s, i) => {
      const changed = c.changed.includes(matrix.outlets[i]!.outlet);
      return `<td class="st" data-status="${s ?? 'error'}"${changed ? ' data-changed="true"' : ''}>${s ? e(MARK[s] ?? s) : '—'}${changed ? ' ! changed' : ''}</td>`;
    }).join('') + '</tr>').join('\n');
  const reports = view.results.map((r, i) => {
    const o = matrix.outlets[i]!;
    if (!isResult(r)) return '';
    return `<details class="outlet" id="outlet-${i}"><summary>${e(o.outlet)}: ${e(VERDICT_LABELS[r.summary.verdict])}, coverage ${percent(r.summary.coverage)}</summary>
${reportBody(r, { originalOutlet: view.originalOutlet, rewriteOutlet: o.outlet, idPrefix: `b${i}-` })}
</details>`;
  }).join('\n');
  const body = `<h1>${e(source)} against ${matrix.outlets.length} rewrite(s)</h1>
<section aria-label="Outlets"><table class="matrix outlets"><thead><tr><th>Outlet</th><th>Verdict</th><th>Coverage</th><th>Containment</th><th>Credit</th></tr></thead>
<tbody>${outletRows}</tbody></table></section>
<h2>Claims of the original, outlet by outlet</h2>
<table class="matrix claims"><thead><tr><th>Claim</th><th>Original text</th>${head}</tr></thead>
<tbody>${claimRows || `<tr><td colspan="${2 + matrix.outlets.length}" class="empty">No claims.</td></tr>`}</tbody></table>
<h2>Reports</h2>
${reports}
<p class="noprint"><a href="/">New comparison</a></p>`;
  return htmlPage(`${source} against ${matrix.outlets.length} rewrite(s) — article diff`, body, { nonce: opts.nonce });
}

/** The batch as text: one line per outlet, then one line per original claim with the outlets by status. */
export function renderBatchText(view: BatchView): string {
  const lines: string[] = [];
  for (const o of view.matrix.outlets) {
    if (!o.ok) { const f = view.results[o.index] as BatchFailure; lines.push(`${o.outlet}: FAILED ${f.title}: ${f.detail}`); continue; }
    const credit = o.credited ? 'credits source' : o.verdict !== 'independent' ? 'DERIVED BUT UNCREDITED' : 'no credit';
    lines.push(`${o.outlet}: ${VERDICT_LABELS[o.verdict!]} | coverage ${percent(o.coverage ?? 0)} | containment ${percent(o.containment ?? 0)} | ${credit}`);
  }
  for (const c of view.matrix.claims) {
    const parts = [['=', c.kept], ['~', c.paraphrased], ['-', c.dropped], ['!', c.changed]] as const;
    const who = parts.filter(([, l]) => l.length).map(([m, l]) => `${m}${l.join(', ')}`).join('  ');
    lines.push(`${c.id.padEnd(5)} ${who.padEnd(30)} ${stripControls(c.text).replace(/\s+/g, ' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The batch as Markdown: outlet table and claim matrix. */
export function renderBatchMarkdown(view: BatchView): string {
  const m = view.matrix;
  const out = [`# ${escapeMarkdown(view.originalOutlet ?? 'Original')} against ${m.outlets.length} rewrite(s)`, '',
    '| Outlet | Verdict | Coverage | Containment | Credit |', '|---|---|---|---|---|'];
  for (const o of m.outlets) {
    if (!o.ok) { out.push(`| ${escapeMarkdown(o.outlet)} | failed | | | |`); continue; }
    const credit = o.credited ? 'credits source' : o.verdict !== 'independent' ? '**DERIVED BUT UNCREDITED**' : 'no credit';
    out.push(`| ${escapeMarkdown(o.outlet)} | ${VERDICT_LABELS[o.verdict!]} | ${percent(o.coverage ?? 0)} | ${percent(o.containment ?? 0)} | ${credit} |`);
  }
  out.push('', '## Claims', '', `| Claim | Text | ${m.outlets.map((o) => escapeMarkdown(o.outlet)).join(' | ')} |`, `|---|---|${m.outlets.map(() => '---').join('|')}|`);
  for (const c of m.claims) {
    const cells = c.statuses.map((s, i) => `${MARK[s ?? ''] ?? '—'}${c.changed.includes(m.outlets[i]!.outlet) ? ' **! changed**' : ''}`);
    out.push(`| ${c.id} | ${escapeMarkdown(c.text)} | ${cells.join(' | ')} |`);
  }
  return `${out.join('\n')}\n`;
}
