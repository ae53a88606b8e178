import t from 'tap';
import type { ClaimVerdict, Classification } from '../../../src/core/classify/claim-verdicts.js';
import { EDGE_SPLIT, type SplitSide, splitEdges } from '../../../src/core/classify/edge-split.js';
import { wordDiff } from '../../../src/core/classify/word-diff.js';

/** One paragraph of sentences joined by spaces, as the split reads a side. */
function side(sentences: string[]): { text: string; side: SplitSide } {
  const text = sentences.join(' ');
  let at = 0;
  const claims = sentences.map((s) => {
    const c = { paragraph: 0, start: at, end: at + s.length, text: s };
    at += s.length + 1;
    return c;
  });
  const sentenceSpans = claims.map(({ start, end }) => ({ start, end }));
  return { text, side: { claims, paragraphs: [{ start: 0, end: text.length, sentences: sentenceSpans }] } };
}

/** A classification of one-to-one groups `[oi, ri]`: every member paraphrased, diffs as the compare makes them. */
function classified(o: SplitSide, r: SplitSide, groups: [number, number][]): Classification {
  const verdicts = (n: number, status: 'dropped' | 'added'): ClaimVerdict[] =>
    Array.from({ length: n }, () => ({ status, matches: [], similarity: 0, carried: 0, alignments: [] }));
  const original = verdicts(o.claims.length, 'dropped'),
    rewrite = verdicts(r.claims.length, 'added');
  const alignments = groups.map(([oi, ri], g) => {
    const id = `a${g + 1}`;
    original[oi] = { status: 'paraphrased', matches: [`r${ri + 1}`], similarity: 0.7, carried: 0.7, alignments: [id] };
    rewrite[ri] = { status: 'paraphrased', matches: [`o${oi + 1}`], similarity: 0.7, carried: 0.7, alignments: [id] };
    return {
      id,
      original: [`o${oi + 1}`],
      rewrite: [`r${ri + 1}`],
      status: 'paraphrased' as const,
      similarity: 0.7,
      moved: false,
      diff: wordDiff(o.claims[oi]!.text, r.claims[ri]!.text, 400),
      changes: [],
    };
  });
  return { alignments, original, rewrite };
}

const COPIED = 'The hit on PSP is now on PlayStation 2, going back to the roots of the franchise with classic gameplay';
const cases: { name: string; original: string[]; rewrite: string[]; split: string[] }[] = [
  {
    name: 'a passage glued to host text at a capital loses the host text',
    original: [`${COPIED}.`, 'Nothing else.'],
    rewrite: ['Welcome to the shop.', `${COPIED} Made especially for Guitar Hero and modelled on the famous guitar.`],
    split: ['Welcome to the shop.', COPIED, 'Made especially for Guitar Hero and modelled on the famous guitar.'],
  },
  {
    name: 'host text glued before the passage is split off too',
    original: [`${COPIED}.`],
    rewrite: [`Video Cheats Boards Buy Now Based on the feature film ${COPIED}.`],
    split: ['Video Cheats Boards Buy Now Based on the feature film', `${COPIED}.`],
  },
  {
    name: 'a clause after a comma belongs to the sentence',
    original: [`${COPIED}.`],
    rewrite: [`${COPIED}, while another one at the old camp continued to burn all night.`],
    split: [`${COPIED}, while another one at the old camp continued to burn all night.`],
  },
  {
    name: 'a quotation introduced by a function word belongs to the sentence',
    original: ['"Fiddling with the numbers now will destroy confidence in the census results," he added.'],
    rewrite: [
      'Sen. Moynihan of New York believes that "Fiddling with the numbers now will destroy confidence in the census results."',
    ],
    split: [
      'Sen. Moynihan of New York believes that "Fiddling with the numbers now will destroy confidence in the census results."',
    ],
  },
  {
    name: 'an edge found word for word in the other text is copied',
    original: [`${COPIED}.`, 'Order Now More information Contact Us today'],
    rewrite: [`${COPIED} Order Now More information Contact Us today`],
    split: [`${COPIED} Order Now More information Contact Us today`],
  },
  {
    name: 'a clause moved within a reordered sentence is not uncopied',
    original: [`Announced officially by Nvidia yesterday: ${COPIED}.`],
    rewrite: [`${COPIED} Announced officially by Nvidia yesterday.`],
    split: [`${COPIED} Announced officially by Nvidia yesterday.`],
  },
  {
    name: 'capitals in a title-case headline mark no seam',
    original: [`${COPIED}.`],
    rewrite: [`${COPIED} Must Work Together to Defeat Tyrants Everywhere`],
    split: [`${COPIED} Must Work Together to Defeat Tyrants Everywhere`],
  },
  {
    name: 'an edge shorter than minWords stays',
    original: [`${COPIED}.`],
    rewrite: [`${COPIED} Buy Now.`],
    split: [`${COPIED} Buy Now.`],
  },
];

t.test('splitEdges: uncopied edges at a seam become claims of their own', async (t) => {
  for (const c of cases) {
    const o = side(c.original),
      r = side(c.rewrite);
    const aligned = c.rewrite.findIndex((s) => s.includes(COPIED) || s.includes('Fiddling'));
    const groups: [number, number][] = [[0, aligned]];
    const out = splitEdges(
      o.side,
      r.side,
      { original: o.text, rewrite: r.text },
      classified(o.side, r.side, groups),
      400,
      EDGE_SPLIT,
    );
    t.same(
      out.r.claims.map((x) => x.text),
      c.split,
      c.name,
    );
    // Spans stay spans of the submitted text, and the paragraphs hold the new claims in order.
    for (const x of out.r.claims) t.equal(r.text.slice(x.start, x.end), x.text, `${c.name}: span`);
    t.equal(out.r.paragraphs[0]!.sentences.length, out.r.claims.length, `${c.name}: paragraph sentences`);
    // The aligned core keeps its group; a split-off edge is added and in no group.
    const core = out.r.claims.findIndex((x) => x.text.includes(COPIED) || x.text.includes('Fiddling'));
    t.same(out.verdicts.alignments[0]!.rewrite, [`r${core + 1}`], `${c.name}: group member renumbered`);
    t.same(out.verdicts.original[0]!.matches, [`r${core + 1}`], `${c.name}: other side's matches renumbered`);
    out.verdicts.rewrite.forEach((v, i) => {
      if (i !== core && c.split.length !== c.rewrite.length && !c.rewrite.includes(out.r.claims[i]!.text))
        t.equal(v.status, 'added', `${c.name}: edge ${i} added`);
    });
  }
});

t.test('splitEdges: the same rule each way (swapping the texts swaps the split)', async (t) => {
  const [c] = cases;
  const o = side(c!.rewrite),
    r = side(c!.original);
  const out = splitEdges(
    o.side,
    r.side,
    { original: o.text, rewrite: r.text },
    classified(o.side, r.side, [[1, 0]]),
    400,
    EDGE_SPLIT,
  );
  t.same(
    out.o.claims.map((x) => x.text),
    c!.split,
  );
  t.equal(out.verdicts.original[2]!.status, 'dropped');
  t.same(out.verdicts.alignments[0]!.original, ['o2']);
});

t.test('splitEdges: minWords Infinity changes nothing', async (t) => {
  const c = cases[0]!;
  const o = side(c.original),
    r = side(c.rewrite);
  const v = classified(o.side, r.side, [[0, 1]]);
  const out = splitEdges(o.side, r.side, { original: o.text, rewrite: r.text }, v, 400, {
    ...EDGE_SPLIT,
    minWords: Infinity,
  });
  t.equal(out.verdicts, v);
  t.equal(out.r, r.side);
});
