#!/usr/bin/env node
/**
 * `article-diff ORIGINAL REWRITE`: the compare core without a server, for publishing pipelines.
 * Prints the text report (default), `--json`, `--html` or `--markdown`; `--fail-on` turns findings into a
 * non-zero exit status so a pipeline can gate on them.
 *
 * Exit codes: 0 = compared, no `--fail-on` condition holds; 1 = a `--fail-on` condition holds;
 * 2 = usage or input error (bad option, unreadable file, empty article, no article in an HTML page).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { storeMain } from './cli-store.js';
import type { ArticleInput, CompareResult } from './core/types.js';
import { defaultComparer } from './default-comparer.js';
import { ExtractError } from './extract/article.js';
import { decodeText, TextBytesError } from './input/text-bytes.js';
import { createLogger, pino } from './logger.js';
import { renderResult } from './render/format.js';
import { clampWidth } from './render/wrap.js';
import { FORMATS } from './schemas/format.js';
import { packageVersion } from './version.js';

export const EXIT = { OK: 0, CONDITION: 1, USAGE: 2 } as const;

export const CONDITIONS = {
  derived: 'the rewrite is derived from the original (verdict wholly_derived or partially_derived)',
  uncredited: 'the rewrite is derived from the original and does not credit it',
  'altered-quotes': 'a quotation was altered, made from narration, or given to a different speaker',
  'changed-facts':
    'an aligned claim says something else (a name, role, number, date, negation, hedge or modal changed)',
} as const;
export type Condition = keyof typeof CONDITIONS;

export const USAGE = `Usage: article-diff [options] ORIGINAL REWRITE
       article-diff store add FILE...  |  article-diff check FILE   (the article store: --help after the command)

Compares an original article with a rewrite: what was kept, paraphrased, dropped or added,
quote integrity, attribution and changed facts. ORIGINAL and REWRITE are files (plain text, or
.html/.htm pages whose article body is extracted) or - for standard input (one side only).

Output (default: text report):
  --json                   the full JSON result (same as POST /v1/compare)
  --html                   a self-contained HTML report
  --markdown               a Markdown report
  --text                   the compact text report
  --color / --no-color     ANSI colours in the text report (default: on when stdout is a terminal
                           and NO_COLOR is not set)
  --width N                columns of the text and Markdown reports (default: the terminal's
                           width, else COLUMNS, else 100)

Articles:
  --original-outlet NAME   outlet of the original (used to look for credit), e.g. "The Atlantic"
  --rewrite-outlet NAME    outlet of the rewrite
  --original-url URL       URL of the original (its domain also counts as credit)

Gating:
  --fail-on COND           exit 1 when COND holds; repeat or comma-separate. COND is one of:
                             derived         ${CONDITIONS.derived}
                             uncredited      ${CONDITIONS.uncredited}
                             altered-quotes  ${CONDITIONS['altered-quotes']}
                             changed-facts   ${CONDITIONS['changed-facts']}
  -h, --help               this help
  -V, --version            the version

Exit codes: 0 compared and no --fail-on condition holds; 1 a --fail-on condition holds;
            2 usage or input error.
`;

/** Which of the requested conditions hold for a result. */
export function conditionsMet(result: CompareResult, wanted: Condition[]): Condition[] {
  const s = result.summary;
  const derived = s.verdict !== 'independent';
  const holds: Record<Condition, boolean> = {
    derived,
    uncredited: derived && s.attribution.credited === false,
    'altered-quotes': s.quotes.altered + s.quotes.from_narration + s.quotes.speakerChanged > 0,
    'changed-facts': s.changedFacts > 0,
  };
  return wanted.filter((c) => holds[c]);
}

class UsageError extends Error {}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Buffer>;
  isTTY: boolean;
  /** The terminal's width when stdout is one. */
  columns?: number | undefined;
  /** The environment (`NO_COLOR`, `COLUMNS`). */
  env?: Record<string, string | undefined>;
}

/** Node's parseArgs messages, said plainly (its own quote the option oddly and suggest `--`). */
function parseError(err: Error & { code?: string }): string {
  const option = /'(-[^'\s]*)/.exec(err.message)?.[1];
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `${option} needs a value`;
  return err.message;
}

/** Runs the CLI on `argv` (without `node` and the script); returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  if (argv[0] === 'store' || argv[0] === 'check') return storeMain(argv, io);
  const parse = () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        html: { type: 'boolean' },
        markdown: { type: 'boolean' },
        text: { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'original-outlet': { type: 'string' },
        'rewrite-outlet': { type: 'string' },
        'original-url': { type: 'string' },
        'fail-on': { type: 'string', multiple: true },
        width: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (err) {
    io.stderr(`article-diff: ${parseError(err as Error)}\nRun article-diff --help for the options.\n`);
    return EXIT.USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.OK;
  }
  if (values.version) {
    io.stdout(`article-diff ${packageVersion()}\n`);
    return EXIT.OK;
  }
  try {
    const formats = FORMATS.filter((f) => values[f]);
    if (formats.length > 1)
      throw new UsageError(`choose one output format, not ${formats.map((f) => `--${f}`).join(' and ')}`);
    if (positionals.length !== 2)
      throw new UsageError(`expected ORIGINAL and REWRITE, got ${positionals.length} argument(s)`);
    const [oPath, rPath] = positionals as [string, string];
    if (oPath === '-' && rPath === '-')
      throw new UsageError('only one of ORIGINAL and REWRITE can be - (standard input)');
    const failOn = (values['fail-on'] ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    for (const c of failOn) {
      if (!(c in CONDITIONS))
        throw new UsageError(`unknown --fail-on condition "${c}" (use ${Object.keys(CONDITIONS).join(', ')})`);
    }
    if (values.width !== undefined && !/^\d{1,4}$/.test(values.width))
      throw new UsageError(`--width takes a number of columns, not "${values.width}"`);
    const env = io.env ?? {};
    const columns = values.width ?? (io.isTTY && io.columns ? String(io.columns) : env.COLUMNS);
    const width = clampWidth(columns && /^\d+$/.test(columns) ? Number(columns) : undefined);
    const original = await loadArticle('ORIGINAL', oPath, io, {
      outlet: values['original-outlet'],
      url: values['original-url'],
    });
    const rewrite = await loadArticle('REWRITE', rPath, io, { outlet: values['rewrite-outlet'] });
    const result = defaultComparer().compare(original.input, rewrite.input);
    if (original.extracted) result.original.text = original.input.text;
    if (rewrite.extracted) result.rewrite.text = rewrite.input.text;
    const opts = { originalOutlet: original.input.outlet, rewriteOutlet: rewrite.input.outlet, width };
    const format = formats[0] ?? 'text';
    // NO_COLOR (no-color.org): any non-empty value turns colours off unless --color asks for them.
    const color = values['no-color'] ? false : (values.color ?? (io.isTTY && !env.NO_COLOR));
    // The renderers the routes use; JSON is indented for a terminal.
    io.stdout(
      format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderResult(result, format, { ...opts, color }),
    );
    const met = conditionsMet(result, failOn as Condition[]);
    if (
      failOn.includes('uncredited') &&
      result.summary.verdict !== 'independent' &&
      result.summary.attribution.credited === null
    ) {
      // Neither a pass nor a failure: the check could not run. A pipeline must not read it as either.
      io.stderr(
        "article-diff: cannot check uncredited: the original's outlet is unknown" +
          ' (give --original-outlet or --original-url)\n',
      );
      return EXIT.USAGE;
    }
    if (met.length) {
      io.stderr(`article-diff: ${met.map((c) => `${c}: ${CONDITIONS[c]}`).join('; ')}\n`);
      return EXIT.CONDITION;
    }
    return EXIT.OK;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`article-diff: ${(err as Error).message}\n`);
      return EXIT.USAGE;
    }
    throw err;
  }
}

/** What a failed read says about the file, in words (the path is named by the caller). */
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
};

async function loadArticle(
  side: 'ORIGINAL' | 'REWRITE',
  path: string,
  io: Io,
  extra: { outlet?: string | undefined; url?: string | undefined },
): Promise<{ input: ArticleInput; extracted: boolean }> {
  const name = path === '-' ? `${side} (standard input)` : `${side} ${path}`;
  let bytes: Buffer;
  try {
    bytes = path === '-' ? await io.readStdin() : await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`cannot read ${name}: ${READ_ERRORS[code] ?? (err as Error).message}`);
  }
  const raw = textOf(name, bytes);
  const isHtml = /\.html?$/i.test(path) || /^\s*<(!doctype html|html[\s>])/i.test(raw);
  const meta = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
  if (isHtml) {
    const { extractArticle } = await import('./extract/html.js');
    try {
      const page = extractArticle(raw);
      return { input: { outlet: page.siteName, title: page.title, ...meta, text: page.text }, extracted: true };
    } catch (err) {
      if (err instanceof ExtractError) throw new UsageError(`${name}: ${err.message}`);
      throw err;
    }
  }
  if (!/\S/.test(raw)) throw new UsageError(`${name} is empty`);
  return { input: { ...meta, text: raw }, extracted: false };
}

/** A file's text under the rule of `src/input/text-bytes.ts`: UTF-8 text, else a usage error naming the file. */
function textOf(name: string, bytes: Buffer): string {
  try {
    return decodeText(bytes);
  } catch (err) {
    if (!(err instanceof TextBytesError)) throw err;
    const where = err.byteOffset === undefined ? '' : ` (at byte ${err.byteOffset})`;
    throw new UsageError(`${name}: ${err.message}${where}`);
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// Run when executed directly (not when imported by the tests).
const invoked = process.argv[1] ? await import('node:fs').then((fs) => fs.realpathSync(process.argv[1]!)) : '';
if (invoked && import.meta.url === (await import('node:url')).pathToFileURL(invoked).href) {
  // `article-diff … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    else throw err;
  });
  main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin,
    isTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns,
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // A bug, not a user's mistake: logged (JSON, to stderr) with the logger the server uses, for the bug report.
      createLogger({ name: 'article-diff' }, pino.destination(2)).fatal({ err }, 'internal error');
      process.exitCode = 3;
    },
  );
}
