/**
 * `article-diff store add FILE…` and `article-diff check FILE`: the article store from the command line, on the
 * same store as the server (`DATA_DIR`, or `DATABASE_URL` + `DATABASE_SCHEMA`). Checks compare in this process.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type CheckAnswer, findSources } from './check/find-sources.js';
import { loadConfig } from './config.js';
import type { ArticleInput } from './core/types.js';
import { defaultComparer } from './default-comparer.js';
import { ExtractError } from './extract/article.js';
import { defaultLexicon } from './lexicon/vectors.js';
import { renderSourcesHtml, renderSourcesMarkdown, renderSourcesText } from './render/sources.js';
import { prepareArticle } from './retrieve/prepare.js';
import { type Rarity, rarityFromRanks, rarityWithoutLexicon } from './retrieve/signature.js';
import { openStore } from './store/open.js';

const EXIT = { OK: 0, CONDITION: 1, USAGE: 2 } as const;

export const STORE_CONDITIONS = {
  derived: 'a stored article is a source (verdict wholly_derived or partially_derived)',
  uncredited: 'a stored article is a source and the checked article does not credit it',
} as const;
type StoreCondition = keyof typeof STORE_CONDITIONS;

export const STORE_USAGE = `Usage: article-diff store add [options] FILE...
       article-diff check [options] FILE

store add   stores articles (plain text, or .html/.htm pages whose article is extracted); the same text twice
            is stored once. Prints "created|exists ID FILE" per file.
  --outlet NAME        outlet of the articles        --published DATE   publication date (YYYY-MM-DD, ISO 8601)
  --title TITLE        title (one file only)         --url URL          URL (one file only)

check       finds the sources of FILE among the stored articles, most likely first.
  --outlet NAME  --published DATE   the checked article (only earlier articles can be its sources)
  --limit N                         most sources (default 5)
  --near-misses                     also list compared articles judged independent
  --json | --markdown | --html | --text   output (default: text)
  --fail-on COND                    exit 1 when COND holds (repeat or comma-separate):
                                      derived     ${STORE_CONDITIONS.derived}
                                      uncredited  ${STORE_CONDITIONS.uncredited}

The store is DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL is set (schema DATABASE_SCHEMA).
Exit codes: 0 done, no --fail-on condition holds; 1 a --fail-on condition holds; 2 usage or input error.
`;

export interface StoreIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env?: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

/** Which requested conditions hold for a check. */
export function storeConditionsMet(answer: CheckAnswer, wanted: StoreCondition[]): StoreCondition[] {
  const derived = answer.sources.filter((s) => s.verdict !== 'independent');
  const holds: Record<StoreCondition, boolean> = {
    derived: derived.length > 0,
    uncredited: derived.some((s) => !s.credited),
  };
  return wanted.filter((c) => holds[c]);
}

function rarity(): Rarity {
  const lexicon = defaultLexicon();
  return lexicon ? rarityFromRanks(lexicon.rank, lexicon.size) : rarityWithoutLexicon;
}

async function readArticle(path: string, meta: Partial<ArticleInput>): Promise<ArticleInput> {
  const raw = await readFile(path, 'utf8');
  const given = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined));
  if (/\.html?$/i.test(path) || /^\s*<(!doctype html|html[\s>])/i.test(raw)) {
    const { extractArticle } = await import('./extract/html.js');
    const page = extractArticle(raw);
    return { outlet: page.siteName, title: page.title, ...given, text: page.text };
  }
  if (!/\S/.test(raw)) throw new UsageError(`${path} is empty`);
  if (raw.includes('\u0000')) throw new UsageError(`${path} contains U+0000, which the article store cannot hold`);
  return { ...given, text: raw };
}

/** Runs `store …` or `check …` (argv starts with the command); returns the exit code. */
export async function storeMain(argv: string[], io: StoreIo): Promise<number> {
  const [command, ...rest] = argv;
  const parse = () =>
    parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        outlet: { type: 'string' },
        published: { type: 'string' },
        title: { type: 'string' },
        url: { type: 'string' },
        limit: { type: 'string' },
        'near-misses': { type: 'boolean' },
        'fail-on': { type: 'string', multiple: true },
        json: { type: 'boolean' },
        markdown: { type: 'boolean' },
        html: { type: 'boolean' },
        text: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (err) {
    io.stderr(`article-diff: ${(err as Error).message}\n\n${STORE_USAGE}`);
    return EXIT.USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(STORE_USAGE);
    return EXIT.OK;
  }
  const meta = { outlet: values.outlet, published: values.published, title: values.title, url: values.url };
  let store: Awaited<ReturnType<typeof openStore>> | undefined;
  try {
    if (command === 'store') {
      if (positionals[0] !== 'add') {
        throw new UsageError(`unknown store command "${positionals[0] ?? ''}" (use: store add FILE...)`);
      }
      const files = positionals.slice(1);
      if (files.length === 0) throw new UsageError('store add needs at least one FILE');
      if (files.length > 1 && (meta.title || meta.url)) {
        throw new UsageError('--title and --url name one article: give one FILE');
      }
      const inputs = await Promise.all(files.map((f) => readArticle(f, meta)));
      store = await openStore(loadConfig(io.env ?? process.env));
      const r = rarity();
      const outcomes = await store.add(inputs.map((i) => prepareArticle(i, r)));
      for (const [i, o] of outcomes.entries()) io.stdout(`${o.created ? 'created' : 'exists '} ${o.id} ${files[i]}\n`);
      return EXIT.OK;
    }
    // check
    if (positionals.length !== 1) throw new UsageError(`check needs exactly one FILE, got ${positionals.length}`);
    const failOn = (values['fail-on'] ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    for (const c of failOn) {
      if (!(c in STORE_CONDITIONS)) {
        throw new UsageError(`unknown --fail-on condition "${c}" (use derived, uncredited)`);
      }
    }
    const formats = (['json', 'html', 'markdown', 'text'] as const).filter((f) => values[f]);
    if (formats.length > 1) {
      throw new UsageError(`choose one output format, not ${formats.map((f) => `--${f}`).join(' and ')}`);
    }
    const limit = values.limit === undefined ? 5 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 20) {
      throw new UsageError('--limit must be an integer from 1 to 20');
    }
    const input = await readArticle(positionals[0]!, meta);
    store = await openStore(loadConfig(io.env ?? process.env));
    const format = formats[0] ?? 'text';
    const answer = await findSources(
      {
        store,
        rarity: rarity(),
        compare: async (o, r) => defaultComparer().compare(o, r),
        derive: async (o, r) => defaultComparer().derive(o, r),
      },
      input,
      { limit, nearMisses: values['near-misses'], full: format === 'html' },
    );
    io.stdout(
      format === 'json'
        ? `${JSON.stringify(answer, null, 2)}\n`
        : format === 'html'
          ? renderSourcesHtml(answer, { outlet: input.outlet })
          : format === 'markdown'
            ? renderSourcesMarkdown(answer)
            : renderSourcesText(answer),
    );
    const met = storeConditionsMet(answer, failOn as StoreCondition[]);
    if (met.length) {
      io.stderr(`article-diff: ${met.map((c) => `${c}: ${STORE_CONDITIONS[c]}`).join('; ')}\n`);
      return EXIT.CONDITION;
    }
    return EXIT.OK;
  } catch (err) {
    const fileError = (err as NodeJS.ErrnoException).code?.startsWith?.('E');
    if (err instanceof UsageError || err instanceof ExtractError || fileError) {
      io.stderr(`article-diff: ${(err as Error).message}\n`);
      return EXIT.USAGE;
    }
    throw err;
  } finally {
    await store?.close();
  }
}
