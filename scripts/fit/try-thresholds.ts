/**
 * One variation of the aligner's thresholds measured on everything the fit looks at: PAN F1 (P / R) per
 * sub-corpus, unrelated PAN pairs called derived, STS headlines Pearson, SemEval unrelated pairs called derived,
 * and the development pair and independent seeds. For trying one change before it goes into `fit.ts`.
 *
 *   node dist/scripts/fit/try-thresholds.js [--corpora DIR] [--set beliefSure=0.6,anchor=0.5] [--limit N]
 */
import { join } from 'node:path';
import { type ArticleInput, DEFAULT_LIMITS } from '../../src/core/types.js';
import { defaultComparer } from '../../src/default-comparer.js';
import { casesDir, runEval } from '../eval.js';
import type { CompareFn } from './corpora.js';
import {
  corporaDir,
  option,
  readPan,
  readSemeval,
  readSts,
  scorePan,
  scoreSemeval,
  scoreSts,
  thresholdOverrides,
} from './corpora.js';

const argv = process.argv;
const opt = (n: string, d: string) => option(argv, n, d);
const set = thresholdOverrides(argv);
const limit = +opt('--limit', '0') || Infinity;
const dir = corporaDir(argv);
const run: CompareFn = (o: ArticleInput, r: ArticleInput) =>
  defaultComparer().compare(o, r, DEFAULT_LIMITS, { thresholds: set });
const pct = (x: number) => (100 * x).toFixed(1);
const out: string[] = [`thresholds ${JSON.stringify(set)}`];
for (const [k, v] of Object.entries(scorePan(readPan(join(dir, 'pan13-dev'), limit), run))) {
  if (v.withReuse) out.push(`pan ${k} F1 ${pct(v.f1)} (P ${pct(v.precision)} R ${pct(v.recall)})`);
  if (v.negatives) out.push(`pan ${k} independent ${v.independent}/${v.negatives}`);
}
out.push(`sts pearson ${scoreSts(readSts(join(dir, 'stsb-dev-news.tsv'), limit), run).toFixed(3)}`);
const sem = scoreSemeval(readSemeval(join(dir, 'semeval2022-task8-train-leads.csv'), limit), run);
out.push(`semeval unrelated independent ${sem.independent}/${sem.far}`);
for (const c of runEval(casesDir(), run)) {
  if (c.original && c.rewrite) {
    out.push(
      `${c.name}: aligned-F1 ${pct(c.original.alignedF1)}/${pct(c.rewrite.alignedF1)}, label acc ` +
        `${pct(c.original.labelAccuracy)}/${pct(c.rewrite.labelAccuracy)}, links F1 ${pct(c.linksF1 ?? 0)}`,
    );
  } else {
    out.push(`${c.name}: ${c.verdict.got} (gold ${c.verdict.gold}), aligned ${pct(c.alignedShare ?? 0)}`);
  }
}
console.log(out.join('\n'));
