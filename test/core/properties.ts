import fc from 'fast-check';
import t from 'tap';
import type { CompareResult } from '../../src/core/types.js';
import { compare, comparer } from '../fixtures/comparer.js';
import { uncovered, violations } from '../fixtures/invariants.js';

/**
 * Invariants of the core over arbitrary input, checked with fast-check. Runs are bounded (the
 * suite must stay fast on a shared 2-core machine); a failure prints the shrunk counterexample and its seed.
 */

// ---- Generators -----------------------------------------------------------------------------------------

/** Anything at all: full code-point range (lone surrogates included), grapheme clusters, control bytes. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom('a', ' ', '.', '\n', '\r', '"', '“', '”', '…', '\u0000', '\ud800', '😀', '\u0301'),
    maxLength: 300,
  }),
);

const WORDS = [
  'the',
  'council',
  'approved',
  'budget',
  'on',
  'Monday',
  'critics',
  'said',
  'plan',
  'was',
  'rushed',
  'mayor',
  'Kyiv',
  'talks',
  'security',
  'guarantees',
  'Russia',
  'Ukraine',
  'ceasefire',
  'would',
  'not',
  '2025',
  '40',
  'percent',
  'officials',
  'told',
  'reporters',
  'after',
  'meeting',
  'in',
  'Washington',
  'week',
];
const END = ['.', '.', '.', '?', '!', '."', '…'];

/** A sentence from a small newsy vocabulary, so that two generated texts share content and get aligned. */
const sentence = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 14 }), fc.constantFrom(...END))
  .map(([words, end]) => `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}${end}`);

/** An article: paragraphs of sentences, separated by blank lines (LF, CRLF or CR). */
const article = fc
  .tuple(
    fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
    fc.constantFrom('\n\n', '\r\n\r\n', '\r\r', '\n'),
  )
  .map(([paras, sep]) => paras.map((p) => p.join(' ')).join(sep));

/** An original and a rewrite derived from it: some sentences kept, some lightly edited, reordered, some new. */
const derivedPair = fc
  .tuple(
    fc.array(sentence, { minLength: 2, maxLength: 12 }),
    fc.array(sentence, { maxLength: 4 }),
    fc.infiniteStream(fc.nat({ max: 9 })),
  )
  .map(([orig, fresh, dice]) => {
    const it = dice[Symbol.iterator]();
    const roll = () => it.next().value as number;
    const kept = orig.filter(() => roll() < 6).map((s) => (roll() < 3 ? s.replace(/ \w+/, ' indeed') : s));
    const k = roll() % (kept.length || 1); // rotate: a reordered rewrite
    const rewrite = [...kept.slice(k), ...kept.slice(0, k), ...fresh];
    return { original: orig.join(' '), rewrite: (rewrite.length ? rewrite : ['Nothing new.']).join('\n\n') };
  });

const pairs = fc.oneof(
  fc.record({ original: anyText, rewrite: anyText }),
  fc.record({ original: article, rewrite: article }),
  derivedPair,
);

// ---- Properties -----------------------------------------------------------------------------------------

const RUNS = { numRuns: 120, endOnFailure: true } as const;
const run = (original: string, rewrite: string): CompareResult => compare({ text: original }, { text: rewrite });

t.test('the core never throws, on any pair of strings', async (t) => {
  fc.assert(
    fc.property(anyText, anyText, (a, b) => {
      run(a, b);
    }),
    RUNS,
  );
  t.pass('no throw');
});

t.test('claims never overlap, lie in the text and slice exactly to their text; counts add up', async (t) => {
  fc.assert(
    fc.property(pairs, ({ original, rewrite }) => {
      const problems = violations(run(original, rewrite), original, rewrite);
      if (problems.length) throw new Error(problems.slice(0, 5).join('\n'));
    }),
    RUNS,
  );
  t.pass('invariants hold');
});

t.test('every non-boilerplate, non-space character is in exactly one claim', async (t) => {
  fc.assert(
    fc.property(pairs, ({ original, rewrite }) => {
      const out = run(original, rewrite);
      const lost = [...uncovered(out.original, original), ...uncovered(out.rewrite, rewrite)];
      if (lost.length) throw new Error(`uncovered or double-covered offsets ${lost.join(', ')}`);
    }),
    RUNS,
  );
  t.pass('full coverage');
});

t.test('swapping original and rewrite swaps dropped and added', async (t) => {
  const spans = (claims: CompareResult['original']['claims'], status: string) =>
    claims.filter((c) => c.status === status).map((c) => `${c.start}-${c.end}`);
  fc.assert(
    fc.property(fc.oneof(derivedPair, fc.record({ original: article, rewrite: article })), ({ original, rewrite }) => {
      const ab = run(original, rewrite),
        ba = run(rewrite, original);
      if (ab.summary.counts.original.dropped !== ba.summary.counts.rewrite.added)
        throw new Error('dropped(a,b) != added(b,a)');
      if (ab.summary.counts.rewrite.added !== ba.summary.counts.original.dropped)
        throw new Error('added(a,b) != dropped(b,a)');
      const same = (x: string[], y: string[]) => x.join() === y.join();
      if (!same(spans(ab.original.claims, 'dropped'), spans(ba.rewrite.claims, 'added')))
        throw new Error('different claims dropped/added');
      if (!same(spans(ab.rewrite.claims, 'added'), spans(ba.original.claims, 'dropped')))
        throw new Error('different claims added/dropped');
    }),
    { ...RUNS, numRuns: 80 },
  );
  t.pass('symmetric');
});

t.test('the answer is deterministic', async (t) => {
  fc.assert(
    fc.property(pairs, ({ original, rewrite }) => {
      comparer.analyses.clear();
      const first = JSON.stringify(run(original, rewrite));
      run(rewrite, original); // interleave other work: no state may leak between calls
      if (JSON.stringify(run(original, rewrite)) !== first) throw new Error('a run with cached analyses differs');
      comparer.analyses.clear();
      if (JSON.stringify(run(original, rewrite)) !== first) throw new Error('a fresh run after other reads differs');
    }),
    { ...RUNS, numRuns: 60 },
  );
  t.pass('deterministic');
});
