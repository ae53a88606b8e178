/**
 * What the STS headline figure is made of: per pair, the human score, whether the engine aligned the two
 * headlines, the similarity it reported and the pair model's belief for the best pair; then the Pearson of
 * alternative per-pair scores (what a change of the reported similarity or of the alignment would buy) and the
 * pairs that cost the most. Reads the data from outside the repository.
 *
 *   node dist/scripts/fit/sts-analysis.js [--corpora DIR] [--file stsb-dev-news.tsv] [--worst N]
 */
import { join } from 'node:path';
import type { FeaturedPair } from '../../src/core/match/pair-beliefs.js';
import { belief } from '../../src/core/match/pair-model.js';
import { DEFAULT_LIMITS } from '../../src/core/types.js';
import { defaultComparer } from '../../src/default-comparer.js';
import { defaultPairModel } from '../../src/lexicon/pair-model.js';
import { alignedShares, corporaDir, option, pearson, readSts } from './corpora.js';

const argv = process.argv;
const opt = (n: string, d: string) => option(argv, n, d);
const pairs = readSts(join(corporaDir(argv), opt('--file', 'stsb-dev-news.tsv')));
const model = defaultPairModel();
const rows = pairs.map((p) => {
  let seen: readonly FeaturedPair[] = [];
  const out = defaultComparer().compare({ text: p.a }, { text: p.b }, DEFAULT_LIMITS, {
    pairModel: model,
    observePairs: (ps) => {
      seen = ps;
    },
  });
  const score =
    (alignedShares(p.a, out.original.claims).weighted + alignedShares(p.b, out.rewrite.claims).weighted) / 2;
  const best = seen.reduce<FeaturedPair | null>((b, q) => (!b || q.features[0]! > b.features[0]! ? q : b), null);
  const aligned = out.original.claims.some((c) => c.status !== 'dropped');
  return {
    ...p,
    score,
    aligned,
    sim: best?.features[0] ?? 0,
    belief: best ? belief(model, best.features) : 0,
    oc: out.original.claims.length,
    rc: out.rewrite.claims.length,
  };
});
const gold = rows.map((r) => r.gold);
if (argv.includes('--json')) {
  console.log(JSON.stringify(rows));
  process.exit(0);
}
const r3 = (x: number) => x.toFixed(3);
console.log(
  `pairs ${rows.length}; aligned ${rows.filter((r) => r.aligned).length}; one claim each side ` +
    `${rows.filter((r) => r.oc === 1 && r.rc === 1).length}`,
);
console.log(
  `pearson: as reported ${r3(
    pearson(
      gold,
      rows.map((r) => r.score),
    ),
  )}; best-pair similarity, aligned or not ` +
    `${r3(
      pearson(
        gold,
        rows.map((r) => r.sim),
      ),
    )}; belief ${r3(
      pearson(
        gold,
        rows.map((r) => r.belief),
      ),
    )}; ` +
    `aligned only (0/1) ${r3(
      pearson(
        gold,
        rows.map((r) => (r.aligned ? 1 : 0)),
      ),
    )}`,
);
for (const lo of [0, 1, 2, 3, 4]) {
  const band = rows.filter((r) => r.gold >= lo && r.gold < lo + 1 + (lo === 4 ? 1 : 0));
  const m = (f: (r: (typeof rows)[number]) => number) =>
    r3(band.reduce((a, r) => a + f(r), 0) / Math.max(1, band.length));
  console.log(
    `gold ${lo}-${lo + 1}: ${band.length} pairs, aligned ${band.filter((r) => r.aligned).length}, ` +
      `mean score ${m((r) => r.score)}, mean sim ${m((r) => r.sim)}, mean belief ${m((r) => r.belief)}`,
  );
}
const mg = gold.reduce((a, b) => a + b, 0) / gold.length / 5;
const ms = rows.reduce((a, r) => a + r.score, 0) / rows.length;
// Farthest from the human score once both are centred.
const off = (r: (typeof rows)[number]) => Math.abs(r.score - ms - (r.gold / 5 - mg));
const worst = [...rows].sort((a, b) => off(b) - off(a));
for (const r of worst.slice(0, +opt('--worst', '25'))) {
  console.log(
    `${r.gold.toFixed(1)} score ${r3(r.score)} sim ${r3(r.sim)} belief ${r3(r.belief)} ` +
      `${r.aligned ? 'A' : '-'} | ${r.a} | ${r.b}`,
  );
}

// What aligning every pair the model believes at least θ would give, reporting its similarity or its belief.
for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
  const on = (r: (typeof rows)[number]) => r.aligned || r.belief >= t;
  console.log(
    `aligned or belief ≥ ${t}: pearson reporting similarity ` +
      `${r3(
        pearson(
          gold,
          rows.map((r) => (on(r) ? Math.max(r.sim, r.score) : 0)),
        ),
      )}, reporting belief ` +
      `${r3(
        pearson(
          gold,
          rows.map((r) => (on(r) ? r.belief : 0)),
        ),
      )}`,
  );
}
