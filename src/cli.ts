#!/usr/bin/env node
/**
 * `article-diff ORIGINAL REWRITE`: the compare core without a server, for publishing pipelines (issue #5).
 * Prints the text report (default), `--json`, `--html` or `--markdown`; `--fail-on` turns findings into a
 * non-zero exit status so a pipeline can gate on them.
 *
 * Exit codes: 0 = compared, no `--fail-on` condition holds; 1 = a `--fail-on` condition holds;
 * 2 = usage or input error (bad option, unreadable file, empty article, no article in an HTML page).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { compare } from './core/compare.js';
import { DEFAULT_LIMITS } from './core/types.js';
import { compareResources } from './lexicon/pair-model.js';
import type { ArticleInput, CompareResult } from './core/types.js';
import { ExtractError, extractArticle } from './extract/html.js';
import { renderHtml } from './render/html.js';
import { renderMarkdown } from './render/markdown.js';
import { renderText } from './render/text.js';

export const EXIT = { OK: 0, CONDITION: 1, USAGE: 2 } as const;

export const CONDITIONS = {
  derived: 'the rewrite is derived from the original (verdict wholly_derived or partially_derived)',
  uncredited: 'the rewrite is derived from the original and does not credit it',
  'altered-quotes': 'a quotation was altered, made from narration, or given to a different speaker',
} as const;
export type Condition = keyof typeof CONDITIONS;

export const USAGE = `Usage: article-diff [options] ORIGINAL REWRITE

Compares an original article with a rewrite: what was kept, paraphrased, dropped or added,
quote integrity, attribution and changed facts. ORIGINAL and REWRITE are files (plain text, or
.html/.htm pages whose article body is extracted) or - for standard input (one side only).

Output (default: text report):
  --json                   the full JSON result (same as POST /v1/compare)
  --html                   a self-contained HTML report
  --markdown               a Markdown report
  --text                   the compact text report
  --color / --no-color     ANSI colours in the text report (default: on when stdout is a terminal)

Articles:
  --original-outlet NAME   outlet of the original (used to look for credit), e.g. "The Atlantic"
  --rewrite-outlet NAME    outlet of the rewrite
  --original-url URL       URL of the original (its domain also counts as credit)

Gating:
  --fail-on COND           exit 1 when COND holds; repeat or comma-separate. COND is one of:
                             derived         ${CONDITIONS.derived}
                             uncredited      ${CONDITIONS.uncredited}
                             altered-quotes  ${CONDITIONS['altered-quotes']}
  -h, --help               this help

Exit codes: 0 compared and no --fail-on condition holds; 1 a --fail-on condition holds;
            2 usage or input error.
`;

/** Which of the requested conditions hold for a result. */
export function conditionsMet(result: CompareResult, wanted: Condition[]): Condition[] {
  const s = result.summary;
  const derived = s.verdict !== 'independent';
  const holds: Record<Condition, boolean> = {
    derived,
    uncredited: derived && !s.attribution.credited,
    'altered-quotes': s.quotes.altered + s.quotes.from_narration + s.quotes.speakerChanged > 0,
  };
  return wanted.filter((c) => holds[c]);
}

class UsageError extends Error {}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  isTTY: boolean;
}

/** Runs the CLI on `argv` (without `node` and the script); returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' }, html: { type: 'boolean' }, markdown: { type: 'boolean' }, text: { type: 'boolean' },
        color: { type: 'boolean' }, 'no-color': { type: 'boolean' },
        'original-outlet': { type: 'string' }, 'rewrite-outlet': { type: 'string' }, 'original-url': { type: 'string' },
        'fail-on': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    io.stderr(`article-diff: ${(err as Error).message}\n\n${USAGE}`);
    return EXIT.USAGE;
  }
  if (values.help) { io.stdout(USAGE); return EXIT.OK; }
  try {
    const formats = (['json', 'html', 'markdown', 'text'] as const).filter((f) => values[f]);
    if (formats.length > 1) throw new UsageError(`choose one output format, not ${formats.map((f) => `--${f}`).join(' and ')}`);
    if (positionals.length !== 2) throw new UsageError(`expected ORIGINAL and REWRITE, got ${positionals.length} argument(s)`);
    const [oPath, rPath] = positionals as [string, string];
    if (oPath === '-' && rPath === '-') throw new UsageError('only one of ORIGINAL and REWRITE can be - (standard input)');
    const failOn = (values['fail-on'] ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    for (const c of failOn) {
      if (!(c in CONDITIONS)) throw new UsageError(`unknown --fail-on condition "${c}" (use ${Object.keys(CONDITIONS).join(', ')})`);
    }
    const original = await loadArticle(oPath, io, { outlet: values['original-outlet'], url: values['original-url'] });
    const rewrite = await loadArticle(rPath, io, { outlet: values['rewrite-outlet'] });
    const result = compare(original.input, rewrite.input, DEFAULT_LIMITS, compareResources());
    if (original.extracted) result.original.text = original.input.text;
    if (rewrite.extracted) result.rewrite.text = rewrite.input.text;
    const opts = { originalOutlet: original.input.outlet, rewriteOutlet: rewrite.input.outlet };
    const format = formats[0] ?? 'text';
    const color = values['no-color'] ? false : values.color ?? io.isTTY;
    io.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n`
      : format === 'html' ? renderHtml(result, opts)
        : format === 'markdown' ? renderMarkdown(result, opts)
          : renderText(result, { ...opts, color }));
    const met = conditionsMet(result, failOn as Condition[]);
    if (met.length) {
      io.stderr(`article-diff: ${met.map((c) => `${c}: ${CONDITIONS[c]}`).join('; ')}\n`);
      return EXIT.CONDITION;
    }
    return EXIT.OK;
  } catch (err) {
    if (err instanceof UsageError || err instanceof ExtractError || (err as NodeJS.ErrnoException).code?.startsWith?.('E')) {
      io.stderr(`article-diff: ${(err as Error).message}\n`);
      return EXIT.USAGE;
    }
    throw err;
  }
}

async function loadArticle(path: string, io: Io, extra: { outlet?: string | undefined; url?: string | undefined }): Promise<{ input: ArticleInput; extracted: boolean }> {
  const raw = path === '-' ? await io.readStdin() : await readFile(path, 'utf8');
  const isHtml = /\.html?$/i.test(path) || /^\s*<(!doctype html|html[\s>])/i.test(raw);
  const meta = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
  if (isHtml) {
    const page = extractArticle(raw);
    return { input: { outlet: page.siteName, title: page.title, ...meta, text: page.text }, extracted: true };
  }
  if (!/\S/.test(raw)) throw new UsageError(`${path === '-' ? 'standard input' : path} is empty`);
  return { input: { ...meta, text: raw }, extracted: false };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// Run when executed directly (not when imported by the tests).
const invoked = process.argv[1] ? await import('node:fs').then((fs) => fs.realpathSync(process.argv[1]!)) : '';
if (invoked && import.meta.url === (await import('node:url')).pathToFileURL(invoked).href) {
  // `article-diff … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw err; });
  main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin,
    isTTY: Boolean(process.stdout.isTTY),
  }).then((code) => { process.exitCode = code; }, (err: unknown) => {
    process.stderr.write(`article-diff: internal error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 3;
  });
}
