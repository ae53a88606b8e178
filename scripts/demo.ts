/**
 * `npm run demo`: compares the seed original (The Atlantic, 001) with its rewrite (Caliber.Az, 000) in-process
 * and prints a short readable summary. No server needed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultComparer } from '../src/default-comparer.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const original = { text: readFileSync(`${seeds}001_d2036ec9883e01fd.txt`, 'utf8'), outlet: 'The Atlantic' };
const rewrite = { text: readFileSync(`${seeds}000_c90c4d7f5878e1c4.txt`, 'utf8'), outlet: 'Caliber.Az' };

const t0 = performance.now();
const result = defaultComparer().compare(original, rewrite);
const ms = performance.now() - t0;
const { summary } = result;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

console.log(`The Atlantic (seed 001) → Caliber.Az (seed 000), compared in ${ms.toFixed(0)} ms\n`);
console.log(`Verdict      ${summary.verdict.replace('_', ' ')}`);
console.log(`Coverage     ${pct(summary.coverage)} of the original's claim text carried into the rewrite`);
console.log(`Containment  ${pct(summary.containment)} of the rewrite's claim text comes from the original`);
console.log(
  `Original     ${summary.counts.original.kept} kept, ${summary.counts.original.paraphrased}` +
    ` paraphrased, ${summary.counts.original.dropped} dropped`,
);
console.log(
  `Rewrite      ${summary.counts.rewrite.kept} kept, ${summary.counts.rewrite.paraphrased}` +
    ` paraphrased, ${summary.counts.rewrite.added} added`,
);
const { credited, evidence } = summary.attribution;
const credit =
  credited === null ? 'not checked (no outlet given)' : credited ? `yes — “${evidence[0]?.text ?? ''}”` : 'NO';
console.log(`Credited     ${credit}`);
const q = summary.quotes;
console.log(
  `Quotes       ${q.verbatim} verbatim, ${q.altered} altered, ${q.from_narration} from` +
    ` narration, ${q.not_in_original} not in original, ${q.dropped} dropped`,
);
console.log(`Facts        ${summary.changedFacts} changed`);
for (const flag of summary.flags) console.log(`  ! ${flag}`);

const byId = new Map(result.original.claims.map((c) => [c.id, c]));
console.log('\nA few alignments:');
for (const a of result.alignments.slice(0, 5)) {
  const rw = result.rewrite.claims
    .filter((c) => a.rewrite.includes(c.id))
    .map((c) => c.text)
    .join(' ');
  const or = a.original.map((id) => byId.get(id)?.text ?? '').join(' ');
  console.log(`  [${a.status}${a.moved ? ', moved' : ''}] ${clip(or)}\n      → ${clip(rw)}`);
}
for (const quote of result.quotes.filter((x) => x.side === 'rewrite' && x.status !== 'verbatim').slice(0, 5)) {
  console.log(`  quote ${quote.status}: “${clip(quote.text, 70)}”`);
}
