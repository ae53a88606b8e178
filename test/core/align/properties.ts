import fc from 'fast-check';
import t from 'tap';
import { segmentArticle } from '../../../src/core/segment/article.js';
import { compare, comparer } from '../../fixtures/comparer.js';
import { unrelatedSentences } from '../../fixtures/eval/unrelated.js';
import { nlp } from '../../fixtures/reader.js';
import { seeds } from '../../fixtures/seeds.js';

/**
 * Alignment invariants over generated articles (fast-check, bounded runs): self-comparison keeps every claim,
 * an unrelated text aligns nothing, offsets slice to the claim text, and the answer is deterministic.
 * Articles are drawn from real seed sentences so that the properties hold on realistic news text.
 */
const sentencesOf = (text: string) =>
  segmentArticle(text, nlp).paragraphs.flatMap((p) => p.sentences.map((s) => text.slice(s.start, s.end)));
const news = [
  ...sentencesOf(seeds.atlantic),
  ...sentencesOf(seeds.report002),
  ...sentencesOf(seeds.independent004),
].filter((s) => /\p{L}{3}/u.test(s));

/** An article of 1–4 paragraphs of 1–4 distinct news sentences each. */
const article = (pool: string[]) =>
  fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 12 }).chain((ss) =>
    fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }).map((sizes) => {
      const paras: string[] = [];
      let i = 0;
      for (const n of sizes) {
        if (i >= ss.length) break;
        paras.push(ss.slice(i, i + n).join(' '));
        i += n;
      }
      if (i < ss.length) paras.push(ss.slice(i).join(' '));
      return paras.join('\n\n');
    }),
  );

const RUNS = { numRuns: 25, seed: 20251122 };

t.test('comparing a text with itself keeps every claim', async () => {
  fc.assert(
    fc.property(article(news), (text) => {
      const out = compare({ text }, { text });
      return (
        out.original.claims.length > 0 &&
        out.original.claims.every((c) => c.status === 'kept' && c.matches.includes(`r${c.id.slice(1)}`)) &&
        out.rewrite.claims.every((c) => c.status === 'kept') &&
        out.summary.verdict === 'wholly_derived'
      );
    }),
    RUNS,
  );
});

t.test('against an unrelated text nothing is aligned', async () => {
  fc.assert(
    fc.property(article(news), article(unrelatedSentences), (a, b) => {
      const out = compare({ text: a }, { text: b });
      return (
        out.alignments.length === 0 &&
        out.summary.verdict === 'independent' &&
        out.original.claims.every((c) => c.status === 'dropped') &&
        out.rewrite.claims.every((c) => c.status === 'added')
      );
    }),
    RUNS,
  );
});

t.test('offsets always slice to the claim text, and claims are in text order without overlap', async () => {
  fc.assert(
    fc.property(article(news), article(news), (a, b) => {
      const out = compare({ text: a }, { text: b });
      for (const [side, text] of [
        [out.original, a],
        [out.rewrite, b],
      ] as const) {
        let last = 0;
        for (const c of side.claims) {
          if (text.slice(c.start, c.end) !== c.text || c.start < last || c.end <= c.start) return false;
          last = c.end;
        }
      }
      return true;
    }),
    RUNS,
  );
});

t.test('the same input gives the same answer', async () => {
  fc.assert(
    fc.property(article(news), article(news), (a, b) => {
      const first = JSON.stringify(compare({ text: a }, { text: b }));
      comparer.analyses.clear(); // the second run analyses the texts afresh rather than reusing the first's analyses
      return JSON.stringify(compare({ text: a }, { text: b })) === first;
    }),
    { ...RUNS, numRuns: 10 },
  );
});

t.test('matches are symmetric and carried/similarity stay in [0, 1]', async () => {
  fc.assert(
    fc.property(article(news), article(news), (a, b) => {
      const out = compare({ text: a }, { text: b });
      const r = new Map(out.rewrite.claims.map((c) => [c.id, c]));
      for (const c of out.original.claims)
        for (const m of c.matches) if (!r.get(m)?.matches.includes(c.id)) return false;
      return [...out.original.claims, ...out.rewrite.claims].every(
        (c) => c.carried >= 0 && c.carried <= 1 && c.similarity >= 0 && c.similarity <= 1,
      );
    }),
    RUNS,
  );
});
