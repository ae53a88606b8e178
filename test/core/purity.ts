import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import t from 'tap';
import { repoPath } from '../fixtures/repo.js';

/**
 * The core is pure: resources come in through `createComparer`, so no file of it reads files, talks to the server
 * or threads, logs, or keeps state in a module-level variable (every cache and scratch buffer belongs to an object).
 */
const core = repoPath('src', 'core');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

const IMPURE = new RegExp(
  '^(node:|fs$|path$|fastify|@fastify/|pino|piscina|worker_threads)' +
    String.raw`|/(http|worker|render|extract)/|lexicon/vectors\.js$`,
);

t.test('no file of the core imports I/O, the server, workers or a logger', async (t) => {
  const all = files(core);
  t.ok(all.length > 30, `${all.length} files read`);
  for (const file of all) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
      if (IMPURE.test(m[1]!)) t.fail(`${relative(core, file)} imports ${m[1]}`);
    }
    for (const m of source.matchAll(/^let\s+(\w+)/gm)) t.fail(`${relative(core, file)}: module-level let ${m[1]}`);
  }
});

t.test("at most 8 files directly in src/core: the rest are the pipeline stages' folders", async (t) => {
  const top = readdirSync(core, { withFileTypes: true }).filter((e) => e.isFile());
  t.ok(top.length <= 8, top.map((e) => e.name).join(', '));
});
