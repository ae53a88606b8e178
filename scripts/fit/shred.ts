/**
 * Fits the shredded-claim rule (`shreddedClaims` in `src/core/align/merges.ts`; `ALIGN_THRESHOLDS.shred*`): PAN F1
 * per sub-corpus for every variation on a small grid, chosen by 5-fold cross-validation over the PAN pairs with
 * reuse (each fold's choice made on the other four folds, scored on it). Constraints on every variation, on all the
 * data: no unrelated PAN or SemEval pair turned derived, every independent seed pair independent with at most 5% of
 * it aligned and no more aligned than without the rule, the development pair's figures unchanged, and the STS
 * headlines Pearson down by no more than STS_SLACK. Writes docs/shred.md; the chosen values go into
 * `ALIGN_THRESHOLDS` by hand.
 *
 *   node dist/scripts/fit/shred.js [--corpora DIR] [--limit N]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AlignThresholds } from '../../src/core/align/align.js';
import { type ArticleInput, DEFAULT_LIMITS } from '../../src/core/types.js';
import { defaultComparer } from '../../src/default-comparer.js';
import { type CaseFigures, casesDir, runEval } from '../eval.js';
import {
  type CompareFn,
  corporaDir,
  option,
  readPan,
  readSemeval,
  readSts,
  scoreSemeval,
  scoreSts,
} from './corpora.js';
import { crossValidate } from './grid-cv.js';
import { figuresRow, pairScore, panGold, pct, perVariation, subcorpusFigures } from './pan-pairs.js';

const argv = process.argv;
const limit = +option(argv, '--limit', '0') || Infinity;
const FOLDS = 5;
const GRID = {
  shredMember: [0.2, 0.25, 0.3],
  shredShare: [0.45, 0.5, 0.6],
  shredCarried: [0.3, 0.4, 0.5],
  shredLocal: [0, 1],
};
type Shred = Pick<AlignThresholds, 'shredMember' | 'shredShare' | 'shredCarried' | 'shredLocal'>;
/** The rule off. */
const NONE: Shred = { shredMember: 0.25, shredShare: 0.5, shredCarried: 2, shredLocal: 0 };
/** A variation may not lower a sub-corpus's training F1 by more than this (noise level) below the rule off. */
const SLACK = 0.003;
/** …nor the STS headlines Pearson by more than this. */
const STS_SLACK = 0.001;
/** The most of an independent seed pair that may be aligned (as `fit.ts` and the regression pins ask). */
const SEED_ALIGNED = 0.05;

const comparer = defaultComparer();
const run =
  (t: Shred): CompareFn =>
  (o: ArticleInput, r: ArticleInput) =>
    comparer.compare(o, r, DEFAULT_LIMITS, { thresholds: t });

const dir = corporaDir(argv);
const pan = readPan(join(dir, 'pan13-dev'), limit);
const pairs = pan.filter((p) => p.cases.length);
const unrelated = pan.filter((p) => !p.cases.length);
const headlines = readSts(join(dir, 'stsb-dev-news.tsv'), limit);
const semeval = readSemeval(join(dir, 'semeval2022-task8-train-leads.csv'), limit);

const grid: Shred[] = [];
for (const shredMember of GRID.shredMember)
  for (const shredShare of GRID.shredShare)
    for (const shredCarried of GRID.shredCarried)
      for (const shredLocal of GRID.shredLocal) grid.push({ shredMember, shredShare, shredCarried, shredLocal });

const golds = pairs.map(panGold);
/** Character precision and recall of one variation on every pair with reuse (as `scorePan` counts them). */
const scores = perVariation((t: Shred) => {
  const compare = run(t);
  return pairs.map((p, k) => pairScore(golds[k]!, compare({ text: p.source }, { text: p.suspicious }).rewrite.claims));
});
/** What must not change: independent pairs called derived, the seed pairs, the development pair, STS. */
interface Guard {
  unrelatedDerived: number;
  semevalDerived: number;
  dev: CaseFigures[];
  sts: number;
}
const guard = perVariation((t: Shred): Guard => {
  const compare = run(t);
  const sem = scoreSemeval(semeval, compare);
  return {
    unrelatedDerived: unrelated.filter(
      (p) => compare({ text: p.source }, { text: p.suspicious }).summary.verdict !== 'independent',
    ).length,
    semevalDerived: sem.far - sem.independent,
    dev: runEval(casesDir(), compare),
    sts: scoreSts(headlines, compare),
  };
});
const devRow = (c: CaseFigures) =>
  c.original && c.rewrite
    ? `${c.name}: aligned-F1 ${pct(c.original.alignedF1)}/${pct(c.rewrite.alignedF1)}, label acc ` +
      `${pct(c.original.labelAccuracy)}/${pct(c.rewrite.labelAccuracy)}, links F1 ${pct(c.linksF1 ?? 0)}`
    : `${c.name}: ${c.verdict.got}, aligned ${pct(c.alignedShare ?? 0)}`;
/** Whether `t` keeps every guard: nothing independent turns derived or grows its aligned share, the pair unchanged. */
function safe(t: Shred): boolean {
  const g = guard(t),
    b = guard(NONE);
  if (g.unrelatedDerived > b.unrelatedDerived || g.semevalDerived > b.semevalDerived) return false;
  if (g.sts < b.sts - STS_SLACK) return false;
  return g.dev.every((c, i) => {
    const was = b.dev[i]!;
    if (was.verdict.gold === 'independent')
      return (
        c.verdict.got === 'independent' &&
        (c.alignedShare ?? 0) <= Math.max(SEED_ALIGNED, was.alignedShare ?? 0) &&
        (c.alignedShare ?? 0) <= (was.alignedShare ?? 0) + 1e-9
      );
    // The development pair (any case with gold figures): unchanged. Cases without a gold verdict are shown only.
    return !c.original || devRow(c) === devRow(was);
  });
}

/** PAN figures per sub-corpus of `t` on the pairs `keep` picks. */
const figures = (t: Shred, keep: (k: number) => boolean) => subcorpusFigures(pairs, scores(t), keep);
const unsafe = grid.filter((t) => !safe(t));
const { table, all } = crossValidate(
  { grid, none: NONE, figures, slack: SLACK, safe, folds: FOLDS },
  'rule off',
  'chosen',
);
const guardRow = (t: Shred) => {
  const g = guard(t);
  return (
    `unrelated PAN pairs derived ${g.unrelatedDerived}/${unrelated.length}, SemEval unrelated derived ` +
    `${g.semevalDerived}, STS headlines Pearson ${g.sts.toFixed(3)}; ${g.dev.map(devRow).join('; ')}`
  );
};
const doc = `# Shredded-claim calibration

Generated by \`scripts/fit/shred.ts\` (do not edit): the thresholds of the shredded-claim rule
(\`shreddedClaims\` in \`src/core/align/merges.ts\`, \`ALIGN_THRESHOLDS.shred*\`), which links a stretch of consecutive
weak fragments of one side to the one claim of the other they together carry. Grid: \`${JSON.stringify(GRID)}\`
(${grid.length} variations). A variation qualifies when it lowers no PAN sub-corpus's F1 by more than ${pct(SLACK)} points on
the pairs it is chosen on, nor the STS headlines Pearson by more than ${STS_SLACK}, turns no unrelated PAN or SemEval
pair derived, aligns no more of any independent seed pair (at most ${pct(SEED_ALIGNED)}%), and leaves the development
pair's figures unchanged; the best mean PAN F1 wins. Variations failing the guards on all the data
(${unsafe.length}): ${unsafe.map((t) => `\`${JSON.stringify(t)}\``).join(', ') || 'none'}.

## Cross-validation (${FOLDS} folds over the ${pairs.length} PAN pairs with reuse)

${table}

## On all pairs

Chosen: \`${JSON.stringify(all.t)}\`

- rule off: ${figuresRow(figures(NONE, () => true))}
- chosen: ${figuresRow(all.f)}
- guards, rule off: ${guardRow(NONE)}
- guards, chosen: ${guardRow(all.t)}
`;
writeFileSync(join('docs', 'shred.md'), doc);
console.log(doc);
