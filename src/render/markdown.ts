import type { CompareResult, DiffPart } from '../core/types.js';
import { escapeMarkdown } from './escape.js';
import { findings } from './findings.js';
import { buildRows, type Row } from './rows.js';
import {
  countsLine,
  creditLine,
  creditState,
  findingsLine,
  percent,
  type RenderOptions,
  VERDICT_LABELS,
} from './summary-phrases.js';
import { MARKERS } from './text.js';
import { clampWidth, type Word, words, wrap } from './wrap.js';

const LABEL = { kept: 'kept', paraphrased: 'paraphrased', dropped: 'dropped', added: 'added' } as const;

/**
 * A word that may not begin a line of a list item's text: it would start a block (a list, a quote, a heading,
 * a setext underline) instead of continuing the paragraph. Such a word stays on the previous line.
 */
const BLOCK_START = /^(?:[-+*]|#{1,6}|=+|-+|\d{1,9}[.)]|>.*)$/;

/** Wraps Markdown words under a list marker; never breaks before a word that would start a block. */
export function markdownItem(list: Word[], width: number, first: string, indent: number): string[] {
  // Such a word is kept with the previous one, its space included.
  const fixed = list.map((w, i) =>
    i && !w.glued && BLOCK_START.test(w.text) ? { ...w, text: ` ${w.text}`, glued: true } : w,
  );
  return wrap(fixed, width, first, indent);
}

/**
 * The report as Markdown (`Accept: text/markdown`, `--markdown`): the summary and the findings as lists, then one
 * list item per row of the side-by-side view. Word diffs use ~~strike~~ for removed and **bold** for added words.
 * Every piece of article text is escaped so it cannot inject Markdown or raw HTML. Lines fit `width` columns;
 * a list item's continuation lines are indented under its text.
 */
export function renderMarkdown(result: CompareResult, opts: RenderOptions = {}): string {
  const width = clampWidth(opts.width);
  const s = result.summary;
  const counts = countsLine(result);
  const tally = findingsLine(result);
  const title =
    opts.originalOutlet || opts.rewriteOutlet
      ? `# ${escapeMarkdown(opts.rewriteOutlet ?? 'Rewrite')} vs ${escapeMarkdown(opts.originalOutlet ?? 'original')}`
      : '# Article diff';
  const credit = escapeMarkdown(creditLine(result, opts));
  const summary: [string, string][] = [
    ['Verdict', `**${VERDICT_LABELS[s.verdict]}**`],
    ['Coverage', `${percent(s.coverage)} of the original carried into the rewrite`],
    ['Containment', `${percent(s.containment)} of the rewrite comes from the original`],
    ['Credit', creditState(result) === 'uncredited' ? `**${credit}**` : credit],
    ['Original', counts.original],
    ['Rewrite', counts.rewrite],
    ...(tally.length ? [['Findings', tally.join(' · ')] as [string, string]] : []),
  ];
  const out = [title, ''];
  for (const [k, v] of summary) out.push(...markdownItem(words(`**${k}:** ${v}`), width, '- ', 2));
  const found = findings(result, opts);
  if (found.length) {
    out.push('', '## Findings', '');
    for (const f of found) {
      const label = `**${escapeMarkdown(f.label)}**${f.claim ? ` (${f.claim})` : ''}:`;
      out.push(...markdownItem(words(`${f.problem ? '⚠ ' : ''}${label} ${escapeMarkdown(f.detail)}`), width, '- ', 2));
    }
  }
  out.push(
    '',
    '## Claims',
    '',
    ...wrap(
      words('Markers: `=` kept · `~` paraphrased · `-` dropped · `+` added · `!` changed (says something else).'),
      width,
      '',
      0,
    ),
    '',
  );
  for (const row of buildRows(result)) {
    if (row.kind === 'boilerplate') continue;
    const status = row.status as keyof typeof LABEL;
    const changed = [...row.original, ...row.rewrite].some((x) => x.claim.changed);
    const label = `${LABEL[status] ?? status}${changed ? ', changed' : ''}`;
    const marker = changed ? '!' : (MARKERS[status] ?? '?');
    const head = `\`${marker}\` **${label}** ${ids(row)}${row.moved ? ' *(moved)*' : ''}:`;
    out.push(...markdownItem([...words(head), ...body(row)], width, '- ', 2));
    for (const f of row.flags)
      out.push(...markdownItem(words(`⚠ ${f.side}: ${escapeMarkdown(f.note)}`), width, '  - ', 4));
  }
  return `${out.join('\n')}\n`;
}

function ids(row: Row): string {
  const o = row.original.map((x) => x.claim.id).join('+'),
    r = row.rewrite.map((x) => x.claim.id).join('+');
  // No-break spaces: the ids stay on one line.
  return row.kind === 'aligned' ? `${o}\u00a0→\u00a0${r}` : o || r;
}

function body(row: Row): Word[] {
  if (row.kind === 'dropped') return words(escapeMarkdown(row.original.map((x) => x.claim.text).join(' ')));
  if (row.kind === 'added') return words(escapeMarkdown(row.rewrite.map((x) => x.claim.text).join(' ')));
  return row.alignments.flatMap((a) => diffWords(a.diff));
}

/** A word diff as Markdown words: each changed run ~~struck~~ or **bold** (a run may go on over a soft line break). */
function diffWords(parts: DiffPart[]): Word[] {
  const out: Word[] = [];
  let spaceBefore = true;
  for (const p of parts) {
    const list = words(escapeMarkdown(p.text));
    if (list.length) list[0]!.glued = !spaceBefore && !/^\s/.test(p.text) && out.length > 0;
    if (p.op !== 'equal' && list.length) {
      const mark = p.op === 'removed' ? '~~' : '**';
      list[0]!.text = mark + list[0]!.text;
      list[list.length - 1]!.text += mark;
    }
    out.push(...list);
    if (p.text) spaceBefore = /\s$/.test(p.text);
  }
  return out;
}
