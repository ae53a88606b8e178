import t from 'tap';
import { PAIR_FEATURES, type PairFeature, PairFeaturizer } from '../../../src/core/match/pair-features.js';
import { belief, checkPairModel, type PairModel } from '../../../src/core/match/pair-model.js';
import { scorePair } from '../../../src/core/match/pair-score.js';
import { claimTerms } from '../../../src/core/terms/tokens.js';
import { toClaimVector, Vocabulary } from '../../../src/core/terms/vocabulary.js';
import { defaultPairModel } from '../../../src/lexicon/pair-model.js';
import { reader } from '../../fixtures/reader.js';

type Features = Record<PairFeature, number>;

/** The features of two sentences compared on their own (no lexicon: words match only as themselves). */
function features(a: string, b: string, diagonal = 0): Features {
  const vocab = new Vocabulary(null);
  const va = toClaimVector(vocab, claimTerms(a, reader)),
    vb = toClaimVector(vocab, claimTerms(b, reader));
  const df = new Array<number>(vocab.keys.length).fill(0);
  for (const id of [...va.ids, ...vb.ids]) df[id]!++;
  vocab.setDocumentFrequencies(df, 2);
  const out = new Float64Array(PAIR_FEATURES.length);
  const x = new PairFeaturizer(vocab).features(va, vb, scorePair(vocab, va, vb), false, diagonal, out);
  return Object.fromEntries(PAIR_FEATURES.map((f, i) => [f, x[i]!])) as Features;
}

const SENTENCE = 'The council approved the new budget for schools on Monday.';
const OTHER = 'Rain is expected across the north by the weekend.';
const cases: { name: string; b: string; check: (f: Features) => boolean }[] = [
  {
    name: 'a verbatim copy shares every word and every bigram',
    b: SENTENCE,
    check: (f) => f.exactShare > 0.99 && f.bigramShare === 1 && f.lengthRatio === 1,
  },
  {
    name: 'the same words shuffled keep the words but not their order',
    b: 'Monday on schools for budget new the approved council the.',
    check: (f) => f.exactShare > 0.8 && f.bigramShare === 0,
  },
  { name: 'another subject shares no words', b: OTHER, check: (f) => f.exactShare < 0.2 && f.minShare < 0.2 },
  {
    name: 'numbers on one side only are no number conflict',
    b: 'The council approved the new budget for schools on 12 May, after 3 votes.',
    check: (f) => f.numberConflict === 0,
  },
  {
    name: 'half the sentence: length ratio about one half',
    b: 'The council approved the new budget.',
    check: (f) => f.lengthRatio > 0.3 && f.lengthRatio < 0.7,
  },
];
for (const c of cases) {
  t.test(c.name, async (t) => {
    const f = features(SENTENCE, c.b);
    t.ok(c.check(f), JSON.stringify(f));
  });
}

t.test('numbers and names: agreement and conflict', async (t) => {
  const f = features('Smith said 40 people were hurt.', 'Jones said 25 people were hurt.');
  t.equal(f.numberConflict, 1, 'different numbers on both sides');
  t.equal(f.nameConflict, 1, 'different names on both sides');
  const g = features('Smith said 40 people were hurt.', 'Smith said 40 people were hurt in the blast.');
  t.equal(g.numberConflict, 0);
  t.equal(g.nameConflict, 0);
  t.equal(g.numberShared, 1);
  t.equal(g.nameShared, 1);
});

t.test('the diagonal neighbours are passed through', async (t) => {
  t.equal(features(SENTENCE, SENTENCE, 0.7).diagonal, 0.7);
});

t.test('the shipped model believes a copy more than a rewording, and that more than another subject', async (t) => {
  const m = defaultPairModel();
  const b = (s: string) => {
    const f = features(SENTENCE, s);
    return belief(m, Float64Array.from(PAIR_FEATURES.map((k) => f[k])));
  };
  const copy = b(SENTENCE),
    reworded = b('On Monday the council passed the new schools budget.'),
    other = b(OTHER);
  t.ok(copy > reworded, `copy ${copy} > reworded ${reworded}`);
  t.ok(reworded > other, `reworded ${reworded} > other ${other}`);
  t.ok(copy > 0.5 && other < 0.5, 'a copy is believed, another subject is not');
});

t.test('a model fitted on other features is refused', async (t) => {
  const m: PairModel = { ...defaultPairModel(), features: ['sim'] };
  t.throws(() => checkPairModel(m), /features/);
  t.throws(() => checkPairModel({ ...defaultPairModel(), coef: [1] }), /weights/);
});
