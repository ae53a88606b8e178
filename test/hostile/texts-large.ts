import t from 'tap';
import { testApp } from '../fixtures/app.js';
import { compare } from '../fixtures/comparer.js';
import { ARTICLE, junk, runTextCases, type TextCase } from '../fixtures/hostile-texts.js';
import { uncovered, violations } from '../fixtures/invariants.js';
import { seeds } from '../fixtures/seeds.js';

/**
 * Large hostile texts: a 1 MB text without punctuation, 100,000 repetitions of a word, binary junk,
 * a 20,000-word sentence, thousands of tiny paragraphs, a whole article against itself. Each gets a 200 with
 * exact offsets and no content lost (see test/fixtures/hostile-texts.ts).
 */

const cases: TextCase[] = [
  {
    name: 'a 1 MB text with no punctuation or line breaks',
    original: 'lorem ipsum dolor sit amet consectetur '.repeat(27_000).trim(),
    rewrite: 'dolor sit amet lorem '.repeat(5000).trim(),
  },
  {
    name: '100,000 repetitions of one word',
    original: 'buffalo '.repeat(100_000).trim(),
    rewrite: 'buffalo '.repeat(100_000).trim(),
  },
  {
    name: 'the same text on both sides',
    original: seeds.atlantic,
    rewrite: seeds.atlantic,
    check: (t, out) => {
      t.equal(out.summary.verdict, 'wholly_derived');
      t.equal(out.summary.counts.original.dropped, 0, 'nothing dropped');
      t.equal(out.summary.counts.rewrite.added, 0, 'nothing added');
      t.ok(
        out.original.claims.every((c) => c.status === 'kept'),
        'every claim kept',
      );
    },
  },
  {
    name: 'a sentence of 20,000 words',
    original: `${'word '.repeat(20_000)}end.`,
    rewrite: `Start ${'word '.repeat(3000)}.`,
  },
  // 5,000 identical claims: pairing every copy with every copy would make the aligner quadratic; copies are paired
  // in rank order (VERBATIM_RANK_WINDOW), so this must stay fast.
  { name: 'thousands of tiny paragraphs', original: 'A b.\n\n'.repeat(5000), rewrite: 'A b.\n'.repeat(3000) },
];

// Megabyte inputs on a busy shared CI machine can come close to the suite's per-file limit, which is about hangs,
// not speed (speed is the benchmark's business): this file gets a longer one.
t.setTimeout(360_000);
await runTextCases(cases);

// Binary junk is refused by the API (415) and by the CLI (exit 2); the core, a library, still compares it with exact
// offsets and nothing lost.
t.test('binary junk with NUL bytes: 415 from the API, exact offsets from the core', async (t) => {
  const original = junk(20_000);
  const rewrite = `${junk(5000, 3)}\u0000\u0000${ARTICLE}`;
  const app = await testApp(t, { config: { inlineMaxChars: 0 } });
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: { original: { text: original }, rewrite: { text: rewrite } },
  });
  t.equal(res.statusCode, 415);
  t.equal(res.json().code, 'BINARY_CONTENT');
  const out = compare({ text: original }, { text: rewrite });
  t.same(violations(out, original, rewrite), [], 'structural invariants hold');
  t.same(uncovered(out.original, original), [], 'no original content lost');
  t.same(uncovered(out.rewrite, rewrite), [], 'no rewrite content lost');
});
