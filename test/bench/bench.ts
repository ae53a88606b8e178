import t from 'tap';
import { growthExponent, median, percentile, table } from '../../bench/stats.js';
import { rng, syntheticPair } from '../../bench/synthetic.js';

t.test('percentiles by nearest rank', async (t) => {
  const v = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
  const cases: [number, number][] = [
    [0, 1],
    [10, 1],
    [50, 5],
    [90, 9],
    [99, 10],
    [100, 10],
  ];
  for (const [p, want] of cases) t.equal(percentile(v, p), want, `p${p}`);
  t.equal(median([3, 1, 2]), 2);
  t.ok(Number.isNaN(percentile([], 50)));
});

t.test('growth exponent recovers the power of a power law', async (t) => {
  const law = (k: number) => [10_000, 50_000, 100_000].map((size) => ({ size, value: 3e-4 * size ** k }));
  t.equal(Number(growthExponent(law(1)).toFixed(6)), 1, 'linear');
  t.equal(Number(growthExponent(law(2)).toFixed(6)), 2, 'quadratic');
  t.equal(Number(growthExponent(law(1.15)).toFixed(6)), 1.15);
  t.ok(Number.isNaN(growthExponent([{ size: 10, value: 1 }])), 'one point fits nothing');
});

t.test('synthetic pairs are deterministic and reach the requested size', async (t) => {
  t.same(syntheticPair(2000, 'shared'), syntheticPair(2000, 'shared'), 'same input, same bytes');
  for (const kind of ['shared', 'unrelated'] as const) {
    const p = syntheticPair(5000, kind);
    t.ok(p.words.original >= 5000 && p.words.original < 5600, `${kind}: original ~5000 words (${p.words.original})`);
    t.ok(p.words.rewrite > 4000 && p.words.rewrite < 6000, `${kind}: rewrite ~5000 words (${p.words.rewrite})`);
  }
  // A shared pair's rewrite reuses most of the original's sentences; an unrelated pair's reuses none verbatim.
  const shared = syntheticPair(3000, 'shared'),
    unrelated = syntheticPair(3000, 'unrelated');
  const sentences = (s: string) => new Set(s.split(/(?<=[.!?])\s+/).filter((x) => x.length > 40));
  const overlap = (a: string, b: string) => {
    const sa = sentences(a);
    let n = 0;
    for (const x of sentences(b)) if (sa.has(x)) n++;
    return n / sentences(b).size;
  };
  t.ok(overlap(shared.original, shared.rewrite) > 0.3, 'shared: many verbatim sentences');
  t.ok(overlap(unrelated.original, unrelated.rewrite) < 0.02, 'unrelated: no verbatim sentences');
  const r = rng(1);
  t.not(r(), r(), 'the generator moves');
});

t.test('tables line up', async (t) => {
  t.equal(
    table(
      ['a', 'bb'],
      [
        [1, 'x'],
        ['long', 2],
      ],
    ),
    'a     bb\n----  --\n1     x\nlong  2',
  );
});

t.test('percentiles leave out values that are not finite numbers', async (t) => {
  t.equal(percentile([3, Number.NaN, 1, Number.POSITIVE_INFINITY, 2], 50), 2);
  t.ok(Number.isNaN(median([Number.NaN])));
});
