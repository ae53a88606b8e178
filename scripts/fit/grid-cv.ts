/**
 * The cross-validated choice of one rule's thresholds on a small grid, shared by the fits that replay many
 * variations of one stage (`edge-split.ts`, `reclaim.ts`, `shred.ts`): k folds over the PAN pairs with reuse, each
 * fold's variation chosen on the other folds and scored on it, then the choice on all pairs.
 */
import { type Figures, figuresRow, meanF1 } from './pan-pairs.js';

export interface GridFit<T> {
  /** The variations, in the order ties are settled: of equal mean F1, the first read wins. */
  grid: readonly T[];
  /** The rule off: no sub-corpus may fall below it by more than `slack`. */
  none: T;
  /** PAN figures per sub-corpus of a variation on the pairs `keep` picks (by index among the pairs with reuse). */
  figures: (t: T, keep: (k: number) => boolean) => Figures;
  /** How far below the rule off a sub-corpus's F1 may fall on the pairs a choice is made on (noise level). */
  slack: number;
  /** The guards a variation must pass on all the data (independent pairs, STS, the development cases). */
  safe: (t: T) => boolean;
  folds: number;
}

/** The safe variation with the best mean F1 that lowers no sub-corpus by more than `slack`, on the pairs `keep` picks. */
export function chooseOnGrid<T>(fit: GridFit<T>, keep: (k: number) => boolean): { t: T; f: Figures } {
  const none = fit.figures(fit.none, keep);
  let best = { t: fit.none, f: none, score: meanF1(none) };
  for (const t of fit.grid) {
    const f = fit.figures(t, keep);
    if (Object.entries(f).some(([s, v]) => v.f1 < none[s]!.f1 - fit.slack)) continue;
    const score = meanF1(f);
    // The guards last: they cost whole runs of other corpora, and most variations fail the figures first.
    if (score <= best.score + 1e-9 || !fit.safe(t)) continue;
    best = { t, f, score };
  }
  return best;
}

/**
 * The report's cross-validation table (one row per fold: the choice made on the other folds, and the held-out
 * figures with the rule off and with that choice, under the column names `off` and `on`), and the choice on all pairs.
 */
export function crossValidate<T>(
  fit: GridFit<T>,
  off: string,
  on: string,
  show: (t: T) => string = (t) => `\`${JSON.stringify(t)}\``,
): { table: string; all: { t: T; f: Figures } } {
  const fold = (k: number) => k % fit.folds;
  const lines = [
    `| fold | chosen on the other folds | held-out PAN F1, ${off} | held-out PAN F1, ${on} |`,
    '|---|---|---|---|',
  ];
  for (let k = 0; k < fit.folds; k++) {
    const { t } = chooseOnGrid(fit, (i) => fold(i) !== k);
    const held = (i: number) => fold(i) === k;
    lines.push(
      `| ${k + 1} | ${show(t)} | ${figuresRow(fit.figures(fit.none, held))} | ${figuresRow(fit.figures(t, held))} |`,
    );
  }
  return { table: lines.join('\n'), all: chooseOnGrid(fit, () => true) };
}
