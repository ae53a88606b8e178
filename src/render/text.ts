import type { CompareResult, DiffPart } from '../core/types.js';
import { stripControls } from './escape.js';
import { buildRows, type Row } from './rows.js';
import { VERDICT_LABELS, countsLine, creditLine, findingsLine, percent, type RenderOptions } from './summary.js';

export interface TextOptions extends RenderOptions {
  /** ANSI colours (the CLI turns them on for a TTY); off for HTTP answers. */
  color?: boolean | undefined;
}

/** One-character status markers, the same in the text and Markdown reports. */
export const MARKERS = { kept: '=', paraphrased: '~', dropped: '-', added: '+' } as const;

const ANSI = {
  reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m',
  cyan: '\x1b[36m', redBg: '\x1b[41;97m', strike: '\x1b[9m',
};
const STATUS_COLOR = { kept: ANSI.green, paraphrased: ANSI.yellow, dropped: ANSI.red, added: ANSI.cyan } as const;

/**
 * The compact terminal report (issue #5, "text for curl"): one summary line, then one line per row of the
 * side-by-side view: status marker, claim ids, and the claim text (the word diff for paraphrases, in
 * `git diff --word-diff` notation `[-removed-]{+added+}`). Findings (changed facts, quote problems) follow
 * their row on indented `!` lines. Article text is stripped of control characters.
 */
export function renderText(result: CompareResult, opts: TextOptions = {}): string {
  const c = (code: string, s: string) => (opts.color ? `${code}${s}${ANSI.reset}` : s);
  const s = result.summary;
  const counts = countsLine(result);
  const credit = creditLine(result, opts);
  const head = [
    c(ANSI.bold, VERDICT_LABELS[s.verdict].toUpperCase()),
    `coverage ${percent(s.coverage)}`,
    `containment ${percent(s.containment)}`,
    s.attribution.credited || s.verdict === 'independent' ? credit : c(ANSI.redBg, credit),
    `original: ${counts.original}`,
    `rewrite: ${counts.rewrite}`,
    ...findingsLine(result),
  ];
  const lines = [head.join(' | ')];
  for (const flag of s.flags) lines.push(`! ${clean(flag)}`);
  const rows = buildRows(result).filter((r) => r.kind !== 'boilerplate');
  const width = Math.max(0, ...rows.map((r) => ids(r).length));
  for (const row of rows) {
    const status = row.status as keyof typeof MARKERS;
    // A row holding a changed claim is a finding: `!` in place of its status marker.
    const changed = [...row.original, ...row.rewrite].some((x) => x.claim.changed);
    const marker = changed ? c(ANSI.red + ANSI.bold, '!') : c(STATUS_COLOR[status] ?? '', MARKERS[status] ?? '?');
    const moved = row.moved ? ' (moved)' : '';
    lines.push(`${marker} ${ids(row).padEnd(width)}  ${body(row, c)}${moved}`);
    for (const f of row.flags) lines.push(`${' '.repeat(width + 4)}${c(ANSI.red, '!')} ${f.side}: ${clean(f.note)}`);
  }
  return `${lines.join('\n')}\n`;
}

function ids(row: Row): string {
  const o = row.original.map((x) => x.claim.id).join('+'), r = row.rewrite.map((x) => x.claim.id).join('+');
  return row.kind === 'aligned' ? `${o}>${r}` : o || r;
}

function body(row: Row, c: (code: string, s: string) => string): string {
  if (row.kind === 'dropped') return clean(row.original.map((x) => x.claim.text).join(' '));
  if (row.kind === 'added') return clean(row.rewrite.map((x) => x.claim.text).join(' '));
  if (row.status === 'kept' && row.alignments.every((a) => a.diff.every((p) => p.op === 'equal'))) {
    return clean(row.rewrite.map((x) => x.claim.text).join(' '));
  }
  return row.alignments.map((a) => wordDiff(a.diff, c)).join(' ');
}

/** A diff in word-diff notation on one line. */
export function wordDiff(parts: DiffPart[], c: (code: string, s: string) => string = (_, s) => s): string {
  return parts.map((p) => {
    const t = clean(p.text);
    if (p.op === 'equal') return t;
    if (!t.trim()) return t;
    return p.op === 'removed' ? c(ANSI.red + ANSI.strike, `[-${t}-]`) : c(ANSI.green, `{+${t}+}`);
  }).join('');
}

function clean(text: string): string {
  return stripControls(text).replace(/\s+/g, ' ');
}
