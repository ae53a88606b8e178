/**
 * Where PAN character precision and recall go, per pair: wrongly aligned characters split into claims that
 * straddle a reused passage's edge and claims wholly outside every passage (topic neighbours); missed characters
 * split into claims partly aligned and claims left unaligned; then the worst pairs with their worst claims.
 * Reads the data from outside the repository.
 *
 *   node dist/scripts/fit/pan-analysis.js [--corpora DIR] [--sub 02] [--worst N] [--set beliefSure=0.8]
 */
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../../src/core/types.js';
import { defaultComparer } from '../../src/default-comparer.js';
import { corporaDir, option, readPan, thresholdOverrides } from './corpora.js';

const argv = process.argv;
const opt = (n: string, d: string) => option(argv, n, d);
const set = thresholdOverrides(argv);
const pairs = readPan(join(corporaDir(argv), 'pan13-dev')).filter(
  (p) => p.sub.startsWith(opt('--sub', '02')) && p.cases.length,
);
const ALIGNED = new Set(['kept', 'paraphrased']);
const SPACE = /\s/;
const total = { fpEdge: 0, fpOutside: 0, fnPartial: 0, fnUnaligned: 0, gold: 0, pred: 0 };
const perPair = pairs.map((p, k) => {
  const out = defaultComparer().compare({ text: p.source }, { text: p.suspicious }, DEFAULT_LIMITS, {
    thresholds: set,
  });
  const text = p.suspicious,
    gold = new Uint8Array(text.length);
  for (const [s, e] of p.cases) gold.fill(1, s, e);
  let g = 0,
    q = 0,
    both = 0;
  const bad: { kind: string; chars: number; text: string; sim: number }[] = [];
  for (const c of out.rewrite.claims) {
    let cg = 0,
      cn = 0;
    for (let i = c.start; i < c.end; i++)
      if (!SPACE.test(text[i]!)) {
        cn++;
        cg += gold[i]!;
      }
    const on = ALIGNED.has(c.status);
    g += cg;
    if (on) {
      q += cn;
      both += cg;
    }
    if (on && cg < cn) {
      bad.push({ kind: cg ? 'fp-edge' : 'fp-outside', chars: cn - cg, text: c.text, sim: c.similarity });
    }
    if (!on && cg) bad.push({ kind: cg < cn ? 'fn-partial' : 'fn-unaligned', chars: cg, text: c.text, sim: 0 });
  }
  for (const b of bad) {
    const key = (
      {
        'fp-edge': 'fpEdge',
        'fp-outside': 'fpOutside',
        'fn-partial': 'fnPartial',
        'fn-unaligned': 'fnUnaligned',
      } as const
    )[b.kind as 'fp-edge']!;
    total[key] += b.chars;
  }
  total.gold += g;
  total.pred += q;
  return { k, precision: q ? both / q : 0, recall: g ? both / g : 0, verdict: out.summary.verdict, bad };
});
const pct = (x: number) => (100 * x).toFixed(1);
const mean = (f: (r: (typeof perPair)[number]) => number) => perPair.reduce((a, r) => a + f(r), 0) / perPair.length;
console.log(
  `${pairs.length} pairs: P ${pct(mean((r) => r.precision))} R ${pct(mean((r) => r.recall))}; ` +
    'wrongly aligned ' +
    `chars: edge ${total.fpEdge}, outside ${total.fpOutside} (of ${total.pred}); missed: partial ${total.fnPartial}, ` +
    `unaligned ${total.fnUnaligned} (of ${total.gold})`,
);
const worst = [...perPair].sort((a, b) => Math.min(a.precision, a.recall) - Math.min(b.precision, b.recall));
for (const r of worst.slice(0, +opt('--worst', '8'))) {
  console.log(`pair ${r.k} P ${pct(r.precision)} R ${pct(r.recall)} ${r.verdict}`);
  for (const b of [...r.bad].sort((x, y) => y.chars - x.chars).slice(0, 4)) {
    console.log(`   ${b.kind} ${b.chars} sim ${b.sim} | ${b.text.slice(0, 140).replace(/\s+/g, ' ')}`);
  }
}
