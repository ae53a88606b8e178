import fc from 'fast-check';
import t from 'tap';
import { dateRange, mayPrecede } from '../../src/retrieve/dates.js';
import { articleId } from '../../src/retrieve/fingerprint.js';
import { hash52 } from '../../src/retrieve/hash.js';
import { rankCandidates } from '../../src/retrieve/rank.js';
import { queryKeys, rarityWithoutLexicon, storedKeys } from '../../src/retrieve/signature.js';
import { seeds } from '../fixtures/seeds.js';

t.test('publication dates as the interval they name', async (t) => {
  const day = 86_400_000;
  const table: [string | undefined, { lo: number; hi: number } | null][] = [
    ['2025', { lo: Date.UTC(2025, 0, 1), hi: Date.UTC(2026, 0, 1) }],
    ['2025-08', { lo: Date.UTC(2025, 7, 1), hi: Date.UTC(2025, 8, 1) }],
    ['2025-05-22', { lo: Date.UTC(2025, 4, 22), hi: Date.UTC(2025, 4, 22) + day }],
    ['2025-05-22T10:00:00Z', { lo: Date.UTC(2025, 4, 22, 10), hi: Date.UTC(2025, 4, 22, 10) + 1 }],
    ['2025-02-30', null],
    ['2025-13', null],
    ['yesterday', null],
    ['', null],
    [undefined, null],
  ];
  for (const [input, want] of table) t.same(dateRange(input), want, String(input));
  const r = (s: string) => dateRange(s);
  t.ok(mayPrecede(r('2025-05-22'), r('2025-05-23')), 'a day earlier');
  t.ok(mayPrecede(r('2025-08'), r('2025-08')), 'same month: cannot be ordered');
  t.ok(mayPrecede(r('2025-08-31'), r('2025-08')), 'a day inside the month');
  t.notOk(mayPrecede(r('2025-05-23'), r('2025-05-22')), 'a day later');
  t.notOk(mayPrecede(r('2025-09'), r('2025-08-31')));
  t.ok(mayPrecede(null, r('2025')) && mayPrecede(r('2025'), null), 'an unknown date never excludes');
});

t.test('ids are content fingerprints: spacing, case and quote style do not change them; words do', async (t) => {
  const id = articleId(seeds.atlantic);
  t.match(id, /^[0-9a-f]{24}$/);
  t.equal(articleId(seeds.atlantic.replace(/ /g, '  ').replace(/'/g, '’').toUpperCase()), id);
  t.not(articleId(seeds.atlantic.replace('Putin', 'Xi')), id);
});

t.test('hash52 gives exact integers below 2^52, stable across runs', async (t) => {
  t.equal(hash52('t kremlin'), hash52('t kremlin'));
  fc.assert(
    fc.property(fc.string(), (s) => {
      const h = hash52(s);
      return Number.isSafeInteger(h) && h >= 0 && h < 2 ** 52;
    }),
  );
});

t.test('a copied passage shares its sampled shingles whatever surrounds it (property)', async (t) => {
  const passage = seeds.atlantic.slice(1000, 3000);
  const passageKeys = queryKeys(passage, rarityWithoutLexicon);
  const passageShingles = new Set(passageKeys.filter((k) => k.kind === 'shingle').map((k) => k.key));
  t.ok(passageShingles.size >= 5, 'a passage of ~300 words has sampled shingles');
  fc.assert(
    fc.property(fc.lorem({ maxCount: 60 }), fc.lorem({ maxCount: 60 }), (before, after) => {
      const keys = new Set(storedKeys(`${before}\n\n${passage}\n\n${after}`, rarityWithoutLexicon));
      return [...passageShingles].every((k) => keys.has(k));
    }),
    { numRuns: 50 },
  );
});

t.test('candidates: shared keys weighted by rarity in the store, too-common keys ignored', async (t) => {
  const query = [
    { key: 1, kind: 'shingle' as const },
    { key: 2, kind: 'term' as const },
    { key: 3, kind: 'term' as const },
  ];
  const postings = new Map([
    [1, [10]],
    [2, [10, 11]],
    [3, [11, 12, 13]],
  ]);
  const ranked = rankCandidates(query, postings, 100);
  t.same(
    ranked.map((c) => c.seq),
    [10, 11, 12, 13],
  );
  t.match(ranked[0], { shingles: 1, terms: 1 });
  t.ok(ranked[1]!.score > ranked[2]!.score, 'a rarer shared term weighs more');
  t.same(
    rankCandidates(query, postings, 100, 2).map((c) => c.seq),
    [10, 11],
    'key 3 is held by more than cap',
  );
  t.same(rankCandidates(query, new Map(), 100), []);
  t.same(
    rankCandidates(query, postings, 100, 500, ranked[1]!.score).map((c) => c.seq),
    [10, 11],
    'candidates below the least score asked for are left out',
  );
});

t.test("candidates rank the same whether the store's seqs are dense or sparse", async (t) => {
  const query = [
    { key: 1, kind: 'shingle' as const },
    { key: 2, kind: 'term' as const },
    { key: 3, kind: 'term' as const },
    { key: 4, kind: 'term' as const },
  ];
  const lists: [number, number[]][] = [
    [1, [3, 7]],
    [2, [1, 3, 5, 7, 9]],
    [3, [2, 3, 9]],
    [4, [9]],
  ];
  // Seqs spread far apart (as after many deletes) are tallied through a Map, close ones in an array by seq.
  const table: [string, number][] = [
    ['dense', 1],
    ['sparse', 1_000_003],
  ];
  const rankings = table.map(([name, spread]) => {
    const postings = new Map(lists.map(([k, seqs]) => [k, seqs.map((s) => s * spread)]));
    const ranked = rankCandidates(query, postings, 100);
    return { name, ranked: ranked.map((c) => ({ ...c, seq: c.seq / spread })) };
  });
  t.same(
    rankings[0]!.ranked.map((c) => c.seq),
    [3, 7, 9, 2, 1, 5],
  );
  t.same(rankings[1]!.ranked, rankings[0]!.ranked, 'the same order, scores and counts either way');
});
