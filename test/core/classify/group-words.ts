import fc from 'fast-check';
import t from 'tap';
import { PairWords, TextWords } from '../../../src/core/classify/group-words.js';
import { lcsLength } from '../../../src/core/classify/lcs.js';
import { wordDiff } from '../../../src/core/classify/word-diff.js';
import { seeds } from '../../fixtures/seeds.js';
import { NEWS_TOKENS } from '../../fixtures/tokens.js';

// Sentences built from a small vocabulary (many shared tokens, so the diffs keep and move words), some with odd
// whitespace, blank or empty; texts are lists of them, groups pick a few sentences of each side.
const word = fc.constantFrom(...NEWS_TOKENS, '😀');
const gap = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '', '\u00a0');
const sentence = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(fc.tuple(gap, word), { minLength: 1, maxLength: 14 }).map((xs) =>
      xs
        .map(([g, w]) => g + w)
        .join('')
        .trim(),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', ' \n', ' lead', 'trail\n') },
);
const sentences = fc.array(sentence, { minLength: 1, maxLength: 8 });
const group = (n: number, m: number) =>
  fc.tuple(
    fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: 3 }),
    fc.uniqueArray(fc.nat(m - 1), { minLength: 1, maxLength: 3 }),
  );
const compares = fc
  .tuple(sentences, sentences)
  .chain(([o, r]) =>
    fc.tuple(
      fc.constant(o),
      fc.constant(r),
      fc.array(fc.array(group(o.length, r.length), { maxLength: 5 }), { minLength: 1, maxLength: 3 }),
    ),
  );
const lower = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);

t.test(
  'group diffs from memoised claim tokens are wordDiff of the joined claim texts, compare after compare',
  async (t) => {
    fc.assert(
      fc.property(compares, fc.boolean(), ([o, r, runs], same) => {
        // The same two memos serve every compare of the run, as the analysis cache does (or one memo for both sides:
        // a text compared with itself).
        const ow = new TextWords(),
          rw = same ? ow : new TextWords(),
          rs = same ? o : r;
        for (const groups of runs) {
          const pair = new PairWords(ow, rw);
          for (const [oi, ri] of groups) {
            const ri2 = same ? ri.map((i) => i % o.length) : ri;
            const oTexts = oi.map((i) => o[i]!),
              rTexts = ri2.map((i) => rs[i]!);
            t.same(pair.diff(oi, oTexts, ri2, rTexts, 40), wordDiff(oTexts.join(' '), rTexts.join(' '), 40));
          }
        }
      }),
      { numRuns: 150, seed: 1 },
    );
  },
);

t.test('group diffs at the edges: empty and blank claims, identical groups, the edit bound', async (t) => {
  const pair = new PairWords(new TextWords(), new TextWords());
  const cases: [string[], string[], number][] = [
    [[''], [''], 10],
    [[' '], ['\n'], 10],
    [['', ' '], ['', ''], 10],
    [['', ' '], ['Yes.'], 10],
    [['The war.'], ['The war.'], 0],
    [['The war', 'ended.'], ['The war ended.'], 10],
    [['a b c d'], ['e f g h'], 2],
  ];
  cases.forEach(([o, r, max], k) => {
    const oi = o.map((_, i) => 10 * k + i),
      ri = r.map((_, i) => 10 * k + i);
    t.same(pair.diff(oi, o, ri, r, max), wordDiff(o.join(' '), r.join(' '), max), JSON.stringify([o, r]));
  });
});

t.test(
  'group words share one id space: equal words get equal ids across the texts, different words different ids',
  async (t) => {
    fc.assert(
      fc.property(compares, ([o, r, runs]) => {
        const ow = new TextWords(),
          rw = new TextWords();
        for (const groups of runs) {
          const pair = new PairWords(ow, rw);
          for (const [oi, ri] of groups) {
            const oWords = oi.map((i) => lower(o[i]!)),
              rWords = ri.map((i) => lower(r[i]!));
            const [oIds, rIds] = pair.groupWords(oi, oWords, ri, rWords);
            const all = [...oWords.flat(), ...rWords.flat()],
              ids = [...oIds.flatMap((x) => [...x]), ...rIds.flatMap((x) => [...x])];
            let agree = true;
            for (let a = 0; a < all.length; a++)
              for (let b = 0; b < all.length; b++) agree &&= (ids[a] === ids[b]) === (all[a] === all[b]);
            t.ok(agree);
          }
        }
      }),
      { numRuns: 150, seed: 1 },
    );
  },
);

t.test('seed claims: memoised group diffs and word LCS of real sentences match the direct computation', async (t) => {
  const split = (s: string) =>
    s
      .split(/(?<=[.!?”])\s+/)
      .filter((x) => x.length > 20)
      .slice(0, 60);
  const o = split(seeds.atlantic),
    r = split(seeds.caliber);
  const ow = new TextWords(),
    rw = new TextWords();
  for (let pass = 0; pass < 2; pass++) {
    const pair = new PairWords(ow, rw);
    for (let i = 0; i + 1 < Math.min(o.length, r.length); i++) {
      const oi = [i, i + 1],
        ri = [i];
      t.same(
        pair.diff(
          oi,
          oi.map((k) => o[k]!),
          ri,
          [r[i]!],
          400,
        ),
        wordDiff(`${o[i]} ${o[i + 1]}`, r[i]!, 400),
      );
      const [oIds, rIds] = pair.groupWords([i], [lower(o[i]!)], [i], [lower(r[i]!)]);
      const dict = new Map<string, number>(),
        ids = (ws: string[]) => ws.map((w) => dict.get(w) ?? dict.set(w, dict.size).size - 1);
      t.equal(lcsLength(oIds[0]!, rIds[0]!, 400), lcsLength(ids(lower(o[i]!)), ids(lower(r[i]!)), 400));
    }
  }
});
