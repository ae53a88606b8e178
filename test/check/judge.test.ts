import t from 'tap';
import type { CompareResult, Verdict } from '../../src/core/types.js';
import { sourceVerdict } from '../../src/check/judge.js';

const result = (verdict: Verdict, aligned: number, coverage: number) => ({
  summary: { verdict, coverage, containment: 0, counts: { rewrite: { kept: aligned, paraphrased: 0, added: 10 } } },
}) as unknown as CompareResult;

t.test('the source verdict asks for the evidence of a passage', async (t) => {
  const table: [string, CompareResult, number, Verdict][] = [
    ['derived with claims aligned', result('wholly_derived', 12, 0.6), 0, 'wholly_derived'],
    ['derived on two shared sentences', result('partially_derived', 2, 0.05), 0, 'independent'],
    ['a source carried into a longer text', result('independent', 5, 0.4), 0, 'partially_derived'],
    ['aligned claims, little of the source', result('independent', 5, 0.05), 0, 'independent'],
    ['copied word runs', result('independent', 2, 0.02), 3, 'partially_derived'],
    ['one shared quotation', result('independent', 1, 0.02), 5, 'independent'],
    ['nothing shared', result('independent', 0, 0), 0, 'independent'],
  ];
  for (const [name, r, shingles, want] of table) t.equal(sourceVerdict(r, shingles), want, name);
});
