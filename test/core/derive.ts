import t from 'tap';
import type { ArticleInput } from '../../src/core/types.js';
import { comparer } from '../fixtures/comparer.js';
import { seeds } from '../fixtures/seeds.js';

/**
 * `derive` answers what `compare`'s summary says of derivation (verdict, shares, aligned claims, attribution),
 * which is all a check reads of most candidates: a difference would change which sources a check reports.
 */
const derivationOfCompare = (original: ArticleInput, rewrite: ArticleInput) => {
  const { verdict, coverage, containment, counts, attribution } = comparer.compare(original, rewrite).summary;
  return { verdict, coverage, containment, aligned: counts.rewrite.kept + counts.rewrite.paraphrased, attribution };
};

t.test('derive gives the figures of the full compare', async (t) => {
  const table: [string, ArticleInput, ArticleInput][] = [
    ['a rewrite crediting its source', { text: seeds.atlantic, outlet: 'The Atlantic' }, { text: seeds.caliber }],
    ['the other way round', { text: seeds.caliber }, { text: seeds.atlantic }],
    ['a blog post from a report, outlet unknown', { text: seeds.report002 }, { text: seeds.blog003 }],
    ['an independent article', { text: seeds.atlantic, outlet: 'The Atlantic' }, { text: seeds.independent004 }],
    ['nothing in common', { text: 'The council met on Monday.' }, { text: 'Rain is expected in the north.' }],
  ];
  for (const [name, original, rewrite] of table) {
    const derived = comparer.derive(original, rewrite);
    t.same(derived, derivationOfCompare(original, rewrite), name);
  }
  t.ok(
    table.some(([, o, r]) => comparer.derive(o, r).verdict !== 'independent'),
    'the table holds derived pairs',
  );
  t.ok(
    table.some(([, o, r]) => comparer.derive(o, r).attribution.credited === true),
    'the table holds a credited pair',
  );
});

t.test('derive cuts texts at the limits as compare does', async (t) => {
  const limits = { maxChars: 1500, maxDiffEdits: 400, maxCandidatesPerClaim: 5 };
  const derived = comparer.derive({ text: seeds.atlantic }, { text: seeds.caliber }, limits);
  const full = comparer.compare({ text: seeds.atlantic }, { text: seeds.caliber }, limits).summary;
  t.same([derived.coverage, derived.containment, derived.verdict], [full.coverage, full.containment, full.verdict]);
  t.not(derived.coverage, comparer.derive({ text: seeds.atlantic }, { text: seeds.caliber }).coverage);
});
