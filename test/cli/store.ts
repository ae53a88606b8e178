import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { main } from '../../src/cli.js';
import { storeMain } from '../../src/cli-store.js';
import { SEED_ARTICLES } from '../fixtures/store-app.js';

t.setTimeout(600_000);
const dir = mkdtempSync(join(tmpdir(), 'article-diff-cli-store-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const seed = (k: keyof typeof SEED_ARTICLES) => file(`${k}.txt`, SEED_ARTICLES[k].text);

async function run(args: string[], dataDir: string) {
  let stdout = '',
    stderr = '';
  const code = await storeMain(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env: { DATA_DIR: dataDir },
  });
  return { code, stdout, stderr };
}

t.test('store add, then check: the source found, and --fail-on gates on it', async (t) => {
  const data = join(dir, 'data-1');
  const added = await run(['store', 'add', '--outlet', 'The Atlantic', '--published', '2025-05-22', seed('001')], data);
  t.equal(added.code, 0);
  t.match(added.stdout, /^created [0-9a-f]{24} .*001\.txt\n$/);
  const others = await run(['store', 'add', '--published', '2025-08', seed('002'), seed('004'), seed('001')], data);
  t.match(others.stdout, /^created .*002\.txt\ncreated .*004\.txt\nexists {2}.*001\.txt\n$/);

  const check = await run(['check', '--outlet', 'Caliber.Az', '--published', '2025-05-23', seed('000')], data);
  t.equal(check.code, 0);
  t.match(check.stdout, /^1 source\(s\) found among 3 stored article\(s\)/);
  t.match(check.stdout, /1\. .*\(The Atlantic, 2025-05-22\)/);
  t.match(check.stdout, /credits source/);
  const gated = await run(['check', '--fail-on', 'derived', seed('000')], data);
  t.equal(gated.code, 1);
  t.match(gated.stderr, /derived: a stored article is a source/);
  t.equal((await run(['check', '--fail-on', 'uncredited', seed('000')], data)).code, 0, '000 credits The Atlantic');
  t.equal((await run(['check', '--fail-on', 'derived', seed('003')], data)).code, 1, '003 derives from 002');
  const json = JSON.parse((await run(['check', '--json', seed('004')], data)).stdout);
  t.same(json.sources, []);
  t.equal(json.stored, 3);
});

t.test('the store persists between runs and is shared with main()', async (t) => {
  const data = join(dir, 'data-2');
  await run(['store', 'add', seed('002')], data);
  const again = await run(['check', '--markdown', seed('003')], data);
  t.match(again.stdout, /^# Sources/);
  t.match(again.stdout, /\| 1 \| /);
  let help = '';
  const io = {
    stdout: (s: string) => {
      help += s;
    },
    stderr: () => {},
    readStdin: async () => Buffer.alloc(0),
    isTTY: false,
  };
  const code = await main(['check', '--help'], io);
  t.equal(code, 0);
  t.match(help, /article-diff check \[options\] FILE/);
});

t.test('usage and input errors exit 2', async (t) => {
  const data = join(dir, 'data-3');
  t.equal((await run(['store', 'remove', 'x'], data)).code, 2);
  t.equal((await run(['store', 'add'], data)).code, 2);
  t.equal((await run(['check'], data)).code, 2);
  t.equal((await run(['check', '--fail-on', 'nope', seed('000')], data)).code, 2);
  t.equal((await run(['check', join(dir, 'missing.txt')], data)).code, 2);
  t.equal((await run(['store', 'add', file('empty.txt', '  \n')], data)).code, 2);
});
