import fc from 'fast-check';
import t from 'tap';
import { claimTerms } from '../../../src/core/terms/tokens.js';
import { FAMILY_CREDIT, isVariant, sameFamily, stringSim, VARIANT_CREDIT } from '../../../src/core/terms/word-forms.js';
import { reader } from '../../fixtures/reader.js';
import { seeds } from '../../fixtures/seeds.js';

/**
 * `stringSim` runs cheap necessary tests (first letter, lengths, 6-letter prefix) before the full variant and
 * family checks, on every cross-side pair of a compare. Those shortcuts may only save time: the credit must be
 * exactly the full definition's (same first letter, then variant, then family).
 */
const reference = (a: string, b: string) =>
  a[0] !== b[0] ? 0 : isVariant(a, b) ? VARIANT_CREDIT : sameFamily(a, b) ? FAMILY_CREDIT : 0;

t.test('equals the full definition on generated words (small alphabet: many variants and families)', async (t) => {
  const word = fc.stringMatching(/^[abe1]{0,4}[a-c]{0,9}$/);
  // A shared stem with different endings, so families and one-edit variants are common.
  const related = fc
    .tuple(fc.stringMatching(/^[a-c]{4,8}$/), word, word)
    .map(([stem, x, y]) => [stem + x, stem + y] as const);
  const seen = { [VARIANT_CREDIT]: 0, [FAMILY_CREDIT]: 0 } as Record<number, number>;
  // One edit away (substitute, insert or delete a letter at k): spelling variants when long enough.
  const edited = fc
    .tuple(fc.stringMatching(/^[a-c]{4,9}$/), fc.nat(9), fc.constantFrom('a', 'b', 'z', ''), fc.boolean())
    .map(([w, k, c, replace]) => [w, w.slice(0, k) + c + w.slice(k + (replace ? 1 : 0))] as const);
  fc.assert(
    fc.property(fc.oneof(fc.tuple(word, word), related, edited), ([a, b]) => {
      const s = stringSim(a, b);
      seen[s] = (seen[s] ?? 0) + 1;
      return s === reference(a, b);
    }),
    { numRuns: 20_000 },
  );
  t.ok(
    seen[VARIANT_CREDIT]! > 100 && seen[FAMILY_CREDIT]! > 100,
    `variants ${seen[VARIANT_CREDIT]}, families ${seen[FAMILY_CREDIT]} among 20,000 pairs`,
  );
});

t.test('equals the full definition on every pair of seed words, and finds the known pairs', async (t) => {
  const words = [
    ...new Set([seeds.atlantic, seeds.caliber].flatMap((s) => claimTerms(s, reader).terms.map((x) => x.key))),
  ].slice(0, 900);
  let differing = 0,
    credited = 0;
  for (const a of words)
    for (const b of words) {
      if (a === b) continue;
      const s = stringSim(a, b);
      if (s !== reference(a, b)) differing++;
      if (s > 0) credited++;
    }
  t.equal(differing, 0, `${words.length} words, every ordered pair`);
  t.ok(credited > 10, `${credited} variant or family pairs among them`);
  t.equal(stringSim('zelenskiy', 'zelensky'), VARIANT_CREDIT);
  t.equal(stringSim('negotiation', 'negotiators'), FAMILY_CREDIT);
  t.equal(stringSim('trade', 'trace'), 0, 'short words are neither');
});
