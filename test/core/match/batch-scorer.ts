import t from 'tap';
import { PairScorer, SCORE_FIELDS, StoredPair } from '../../../src/core/match/batch-scorer.js';
import { scorePair } from '../../../src/core/match/pair-score.js';
import { segmentArticle } from '../../../src/core/segment/article.js';
import { lexiconLookups } from '../../../src/core/terms/lexicon-lookups.js';
import { claimTerms } from '../../../src/core/terms/tokens.js';
import { textTerms, toClaimVector, Vocabulary } from '../../../src/core/terms/vocabulary.js';
import { defaultLexicon } from '../../../src/lexicon/vectors.js';
import { nlp, reader } from '../../fixtures/reader.js';
import { seeds } from '../../fixtures/seeds.js';

/**
 * The compare's fast scoring paths must give exactly the answers of the plain ones: `internText` (a
 * text's terms interned once, cached with its analysis) the ids and attributes of `toClaimVector` claim by claim,
 * and `PairScorer` (per-claim work done once, sparse table rows) every field of `scorePair`, bit for bit.
 */
const claimsOf = (text: string) =>
  segmentArticle(text, nlp).paragraphs.flatMap((p) =>
    p.sentences.map((s) => claimTerms(text.slice(s.start, s.end), reader)),
  );

function vocabularies(a: string, b: string, lexicon = defaultLexicon()) {
  const ta = claimsOf(a),
    tb = claimsOf(b);
  const plain = new Vocabulary(lexiconLookups(lexicon)),
    fast = new Vocabulary(lexiconLookups(lexicon));
  const ov = ta.map((x) => toClaimVector(plain, x)),
    rv = tb.map((x) => toClaimVector(plain, x));
  // The second text's TextTerms is used twice (as a cached analysis is): its look-ups filled by the first use.
  const tt = textTerms(tb);
  new Vocabulary(lexiconLookups(lexicon)).internText(tt);
  const fo = fast.internText(textTerms(ta)),
    fr = fast.internText(tt);
  for (const [v, o, r] of [
    [plain, ov, rv],
    [fast, fo, fr],
  ] as const) {
    const df = new Array<number>(v.keys.length).fill(0);
    for (const c of [...o, ...r]) for (const id of c.ids) df[id]!++;
    v.setDocumentFrequencies(df, o.length + r.length);
    v.prepareCross(
      o.flatMap((c) => c.ids),
      r.flatMap((c) => c.ids),
    );
  }
  return { plain, fast, ov, rv, fo, fr };
}

for (const [name, a, b] of [
  ['derived pair (001 → 000)', seeds.atlantic, seeds.caliber],
  ['two outlets (002 → 003)', seeds.report002, seeds.blog003],
  ['independent (004 → 001)', seeds.independent004, seeds.atlantic],
] as const) {
  t.test(`${name}: interning a text at once gives the same vocabulary and claim vectors`, async (t) => {
    const { plain, fast, ov, rv, fo, fr } = vocabularies(a, b);
    t.same(fast.keys, plain.keys, 'same ids in the same order');
    t.same(fast.lemmas, plain.lemmas);
    t.same(fast.isName, plain.isName);
    t.same(fast.isNumber, plain.isNumber);
    t.same(fast.weight, plain.weight, 'same weights (background ranks and document frequencies)');
    t.same(
      fast.vec.map((v) => v && [...v]),
      plain.vec.map((v) => v && [...v]),
      'same vectors',
    );
    t.same([...fo, ...fr], [...ov, ...rv], 'same claim vectors (ids in key order, words)');
  });

  t.test(`${name}: PairScorer scores every pair exactly as scorePair, queued in any order`, async (t) => {
    const { plain, ov, rv } = vocabularies(a, b);
    const scorer = new PairScorer(plain, ov, rv);
    const want = (i: number, j: number) => JSON.stringify(scorePair(plain, ov[i]!, rv[j]!));
    const fields = (p: StoredPair) =>
      JSON.stringify({
        sim: p.sim,
        aInB: p.aInB,
        bInA: p.bInA,
        contentA: p.contentA,
        contentB: p.contentB,
        carriedA: p.carriedA,
        carriedB: p.carriedB,
      });
    let pairs = 0;
    // Rewrite-major, as compare visits candidates (the scorer keeps the last rewrite claim's rows marked), then
    // original-major (every pair switches rewrite claim), then a scattered order.
    const all = ov.flatMap((_, i) => rv.map((_, j) => [i, j] as const));
    const orders = {
      'rewrite-major': [...all].sort((x, y) => x[1] - y[1] || x[0] - y[0]),
      'original-major': all,
      scattered: all
        .map((p, k) => [p, (k * 7919) % all.length] as const)
        .sort((x, y) => x[1] - y[1])
        .map(([p]) => p),
    };
    for (const [order, list] of Object.entries(orders)) {
      pairs += list.length;
      const store = new Float64Array(list.length * SCORE_FIELDS);
      const views = list.map(([i, j], k) => {
        scorer.queue(i, j, k * SCORE_FIELDS);
        return new StoredPair(store, k * SCORE_FIELDS, i, j, false);
      });
      scorer.flush(store);
      const queuedDiffer = views.filter((p) => fields(p) !== want(p.oi, p.ri)).length;
      t.equal(queuedDiffer, 0, `${order}: all ${list.length} queued pairs identical`);
    }
    t.ok(pairs > 100, `${pairs} pairs compared`);
  });
}

t.test('without a cross table (texts too long for it) PairScorer falls back to scorePair', async (t) => {
  const vocab = new Vocabulary(lexiconLookups(defaultLexicon()));
  const ov = claimsOf(seeds.atlantic)
    .slice(0, 5)
    .map((x) => toClaimVector(vocab, x));
  const rv = claimsOf(seeds.caliber)
    .slice(0, 5)
    .map((x) => toClaimVector(vocab, x));
  vocab.setDocumentFrequencies(
    vocab.keys.map(() => 1),
    10,
  );
  const scorer = new PairScorer(vocab, ov, rv);
  const store = new Float64Array(ov.length * rv.length * SCORE_FIELDS);
  for (let i = 0; i < ov.length; i++)
    for (let j = 0; j < rv.length; j++) scorer.queue(i, j, (i * rv.length + j) * SCORE_FIELDS);
  scorer.flush(store);
  for (let i = 0; i < ov.length; i++) {
    for (let j = 0; j < rv.length; j++) {
      const p = scorePair(vocab, ov[i]!, rv[j]!),
        at = (i * rv.length + j) * SCORE_FIELDS;
      t.same(
        [...store.subarray(at, at + SCORE_FIELDS)],
        [p.sim, p.aInB, p.bInA, p.contentA, p.contentB, p.carriedA, p.carriedB],
        `${i}-${j}`,
      );
    }
  }
});
