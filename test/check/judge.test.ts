import t from 'tap';
import { type IndexEvidence, MIN_PASSAGE_TERMS, sourceVerdict } from '../../src/check/judge.js';
import type { CompareResult, Verdict } from '../../src/core/types.js';

const result = (verdict: Verdict, aligned: number, coverage: number) =>
  ({
    summary: { verdict, coverage, containment: 0, counts: { rewrite: { kept: aligned, paraphrased: 0, added: 10 } } },
  }) as unknown as CompareResult;

t.test('the source verdict asks for the evidence of a passage', async (t) => {
  const index = (shingles: number, passage = 0, bestPassage = true): IndexEvidence => ({
    shingles,
    passage,
    bestPassage,
  });
  const table: [string, CompareResult, IndexEvidence, Verdict][] = [
    ['derived with claims aligned', result('wholly_derived', 12, 0.6), index(0), 'wholly_derived'],
    ['derived on two shared sentences', result('partially_derived', 2, 0.05), index(0), 'independent'],
    ['a source carried into a longer text', result('independent', 5, 0.4), index(0), 'partially_derived'],
    ['aligned claims, little of the source', result('independent', 5, 0.05), index(0), 'independent'],
    ['copied word runs', result('independent', 2, 0.02), index(3), 'partially_derived'],
    ['one shared quotation', result('independent', 1, 0.02), index(5), 'independent'],
    ['nothing shared', result('independent', 0, 0), index(0), 'independent'],
    ['a passage summarising it', result('independent', 0, 0), index(0, MIN_PASSAGE_TERMS), 'partially_derived'],
    [
      'a passage sharing a few of its terms',
      result('independent', 0, 0),
      index(0, MIN_PASSAGE_TERMS - 2),
      'independent',
    ],
    [
      'another candidate fits the passage better',
      result('independent', 0, 0),
      index(0, MIN_PASSAGE_TERMS + 5, false),
      'independent',
    ],
  ];
  for (const [name, r, evidence, want] of table) t.equal(sourceVerdict(r, evidence), want, name);
});
