import t from 'tap';
import { claimTerms } from '../../src/core/tokens.js';
import { Vocabulary, textTerms, toClaimVector } from '../../src/core/similarity.js';
import { PairScorer, scorePair } from '../../src/core/pair-score.js';
import { segmentArticle } from '../../src/core/segment.js';
import { defaultLexicon } from '../../src/lexicon/vectors.js';
import { seeds } from '../fixtures/seeds.js';

/**
 * The compare's fast scoring paths (issue #6) must give exactly the answers of the plain ones: `internText` (a
 * text's terms interned once, cached with its analysis) the ids and attributes of `toClaimVector` claim by claim,
 * and `PairScorer` (per-claim work done once, sparse table rows) every field of `scorePair`, bit for bit.
 */
const claimsOf = (text: string) => segmentArticle(text).paragraphs.flatMap((p) => p.sentences.map((s) => claimTerms(text.slice(s.start, s.end))));

function vocabularies(a: string, b: string, lexicon = defaultLexicon()) {
  const ta = claimsOf(a), tb = claimsOf(b);
  const plain = new Vocabulary(lexicon), fast = new Vocabulary(lexicon);
  const ov = ta.map((x) => toClaimVector(plain, x)), rv = tb.map((x) => toClaimVector(plain, x));
  // The second text's TextTerms is used twice (as a cached analysis is): its look-ups filled by the first use.
  const tt = textTerms(tb);
  new Vocabulary(lexicon).internText(tt);
  const fo = fast.internText(textTerms(ta)), fr = fast.internText(tt);
  for (const [v, o, r] of [[plain, ov, rv], [fast, fo, fr]] as const) {
    const df = new Array<number>(v.keys.length).fill(0);
    for (const c of [...o, ...r]) for (const id of c.ids) df[id]!++;
    v.setDocumentFrequencies(df, o.length + r.length);
    v.prepareCross(o.flatMap((c) => c.ids), r.flatMap((c) => c.ids));
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
    t.same(fast.vec.map((v) => v && [...v]), plain.vec.map((v) => v && [...v]), 'same vectors');
    t.same([...fo, ...fr], [...ov, ...rv], 'same claim vectors (ids in key order, words)');
  });

  t.test(`${name}: PairScorer scores every pair exactly as scorePair (column bests kept or recomputed)`, async (t) => {
    const { plain, ov, rv } = vocabularies(a, b);
    const kept = new PairScorer(plain, ov, rv), recomputed = new PairScorer(plain, ov, rv, 0);
    let differ = 0, pairs = 0;
    // Rewrite-major, as compare visits candidates (the scorer keeps the last rewrite claim's columns marked),
    // then a second pass original-major (every call switches rewrite claim).
    for (const order of ['rewrite-major', 'original-major']) {
      const outer = order === 'rewrite-major' ? rv.length : ov.length, inner = order === 'rewrite-major' ? ov.length : rv.length;
      for (let x = 0; x < outer; x++) {
        for (let y = 0; y < inner; y++) {
          const [i, j] = order === 'rewrite-major' ? [y, x] : [x, y];
          pairs++;
          const want = JSON.stringify(scorePair(plain, ov[i]!, rv[j]!));
          if (JSON.stringify(kept.score(i, j)) !== want || JSON.stringify(recomputed.score(i, j)) !== want) differ++;
        }
      }
    }
    t.ok(pairs > 100, `${pairs} pairs compared`);
    t.equal(differ, 0, 'no pair differs in any field');
  });
}

t.test('without a cross table (texts too long for it) PairScorer falls back to scorePair', async (t) => {
  const vocab = new Vocabulary(defaultLexicon());
  const ov = claimsOf(seeds.atlantic).slice(0, 5).map((x) => toClaimVector(vocab, x));
  const rv = claimsOf(seeds.caliber).slice(0, 5).map((x) => toClaimVector(vocab, x));
  vocab.setDocumentFrequencies(vocab.keys.map(() => 1), 10);
  const scorer = new PairScorer(vocab, ov, rv);
  for (let i = 0; i < ov.length; i++) for (let j = 0; j < rv.length; j++) t.same({ ...scorer.score(i, j) }, scorePair(vocab, ov[i]!, rv[j]!));
});
