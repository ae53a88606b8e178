import t from 'tap';
import type { AlignThresholds, PairSim, ScoredPair } from '../../../src/core/align/align.js';
import { ALIGN_THRESHOLDS, alignClaims, pairSims } from '../../../src/core/align/align.js';
import { anchors, ids, pair } from '../../fixtures/scored-pairs.js';

// The pair model's belief gates on the aligner's rules: each rule asks its own least belief of a pair besides the
// similarity, so a pair that shares only topic words (low belief) is not admitted by context alone.
/** Belief 0.9 for every pair but those listed. */
const beliefs = (low: Record<string, number>) => (oi: number, ri: number) => low[`${oi}-${ri}`] ?? 0.9;
type Gates = Partial<AlignThresholds>;
const align = (pairs: ScoredPair[], n: number, gates: Gates, belief: PairSim) =>
  ids(alignClaims(pairs, n, n, { ...ALIGN_THRESHOLDS, ...gates }, undefined, pairSims(pairs, n, n), belief));

interface Case {
  name: string;
  pairs: ScoredPair[];
  n: number;
  gates: Gates;
  low: Record<string, number>;
  want: string[];
}
const cases: Case[] = [
  {
    name: 'no gates: a believed-little moved match is still taken',
    pairs: [...anchors(3), pair(9, 7, 0.3)],
    n: 10,
    gates: {},
    low: { '9-7': 0.1 },
    want: ['0-0', '1-1', '2-2', '9-7'],
  },
  {
    name: 'moved gate: the same match out of context is refused',
    pairs: [...anchors(3), pair(9, 7, 0.3)],
    n: 10,
    gates: { beliefMoved: 0.3 },
    low: { '9-7': 0.1 },
    want: ['0-0', '1-1', '2-2'],
  },
  {
    name: 'moved gate: a believed moved match passes',
    pairs: [...anchors(3), pair(9, 7, 0.3)],
    n: 10,
    gates: { beliefMoved: 0.3 },
    low: {},
    want: ['0-0', '1-1', '2-2', '9-7'],
  },
  {
    name: 'the moved gate leaves matches in context alone',
    pairs: [...anchors(3), pair(3, 3, 0.3)],
    n: 10,
    gates: { beliefMoved: 0.3 },
    low: { '3-3': 0.1 },
    want: ['0-0', '1-1', '2-2', '3-3'],
  },
  {
    name: 'support gate: a match next to a link needs belief too',
    pairs: [...anchors(3), pair(3, 3, 0.3)],
    n: 10,
    gates: { beliefSupport: 0.3 },
    low: { '3-3': 0.1 },
    want: ['0-0', '1-1', '2-2'],
  },
  {
    name: 'a lone anchor in unrelated text is linked',
    pairs: [pair(5, 8, 0.6)],
    n: 40,
    gates: {},
    low: { '5-8': 0.1 },
    want: ['5-8'],
  },
  {
    name: 'anchor gate: a similar but unbelieved pair is no anchor',
    pairs: [pair(5, 8, 0.6)],
    n: 40,
    gates: { beliefAnchor: 0.3 },
    low: { '5-8': 0.1 },
    want: [],
  },
];
for (const c of cases)
  t.test(c.name, async (t) => {
    t.same(align(c.pairs, c.n, c.gates, beliefs(c.low)), c.want);
  });

t.test('seeds: believed pairs below anchor level make a local run, and only a run', async (t) => {
  // 40 claims a side, no anchor at all: three consecutive believed pairs at support level are a passage.
  const run = [pair(10, 20, 0.3), pair(11, 21, 0.3), pair(12, 22, 0.3)];
  t.same(align(run, 40, { beliefSeed: 0.5 }, beliefs({})), ['10-20', '11-21', '12-22'], 'a believed run is aligned');
  t.same(align(run, 40, {}, beliefs({})), [], 'without seeds (no model) it is not');
  // The same three pairs scattered: no run, nothing aligned however believed.
  const scattered = [pair(10, 20, 0.3), pair(18, 5, 0.3), pair(30, 33, 0.3)];
  t.same(align(scattered, 40, { beliefSeed: 0.5 }, beliefs({})), [], 'scattered believed pairs stay unaligned');
  // A run whose pairs the model does not believe seeds nothing.
  t.same(
    align(run, 40, { beliefSeed: 0.5 }, () => 0.2),
    [],
    'an unbelieved run stays unaligned',
  );
});

t.test('sure anchors: a pair the model is sure of is an anchor below the similarity and content bars', async (t) => {
  // A headline restated: similar, but most of its shared weight is names (content share below anchorContent).
  const names = { ...pair(0, 0, 0.6), contentA: 0.2, contentB: 0.2 };
  const cases: { name: string; pairs: ScoredPair[]; gates: Gates; belief: number; want: string[] }[] = [
    { name: 'names-heavy pair, no sure gate (no model)', pairs: [names], gates: {}, belief: 0.95, want: [] },
    {
      name: 'names-heavy pair believed past the gate',
      pairs: [names],
      gates: { beliefSure: 0.8 },
      belief: 0.95,
      want: ['0-0'],
    },
    {
      name: 'names-heavy pair believed short of the gate',
      pairs: [names],
      gates: { beliefSure: 0.8 },
      belief: 0.7,
      want: [],
    },
    {
      name: 'below anchor similarity, believed past the gate',
      pairs: [pair(0, 0, 0.3)],
      gates: { beliefSure: 0.8 },
      belief: 0.95,
      want: ['0-0'],
    },
    {
      name: 'below support similarity: never an anchor however believed',
      pairs: [pair(0, 0, 0.2)],
      gates: { beliefSure: 0.8 },
      belief: 0.99,
      want: [],
    },
  ];
  for (const c of cases)
    t.same(
      align(c.pairs, 1, c.gates, () => c.belief),
      c.want,
      c.name,
    );
  // In a long text a lone believed pair does not show derivation: two articles on one story share such pairs.
  t.same(
    align([names], 40, { beliefSure: 0.8 }, () => 0.95),
    [],
    'a lone sure pair in a long text stays unaligned',
  );
  // With anchors enough to show derivation, it stands.
  const derived = [...anchors(8).map((p) => ({ ...p, oi: p.oi + 1, ri: p.ri + 1 })), names];
  t.ok(align(derived, 40, { beliefSure: 0.8 }, () => 0.95).includes('0-0'), 'in derived text it is an anchor');
});

t.test('lone pairs: in a compare of one claim a side, the one pair anchors from the lone gate', async (t) => {
  // Two headlines: one pair, no context to support it, and none of the many chance pairs of two articles.
  const cases: { name: string; n: number; pair: ScoredPair; gates: Gates; belief: number; want: string[] }[] = [
    {
      name: 'believed past the lone gate, short of the sure gate',
      n: 1,
      pair: pair(0, 0, 0.3),
      gates: { beliefSure: 0.8, beliefLone: 0.4 },
      belief: 0.5,
      want: ['0-0'],
    },
    {
      name: 'no lone gate (no model): the sure gate decides',
      n: 1,
      pair: pair(0, 0, 0.3),
      gates: { beliefSure: 0.8 },
      belief: 0.5,
      want: [],
    },
    {
      name: 'believed short of the lone gate',
      n: 1,
      pair: pair(0, 0, 0.3),
      gates: { beliefSure: 0.8, beliefLone: 0.4 },
      belief: 0.3,
      want: [],
    },
    {
      name: 'below support similarity: never an anchor however believed',
      n: 1,
      pair: pair(0, 0, 0.2),
      gates: { beliefSure: 0.8, beliefLone: 0.4 },
      belief: 0.9,
      want: [],
    },
    {
      name: 'a lone gate above the sure gate asks no more than the sure gate',
      n: 1,
      pair: pair(0, 0, 0.3),
      gates: { beliefSure: 0.6, beliefLone: 0.9 },
      belief: 0.7,
      want: ['0-0'],
    },
    {
      name: 'two claims a side: the lone gate does not apply',
      n: 2,
      pair: pair(0, 0, 0.3),
      gates: { beliefSure: 0.8, beliefLone: 0.4 },
      belief: 0.5,
      want: [],
    },
  ];
  for (const c of cases)
    t.same(
      align([c.pair], c.n, c.gates, () => c.belief),
      c.want,
      c.name,
    );
});
