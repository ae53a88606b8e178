import fc from 'fast-check';
import t from 'tap';
import { candidatePairs, EXHAUSTIVE_PAIRS, INDEX_CANDIDATES } from '../../../src/core/match/candidates.js';
import { type ClaimVector, Vocabulary } from '../../../src/core/terms/vocabulary.js';

/** The index's definition, written plainly: shared indexed-term weight per original claim, best first, ties by
 *  position. */
function reference(
  vocab: Vocabulary,
  original: ClaimVector[],
  rewrite: ClaimVector[],
  maxPerClaim: number,
): number[][] {
  const cap = Math.max(20, Math.ceil(0.05 * original.length));
  const df = new Map<number, number>();
  for (const c of original) for (const id of c.ids) df.set(id, (df.get(id) ?? 0) + 1);
  return rewrite.map((c) => {
    const acc = new Map<number, number>();
    for (const id of c.ids) {
      if ((df.get(id) ?? 0) === 0 || df.get(id)! > cap) continue;
      original.forEach((o, oi) => {
        if (o.ids.includes(id)) acc.set(oi, (acc.get(oi) ?? 0) + (vocab.weight[id] ?? 0));
      });
    }
    return [...acc]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, Math.min(maxPerClaim, INDEX_CANDIDATES))
      .map(([oi]) => oi)
      .sort((a, b) => a - b);
  });
}

/** A vocabulary of `terms` terms with the given weights (few distinct values, so ties are common). */
function vocabulary(weights: number[]): Vocabulary {
  const v = new Vocabulary(null);
  for (let i = 0; i < weights.length; i++) v.intern(`t${i}`, `t${i}`, false, false);
  v.weight = weights;
  return v;
}

t.test('long texts: the inverted index proposes exactly the best-weighted candidates, ties by position', async (t) => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(0.5, 1, 2, 3.5), { minLength: 30, maxLength: 60 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      (weights, maxPer, seed) => {
        let s = seed;
        const rand = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
        const claim = (): ClaimVector => ({
          ids: [
            ...new Set(Array.from({ length: 1 + Math.floor(rand() * 8) }, () => Math.floor(rand() * weights.length))),
          ],
          words: [],
        });
        const original = Array.from({ length: 210 }, claim),
          rewrite = Array.from({ length: 200 }, claim);
        const vocab = vocabulary(weights);
        const got = candidatePairs(vocab, original, rewrite, maxPer);
        t.ok(original.length * rewrite.length > EXHAUSTIVE_PAIRS, 'index path');
        t.same(got, reference(vocab, original, rewrite, maxPer));
        t.ok(
          got.every((l) => l.length <= Math.min(maxPer, INDEX_CANDIDATES)),
          'capped',
        );
      },
    ),
    { numRuns: 15 },
  );
});

t.test('short texts: every pair is a candidate (a paraphrase sharing no word is still scored)', async (t) => {
  const vocab = vocabulary([1, 1]);
  const got = candidatePairs(
    vocab,
    [
      { ids: [0], words: [] },
      { ids: [0], words: [] },
    ],
    [{ ids: [1], words: [] }],
    5,
  );
  t.same(got, [[0, 1]]);
});
