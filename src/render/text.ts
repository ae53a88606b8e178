import type { CompareResult, DiffPart } from '../core/types.js';
import { stripControls } from './escape.js';
import { findings } from './findings.js';
import { buildRows, type Row } from './rows.js';
import { countsLine, creditLine, creditState, percent, type RenderOptions, VERDICT_LABELS } from './summary-phrases.js';
import { clampWidth, type Word, words, wrap } from './wrap.js';

export interface TextOptions extends RenderOptions {
  /** ANSI colours (the CLI turns them on for a TTY); off for HTTP answers. */
  color?: boolean | undefined;
}

/** One-character status markers, the same in the text and Markdown reports. */
export const MARKERS = { kept: '=', paraphrased: '~', dropped: '-', added: '+' } as const;

const ANSI = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
  redBg: '\x1b[41;97m',
  strike: '\x1b[9m',
};
/** Styles of the words of a text report, by name. */
const STYLES: Record<string, string> = {
  kept: ANSI.green,
  paraphrased: ANSI.yellow,
  dropped: ANSI.red,
  added: ANSI.cyan,
  removedWord: ANSI.red + ANSI.strike,
  addedWord: ANSI.green,
  bold: ANSI.bold,
  alarm: ANSI.redBg,
  problem: ANSI.red,
};

/** Row ids wider than this start their text on the next line instead of widening every row's id column. */
const MAX_ID_COLUMN = 18;

/**
 * The compact terminal report: the summary (verdict, coverage, containment, credit, counts), the findings (credit,
 * quotation problems, changed facts, each with the claim it sits in), then one entry per row of the side-by-side
 * view: status marker, claim ids and the claim text (the word diff for paraphrases, in `git diff --word-diff`
 * notation `[-removed-]{+added+}`), with the row's notes on `!` lines under it. Every line fits `width` columns;
 * continuation lines hang under the text. Article text is stripped of control characters.
 */
export function renderText(result: CompareResult, opts: TextOptions = {}): string {
  const width = clampWidth(opts.width);
  const paint = (style: string | undefined, s: string) =>
    opts.color && style && STYLES[style] ? `${STYLES[style]}${s}${ANSI.reset}` : s;
  const s = result.summary;
  const counts = countsLine(result);
  const credit = creditState(result);
  // A figure stays with its word ("coverage 60%", "29 paraphrased") when the line wraps.
  const tie = (t: string): Word[] =>
    t
      .split(' · ')
      .flatMap((part, i) => [
        ...(i ? [{ text: '·' }] : []),
        ...words(part).map((w, k) => (k ? { ...w, tight: true } : w)),
      ]);
  const head: Word[][] = [
    words(VERDICT_LABELS[s.verdict].toUpperCase(), 'bold'),
    tie(`coverage ${percent(s.coverage)}`),
    tie(`containment ${percent(s.containment)}`),
    words(creditLine(result, opts), credit === 'uncredited' ? 'alarm' : undefined),
    tie(`original: ${counts.original}`),
    tie(`rewrite: ${counts.rewrite}`),
  ];
  const lines = wrap(
    head.flatMap((w, i) => (i ? [{ text: '|' }, ...w] : w)),
    width,
    '',
    2,
    paint,
  );
  const found = findings(result, opts);
  if (found.length) {
    lines.push('', 'Findings:');
    for (const f of found) {
      const label = words(`${f.label}${f.claim ? ` (${f.claim})` : ''}:`, f.problem ? 'problem' : 'bold');
      lines.push(...wrap([...label, ...words(clean(f.detail))], width, `${f.problem ? '!' : '*'} `, 2, paint));
    }
  }
  lines.push('');
  const rows = buildRows(result).filter((r) => r.kind !== 'boilerplate');
  // A quarter of the width at most: narrow terminals keep room for the words.
  const idWidth = Math.min(MAX_ID_COLUMN, Math.floor(width / 4), Math.max(0, ...rows.map((r) => ids(r).length)));
  const indent = idWidth + 4;
  for (const row of rows) {
    const status = row.status as keyof typeof MARKERS;
    // A row holding a changed claim is a finding: `!` in place of its status marker.
    const changed = [...row.original, ...row.rewrite].some((x) => x.claim.changed);
    const marker = changed ? paint('problem', '!') : paint(status, MARKERS[status] ?? '?');
    const id = ids(row);
    const text = [...body(row), ...(row.moved ? words('(moved)') : [])];
    if (id.length > idWidth) {
      lines.push(`${marker} ${id}`);
      lines.push(...wrap(text, width, ' '.repeat(indent), indent, paint));
    } else {
      lines.push(...wrap(text, width, `${marker} ${id.padEnd(idWidth)}  `, indent, paint));
    }
    for (const f of row.flags) {
      lines.push(
        ...wrap(
          words(`${f.side}: ${clean(f.note)}`),
          width,
          `${' '.repeat(indent)}${paint('problem', '!')} `,
          indent + 2,
          paint,
        ),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function ids(row: Row): string {
  const o = row.original.map((x) => x.claim.id).join('+'),
    r = row.rewrite.map((x) => x.claim.id).join('+');
  return row.kind === 'aligned' ? `${o}>${r}` : o || r;
}

function body(row: Row): Word[] {
  if (row.kind === 'dropped') return words(clean(row.original.map((x) => x.claim.text).join(' ')));
  if (row.kind === 'added') return words(clean(row.rewrite.map((x) => x.claim.text).join(' ')));
  if (row.status === 'kept' && row.alignments.every((a) => a.diff.every((p) => p.op === 'equal'))) {
    return words(clean(row.rewrite.map((x) => x.claim.text).join(' ')));
  }
  return row.alignments.flatMap((a) => diffWords(a.diff));
}

/** A word diff as words: removed ones `[-…-]`, added ones `{+…+}`, the brackets around each changed run. */
export function diffWords(parts: DiffPart[]): Word[] {
  const out: Word[] = [];
  let spaceBefore = true;
  for (const p of parts) {
    const text = stripControls(p.text);
    const list = words(text, p.op === 'removed' ? 'removedWord' : p.op === 'added' ? 'addedWord' : undefined);
    if (list.length) list[0]!.glued = !spaceBefore && !/^\s/.test(text) && out.length > 0;
    if (p.op !== 'equal' && list.length) {
      const [open, close] = p.op === 'removed' ? ['[-', '-]'] : ['{+', '+}'];
      list[0]!.text = open + list[0]!.text;
      list[list.length - 1]!.text += close;
    }
    out.push(...list);
    if (text) spaceBefore = /\s$/.test(text);
  }
  return out;
}

/** A diff in word-diff notation on one line. */
export function diffNotation(parts: DiffPart[]): string {
  return diffWords(parts)
    .map((w, i) => (i && !w.glued ? ` ${w.text}` : w.text))
    .join('');
}

function clean(text: string): string {
  return stripControls(text).replace(/\s+/g, ' ').trim();
}
