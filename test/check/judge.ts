import t from 'tap';
import {
  type IndexEvidence,
  JUDGE_RULE,
  type JudgedEvidence,
  judgeAll,
  MIN_COPIED_RUN,
  MIN_INDEX_SHARE,
  MIN_SUMMARY_PRECISION,
  MIN_SUMMARY_SCORE,
  SUMMARY_ALIGNED_CAP,
  SUMMARY_ALIGNED_WEIGHT,
  sourceVerdict,
  summaryPick,
  summaryScore,
} from '../../src/check/judge.js';
import type { Derivation } from '../../src/core/compare.js';
import type { Verdict } from '../../src/core/types.js';

const result = (verdict: Verdict, aligned: number, coverage: number): Derivation => ({
  verdict,
  coverage,
  containment: 0,
  aligned,
  attribution: { credited: null, evidence: [], names: [], cited: [] },
});

t.test('the source verdict asks for the evidence of a passage', async (t) => {
  const index = (shingles: number, passage = 0, first = true, run = 0, precision = 1): IndexEvidence => ({
    shingles,
    passage,
    precision,
    indexShare: first ? 1 : 0.5,
    run,
  });
  const w = SUMMARY_ALIGNED_WEIGHT;
  const table: [string, Derivation, IndexEvidence, Verdict][] = [
    ['derived with claims aligned', result('wholly_derived', 12, 0.6), index(0), 'wholly_derived'],
    ['derived on two shared sentences', result('partially_derived', 2, 0.05), index(0), 'independent'],
    ['a source carried into a longer text', result('independent', 5, 0.4), index(0), 'partially_derived'],
    ['aligned claims, little of the source', result('independent', 5, 0.05), index(0), 'independent'],
    ['copied word runs', result('independent', 2, 0.02), index(3), 'partially_derived'],
    ['one shared quotation', result('independent', 1, 0.02), index(5), 'independent'],
    [
      'a copied run of narration',
      result('independent', 2, 0.02),
      index(0, 0, false, MIN_COPIED_RUN),
      'partially_derived',
    ],
    [
      'a copied run with one claim aligned (a stock phrase of names)',
      result('independent', 1, 0.02),
      index(0, 0, false, MIN_COPIED_RUN + 3),
      'independent',
    ],
    [
      "a copied run keeps the compare's own derived verdict",
      result('wholly_derived', 2, 0.02),
      index(0, 0, false, MIN_COPIED_RUN),
      'wholly_derived',
    ],
    [
      'a run shorter than copying',
      result('independent', 2, 0.02),
      index(0, 0, false, MIN_COPIED_RUN - 1),
      'independent',
    ],
    ['nothing shared', result('independent', 0, 0), index(0), 'independent'],
    ['a passage summarising it', result('independent', 0, 0), index(0, MIN_SUMMARY_SCORE), 'partially_derived'],
    [
      'a passage sharing a few of its terms',
      result('independent', 0, 0),
      index(0, MIN_SUMMARY_SCORE - 2),
      'independent',
    ],
    [
      'a summary with two claims aligned needs fewer terms',
      result('independent', 2, 0.02),
      index(0, MIN_SUMMARY_SCORE - 2 * w),
      'partially_derived',
    ],
    [
      'one claim aligned does not make up for the terms',
      result('independent', 1, 0.02),
      index(0, MIN_SUMMARY_SCORE - 2 * w),
      'independent',
    ],
    [
      'a passage naming many terms of its own besides (an article on the same story)',
      result('independent', 0, 0),
      index(0, MIN_SUMMARY_SCORE + 5, true, 0, MIN_SUMMARY_PRECISION - 0.1),
      'independent',
    ],
    [
      "a passage whose terms are mostly the candidate's",
      result('independent', 0, 0),
      index(0, MIN_SUMMARY_SCORE + 5, true, 0, MIN_SUMMARY_PRECISION + 0.1),
      'partially_derived',
    ],
    [
      "not the index's first candidate",
      result('independent', 0, 0),
      index(0, MIN_SUMMARY_SCORE + 5, false),
      'independent',
    ],
  ];
  for (const [name, r, evidence, want] of table) t.equal(sourceVerdict(r, evidence), want, name);
});

t.test('the summary test reads the best summary among the candidates the index scores nearly as high', async (t) => {
  const candidate = (indexShare: number, passage: number, aligned = 0): JudgedEvidence => ({
    derivation: result('independent', aligned, 0.02),
    evidence: { shingles: 0, passage, precision: 1, indexShare, run: 0 },
  });
  const below = MIN_INDEX_SHARE - 0.05;
  const table: [string, JudgedEvidence[], number][] = [
    ["the index's first alone", [candidate(1, 10)], 0],
    ['a better summary close behind the first', [candidate(1, 5), candidate(MIN_INDEX_SHARE, 12)], 1],
    ['a better summary far behind the first', [candidate(1, 5), candidate(below, 30)], 0],
    ['aligned claims count in the summary score', [candidate(1, 12), candidate(1, 6, 3)], 1],
    ['a tie goes to the higher index score', [candidate(1, 8), candidate(0.9, 8)], 0],
    ['no candidate', [], -1],
  ];
  for (const [name, candidates, want] of table) t.equal(summaryPick(candidates), want, name);

  const verdicts = judgeAll([candidate(1, 2), candidate(0.9, MIN_SUMMARY_SCORE), candidate(0.85, MIN_SUMMARY_SCORE)]);
  t.same(
    verdicts,
    ['independent', 'partially_derived', 'independent'],
    'only the chosen candidate passes as a summary',
  );
  const firstOnly = judgeAll([candidate(1, 2), candidate(0.9, MIN_SUMMARY_SCORE)], { ...JUDGE_RULE, minIndexShare: 1 });
  t.same(firstOnly, ['independent', 'independent'], "a share of 1: the index's first only");
});

t.test('the summary score weighs aligned claims up to a cap', async (t) => {
  const w = SUMMARY_ALIGNED_WEIGHT;
  const cap = SUMMARY_ALIGNED_CAP;
  const table: [string, number, number, number][] = [
    ['terms alone', 9, 0, 9],
    ['one claim aligned', 9, 1, 9 + w],
    ['claims up to the cap', 9, cap, 9 + cap * w],
    ['claims beyond the cap count as the cap', 9, cap + 4, 9 + cap * w],
  ];
  for (const [name, passage, aligned, want] of table) t.equal(summaryScore(passage, aligned), want, name);
  t.equal(summaryScore(9, 2, { alignedWeight: 1 }), 11, 'a rule given when fitting');
});
