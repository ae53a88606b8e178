/**
 * The README's examples, produced by running them: each example is a command a reader can paste (curl against a
 * running service, or the CLI) and the answer the service gives to that very request, obtained in-process (the
 * app through `inject`, the CLI through `main`). In the README an example sits between marker comments,
 *
 *   <!-- example:NAME -->  …a fenced command block, then a fenced answer block…  <!-- /example:NAME -->
 *
 * so the README can be reorganised freely: `node dist/scripts/readme-examples.js` rewrites every marked block in
 * place, wherever it is, and test/readme-examples.test.ts fails when a block no longer matches the service.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { main } from '../src/cli.js';
import { buildApp } from '../src/http/app.js';
import { packageRoot } from '../src/version.js';

const ORIGINAL = 'seeds/001_d2036ec9883e01fd.txt';
const REWRITE = 'seeds/000_c90c4d7f5878e1c4.txt';
const INDEPENDENT = 'seeds/004_abc8f516191ce043.txt';

/** What an example needs to run: the repository (for the seed files) and an app to send requests to. */
export interface ExampleContext {
  root: URL;
  app: FastifyInstance;
}

export interface Example {
  name: string;
  /** The command as the README shows it (run from the repository root, the service on localhost:3000). */
  command: string;
  /** Fence language of the answer block. */
  lang: 'json' | 'text' | 'markdown';
  /** The answer, produced by making the same request. */
  run: (ctx: ExampleContext) => Promise<string>;
}

const read = (ctx: ExampleContext, path: string) => readFileSync(new URL(path, ctx.root), 'utf8');

/** A multipart form as curl -F sends it (the same parser, the same fields). */
async function form(fields: Record<string, string>): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  const encoded = new Response(data);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type')! },
  };
}

async function post(
  ctx: ExampleContext,
  url: string,
  body: { payload: Buffer | string; headers: Record<string, string> },
): Promise<string> {
  const res = await ctx.app.inject({ method: 'POST', url, payload: body.payload, headers: body.headers });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.body;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const head = (text: string, n: number) => text.split('\n').slice(0, n).join('\n');

/** The seed pair as the JSON example sends it. */
const seedPair = (ctx: ExampleContext) =>
  JSON.stringify({
    original: { text: read(ctx, ORIGINAL), outlet: 'The Atlantic' },
    rewrite: { text: read(ctx, REWRITE), outlet: 'Caliber.Az' },
  });
const jsonPost = (ctx: ExampleContext) =>
  post(ctx, '/v1/compare', { payload: seedPair(ctx), headers: { 'content-type': 'application/json' } });

/** Runs the CLI in-process as a pipe would (no terminal, no COLUMNS): its output and exit status. */
async function cli(ctx: ExampleContext, args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = '',
    stderr = '';
  const cwd = process.cwd();
  process.chdir(fileURLToPath(ctx.root));
  try {
    const code = await main(args, {
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
      readStdin: async () => Buffer.alloc(0),
      isTTY: false,
      env: {},
    });
    return { stdout, stderr, code };
  } finally {
    process.chdir(cwd);
  }
}

const JQ_PAIR = `jq -n --rawfile o ${ORIGINAL} --rawfile r ${REWRITE} \\
  '{original: {text: $o, outlet: "The Atlantic"}, rewrite: {text: $r, outlet: "Caliber.Az"}}' |
  curl -s localhost:3000/v1/compare -H 'content-type: application/json' -d @- |`;

export const EXAMPLES: Example[] = [
  {
    name: 'compare-summary',
    command:
      `${JQ_PAIR}\n` +
      "  jq '.summary | {verdict, coverage, containment, credited: .attribution.credited, changedFacts}'",
    lang: 'json',
    run: async (ctx) => {
      const s = JSON.parse(await jsonPost(ctx)).summary;
      return json({
        verdict: s.verdict,
        coverage: s.coverage,
        containment: s.containment,
        credited: s.attribution.credited,
        changedFacts: s.changedFacts,
      });
    },
  },
  {
    name: 'compare-text',
    command: `curl -s 'localhost:3000/v1/compare?width=100' -H 'Accept: text/plain' \\
  -F original=@${ORIGINAL} -F rewrite=@${REWRITE} | head -n 7`,
    lang: 'text',
    run: async (ctx) => {
      const f = await form({ original: read(ctx, ORIGINAL), rewrite: read(ctx, REWRITE) });
      return head(
        await post(ctx, '/v1/compare?width=100', {
          payload: f.payload,
          headers: { ...f.headers, accept: 'text/plain' },
        }),
        7,
      );
    },
  },
  {
    name: 'batch',
    command: `curl -s localhost:3000/v1/compare/batch \\
  -F original=@${ORIGINAL} -F original_outlet='The Atlantic' \\
  -F rewrite_1=@${REWRITE} -F rewrite_1_outlet='Caliber.Az' \\
  -F rewrite_2=@${INDEPENDENT} -F rewrite_2_outlet='Independent' |
  jq -c '.matrix.outlets[] | {outlet, verdict, coverage, credited}'`,
    lang: 'json',
    run: async (ctx) => {
      const outlets = JSON.parse(
        await post(
          ctx,
          '/v1/compare/batch',
          await form({
            original: read(ctx, ORIGINAL),
            original_outlet: 'The Atlantic',
            rewrite_1: read(ctx, REWRITE),
            rewrite_1_outlet: 'Caliber.Az',
            rewrite_2: read(ctx, INDEPENDENT),
            rewrite_2_outlet: 'Independent',
          }),
        ),
      ).matrix.outlets as { outlet: string; verdict: string; coverage: number; credited: boolean | null }[];
      return outlets
        .map((o) =>
          JSON.stringify({ outlet: o.outlet, verdict: o.verdict, coverage: o.coverage, credited: o.credited }),
        )
        .join('\n');
    },
  },
  {
    name: 'cli-fail-on',
    command: `npx article-diff --fail-on uncredited,altered-quotes --original-outlet 'The Atlantic' --json \\
  ${ORIGINAL} ${REWRITE} > result.json; echo "exit $?"
npx article-diff --fail-on uncredited --json \\
  ${ORIGINAL} ${REWRITE} > result.json; echo "exit $?"`,
    lang: 'text',
    run: async (ctx) => {
      const a = await cli(ctx, [
        '--fail-on',
        'uncredited,altered-quotes',
        '--original-outlet',
        'The Atlantic',
        '--json',
        ORIGINAL,
        REWRITE,
      ]);
      const b = await cli(ctx, ['--fail-on', 'uncredited', '--json', ORIGINAL, REWRITE]);
      return `${a.stderr}exit ${a.code}\n${b.stderr}exit ${b.code}`;
    },
  },
];

const fence = (lang: string, body: string) => {
  const ticks = /```/.test(body) ? '````' : '```';
  return `${ticks}${lang}\n${body.replace(/\n+$/, '')}\n${ticks}`;
};

/** The README text of one example: its command block, then its answer block. */
export async function renderExample(example: Example, ctx: ExampleContext): Promise<string> {
  return `${fence('sh', example.command)}\n\n${fence(example.lang, await example.run(ctx))}`;
}

const block = (name: string) =>
  new RegExp(`(<!-- example:${name} -->)\\n?([\\s\\S]*?)\\n?(<!-- /example:${name} -->)`, 'g');

/** The marked blocks of a README, by example name (each as written, between its markers). */
export function readmeBlocks(readme: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of readme.matchAll(/<!-- example:([\w-]+) -->\n?([\s\S]*?)\n?<!-- \/example:\1 -->/g)) {
    out.set(m[1]!, [...(out.get(m[1]!) ?? []), m[2]!]);
  }
  return out;
}

/** The README with every marked block replaced by its fresh text (`fresh`: example name → block text). */
export function updateReadme(readme: string, fresh: Map<string, string>): string {
  let out = readme;
  for (const [name, text] of fresh)
    out = out.replace(block(name), (_, open: string, _old: string, close: string) => `${open}\n${text}\n${close}`);
  return out;
}

/** Runs every example against an in-process app. */
export async function runExamples(root: URL = packageRoot()): Promise<Map<string, string>> {
  const app = await buildApp({ logger: false, config: { maxEventLoopDelayMs: 0, compareTimeoutMs: 120_000 } });
  try {
    await app.ready();
    const fresh = new Map<string, string>();
    for (const ex of EXAMPLES) fresh.set(ex.name, await renderExample(ex, { root, app }));
    return fresh;
  } finally {
    await app.close();
  }
}

// `node dist/scripts/readme-examples.js`: rewrite README.md's marked examples in place.
if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  const root = packageRoot();
  const path = new URL('README.md', root);
  const readme = readFileSync(path, 'utf8');
  const fresh = await runExamples(root);
  const missing = EXAMPLES.filter((e) => !readmeBlocks(readme).has(e.name)).map((e) => e.name);
  writeFileSync(path, updateReadme(readme, fresh));
  const hint = missing.length
    ? `; no markers for ${missing.join(', ')} (add <!-- example:NAME --> … <!-- /example:NAME -->)`
    : '';
  process.stdout.write(`README.md: ${fresh.size - missing.length} example(s) regenerated${hint}\n`);
}
