import t from 'tap';
import { scorePair } from '../../../../src/core/match/pair-score.js';
import { segmentArticle } from '../../../../src/core/segment/article.js';
import { lexiconLookups } from '../../../../src/core/terms/lexicon-lookups.js';
import { claimTerms } from '../../../../src/core/terms/tokens.js';
import { type ClaimVector, toClaimVector, Vocabulary } from '../../../../src/core/terms/vocabulary.js';
import { defaultLexicon } from '../../../../src/lexicon/vectors.js';
import { nlp, reader } from '../../../fixtures/reader.js';
import { seeds } from '../../../fixtures/seeds.js';

/**
 * `Vocabulary.prepareCross` is a fast path (int8 prefilter, packed vectors, first-letter buckets, a dense table) for
 * what `termSim` computes pair by pair. Every claim-pair score must be exactly the same either way: the fast path
 * may only change the speed of a compare, never its answer.
 */
function claims(text: string): string[] {
  return segmentArticle(text, nlp).paragraphs.flatMap((p) => p.sentences.map((s) => text.slice(s.start, s.end)));
}

function scoresBothWays(a: string, b: string, lexicon = defaultLexicon()) {
  const build = () => {
    const vocab = new Vocabulary(lexiconLookups(lexicon));
    const ov = claims(a).map((c) => toClaimVector(vocab, claimTerms(c, reader)));
    const rv = claims(b).map((c) => toClaimVector(vocab, claimTerms(c, reader)));
    const df = new Array<number>(vocab.keys.length).fill(0);
    for (const v of [...ov, ...rv]) for (const id of v.ids) df[id]!++;
    vocab.setDocumentFrequencies(df, ov.length + rv.length);
    return { vocab, ov, rv };
  };
  // Original × rewrite, rewrite × original (the table read transposed), and pairs within one side (not in the
  // table: the term-by-term fallback), as compare and its group scoring call them.
  const all = (vocab: Vocabulary, ov: ClaimVector[], rv: ClaimVector[]) => [
    ...ov.flatMap((o) => rv.map((r) => scorePair(vocab, o, r))),
    ...rv.flatMap((r) => ov.map((o) => scorePair(vocab, r, o))),
    ...ov.slice(0, 10).flatMap((o) => ov.slice(0, 10).map((o2) => scorePair(vocab, o, o2))),
  ];
  const lazy = build();
  const fast = build();
  const prepared = fast.vocab.prepareCross(
    fast.ov.flatMap((v) => v.ids),
    fast.rv.flatMap((v) => v.ids),
  );
  // Term-level view too: termSim answers from the table once it is prepared.
  const termPairs = (v: Vocabulary) =>
    lazy.ov.flatMap((o) => o.ids).flatMap((x) => lazy.rv.flatMap((r) => r.ids).map((y) => v.termSim(x, y)));
  return {
    prepared,
    lazy: all(lazy.vocab, lazy.ov, lazy.rv),
    fast: all(fast.vocab, fast.ov, fast.rv),
    lazyTerms: termPairs(lazy.vocab),
    fastTerms: termPairs(fast.vocab),
  };
}

t.test(
  'the precomputed cross-side table gives exactly the pairwise scores (seed pairs,' +
    ' both directions and orientations, same-side pairs)',
  async (t) => {
    for (const [name, a, b] of [
      ['atlantic → caliber', seeds.atlantic, seeds.caliber],
      ['caliber → atlantic', seeds.caliber, seeds.atlantic],
      ['report002 → independent004', seeds.report002, seeds.independent004],
    ] as const) {
      const { prepared, lazy, fast } = scoresBothWays(a, b);
      t.ok(prepared, `${name}: small enough for the precomputed path`);
      t.equal(fast.length, lazy.length);
      const differing = lazy.filter((s, i) => JSON.stringify(s) !== JSON.stringify(fast[i]));
      t.equal(differing.length, 0, `${name}: all ${lazy.length} claim-pair scores identical`);
      t.ok(
        new Set(lazy.map((s) => s.sim)).size > 50 && lazy.some((s) => s.sim > 0.3),
        `${name}: the scores are not degenerate`,
      );
    }
  },
);

t.test(
  'the fast path credits spelling variants, word families and vector neighbours like the pairwise path',
  async (t) => {
    const a = 'Zelenskiy criticised the negotiation over the ceasefire. Officials discussed sanctions on oil exports.';
    const b =
      'Zelensky criticized the negotiators over the truce. Diplomats talked about sanctions on petroleum exports.';
    const { lazy, fast, lazyTerms, fastTerms } = scoresBothWays(a, b);
    t.same(fast, lazy);
    t.same(fastTerms, lazyTerms, 'every term pair: same similarity from the table as computed directly');
    t.ok(
      fastTerms.includes(0.9) && fastTerms.includes(0.8),
      'a variant (zelensky) and a family (negotiation/negotiator) pair',
    );
    t.ok(fast[0]!.sim > 0.3, 'variant + family + synonyms score the first pair');
    const { lazy: l0, fast: f0 } = scoresBothWays(a, b, null);
    t.same(f0, l0, 'identical without a lexicon (string checks only)');
  },
);

t.test(
  'the build-time neighbour lists and the per-compare scan find the same similar words (every term pair)',
  async (t) => {
    const lexicon = defaultLexicon()!;
    t.ok(lexicon.neighbours, 'lists built with the lexicon');
    const scanning = { ...lexicon, neighbours: null };
    for (const [name, a, b] of [
      ['atlantic → caliber', seeds.atlantic, seeds.caliber],
      ['report002 → independent004', seeds.report002, seeds.independent004],
    ] as const) {
      const listed = scoresBothWays(a, b, lexicon),
        scanned = scoresBothWays(a, b, scanning);
      t.same(listed.fastTerms, scanned.fastTerms, `${name}: same table`);
      t.same(listed.fast, scanned.fast, `${name}: same claim-pair scores`);
      t.same(listed.fastTerms, listed.lazyTerms, `${name}: = the pairwise similarity`);
      t.ok(
        listed.fastTerms.filter((s) => s > 0 && s < 1).length > 100,
        `${name}: many similar, non-identical word pairs`,
      );
    }
  },
);
