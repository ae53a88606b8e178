/**
 * Fits `MAX_MOVED_RUN` (core/checks/role-swaps.ts: how many unaligned words a moved name may sit among before the
 * move is read as a clause moved whole) on PAWS-Wiki dev, by 5-fold cross-validation, with the scorer's reading of
 * a pair: "same meaning" when both sentences are at least half aligned and no alignment reports a change.
 *
 *   node dist/scripts/fit-role-swaps.js PAWS_TSV [LIMIT]      (the data stays outside the repository)
 *
 * Each pair is compared once; its role swaps are then found again for every candidate bound over the pair's
 * whole-text word alignment, the other changes taken from the compare. A fold's bound is the most accurate on
 * the other folds among those that flag at most 10% of true paraphrases; the held-out accuracy is printed.
 */
import { readFileSync } from 'node:fs';
import { MAX_MOVED_RUN, roleSwaps } from '../src/core/checks/role-swaps.js';
import { alignWords, sentenceWords } from '../src/core/checks/word-align.js';
import type { Claim } from '../src/core/types.js';
import { defaultComparer } from '../src/default-comparer.js';

const [file, limitArg] = process.argv.slice(2);
if (!file) throw new Error('usage: fit-role-swaps PAWS_TSV [LIMIT]');
const rows = readFileSync(file, 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .filter(Boolean)
  .map((l) => l.split('\t'))
  .map(([, a, b, y]) => ({ a: a!, b: b!, gold: y === '1' }))
  .slice(0, Number(limitArg) || Infinity);
const BOUNDS = [1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16];

const alignedShare = (text: string, claims: Claim[]) => {
  const m = new Uint8Array(text.length);
  for (const c of claims) if (c.status === 'kept' || c.status === 'paraphrased') m.fill(1, c.start, c.end);
  let n = 0,
    a = 0;
  for (let i = 0; i < text.length; i++)
    if (!/\s/.test(text[i]!)) {
      n++;
      a += m[i]!;
    }
  return n ? a / n : 0;
};

// Per pair: aligned, other changes, and for each bound whether a role swap is found.
const pairs = rows.map((r) => {
  const out = defaultComparer().compare({ text: r.a }, { text: r.b });
  const aligned = alignedShare(r.a, out.original.claims) >= 0.5 && alignedShare(r.b, out.rewrite.claims) >= 0.5;
  const other = out.alignments.some((al) => al.changes.some((c) => c.kind !== 'role'));
  const al = alignWords(sentenceWords(r.a, 0, r.a.length), sentenceWords(r.b, 0, r.b.length));
  const role = BOUNDS.map((k) => !!al && roleSwaps(al, r.a, r.b, k).length > 0);
  return { gold: r.gold, aligned, other, role };
});

function score(idx: number[], k: number) {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (const i of idx) {
    const p = pairs[i]!,
      same = p.aligned && !p.other && !p.role[k];
    if (same && p.gold) tp++;
    else if (same) fp++;
    else if (p.gold) fn++;
    else tn++;
  }
  return {
    accuracy: (tp + tn) / Math.max(1, idx.length),
    wrongly: fn / Math.max(1, fn + tp),
    flagged: tn / Math.max(1, tn + fp),
  };
}
const best = (idx: number[]) =>
  BOUNDS.map((_, k) => k)
    .filter((k) => score(idx, k).wrongly <= 0.1)
    .reduce((b, k) => (score(idx, k).accuracy > score(idx, b).accuracy ? k : b), 0);

const FOLDS = 5,
  all = pairs.map((_, i) => i);
const held: number[] = [];
for (let f = 0; f < FOLDS; f++) {
  const test = all.filter((i) => i % FOLDS === f),
    train = all.filter((i) => i % FOLDS !== f);
  const k = best(train),
    s = score(test, k);
  held.push(s.accuracy);
  console.log(
    `fold ${f}: bound ${BOUNDS[k]} (train ${score(train, k).accuracy.toFixed(3)}), held-out` +
      ` accuracy ${s.accuracy.toFixed(3)}, paraphrases flagged ${s.wrongly.toFixed(3)}`,
  );
}
console.log(
  `cross-validated accuracy ${(held.reduce((a, b) => a + b, 0) / FOLDS).toFixed(3)} on ${pairs.length} pairs`,
);
for (const [k, b] of BOUNDS.entries()) {
  const s = score(all, k);
  console.log(
    `bound ${String(b).padStart(2)}: accuracy ${s.accuracy.toFixed(3)}, meaning changes flagged` +
      ` ${s.flagged.toFixed(3)}, paraphrases flagged ${s.wrongly.toFixed(3)}`,
  );
}
console.log(`all pairs choose ${BOUNDS[best(all)]}; MAX_MOVED_RUN is ${MAX_MOVED_RUN}`);
