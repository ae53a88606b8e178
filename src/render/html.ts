import type { CompareResult } from '../core/types.js';
import { escapeHtml as e } from './escape.js';
import { findings } from './findings.js';
import { buildRows, type Mark, type Piece, type RenderedClaim, type Row } from './rows.js';
import { CSS } from './style.js';
import {
  countsLine,
  creditLine,
  creditState,
  findingsLine,
  percent,
  type RenderOptions,
  VERDICT_LABELS,
} from './summary-phrases.js';

/** CSP nonces of the response (`reply.cspNonce` from @fastify/helmet); omitted outside HTTP (the CLI). */
export interface Nonce {
  style: string;
  script: string;
}

export interface HtmlOptions extends RenderOptions {
  nonce?: Nonce | undefined;
}

/**
 * A complete, self-contained HTML document: inline stylesheet (and optional inline script) carrying the CSP
 * nonce when one is given. No external resources of any kind, no inline event handlers, no `style=`
 * attributes (a nonce-based CSP blocks both).
 */
export function htmlPage(
  title: string,
  body: string,
  opts: { nonce?: Nonce | undefined; script?: string | undefined } = {},
): string {
  const n = (kind: keyof Nonce) => (opts.nonce ? ` nonce="${e(opts.nonce[kind])}"` : '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light"><title>${e(title)}</title>
<style${n('style')}>${CSS}</style></head>
<body><main>
${body}
</main>${opts.script ? `\n<script${n('script')}>${opts.script}</script>` : ''}
</body></html>
`;
}

/**
 * Clicking a claim id highlights the claims it is aligned with (progressive enhancement only). In this file's
 * templates a `\` at a line's end continues the line: no newline goes into the script or the markup.
 */
export const REPORT_SCRIPT = `document.addEventListener('click',function(ev){var t=ev.target;\
if(!(t instanceof Element))return;var c=t.closest('.claim');\
document.querySelectorAll('.claim.hl').forEach(function(x){x.classList.remove('hl')});if(!c)return;\
(c.getAttribute('data-matches')||'').split(' ').forEach(function(id){var m=id&&document.getElementById(id);\
if(m)m.classList.add('hl')})});`;

/** The full HTML report of one compare (`Accept: text/html`, `--html`). */
export function renderHtml(result: CompareResult, opts: HtmlOptions = {}): string {
  const title =
    opts.originalOutlet || opts.rewriteOutlet
      ? `${opts.rewriteOutlet ?? 'Rewrite'} vs ${opts.originalOutlet ?? 'original'} — article diff`
      : 'Article diff report';
  return htmlPage(
    title,
    `<h1>${e(title)}</h1>\n${reportBody(result, opts)}\n<p class="noprint"><a href="/">New comparison</a></p>`,
    { nonce: opts.nonce, script: REPORT_SCRIPT },
  );
}

/**
 * The report without the page shell: summary bar, the findings with links to their claims, the view switches,
 * legend, and the side-by-side rows. `idPrefix` keeps element ids unique when several reports share a page (the
 * batch view). The switches work without JavaScript: the stylesheet hides rows by the state of their checkbox.
 */
export function reportBody(result: CompareResult, opts: RenderOptions & { idPrefix?: string } = {}): string {
  const p = opts.idPrefix ?? '';
  const rows = buildRows(result);
  let lastPara: number | null = null;
  const rowHtml = rows
    .map((row) => {
      const newPara = row.paragraph !== null && lastPara !== null && row.paragraph !== lastPara;
      if (row.paragraph !== null) lastPara = row.paragraph;
      return renderRow(row, p, newPara);
    })
    .join('\n');
  return `<div class="report">
${summaryBar(result, opts)}
${findingsSection(result, opts, p)}
${switches(p)}
${LEGEND}
<div class="heads" role="presentation"><div>Original${opts.originalOutlet ? ` — ${e(opts.originalOutlet)}` : ''}</div>\
<div></div><div>Rewrite${opts.rewriteOutlet ? ` — ${e(opts.rewriteOutlet)}` : ''}</div></div>
<div class="rows">
${rowHtml || '<p class="empty">No claims found in either text.</p>'}
</div>
</div>`;
}

/** The summary bar: verdict, coverage, containment, credit (loud when derived but uncredited), counts. */
export function summaryBar(result: CompareResult, opts: RenderOptions = {}): string {
  const s = result.summary;
  const counts = countsLine(result);
  const credit = creditState(result);
  const tally = findingsLine(result);
  return `<section class="summary" aria-label="Summary" data-verdict="${s.verdict}"\
 data-credited="${s.attribution.credited}">
<div class="verdict verdict-${s.verdict}">${e(VERDICT_LABELS[s.verdict])}</div>
<div class="metric"><b>${percent(s.coverage)}</b><span>coverage (of the original)</span></div>
<div class="metric"><b>${percent(s.containment)}</b><span>containment (of the rewrite)</span></div>
<div class="credit ${credit}" role="${credit === 'uncredited' ? 'alert' : 'status'}">${e(creditLine(result, opts))}\
</div>
<div class="counts"><span>Original: ${e(counts.original)}</span><span>Rewrite: ${e(counts.rewrite)}</span></div>
${tally.length ? `<div class="tally">${e(tally.join(' · '))}</div>` : ''}
</section>`;
}

/** The findings first, each linking to the claim it sits in. */
function findingsSection(result: CompareResult, opts: RenderOptions, p: string): string {
  const list = findings(result, opts);
  const items = list
    .map((f) => {
      const label = f.claim
        ? `<a href="#${e(p + f.claim)}">${e(f.label)}</a> <span class="where">(${e(f.claim)})</span>`
        : e(f.label);
      return `<li data-kind="${f.kind}"${f.problem ? ' data-problem="true"' : ''}><b>${label}</b>: ${e(f.detail)}</li>`;
    })
    .join('\n');
  const problems = list.filter((f) => f.problem).length;
  return `<section class="findings" aria-labelledby="${p}findings-h">
<h2 id="${p}findings-h">Findings: ${problems ? `${problems} to check` : 'no credit, quotation or fact problems'}</h2>
${items ? `<ol>\n${items}\n</ol>` : ''}
</section>`;
}

/** "Problems only", "hide dropped", "hide boilerplate": checkboxes the stylesheet reads (`.report:has(…)`). */
function switches(p: string): string {
  const box = (cls: string, label: string) =>
    `<label for="${p}${cls}"><input type="checkbox" class="${cls}" id="${p}${cls}"> ${label}</label>`;
  return `<fieldset class="switches noprint"><legend>Show</legend>
${box('only-problems', 'problems only')}
${box('hide-dropped', 'hide dropped claims')}
${box('hide-boilerplate', 'hide boilerplate')}
</fieldset>`;
}

const LEGEND = `<div class="legend" aria-label="Legend">
<span><i class="sw claim" data-status="kept"></i>= kept (near-verbatim)</span>
<span><i class="sw claim" data-status="paraphrased"></i>~ paraphrased</span>
<span><i class="sw claim" data-status="dropped"></i>- dropped (original only)</span>
<span><i class="sw claim" data-status="added"></i>+ added (rewrite only)</span>
<span><i class="sw claim" data-status="paraphrased" data-changed="true"></i>! changed (says something else)</span>
<span><del>removed</del> <ins>added</ins> words</span>
<span><b class="moved">moved</b> out of original order</span>
<span><mark class="fact">changed fact</mark></span>
<span><span class="quote q-altered">quote problem</span></span>
<span><mark class="cite">credit to the original</mark></span>
<span class="boilerplate"><i>boilerplate (greyed)</i></span>
</div>`;

const MARKERS: Record<string, string> = { kept: '=', paraphrased: '~', dropped: '-', added: '+' };

function renderRow(row: Row, p: string, newPara: boolean): string {
  const cls = `row ${row.kind}${newPara ? ' para' : ''}`;
  if (row.kind === 'boilerplate' && row.boilerplate) {
    const b = row.boilerplate;
    const cell = `<span class="bp-kind">${e(b.item.kind.replace(/_/g, ' '))}</span>${e(b.item.text)}`;
    return (
      `<div class="${cls}" data-status="boilerplate">` +
      `<div class="cell o">${b.side === 'original' ? cell : ''}</div><div class="gutter"></div>` +
      `<div class="cell r">${b.side === 'rewrite' ? cell : ''}</div></div>`
    );
  }
  const changed = rowChanged(row);
  const gutter =
    `${MARKERS[row.status] ?? ''}${changed ? '<br><b class="changed" title="a changed fact">changed</b>' : ''}` +
    `${row.moved ? '<br><b class="moved" title="appears in a different order in the rewrite">moved</b>' : ''}`;
  // Each note under the column of the side it is about.
  const flags = (side: 'original' | 'rewrite') => {
    const own = row.flags.filter((f) => f.side === side);
    return own.length
      ? `<ul class="row-flags">${own.map((f) => `<li data-kind="${e(f.kind)}">${e(f.note)}</li>`).join('')}</ul>`
      : '';
  };
  return (
    `<div class="${cls}" data-status="${e(row.status)}"${changed ? ' data-changed="true"' : ''}` +
    `${row.moved ? ' data-moved="true"' : ''}${row.problem ? ' data-problem="true"' : ''}>` +
    `<div class="cell o">${row.original.map((c) => claimHtml(c, p)).join('')}${flags('original')}</div>` +
    `<div class="gutter" aria-label="${e(row.status)}">${gutter}</div>` +
    `<div class="cell r">${row.rewrite.map((c) => claimHtml(c, p)).join('')}${flags('rewrite')}</div></div>`
  );
}

/** A row holding a changed claim: a finding, shown apart from plain kept and paraphrased rows. */
export const rowChanged = (row: Row) => [...row.original, ...row.rewrite].some((x) => x.claim.changed);

function claimHtml(rc: RenderedClaim, p: string): string {
  const c = rc.claim;
  const matches = c.matches.map((m) => `${p}${m}`).join(' ');
  const changed = c.changed
    ? ' data-changed="true" title="says something else than its counterpart: see the change below"'
    : '';
  return (
    `<span class="claim" id="${e(p + c.id)}" data-id="${e(c.id)}" data-status="${e(c.status)}"${changed}` +
    ` data-matches="${e(matches)}" data-start="${c.start}" data-end="${c.end}">` +
    `<a class="cid" href="#${e(p + c.id)}">${e(c.id)}</a>${piecesHtml(rc.pieces)}</span>`
  );
}

/** Outermost first: a quote or a changed fact wraps the word-level changes inside it. */
const NESTING: Mark['kind'][] = ['quote', 'credit', 'fact', 'changed'];

/**
 * Renders pieces with properly nested wrappers: consecutive pieces that share a mark of the outer kind are
 * wrapped once (a changed fact "5%" whose "5" is also a word change stays one <mark>).
 */
function piecesHtml(pieces: Piece[], depth = 0): string {
  const kind = NESTING[depth];
  if (!kind) return pieces.map((p) => e(p.text)).join('');
  let html = '';
  for (let i = 0; i < pieces.length; ) {
    const mark = pieces[i]!.marks.find((m) => m.kind === kind);
    let j = i + 1;
    while (j < pieces.length && pieces[j]!.marks.find((m) => m.kind === kind) === mark) j++;
    const inner = piecesHtml(pieces.slice(i, j), depth + 1);
    html += mark ? wrap(mark, inner) : inner;
    i = j;
  }
  return html;
}

function wrap(m: Mark, inner: string): string {
  const title = m.note ? ` title="${e(m.note)}"` : '';
  if (m.kind === 'quote') return `<span class="quote q-${e(m.detail)}"${title}>${inner}</span>`;
  if (m.kind === 'credit') return `<mark class="cite" title="credit to the original">${inner}</mark>`;
  if (m.kind === 'fact') return `<mark class="fact" data-kind="${e(m.detail)}"${title}>${inner}</mark>`;
  return m.detail === 'removed' ? `<del>${inner}</del>` : `<ins>${inner}</ins>`;
}
