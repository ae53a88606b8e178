import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { conditionsMet, EXIT, main } from '../../src/cli.js';
import { columns } from '../../src/render/wrap.js';
import { newsPage } from '../fixtures/html-page.js';
import { ROOT } from '../fixtures/repo.js';
import { sampleResult } from '../fixtures/result.js';
import { smallPair } from '../fixtures/small-pair.js';

const root = ROOT;
const dir = mkdtempSync(join(tmpdir(), 'article-diff-cli-'));
const file = (name: string, text: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const orig = file('original.txt', smallPair.original.text);
const rewr = file('rewrite.txt', smallPair.rewrite.text);
const credited = file('credited.txt', `${smallPair.rewrite.text} First reported by the Daily Planet.`);
// The original with one fact changed: a negation added to a copied sentence is not a rewording.
const changedFact = file('changed.txt', smallPair.original.text.replace('It will cost', 'It will not cost'));
const indep = file(
  'independent.txt',
  'A local bakery won a prize for its sourdough. The owner thanked her staff.\n\nThe shop opens at seven.',
);

async function run(
  args: string[],
  stdin: string | Buffer = '',
  term: { isTTY?: boolean; columns?: number; env?: Record<string, string> } = {},
) {
  let stdout = '',
    stderr = '';
  const code = await main(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readStdin: async () => Buffer.from(stdin),
    isTTY: term.isTTY ?? false,
    columns: term.columns,
    env: term.env ?? {},
  });
  return { code, stdout, stderr };
}

t.test('prints the text report by default, JSON, HTML or Markdown on request', async (t) => {
  const text = await run([orig, rewr]);
  t.equal(text.code, EXIT.OK);
  t.match(text.stdout, /^(WHOLLY|PARTIALLY) DERIVED \| coverage \d+% \| containment \d+%/);
  t.notMatch(text.stdout, /\x1b\[/, 'no colours when not a terminal');
  const json = await run(['--json', orig, rewr]);
  const out = JSON.parse(json.stdout);
  t.ok(out.summary.verdict && Array.isArray(out.original.claims));
  const html = await run(['--html', '--original-outlet', 'Daily Planet', orig, rewr]);
  t.match(html.stdout, /^<!doctype html>/);
  t.match(html.stdout, /Original — Daily Planet/);
  t.notMatch(html.stdout, /nonce=/, 'no CSP nonce outside HTTP');
  const md = await run(['--markdown', '--rewrite-outlet', 'Copy Wire', orig, rewr]);
  t.match(md.stdout, /^# Copy Wire vs original/);
  t.match((await run(['--color', orig, rewr])).stdout, /\x1b\[1m/, '--color forces colours');
});

t.test('--fail-on gates a pipeline: exit 1 when a condition holds, 0 when none does', async (t) => {
  const table: { args: string[]; code: number; stderr?: RegExp }[] = [
    { args: ['--fail-on', 'derived', orig, rewr], code: 1, stderr: /derived: the rewrite is derived/ },
    { args: ['--fail-on', 'derived', orig, indep], code: 0 },
    {
      args: ['--fail-on', 'uncredited', '--original-outlet', 'Daily Planet', orig, rewr],
      code: 1,
      stderr: /uncredited/,
    },
    { args: ['--fail-on', 'uncredited', '--original-outlet', 'Daily Planet', orig, credited], code: 0 },
    { args: ['--fail-on', 'uncredited', orig, indep], code: 0 },
    // Without the original's outlet the check cannot run: neither a pass (0) nor a failure (1).
    {
      args: ['--fail-on', 'uncredited', orig, rewr],
      code: 2,
      stderr: /cannot check uncredited: the original's outlet is unknown/,
    },
    { args: ['--fail-on', 'derived,uncredited', orig, credited], code: 2, stderr: /cannot check uncredited/ },
    {
      args: ['--fail-on', 'altered-quotes,uncredited', '--original-outlet', 'Daily Planet', orig, rewr],
      code: 1,
      stderr: /^article-diff: uncredited/,
    },
    { args: ['--fail-on', 'altered-quotes', '--fail-on', 'derived', orig, indep], code: 0 },
    { args: ['--fail-on', 'changed-facts', orig, orig], code: 0 },
    { args: ['--fail-on', 'changed-facts', orig, changedFact], code: 1, stderr: /changed-facts/ },
  ];
  for (const row of table) {
    const r = await run(row.args);
    t.equal(r.code, row.code, row.args.join(' '));
    if (row.stderr) t.match(r.stderr, row.stderr);
    t.ok(r.stdout.length > 0, 'the report is printed either way');
  }
});

t.test('conditions read the summary', async (t) => {
  const { result } = sampleResult();
  t.same(conditionsMet(result, ['derived', 'uncredited', 'altered-quotes']), [
    'derived',
    'uncredited',
    'altered-quotes',
  ]);
  const ok = sampleResult({ credited: true }).result;
  ok.summary.quotes.altered = 0;
  t.same(conditionsMet(ok, ['derived', 'uncredited', 'altered-quotes']), ['derived']);
  t.same(conditionsMet(result, ['changed-facts']), ['changed-facts']);
  ok.summary.changedFacts = 0;
  t.same(conditionsMet(ok, ['changed-facts']), []);
});

t.test('stdin and HTML pages', async (t) => {
  const piped = await run(['--json', orig, '-'], smallPair.rewrite.text);
  t.equal(piped.code, 0);
  t.equal(JSON.parse(piped.stdout).rewrite.text, undefined);
  const page = file('page.html', newsPage('Bridge plan unveiled', smallPair.original.text.split('\n\n')));
  const r = await run(['--json', page, rewr]);
  t.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  t.match(out.original.text, /^Bridge plan unveiled\n\nThe mayor announced/);
  for (const c of out.original.claims) t.equal(out.original.text.slice(c.start, c.end), c.text);
});

t.test('usage and input errors exit 2 with a message', async (t) => {
  const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3e, 0x00, 0x01, 0x00]);
  const latin1 = Buffer.from('The caf\xe9 opened on Monday, the mayor said.\n\nIt serves cr\xeapes.', 'latin1');
  const table: { args: string[]; stdin?: string | Buffer; stderr: RegExp }[] = [
    { args: [orig], stderr: /expected ORIGINAL and REWRITE, got 1/ },
    { args: ['-', '-'], stderr: /only one of ORIGINAL and REWRITE/ },
    { args: ['--json', '--html', orig, rewr], stderr: /choose one output format/ },
    { args: ['--fail-on', 'plagiarism', orig, rewr], stderr: /unknown --fail-on condition "plagiarism"/ },
    {
      args: ['--bogus', orig, rewr],
      stderr: /^article-diff: unknown option --bogus\nRun article-diff --help for the options\.\n$/,
    },
    { args: [orig, rewr, '--original-outlet'], stderr: /^article-diff: --original-outlet needs a value\n/ },
    { args: ['--width', 'wide', orig, rewr], stderr: /--width takes a number of columns, not "wide"/ },
    {
      args: [join(dir, 'missing.txt'), rewr],
      stderr: /^article-diff: cannot read ORIGINAL \S+missing\.txt: no such file\n$/,
    },
    {
      args: [orig, dir],
      stderr: new RegExp(
        `^article-diff: cannot read REWRITE` +
          ` ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: is a directory, not a file\n$`,
      ),
    },
    { args: [orig, '-'], stdin: '  \n ', stderr: /REWRITE \(standard input\) is empty/ },
    {
      args: [orig, file('empty.html', '<html><body><script>x</script></body></html>')],
      stderr: /^article-diff: REWRITE \S+empty\.html: No article text/,
    },
    {
      args: [orig, file('program.bin', binary)],
      stderr: /program\.bin: \d+ of its \d+ characters are NUL or control characters.*binary content/,
    },
    {
      args: [file('cafe.txt', latin1), rewr],
      stderr: /cafe\.txt: byte 0xE9 is not UTF-8; .*Latin-1\/Windows-1252.*iconv.* \(at byte 7\)/,
    },
    {
      args: [orig, '-'],
      stdin: binary,
      stderr: /REWRITE \(standard input\): \d+ of its \d+ characters are NUL or control/,
    },
  ];
  for (const row of table) {
    const r = await run(row.args, row.stdin);
    t.equal(r.code, EXIT.USAGE, row.args.join(' '));
    t.match(r.stderr, row.stderr);
    t.equal(r.stdout, '');
  }
  const help = await run(['--help']);
  t.equal(help.code, 0);
  t.match(help.stdout, /Exit codes: 0 .*; 1 .*\n.*2 usage or input error/);
  t.notMatch((await run(['--bogus'])).stderr, /Usage:/, 'an unknown option does not dump the whole help');
});

t.test('--version prints package.json’s version', async (t) => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-V']) {
    const r = await run([flag]);
    t.equal(r.code, EXIT.OK);
    t.equal(r.stdout, `article-diff ${pkg.version}\n`);
  }
});

t.test('the text report fits the terminal: --width, else its columns, else COLUMNS, else 100', async (t) => {
  const longest = (s: string) => Math.max(...s.split('\n').map(columns));
  const more = 'The council also said that the bridge would carry trams, bicycles and walkers across the river. ';
  const long = file('long.txt', `${smallPair.rewrite.text} ${more.repeat(6)}`);
  const table: { args: string[]; term?: Parameters<typeof run>[2]; max: number }[] = [
    { args: ['--width', '50', orig, long], max: 50 },
    { args: [orig, long], term: { isTTY: true, columns: 60, env: { COLUMNS: '140' } }, max: 60 },
    { args: [orig, long], term: { env: { COLUMNS: '70' } }, max: 70 },
    { args: [orig, long], max: 100 },
    { args: ['--markdown', orig, long], term: { env: { COLUMNS: '64' } }, max: 64 },
  ];
  for (const row of table) {
    const r = await run(row.args, '', row.term);
    t.equal(r.code, EXIT.OK, r.stderr);
    t.ok(
      longest(r.stdout) <= row.max && longest(r.stdout) > row.max - 15,
      `${row.args.join(' ')} ${JSON.stringify(row.term ?? {})}: longest line ${longest(r.stdout)}`,
    );
  }
});

t.test('NO_COLOR turns colours off on a terminal; --color still forces them', async (t) => {
  t.match((await run([orig, rewr], '', { isTTY: true })).stdout, /\x1b\[/, 'colours on a terminal');
  t.notMatch((await run([orig, rewr], '', { isTTY: true, env: { NO_COLOR: '1' } })).stdout, /\x1b\[/, 'NO_COLOR');
  t.match(
    (await run(['--color', orig, rewr], '', { isTTY: true, env: { NO_COLOR: '1' } })).stdout,
    /\x1b\[/,
    '--color wins',
  );
});

t.test('without the original’s outlet the report says "credit not checked", with it the credit is found', async (t) => {
  const none = await run([orig, credited]);
  t.match(none.stdout, /credit not checked/);
  t.notMatch(none.stdout, /UNCREDITED/);
  const named = await run(['--original-outlet', 'Daily Planet', orig, credited]);
  t.match(named.stdout.split('\n')[0], /credits Daily Planet/);
  const page = file(
    'planet.html',
    newsPage('Bridge plan unveiled', smallPair.original.text.split('\n\n'))
      .replace(
        '<head>',
        '<head><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Daily Planet"}}</script>',
      )
      .replace(/<meta property="og:site_name"[^>]*>/, ''),
  );
  const fromPage = await run(['--fail-on', 'uncredited', page, credited]);
  t.equal(fromPage.code, EXIT.OK, `the outlet found in the page's JSON-LD: ${fromPage.stderr}`);
  t.match(fromPage.stdout.split('\n')[0], /credits Daily Planet/);
});

t.test('works as `npx article-diff` (the package’s own bin) with exit codes', async (t) => {
  // No time limit of the test's own: npx's first run in a fresh checkout resolves the package's dependency tree,
  // which takes a minute on a loaded machine. A hang still ends at tap's per-file timeout.
  const env = { ...process.env, npm_config_yes: 'false', npm_config_update_notifier: 'false' };
  const r = spawnSync('npx', ['--no', '--', 'article-diff', '--fail-on', 'derived', orig, '-'], {
    cwd: root,
    input: smallPair.rewrite.text,
    encoding: 'utf8',
    env,
  });
  t.equal(r.status, 1, r.stderr);
  t.match(r.stdout, /DERIVED \| coverage/);
  const ok = spawnSync('npx', ['--no', '--', 'article-diff', orig, indep], {
    cwd: root,
    encoding: 'utf8',
    env,
  });
  t.equal(ok.status, 0, ok.stderr);
  t.match(ok.stdout, /^INDEPENDENT/);
});
