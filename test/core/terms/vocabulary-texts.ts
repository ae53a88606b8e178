import t, { type Test } from 'tap';
import { scorePair } from '../../../src/core/match/pair-score.js';
import { segmentArticle } from '../../../src/core/segment/article.js';
import { lexiconLookups, RANK_MEMO_MAX } from '../../../src/core/terms/lexicon-lookups.js';
import { type ClaimTerms, claimTerms } from '../../../src/core/terms/tokens.js';
import {
  type ClaimVector,
  type TextTerms,
  textTerms,
  toClaimVector,
  Vocabulary,
} from '../../../src/core/terms/vocabulary.js';
import { defaultLexicon, type Lexicon } from '../../../src/lexicon/vectors.js';
import { nlp, reader } from '../../fixtures/reader.js';
import { seeds } from '../../fixtures/seeds.js';

/**
 * `Vocabulary.prepareTexts` fills the cross table from each text's `CrossSide`, built once and kept in the text's
 * `TextTerms`. Whether a side is fresh or comes from the cache, and whether the texts' merged terms
 * allow the cached sides or force the table to be built from the ids, every term pair must get exactly the
 * similarity `termSim` computes pair by pair without a table, and every claim pair exactly its pairwise score.
 */
const lexicon = defaultLexicon();
const claimsOf = (text: string) =>
  segmentArticle(text, nlp).paragraphs.flatMap((p) =>
    p.sentences.map((s) => claimTerms(text.slice(s.start, s.end), reader)),
  );

/** Interns two texts into a fresh vocabulary with document frequencies set, as compare does. */
function interned(ta: TextTerms, tb: TextTerms, lex: Lexicon | null) {
  const vocab = new Vocabulary(lexiconLookups(lex));
  const ov = vocab.internText(ta),
    rv = vocab.internText(tb);
  const df = new Array<number>(vocab.keys.length).fill(0);
  for (const c of [...ov, ...rv]) for (const id of c.ids) df[id]!++;
  vocab.setDocumentFrequencies(df, ov.length + rv.length);
  return { vocab, ov, rv };
}

/** Term-pair similarities (both orientations) and claim-pair scores, as JSON for exact comparison. */
function answers(vocab: Vocabulary, ov: ClaimVector[], rv: ClaimVector[]) {
  const o = [...new Set(ov.flatMap((c) => c.ids))],
    r = [...new Set(rv.flatMap((c) => c.ids))];
  return {
    terms: JSON.stringify(o.map((x) => r.map((y) => [vocab.termSim(x, y), vocab.termSim(y, x)]))),
    pairs: JSON.stringify(ov.map((a) => rv.map((b) => scorePair(vocab, a, b)))),
  };
}

/** prepareTexts on `ta`, `tb` against the pairwise answers (a vocabulary with no table). */
function check(t: Test, name: string, ta: TextTerms, tb: TextTerms, lex: Lexicon | null = lexicon) {
  const fast = interned(ta, tb, lex);
  t.ok(fast.vocab.prepareTexts(ta, tb), `${name}: small enough for the table`);
  const lazy = interned(ta, tb, lex);
  const want = answers(lazy.vocab, lazy.ov, lazy.rv),
    got = answers(fast.vocab, fast.ov, fast.rv);
  t.equal(got.terms, want.terms, `${name}: every term pair as computed pair by pair`);
  t.equal(got.pairs, want.pairs, `${name}: every claim pair scored as without the table`);
  return want;
}

t.test(
  "seed pairs: the table from the texts' sides, built and then from the cache, gives the pairwise answers",
  async (t) => {
    for (const [name, a, b] of [
      ['derived pair (001 → 000)', seeds.atlantic, seeds.caliber],
      ['independent (002 → 004)', seeds.report002, seeds.independent004],
    ] as const) {
      const ta = textTerms(claimsOf(a)),
        tb = textTerms(claimsOf(b));
      t.equal(ta.cross, undefined, 'no side before the first compare');
      const first = check(t, `${name}, sides built`, ta, tb);
      const side = ta.cross?.side;
      t.ok(side && tb.cross, 'both sides kept with their texts');
      const again = check(t, `${name}, sides cached`, ta, tb);
      t.equal(ta.cross?.side, side, 'the cached side is reused, not rebuilt');
      t.same(again, first);
      t.ok(/0\.[1-9]/.test(first.terms), `${name}: some vector or word-form similarities (not a degenerate table)`);
      check(t, `${name}, reversed (each side in the other role)`, tb, ta);
    }
    const self = textTerms(claimsOf(seeds.report002));
    check(t, 'a text against itself (one TextTerms on both sides)', self, self);
  },
);

t.test(
  "terms whose merged attributes differ from a text's own: the table is built from the ids, same answers",
  async (t) => {
    t.ok(lexicon, 'lexicon built');
    const lex = lexicon!;
    const term = (key: string, lemma: string, number = false) => ({ key, lemma, name: false, number });
    const claim = (...terms: ReturnType<typeof term>[]): ClaimTerms => ({
      terms,
      words: terms.map((x) => x.key),
      wordKinds: terms.map(() => 1),
    });
    // 'saw' read as the verb (lemma 'see') in one text, as the noun in the other: the vocabulary keeps the
    // alphabetically first lemma ('saw'), so the first text's own vector for it is not the compare's.
    const rank = (w: string) => lex.rank.get(w) ?? -1;
    t.ok(
      rank('saw') >= 0 && rank('see') >= 0 && rank('saw') !== rank('see') && rank('see') < lex.vectorCount,
      'two ranked lemmas',
    );
    const a = textTerms([
      claim(term('saw', 'see'), term('officials', 'official'), term('talks', 'talk')),
      claim(term('one', 'one'), term('ceasefire', 'ceasefire')),
    ]);
    const b = textTerms([
      claim(term('saw', 'saw'), term('negotiations', 'negotiation')),
      claim(term('one', 'one', true), term('truce', 'truce'), term('watched', 'watch')),
    ]);
    check(t, 'lemma merged to another vector', a, b);
    check(t, 'the same texts reversed', b, a);
    // 'one' is a number in the second text only: a number for the compare, so not in the first text's side.
    const c = textTerms([claim(term('one', 'one'), term('official', 'official'))]);
    const d = textTerms([claim(term('one', 'one', true), term('officials', 'official'))]);
    check(t, 'number on one side only', c, d);
  },
);

t.test('without a lexicon: sides of keys only (word forms), same answers', async (t) => {
  const ta = textTerms([claimTerms('Zelenskiy criticised the negotiation over the ceasefire.', reader)]);
  const tb = textTerms([claimTerms('Zelensky criticized the negotiators over the truce.', reader)]);
  const want = check(t, 'no lexicon', ta, tb, null);
  t.ok(want.terms.includes('0.9') && want.terms.includes('0.8'), 'a variant and a family pair');
  t.equal(ta.cross?.lexicon, null, 'the side is kept for no lexicon');
  check(t, 'then with the lexicon (a side per lexicon)', ta, tb);
  t.equal(ta.cross?.lexicon, lexicon);
});

t.test('internText: the first text keeps its indexes as ids; later interning finds its keys', async (t) => {
  const ta = textTerms(claimsOf(seeds.atlantic)),
    tb = textTerms(claimsOf(seeds.caliber));
  const v1 = new Vocabulary(lexiconLookups(lexicon)),
    v2 = new Vocabulary(lexiconLookups(lexicon));
  const o1 = v1.internText(ta),
    o2 = v2.internText(ta);
  t.equal(o2, o1, 'the claim vectors of a first text are cached with it');
  t.same(v1.keys, ta.keys, "ids are the text's indexes");
  const key = ta.keys[5]!;
  t.equal(v1.intern(key, ta.lemmas[5]!, false, false), 5, "an existing key is found through the text's index");
  const fresh = v1.intern('zzzz-not-a-word', 'zzzz-not-a-word', false, false);
  t.equal(fresh, ta.keys.length, 'a new key gets the next id');
  t.equal(v1.intern('zzzz-not-a-word', 'zzzz-not-a-word', false, false), fresh);
  v2.internText(tb);
  t.throws(() => new Vocabulary(lexiconLookups(lexicon)).prepareTexts(ta, tb), /intern both texts first/);
});

t.test('lexicon ranks through the bounded memo: the same weights and vectors past RANK_MEMO_MAX words', async (t) => {
  const lex = lexicon!;
  const words: string[] = [];
  for (const [w, rank] of lex.rank) if (words.length <= RANK_MEMO_MAX + 50 && rank % 3 === 0) words.push(w);
  const term = (w: string) => ({ key: w, lemma: w, name: false, number: false });
  const claims: ClaimTerms[] = [];
  for (let k = 0; k < words.length; k += 500) {
    const ws = words.slice(k, k + 500);
    claims.push({ terms: ws.map(term), words: ws, wordKinds: ws.map(() => 1) });
  }
  const lookups = lexiconLookups(lex); // one memo over both passes, as a comparer keeps it
  for (const pass of ['memo filled', 'memo full, oldest dropped']) {
    const fast = new Vocabulary(lookups),
      plain = new Vocabulary(lexiconLookups(lex));
    fast.internText(textTerms(claims));
    for (const c of claims) toClaimVector(plain, c);
    for (const v of [fast, plain])
      v.setDocumentFrequencies(
        v.keys.map(() => 1),
        claims.length,
      );
    t.same(fast.weight, plain.weight, `${pass}: same weights`);
    const same = (a: Float32Array | null, b: Float32Array | null) =>
      a === b || (!!a && !!b && a.every((x, d) => x === b[d]));
    t.ok(
      fast.vec.every((v, id) => same(v, plain.vec[id]!)),
      `${pass}: same vectors`,
    );
  }
});

t.test('scorePair from the sparse table: group unions and repeated terms as pairwise, both orientations', async (t) => {
  const ta = textTerms(claimsOf(seeds.atlantic)),
    tb = textTerms(claimsOf(seeds.caliber));
  const fast = interned(ta, tb, lexicon),
    lazy = interned(ta, tb, lexicon);
  fast.vocab.prepareTexts(ta, tb);
  const union = (vs: ClaimVector[]) => ({ ids: [...new Set(vs.flatMap((v) => v.ids))], words: [] });
  const repeated = (v: ClaimVector) => ({ ids: [...v.ids, ...v.ids.slice(0, 3)], words: v.words });
  const cases = (s: typeof fast) => [
    scorePair(s.vocab, s.ov[3]!, union(s.rv.slice(0, 4))),
    scorePair(s.vocab, union(s.ov.slice(2, 6)), s.rv[1]!),
    scorePair(s.vocab, s.rv[2]!, union(s.ov.slice(0, 3))),
    scorePair(s.vocab, s.ov[5]!, repeated(s.rv[4]!)),
    scorePair(s.vocab, repeated(s.rv[4]!), s.ov[5]!),
  ];
  t.same(cases(fast), cases(lazy));
  t.ok(
    cases(fast).every((p) => p.sim > 0),
    'the cases share content',
  );
});
