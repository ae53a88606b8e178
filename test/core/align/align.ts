import t from 'tap';
import {
  ALIGN_THRESHOLDS,
  type AlignThresholds,
  alignClaims,
  groupLinks,
  movedGroups,
  pairSims,
  type ScoredPair,
} from '../../../src/core/align/align.js';
import { classifyClaim, sharedWordShare } from '../../../src/core/classify/kept.js';
import { VERBATIM_RANK_WINDOW } from '../../../src/core/compare.js';
import { candidatePairs, EXHAUSTIVE_PAIRS } from '../../../src/core/match/candidates.js';
import { copiedPairs, textShingles } from '../../../src/core/match/copied-runs.js';
import { claimTerms } from '../../../src/core/terms/tokens.js';
import { toClaimVector, Vocabulary } from '../../../src/core/terms/vocabulary.js';
import { compare } from '../../fixtures/comparer.js';
import { reader } from '../../fixtures/reader.js';
import { pair } from '../../fixtures/scored-pairs.js';
import { seeds } from '../../fixtures/seeds.js';

t.test('alignClaims: anchors, support gate, splits and merges', async (t) => {
  const cases: { name: string; pairs: ScoredPair[]; n: [number, number]; want: string[] }[] = [
    {
      name: 'one-to-one by descending similarity, each claim once',
      n: [2, 2],
      pairs: [pair(0, 0, 0.9), pair(0, 1, 0.8), pair(1, 1, 0.7)],
      want: ['0-0', '1-1'],
    },
    {
      name: 'an anchor needs non-name content, not just shared names',
      n: [1, 1],
      pairs: [pair(0, 0, 0.6, { contentA: 0.1, contentB: 0.2 })],
      want: [],
    },
    {
      name: 'weak matches are ignored when the texts show no derivation (no anchors)',
      n: [4, 4],
      pairs: [pair(0, 0, 0.44), pair(1, 1, 0.4), pair(2, 2, 0.35)],
      want: [],
    },
    {
      name: 'a copied run of words makes a weaker pair an anchor',
      n: [10, 10],
      pairs: [pair(0, 0, 0.3, { copied: true }), pair(1, 1, 0.3)],
      want: ['0-0'],
    },
    {
      name: 'a copied clause of a longer sentence joins its group with a smaller carried share',
      n: [2, 1],
      pairs: [pair(0, 0, 0.8), pair(1, 0, 0.4, { aInB: 0.35, copied: true })],
      want: ['0-0', '1-0'],
    },
    {
      name: 'weak matches count once anchors show derivation',
      n: [4, 4],
      pairs: [pair(0, 0, 0.9), pair(1, 1, 0.4), pair(2, 2, 0.2)],
      want: ['0-0', '1-1'],
    },
    {
      name: 'one-to-many: a rewrite claim carried by a matched original joins its group (split)',
      n: [1, 2],
      pairs: [pair(0, 0, 0.8), pair(0, 1, 0.45, { bInA: 0.7 })],
      want: ['0-0', '0-1'],
    },
    {
      name: 'many-to-one: an original claim carried into a matched rewrite joins its group (merge)',
      n: [2, 1],
      pairs: [pair(0, 0, 0.8), pair(1, 0, 0.45, { aInB: 0.7 })],
      want: ['0-0', '1-0'],
    },
    {
      name: 'a weak part that is not carried does not join',
      n: [2, 1],
      pairs: [pair(0, 0, 0.8), pair(1, 0, 0.45, { aInB: 0.3 })],
      want: ['0-0'],
    },
  ];
  for (const c of cases) {
    const got = alignClaims(c.pairs, c.n[0], c.n[1])
      .map((l) => `${l.oi}-${l.ri}`)
      .sort();
    t.same(got, c.want, c.name);
  }
  t.ok(ALIGN_THRESHOLDS.support < ALIGN_THRESHOLDS.anchor, 'support is weaker than an anchor');
});

t.test('alignClaims: a sentence repeated in the original links the copy in order with its neighbours', async (t) => {
  // Exactly equal similarities (the copies' text is the same) are broken by context, not by position: the pair whose
  // diagonal neighbours match, and once anchors or seeds are chosen, the pair next to them in order.
  // The copies' pairs carry too little of each other to join as split/merge parts: only the one-to-one choice shows.
  const lone = { aInB: 0.3, bInA: 0.3 };
  const cases: {
    name: string;
    pairs: ScoredPair[];
    n: [number, number];
    t?: Partial<AlignThresholds>;
    want: string[];
  }[] = [
    {
      name: 'anchors: original 2 and 7 are one sentence; the rewrite of 5..9 takes copy 7, not the earlier copy',
      n: [10, 5],
      pairs: [
        pair(5, 0, 0.5),
        pair(6, 1, 0.5),
        pair(2, 2, 0.6, lone),
        pair(7, 2, 0.6, lone),
        pair(8, 3, 0.5),
        pair(9, 4, 0.5),
      ],
      want: ['5-0', '6-1', '7-2', '8-3', '9-4'],
    },
    {
      name: 'seeds in text not shown to derive: the second repeated sentence goes beside the first seed, though the other copy has more similar diagonal neighbours',
      n: [20, 20],
      t: { beliefSeed: 0.3 },
      pairs: [
        pair(11, 8, 0.3),
        pair(3, 10, 0.4),
        pair(13, 10, 0.4),
        pair(4, 11, 0.35),
        pair(14, 11, 0.35),
        pair(5, 12, 0.34),
        pair(15, 12, 0.33),
      ],
      want: ['11-8', '13-10', '14-11'],
    },
    {
      name: 'no repeat: a pair more similar wins over one in context (context only breaks exact ties)',
      n: [10, 5],
      pairs: [
        pair(5, 0, 0.5),
        pair(6, 1, 0.5),
        pair(2, 2, 0.61, lone),
        pair(7, 2, 0.6, lone),
        pair(8, 3, 0.5),
        pair(9, 4, 0.5),
      ],
      want: ['2-2', '5-0', '6-1', '8-3', '9-4'],
    },
  ];
  for (const c of cases) {
    const th = { ...ALIGN_THRESHOLDS, ...c.t };
    const got = alignClaims(c.pairs, c.n[0], c.n[1], th, undefined, pairSims(c.pairs, c.n[0], c.n[1]), () => 0.9)
      .map((l) => `${l.oi}-${l.ri}`)
      .sort();
    t.same(got, c.want, c.name);
  }
});

t.test('alignClaims: group extension joins adjacent merge parts that explain more of the group', async (t) => {
  // Original 0..3, rewrite 0..1. Anchors 0–0 and 3–1 make the text derived; original 1 (next to 0) and
  // original 2 each match rewrite 0 weakly. The coverage function says adding original 1 explains more of
  // rewrite 0, adding original 2 (not adjacent to the group) would too, but only neighbours are candidates.
  // (Gap filling, tested in context.ts, is switched off here: `gap` above any similarity.)
  const noGaps: AlignThresholds = { ...ALIGN_THRESHOLDS, gap: 2 };
  const pairs = [pair(0, 0, 0.8), pair(3, 1, 0.8), pair(1, 0, 0.22, { aInB: 0.3 }), pair(2, 0, 0.3, { aInB: 0.3 })];
  const gain = (side: 'o' | 'r', x: number, partners: number[]) =>
    side === 'r' && x === 0 ? 0.5 + 0.2 * partners.filter((p) => p === 1 || p === 2).length : 0.4;
  const got = (gs: typeof gain, t0: AlignThresholds = noGaps) =>
    alignClaims(pairs, 4, 2, t0, gs)
      .map((l) => `${l.oi}-${l.ri}`)
      .sort();
  t.same(got(gain), ['0-0', '1-0', '3-1'], 'the adjacent part joins; a non-adjacent claim is not a candidate');
  t.same(
    got(() => 0.5),
    ['0-0', '3-1'],
    'no gain in what the group explains: the neighbour stays out',
  );
  t.same(got(gain, { ...noGaps, extend: 0.25 }), ['0-0', '3-1'], 'below `extend` a pair is no evidence');
  const small = (side: 'o' | 'r', x: number, partners: number[]) =>
    side === 'r' && x === 0 ? 0.5 + 0.05 * partners.length : 0.4;
  t.same(got(small), ['0-0', '3-1'], 'a gain below `extendGain` (less than a content word) is not enough');
  const weakOnly = [pair(0, 0, 0.8), pair(1, 0, 0.22, { aInB: 0.3 })];
  t.same(
    alignClaims(weakOnly, 40, 40, ALIGN_THRESHOLDS, gain).map((l) => `${l.oi}-${l.ri}`),
    ['0-0'],
    'no extension when the texts are not shown to derive (one anchor in 40 claims)',
  );
});

t.test(
  'alignClaims: a sentence split across two rewrite sentences joins both, though each adds other material',
  async (t) => {
    // Original 0 is carried by rewrite 0 (anchor) and partly by rewrite 1, which also brings other content (its
    // pair similarity is low). Rewrite 1 explains 0.15 of original 0 beyond rewrite 0, and original 0 explains
    // 0.3 of rewrite 1: both ends gain, so the split part joins. Anchors 2–2, 3–3 make the text derived.
    const pairs = [pair(0, 0, 0.7), pair(0, 1, 0.22), pair(2, 2, 0.9), pair(3, 3, 0.9)];
    const coverage = (plus: number) => (side: 'o' | 'r', x: number, partners: number[]) =>
      side === 'o' && x === 0 ? 0.6 + (partners.includes(1) ? plus : 0) : side === 'r' && x === 1 ? 0.3 : 0.9;
    const noGaps: AlignThresholds = { ...ALIGN_THRESHOLDS, gap: 2 };
    const got = (plus: number) =>
      alignClaims(pairs, 4, 4, noGaps, coverage(plus))
        .map((l) => `${l.oi}-${l.ri}`)
        .sort();
    t.same(got(0.15), ['0-0', '0-1', '2-2', '3-3'], 'the split part joins');
    t.same(got(0.02), ['0-0', '2-2', '3-3'], 'a neighbour adding almost nothing to the original does not');
  },
);

t.test('compare: a rewrite sentence merging adjacent original sentences matches each of them', async (t) => {
  const o =
    'The city council approved a new budget on Tuesday after months of debate. The plan raises property taxes ' +
    'by three percent to pay for road repairs. Critics said the increase would hurt' +
    ' retirees on fixed incomes. The mayor ' +
    'defended the measure as overdue. Construction on the first roads will begin in' +
    ' the spring.\n\nThe council also voted ' +
    'to extend library hours on weekends. Library staff had asked for the change for two years.';
  const r =
    'After months of debate, the city council on Tuesday approved a new budget, with critics warning that retirees ' +
    'on fixed incomes would suffer from the increase. The mayor defended the measure as overdue. Construction on the ' +
    'first roads will begin in the spring.\n\nThe council also voted to extend library hours on weekends.';
  const res = compare({ text: o }, { text: r });
  t.same(res.rewrite.claims[0]!.matches, ['o1', 'o3'], 'the merged sentence matches both sources');
  t.equal(res.original.claims[1]!.status, 'dropped', 'the sentence in between, not carried, stays dropped');
  t.same(res.original.claims[6]!.matches, [], 'an unrelated neighbour does not join');
});

t.test('copiedPairs: shared runs of six words with real content, not stock phrases of names', async (t) => {
  const terms = (ss: string[]) => ss.map((x) => claimTerms(x, reader));
  const original = terms([
    '“He thinks that terrorizing cities will weaken their morale, and he thinks eventually their lines will crack.”',
    'Russian President Vladimir Putin and Ukrainian President Volodymyr Zelenskyy met in Istanbul.',
    'Speculation is mounting over whether a face-to-face meeting between Trump and Putin is planned.',
  ]);
  const rewrite = terms([
    'Sullivan added: “He thinks that terrorizing cities will weaken their morale.”',
    'Talks between Russian President Vladimir Putin and Ukrainian President Volodymyr Zelenskyy stalled.',
    'Officials say the next stage rests with a face-to-face meeting between the two leaders.',
  ]);
  t.same([...copiedPairs(textShingles(original), textShingles(rewrite))], [0], 'only the copied clause counts');
});

t.test('pairSims: the same lookups from the dense table (article-sized texts) and the Map (long texts)', async (t) => {
  const pairs = [pair(0, 0, 0.9), pair(3, 2, 0), pair(7, 5, 0.4), pair(7, 5, 0.6)];
  // 100 × 100 claims fit the dense table; 2,000 × 1,000 do not.
  for (const [originalCount, rewriteCount] of [
    [100, 100],
    [2000, 1000],
  ] as const) {
    const sim = pairSims(pairs, originalCount, rewriteCount);
    const at = `${originalCount}×${rewriteCount}`;
    t.equal(sim(0, 0), 0.9, `${at}: a scored pair`);
    t.equal(sim(3, 2), 0, `${at}: a pair scored 0 is scored`);
    t.equal(sim(7, 5), 0.6, `${at}: a pair scored twice keeps its last score`);
    t.equal(sim(2, 3), -1, `${at}: an unscored pair is -1`);
    t.equal(sim(originalCount, 0), -1, `${at}: past the last original claim (a neighbour looked up) is -1`);
  }
});

t.test('groupLinks: connected components as one-to-many / many-to-one groups', async (t) => {
  const groups = groupLinks([
    { oi: 0, ri: 0, sim: 0.9 },
    { oi: 0, ri: 1, sim: 0.5 },
    { oi: 2, ri: 2, sim: 0.7 },
    { oi: 3, ri: 2, sim: 0.6 },
  ]);
  t.same(
    groups.map((g) => [g.original, g.rewrite]),
    [
      [[0], [0, 1]],
      [[2, 3], [2]],
    ],
  );
  t.same(
    groups.map((g) => g.sim),
    [0.9, 0.7],
    'a group carries its best similarity',
  );
});

t.test('movedGroups: the minimal set of moves (outside a longest increasing subsequence)', async (t) => {
  const g = (r: number) => ({ original: [0], rewrite: [r] });
  const cases: [number[], boolean[]][] = [
    [
      [0, 1, 2, 3],
      [false, false, false, false],
    ],
    [
      [3, 0, 1, 2],
      [true, false, false, false],
    ],
    [
      [0, 3, 1, 2],
      [false, true, false, false],
    ],
    [[], []],
  ];
  for (const [pos, want] of cases) t.same(movedGroups(pos.map(g)), want, pos.join(','));
});

t.test('classification: kept when the words survive near-verbatim, else paraphrased', async (t) => {
  const w = (s: string) => claimTerms(s, reader).words;
  const cases: [string, string, 'kept' | 'paraphrased'][] = [
    ['This was a European situation.', 'This was a European situation.', 'kept'],
    [
      'But, he added, “if it doesn’t, I just back away, and they’re going to have to keep going.',
      '“If it doesn’t [happen], I just back away, and they’re going to have to keep going.',
      'kept',
    ],
    [
      '“Vladimir Putin wants to keep the war going,” Jake Sullivan, who was President' +
        ' Joe Biden’s national security adviser, told me.',
      '“Vladimir Putin wants to keep the war going,” said Jake Sullivan, President Joe' +
        ' Biden’s former national security adviser.',
      'kept',
    ],
    ['Its potential is UNLIMITED,” he wrote.', 'Its potential is UNLIMITED.”', 'kept'],
    ['Europe is on its own now.', 'Europe must now fend for itself.', 'paraphrased'],
    [
      'A major sticking point continues to be Ukraine’s demand for security guarantees.',
      'Central to any potential agreement is the question of security guarantees for Ukraine.',
      'paraphrased',
    ],
    [
      'The measure now has the support of a bipartisan group of nearly 80 senators.',
      'The measure has drawn support from nearly 80 senators.',
      'paraphrased',
    ],
    // A short claim finds most of its words scattered through a long partner: a rewording, not a copy…
    [
      'Trump pulls back from Ukraine peace push',
      'US President steps back from Russia-Ukraine peace deal for now: Report.' +
        ' President Donald Trump is taking a step back from direct negotiations to end' +
        ' Russia’s war in Ukraine.',
      'paraphrased',
    ],
    // …while a claim copied whole into a longer partner is kept.
    ['Europe is on its own.', 'Trump made this clear. Europe is on its own. And Russia has been handed a win.', 'kept'],
  ];
  for (const [a, b, want] of cases) t.equal(classifyClaim(w(a), w(b), 50), want, `${want}: ${a.slice(0, 40)}…`);
  t.equal(sharedWordShare([], ['a'], 50), 0, 'empty claim carries nothing');
});

t.test('candidatePairs: every pair on short texts, an index capped per claim on long ones', async (t) => {
  const vocab = new Vocabulary(null);
  const mk = (s: string) => toClaimVector(vocab, claimTerms(s, reader));
  const small = candidatePairs(vocab, [mk('A cat sat.'), mk('A dog ran.')], [mk('The cat sat.')], 40);
  t.same(small, [[0, 1]], 'short texts: exhaustive');
  const n = Math.ceil(Math.sqrt(EXHAUSTIVE_PAIRS)) + 20;
  const original = Array.from({ length: n }, (_, i) =>
    mk(`Report number ${i} mentions the keyword term${i} and the river.`),
  );
  const rewrite = Array.from({ length: n }, (_, i) =>
    mk(`The keyword term${(i * 7) % n} appears again near the river.`),
  );
  vocab.setDocumentFrequencies(new Array(vocab.keys.length).fill(1), 2 * n);
  const cands = candidatePairs(vocab, original, rewrite, 5);
  t.ok(
    cands.every((c) => c.length <= 5),
    'capped at maxCandidatesPerClaim',
  );
  t.ok(
    cands.every((c, ri) => c.includes((ri * 7) % n)),
    'the claim sharing a rare term is a candidate',
  );
});

t.test('compare: split, merge, move, kept and summary on a constructed rewrite', async (t) => {
  const original = [
    'The city council approved a new budget for the public library on Tuesday, adding' +
      ' funds for evening opening hours and a mobile book van.',
    'Officials said the library will hire six additional staff members before the winter.',
    'The mayor praised the decision, calling the library the heart of the community.',
    'Critics warned that the budget leaves road repairs underfunded for a second year.',
    'Lottery numbers drawn on Friday were 4, 17 and 32, according to the operator.',
  ].join('\n\n');
  const rewrite = [
    'Critics warned that the budget leaves road repairs underfunded for a second year.',
    'On Tuesday the city council approved a new library budget. The plan adds funds' +
      ' for evening opening hours and a mobile book van.',
    'The mayor praised the decision, calling the library the heart of the community,' +
      ' and officials said six more staff members will be hired before winter.',
    'A brass band will play at the reopening ceremony in March.',
  ].join('\n\n');
  const out = compare({ text: original }, { text: rewrite });
  const byId = Object.fromEntries([...out.original.claims, ...out.rewrite.claims].map((c) => [c.id, c]));
  t.same(byId.o1!.matches, ['r2', 'r3'], 'one-to-many: the first sentence was split in two');
  t.same(byId.r4!.matches, ['o2', 'o3'], 'many-to-one: two sentences merged into one');
  t.equal(byId.o4!.status, 'kept', 'verbatim sentence kept');
  t.equal(byId.o4!.carried, 1, 'verbatim sentence carried whole');
  t.equal(byId.r4!.status, 'paraphrased');
  t.equal(byId.o5!.status, 'dropped');
  t.equal(byId.r5!.status, 'added');
  const moved = out.alignments.find((a) => a.original.includes('o4'));
  t.equal(moved?.moved, true, 'the critics sentence moved to the top');
  t.equal(out.alignments.filter((a) => a.moved).length, 1, 'only one move');
  t.ok(
    moved!.diff.every((d) => d.op === 'equal'),
    'verbatim group diff is all equal',
  );
  const split = out.alignments.find((a) => a.original.includes('o1'))!;
  t.ok(
    split.diff.some((d) => d.op === 'removed') && split.diff.some((d) => d.op === 'added'),
    'paraphrased group has a word diff',
  );
  t.same(out.original.paragraphs[0]!.matches, [1], 'paragraph alignment');
  t.equal(out.summary.verdict, 'wholly_derived');
  t.ok(out.summary.coverage > 0.7 && out.summary.coverage < 1, `coverage ${out.summary.coverage}`);
});

t.test('seeds: Caliber.Az rewrite is derived from the Atlantic; 004 is independent of both', async (t) => {
  const derived = compare({ text: seeds.atlantic }, { text: seeds.caliber });
  t.equal(derived.summary.verdict, 'wholly_derived');
  t.ok(
    derived.alignments.some((a) => a.moved),
    'the rewrite reorders',
  );
  t.ok(
    derived.alignments.some((a) => a.original.length > 1 || a.rewrite.length > 1),
    'with splits or merges',
  );
  t.ok(
    derived.alignments.some((a) => a.status === 'kept') && derived.alignments.some((a) => a.status === 'paraphrased'),
  );
  for (const [name, a, b] of [
    ['004→000', seeds.independent004, seeds.caliber],
    ['001→004', seeds.atlantic, seeds.independent004],
  ] as const) {
    const out = compare({ text: a }, { text: b });
    t.equal(out.summary.verdict, 'independent', name);
  }
});

t.test('compare: a repeated sentence pairs its copies in order, one to one', async (t) => {
  const res = compare(
    { text: 'The talks resumed today.\n\n'.repeat(300) },
    { text: 'The talks resumed today.\n'.repeat(200) },
  );
  t.ok(
    res.rewrite.claims.every((c, i) => c.status === 'kept' && c.matches[0] === `o${i + 1}`),
    'the k-th copy matches the k-th copy',
  );
  // Surplus copies pair only within VERBATIM_RANK_WINDOW of the last rewrite copy, so nearly all stay dropped.
  t.ok(
    res.original.claims.filter((c) => c.status === 'dropped').length >= 100 - VERBATIM_RANK_WINDOW,
    'the surplus copies are dropped',
  );
});
