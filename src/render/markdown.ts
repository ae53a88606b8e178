import type { CompareResult, DiffPart } from '../core/types.js';
import { escapeMarkdown } from './escape.js';
import { buildRows, type Row } from './rows.js';
import { VERDICT_LABELS, countsLine, creditLine, findingsLine, percent, type RenderOptions } from './summary.js';

const LABEL = { kept: 'kept', paraphrased: 'paraphrased', dropped: 'dropped', added: 'added' } as const;

/**
 * The report as Markdown (`Accept: text/markdown`, `--markdown`): a summary table, then one list item per
 * row of the side-by-side view. Word diffs use ~~strike~~ for removed and **bold** for added words.
 * Every piece of article text is escaped so it cannot inject Markdown or raw HTML.
 */
export function renderMarkdown(result: CompareResult, opts: RenderOptions = {}): string {
  const s = result.summary;
  const counts = countsLine(result);
  const findings = findingsLine(result);
  const title = opts.originalOutlet || opts.rewriteOutlet
    ? `# ${escapeMarkdown(opts.rewriteOutlet ?? 'Rewrite')} vs ${escapeMarkdown(opts.originalOutlet ?? 'original')}`
    : '# Article diff';
  const out = [
    title, '',
    '| | |', '|---|---|',
    `| Verdict | **${VERDICT_LABELS[s.verdict]}** |`,
    `| Coverage | ${percent(s.coverage)} of the original carried into the rewrite |`,
    `| Containment | ${percent(s.containment)} of the rewrite comes from the original |`,
    `| Credit | ${s.attribution.credited ? '' : '**'}${escapeMarkdown(creditLine(result, opts))}${s.attribution.credited ? '' : '**'} |`,
    `| Original | ${counts.original} |`,
    `| Rewrite | ${counts.rewrite} |`,
    ...(findings.length ? [`| Findings | ${findings.join(' · ')} |`] : []),
    '',
  ];
  if (s.flags.length) out.push(...s.flags.map((f) => `> **Warning:** ${escapeMarkdown(f)}`), '');
  out.push('## Claims', '', 'Markers: `=` kept · `~` paraphrased · `-` dropped · `+` added · `!` changed (says something else).', '');
  for (const row of buildRows(result)) {
    if (row.kind === 'boilerplate') continue;
    const status = row.status as keyof typeof LABEL;
    const changed = [...row.original, ...row.rewrite].some((x) => x.claim.changed);
    const label = `${LABEL[status] ?? status}${changed ? ', changed' : ''}`;
    out.push(`- \`${changed ? '!' : marker(status)}\` **${label}** ${ids(row)}${row.moved ? ' *(moved)*' : ''}: ${body(row)}`);
    for (const f of row.flags) out.push(`  - ⚠ ${f.side}: ${escapeMarkdown(f.note)}`);
  }
  return `${out.join('\n')}\n`;
}

function marker(status: string): string {
  return ({ kept: '=', paraphrased: '~', dropped: '-', added: '+' } as Record<string, string>)[status] ?? '?';
}

function ids(row: Row): string {
  const o = row.original.map((x) => x.claim.id).join('+'), r = row.rewrite.map((x) => x.claim.id).join('+');
  return row.kind === 'aligned' ? `${o} → ${r}` : o || r;
}

function body(row: Row): string {
  if (row.kind === 'dropped') return escapeMarkdown(row.original.map((x) => x.claim.text).join(' '));
  if (row.kind === 'added') return escapeMarkdown(row.rewrite.map((x) => x.claim.text).join(' '));
  return row.alignments.map((a) => diff(a.diff)).join(' ');
}

function diff(parts: DiffPart[]): string {
  return parts.map((p) => {
    if (p.op === 'equal' || !p.text.trim()) return escapeMarkdown(p.text);
    const lead = p.text.match(/^\s*/)![0], trail = p.text.match(/\s*$/)![0];
    const core = escapeMarkdown(p.text.trim());
    return `${lead ? ' ' : ''}${p.op === 'removed' ? `~~${core}~~` : `**${core}**`}${trail ? ' ' : ''}`;
  }).join('');
}
