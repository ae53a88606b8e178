import type { CheckAnswer, DerivedLink, FoundSource, SourceArticle } from '../check/find-sources.js';
import { escapeHtml as e, escapeMarkdown, stripControls } from './escape.js';
import { htmlPage, type Nonce, reportBody } from './html.js';
import { percent, VERDICT_LABELS } from './summary-phrases.js';

/** The answer of `POST /v1/check` / `article-diff check` as a report: the sources found, most likely first. */

function name(a: SourceArticle): string {
  return a.title ?? a.url ?? a.id;
}

function label(a: SourceArticle): string {
  return [a.outlet, a.published].filter(Boolean).join(', ');
}

/** "Title (outlet, date)", or the title alone. */
function named(a: SourceArticle, clean: (s: string) => string = (s) => s): string {
  return `${clean(name(a))}${label(a) ? ` (${clean(label(a))})` : ''}`;
}

function credit(s: FoundSource): string {
  if (s.credited) return 'credits source';
  return s.verdict === 'independent' ? 'no credit' : 'DERIVED BUT UNCREDITED';
}

/** "← title (outlet) ← …": the chain back to the first article. */
function chain(link: DerivedLink | null): string[] {
  const out: string[] = [];
  for (let l = link; l; l = l.derivedFrom) out.push(named(l.article));
  return out;
}

function headline(answer: CheckAnswer): string {
  const derived = answer.sources.filter((s) => s.verdict !== 'independent').length;
  return derived === 0
    ? `No source found among ${answer.stored} stored article(s) (${answer.compared} compared).`
    : `${derived} source(s) found among ${answer.stored} stored article(s) (${answer.compared} compared).`;
}

export function renderSourcesText(answer: CheckAnswer): string {
  const lines = [headline(answer)];
  answer.sources.forEach((s, i) => {
    lines.push(`${i + 1}. ${named(s.article, stripControls)} [${s.article.id}]`);
    lines.push(
      `   ${VERDICT_LABELS[s.verdict]} | coverage ${percent(s.coverage)} | ` +
        `containment ${percent(s.containment)} | ${credit(s)}`,
    );
    const back = chain(s.derivedFrom);
    if (back.length) lines.push(`   itself derived from: ${back.map(stripControls).join(' <- ')}`);
  });
  return `${lines.join('\n')}\n`;
}

export function renderSourcesMarkdown(answer: CheckAnswer): string {
  const out = ['# Sources', '', escapeMarkdown(headline(answer)), ''];
  if (answer.sources.length) {
    out.push(
      '| # | Source | Verdict | Coverage | Containment | Credit | Itself derived from |',
      '|---|---|---|---|---|---|---|',
    );
    answer.sources.forEach((s, i) => {
      const c = credit(s);
      const back = chain(s.derivedFrom).map(escapeMarkdown).join(' ← ') || '—';
      out.push(
        `| ${i + 1} | ${named(s.article, escapeMarkdown)} | ` +
          `${VERDICT_LABELS[s.verdict]} | ${percent(s.coverage)} | ${percent(s.containment)} | ` +
          `${s.credited || s.verdict === 'independent' ? c : `**${c}**`} | ${back} |`,
      );
    });
  }
  return `${out.join('\n')}\n`;
}

/** The sources as a table, then each source's side-by-side report (source left, checked article right), folded. */
export function renderSourcesHtml(
  answer: CheckAnswer,
  opts: { outlet?: string | undefined; nonce?: Nonce | undefined } = {},
): string {
  const rows = answer.sources
    .map((s, i) => {
      const uncredited = !s.credited && s.verdict !== 'independent';
      const tag = s.credited
        ? '<span class="tag credited">credits source</span>'
        : uncredited
          ? '<span class="tag uncredited">DERIVED BUT UNCREDITED</span>'
          : 'no credit (independent)';
      return (
        `<tr data-verdict="${s.verdict}"><th scope="row"><a href="#source-${i}">${e(name(s.article))}</a>` +
        `${label(s.article) ? ` <small>${e(label(s.article))}</small>` : ''}</th>` +
        `<td>${e(VERDICT_LABELS[s.verdict])}</td>` +
        `<td>${percent(s.coverage)}</td><td>${percent(s.containment)}</td><td>${tag}</td>` +
        `<td>${e(chain(s.derivedFrom).join(' ← ')) || '—'}</td></tr>`
      );
    })
    .join('\n');
  const reports = answer.sources
    .map((s, i) => {
      if (!s.result) return '';
      const outlets = { originalOutlet: s.article.outlet ?? undefined, rewriteOutlet: opts.outlet };
      const body = reportBody(s.result, { ...outlets, idPrefix: `s${i}-` });
      return `<details class="outlet" id="source-${i}"${i === 0 ? ' open' : ''}>
<summary>${e(name(s.article))}: ${e(VERDICT_LABELS[s.verdict])}, containment ${percent(s.containment)}</summary>
${body}
</details>`;
    })
    .join('\n');
  const body = `<h1>Sources of ${e(opts.outlet ?? 'the checked article')}</h1>
<p class="headline">${e(headline(answer))}</p>
${
  answer.sources.length
    ? `<section aria-label="Sources"><table class="matrix outlets"><thead><tr>
<th>Source</th><th>Verdict</th><th>Coverage</th><th>Containment</th><th>Credit</th><th>Itself derived from</th>
</tr></thead>
<tbody>${rows}</tbody></table></section>
<h2>Side by side</h2>
${reports}`
    : ''
}
<p class="noprint"><a href="/">New comparison</a></p>`;
  return htmlPage(`Sources of ${opts.outlet ?? 'the checked article'} — article diff`, body, { nonce: opts.nonce });
}
