/**
 * Fits the edge-split thresholds (`src/core/classify/edge-split.ts`): PAN F1 per sub-corpus for every variation on a
 * small grid, chosen by 5-fold cross-validation over the PAN pairs (each fold's choice made on the other four
 * folds, scored on it), with the development cases (dev pair and independent seeds) as a constraint. Each pair is
 * compared once without splitting; every variation then splits that answer (the split is the compare's last stage
 * and a pure function of it). Writes docs/edge-split.md; the chosen values go into `EDGE_SPLIT` by hand.
 *
 *   node dist/scripts/fit/edge-split.js [--corpora DIR] [--limit N]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EdgeSplitThresholds, type SplitSide, splitEdges } from '../../src/core/classify/edge-split.js';
import { sideResult } from '../../src/core/classify/side-result.js';
import { type ArticleInput, type CompareResult, DEFAULT_LIMITS, type SideResult } from '../../src/core/types.js';
import { defaultComparer } from '../../src/default-comparer.js';
import { casesDir, runEval } from '../eval.js';
import { type CompareFn, corporaDir, option, readPan, readSts, scoreSts } from './corpora.js';
import { crossValidate } from './grid-cv.js';
import { figuresRow, pairScore, panGold, pct, perVariation, subcorpusFigures } from './pan-pairs.js';

const argv = process.argv;
const limit = +option(argv, '--limit', '0') || Infinity;
const FOLDS = 5;
const GRID = {
  minWords: [3, 5, 8],
  anchorWords: [2, 3, 5],
  edgeShared: [0, 0.1, 0.2],
  coreShared: [0.8, 0.9, 1],
  coreWords: [5, 10, 15],
  edgeMoved: [0.25, 0.5, 1],
};
const NONE: EdgeSplitThresholds = {
  minWords: Infinity,
  anchorWords: 3,
  edgeShared: 0,
  coreShared: 1,
  coreWords: 0,
  edgeMoved: 0,
};
/** A variation may not lower a sub-corpus's training F1 by more than this (noise level) below no splitting. */
const SLACK = 0.003;
/** …nor the STS headlines Pearson by more than this. */
const STS_SLACK = 0.001;

const comparer = defaultComparer();
const unsplit = new Map<string, CompareResult>();
const base = (o: ArticleInput, r: ArticleInput) => {
  const key = `${o.text}\u0000${r.text}`;
  let out = unsplit.get(key);
  if (!out) unsplit.set(key, (out = comparer.compare(o, r, DEFAULT_LIMITS, { edgeSplit: { minWords: Infinity } })));
  return out;
};

/** One side of an answer as the split reads it. */
function sideOf(s: SideResult): SplitSide {
  const byId = new Map(s.claims.map((c) => [c.id, c]));
  return {
    claims: s.claims.map((c) => ({ paragraph: c.paragraph, start: c.start, end: c.end, text: c.text })),
    paragraphs: s.paragraphs.map((p) => ({
      start: p.start,
      end: p.end,
      sentences: p.claims.map((id) => ({ start: byId.get(id)!.start, end: byId.get(id)!.end })),
    })),
  };
}

/** The compare's answer split with `t` (its claims and alignments; the rest as compared). */
function split(t: EdgeSplitThresholds): CompareFn {
  return (o, r) => {
    const out = base(o, r);
    const verdicts = (s: SideResult) =>
      s.claims.map(({ status, matches, similarity, carried, alignments }) => ({
        status,
        matches,
        similarity,
        carried,
        alignments,
      }));
    const cut = splitEdges(
      sideOf(out.original),
      sideOf(out.rewrite),
      { original: o.text, rewrite: r.text },
      { alignments: out.alignments, original: verdicts(out.original), rewrite: verdicts(out.rewrite) },
      DEFAULT_LIMITS.maxDiffEdits,
      t,
    );
    const side = (
      s: SplitSide,
      old: SideResult,
      prefix: 'o' | 'r',
      v: typeof cut.verdicts.original,
      other: SplitSide,
    ) => sideResult({ ...s, boilerplate: old.boilerplate }, prefix, v, other.claims);
    return {
      ...out,
      original: side(cut.o, out.original, 'o', cut.verdicts.original, cut.r),
      rewrite: side(cut.r, out.rewrite, 'r', cut.verdicts.rewrite, cut.o),
      alignments: cut.verdicts.alignments,
    };
  };
}

const pairs = readPan(join(corporaDir(argv), 'pan13-dev'), limit).filter((p) => p.cases.length);
const headlines = readSts(join(corporaDir(argv), 'stsb-dev-news.tsv'), limit);
/** STS headlines Pearson of a variation: a split must not cost the headline pairs (title case, names). */
const sts = perVariation((t: EdgeSplitThresholds) => scoreSts(headlines, split(t)));
const grid: EdgeSplitThresholds[] = [];
for (const minWords of GRID.minWords)
  for (const anchorWords of GRID.anchorWords)
    for (const edgeShared of GRID.edgeShared)
      for (const coreShared of GRID.coreShared)
        for (const coreWords of GRID.coreWords)
          for (const edgeMoved of GRID.edgeMoved)
            grid.push({ minWords, anchorWords, edgeShared, coreShared, coreWords, edgeMoved });

const golds = pairs.map(panGold);
/** Character precision and recall of one variation on every pair (as `scorePan` counts them). */
const scores = perVariation((t: EdgeSplitThresholds) => {
  const run = split(t);
  return pairs.map((p, k) => pairScore(golds[k]!, run({ text: p.source }, { text: p.suspicious }).rewrite.claims));
});
/** PAN figures per sub-corpus of `t` on the pairs `keep` picks. */
const figures = (t: EdgeSplitThresholds, keep: (k: number) => boolean) => subcorpusFigures(pairs, scores(t), keep);
const { table, all } = crossValidate(
  { grid, none: NONE, figures, slack: SLACK, safe: (t) => sts(t) >= sts(NONE) - STS_SLACK, folds: FOLDS },
  'no split',
  'split',
);
const dev = (t: EdgeSplitThresholds) =>
  runEval(casesDir(), split(t))
    .filter((c) => c.original && c.rewrite)
    .map(
      (c) =>
        `${c.name}: aligned-F1 ${pct(c.original!.alignedF1)}/${pct(c.rewrite!.alignedF1)}, label acc ` +
        `${pct(c.original!.labelAccuracy)}/${pct(c.rewrite!.labelAccuracy)}, links F1 ${pct(c.linksF1 ?? 0)}`,
    )
    .join('; ');
const doc = `# Edge-split calibration

Generated by \`scripts/fit/edge-split.ts\` (do not edit): the thresholds of \`src/core/classify/edge-split.ts\`, which
splits an aligned claim's uncopied edge off at a seam. Grid: \`${JSON.stringify(GRID)}\` (${grid.length} variations).
A variation qualifies when it lowers no PAN sub-corpus's F1 by more than ${pct(SLACK)} points on the pairs it is chosen on, nor
the STS headlines Pearson by more than ${STS_SLACK}; the best mean PAN F1 wins.

## Cross-validation (${FOLDS} folds over the ${pairs.length} PAN pairs with reuse)

${table}

## On all pairs

Chosen: \`${JSON.stringify(all.t)}\`

- no split: ${figuresRow(figures(NONE, () => true))}
- split: ${figuresRow(all.f)}
- STS headlines Pearson: no split ${sts(NONE).toFixed(3)}, split ${sts(all.t).toFixed(3)}
- development cases, no split: ${dev(NONE)}
- development cases, split: ${dev(all.t)}
`;
writeFileSync(join('docs', 'edge-split.md'), doc);
console.log(doc);
