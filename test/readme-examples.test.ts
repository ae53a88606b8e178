import { readFileSync } from 'node:fs';
import t from 'tap';
import { EXAMPLES, readmeBlocks, runExamples, updateReadme } from '../scripts/readme-examples.js';
import { repoPath } from './fixtures/repo.js';

/**
 * The README's examples are what the service answers: each marked block must equal what running its command gives
 * now. When an answer changes (a better aligner, a new field), regenerate them:
 * `npx tsc -p tsconfig.build.json && node dist/scripts/readme-examples.js`.
 */
t.setTimeout(300_000);

const readme = readFileSync(repoPath('README.md'), 'utf8');

t.test('every README example block matches the answer its command gets from the service', async (t) => {
  const fresh = await runExamples();
  const blocks = readmeBlocks(readme);
  for (const ex of EXAMPLES) {
    const written = blocks.get(ex.name);
    t.ok(
      written?.length,
      `the README shows the ${ex.name} example (<!-- example:${ex.name} --> … <!-- /example:${ex.name} -->)`,
    );
    for (const text of written ?? [])
      t.equal(text, fresh.get(ex.name), `${ex.name}: the README block is what the service answers`);
  }
  // The summary answer, read as JSON: the figures an editor would quote.
  const summaryBlock = blocks.get('compare-summary')?.[0] ?? '';
  const shown = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(summaryBlock)?.[1] ?? 'null');
  const answer = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(fresh.get('compare-summary')!)![1]!);
  t.same(shown, answer, 'the README’s example summary is the service’s summary');

  // A README whose answer drifted is caught, and regenerating it restores it.
  const drifted = readme.replace(/"coverage": [\d.]+/, '"coverage": 0.52');
  t.not(readmeBlocks(drifted).get('compare-summary')?.[0], fresh.get('compare-summary'), 'a drifted answer differs');
  t.equal(updateReadme(drifted, fresh), updateReadme(readme, fresh), 'regenerating restores it');
  t.equal(updateReadme(readme, fresh), readme, 'the README is up to date');
});

t.test('blocks are found by their markers wherever they are, and only theirs is replaced', async (t) => {
  const doc =
    '# A\n\n<!-- example:x -->\nold\n<!-- /example:x -->\n\ntext\n\n' +
    '## B\n<!-- example:x -->\n<!-- /example:x -->\n<!-- example:y -->\nkeep\n<!-- /example:y -->\n';
  t.same(
    [...readmeBlocks(doc)].map(([k, v]) => [k, v]),
    [
      ['x', ['old', '']],
      ['y', ['keep']],
    ],
  );
  const out = updateReadme(doc, new Map([['x', 'new\nlines']]));
  t.equal(
    out,
    '# A\n\n<!-- example:x -->\nnew\nlines\n<!-- /example:x -->\n\ntext\n\n' +
      '## B\n<!-- example:x -->\nnew\nlines\n<!-- /example:x -->\n<!-- example:y -->\nkeep\n<!-- /example:y -->\n',
  );
});
