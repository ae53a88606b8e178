/**
 * Fits the judge's rule (check/judge.ts: SUMMARY_ALIGNED_WEIGHT and MIN_SUMMARY_SCORE, the passage score plus
 * weighted aligned claims that make a candidate a source of a summary, MIN_SUMMARY_PRECISION, the share of that
 * passage's term weight it must hold, and MIN_INDEX_SHARE, how close to the index's first candidate's score a
 * candidate the summary test reads must come; MIN_COPIED_RUN, the shared narration run that with two
 * aligned claims shows copying) on the PAN 2013 dev pairs, by 2-fold cross-validation over the suspicious
 * documents, and prints the verbatim-run calibrations of the retrieval benchmark (bench/pan-retrieval.ts:
 * VERBATIM_RUN and SCATTERED_RUNS).
 *
 *   node dist/scripts/fit-passage.js [PAN_DIR]      (the data stays outside the repository)
 *
 * The retrieval benchmark runs once per passage window, recording the candidates each check compared and the
 * evidence the judge read (`bench/judge-replay.ts`); every rule is then replayed on them without a compare (the
 * candidates and their order do not depend on the rule). A fold's rule is the one putting a true source first
 * (listed, or sharing a verbatim run) for the most documents with reuse on the other fold, among those giving a
 * derived source to at most 2% of its documents without reuse (ties: the longer copied run, then the higher
 * threshold, the higher weight, the higher precision, the higher index share, the shorter passage); the held-out
 * figures are printed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordCandidates, replay } from '../bench/judge-replay.js';
import { PAN_DIR, type PanOutcome, panShares, SCATTERED_RUN_WORDS, withoutReuse } from '../bench/pan-retrieval.js';
import { longestSharedRun, mostSharedRuns } from '../bench/verbatim-runs.js';
import { JUDGE_RULE, type JudgeRule, judgeAll } from '../src/check/judge.js';
import type { Derivation } from '../src/core/compare.js';
import type { ArticleInput } from '../src/core/types.js';
import { defaultComparer } from '../src/default-comparer.js';
import { defaultLexicon } from '../src/lexicon/vectors.js';
import { rarityFromRanks, rarityWithoutLexicon } from '../src/retrieve/signature.js';
import { words } from '../src/retrieve/words.js';

const WEIGHTS = [0, 2, 4];
const THRESHOLDS = [14, 14.5, 15, 15.5, 16, 16.5, 17, 17.5, 18, 18.5, 19, 19.5, 20];
const RUNS = [6, 8, Infinity];
const WINDOWS = [60, 90];
const PRECISIONS = [0, 0.4, 0.45, 0.5, 0.55, 0.6];
const INDEX_SHARES = [1, 0.9, 0.8, 0.7, 0.6];
const MAX_FALSE = 0.02;

const dir = process.argv[2] ?? PAN_DIR;
const lexicon = defaultLexicon();
const rarity = lexicon ? rarityFromRanks(lexicon.rank, lexicon.size) : rarityWithoutLexicon;
const memo = new Map<string, Derivation>();
const derive = async (o: ArticleInput, r: ArticleInput) => {
  const key = `${o.text.length}:${o.text.slice(0, 200)}\u0000${r.text}`;
  let result = memo.get(key);
  if (!result) memo.set(key, (result = defaultComparer().derive(o, r)));
  return result;
};
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const figures = (outcomes: readonly PanOutcome[]) => {
  const s = panShares(outcomes);
  return `first listed ${pct(s.first)}, listed or verbatim ${pct(s.verified)}, or scattered runs ${pct(s.reused)}, derived source without reuse ${pct(s.false)}`;
};

const describe = (r: JudgeRule) =>
  `window ${r.passageWindow}, weight ${r.alignedWeight}, threshold ${r.minScore}, precision ${r.minPrecision}, index share ${r.minIndexShare}, copied run ${r.minCopiedRun}`;
const rules = WINDOWS.flatMap((passageWindow) =>
  RUNS.flatMap((minCopiedRun) =>
    WEIGHTS.flatMap((alignedWeight) =>
      THRESHOLDS.flatMap((minScore) =>
        PRECISIONS.flatMap((minPrecision) =>
          INDEX_SHARES.map((minIndexShare) => ({
            alignedWeight,
            minScore,
            minCopiedRun,
            passageWindow,
            minPrecision,
            minIndexShare,
          })),
        ),
      ),
    ),
  ),
);
// The passage score is the only evidence that depends on the rule (its window): one recorded run per window.
const recorded = new Map<number, Awaited<ReturnType<typeof recordCandidates>>>();
for (const passageWindow of WINDOWS) {
  const judgeRule = { ...JUDGE_RULE, passageWindow };
  recorded.set(passageWindow, await recordCandidates(rarity, { dir, derive, judgeRule }));
}
const runs: { rule: JudgeRule; outcomes: PanOutcome[] }[] = [];
for (const rule of rules) {
  const documents = recorded.get(rule.passageWindow)?.documents ?? [];
  const outcomes = documents.map((d) => {
    const verdicts = judgeAll(d.candidates, rule);
    return replay(d, (_, i) => verdicts[i] !== 'independent');
  });
  runs.push({ rule, outcomes });
  console.log(`${describe(rule)}: ${figures(outcomes)}`);
}

/** Ties go to the stricter rule: the longer copied run, then the higher threshold, the higher weight, the higher
 *  precision, the higher index share, the shorter passage. */
const stricter = (a: JudgeRule, b: JudgeRule) => {
  const key = (r: JudgeRule) => [
    r.minCopiedRun,
    r.minScore,
    r.alignedWeight,
    r.minPrecision,
    r.minIndexShare,
    -r.passageWindow,
  ];
  const [ka, kb] = [key(a), key(b)];
  const i = ka.findIndex((x, j) => x !== kb[j]);
  return i >= 0 && ka[i]! > kb[i]!;
};
const fold = (o: PanOutcome) => Number(/(\d+)\.txt$/.exec(o.document)?.[1] ?? 0) % 2;
const pick = (keep: (o: PanOutcome) => boolean): JudgeRule => {
  let best: { rule: JudgeRule; verified: number } | null = null;
  for (const { rule, outcomes } of runs) {
    const s = panShares(outcomes.filter(keep));
    if (s.false > MAX_FALSE) continue;
    const tie = best && s.verified === best.verified;
    if (!best || s.verified > best.verified || (tie && stricter(rule, best.rule)))
      best = { rule, verified: s.verified };
  }
  return best?.rule ?? { ...JUDGE_RULE, minScore: Infinity, minCopiedRun: Infinity };
};
const outcomesOf = (rule: JudgeRule) => runs.find((r) => r.rule === rule)?.outcomes ?? [];
for (const f of [0, 1]) {
  const rule = pick((o) => fold(o) !== f);
  const held = outcomesOf(rule).filter((o) => fold(o) === f);
  console.log(`fold ${f}: ${describe(rule)} fitted on the other fold; held out: ${figures(held)}`);
}
const all = pick(() => true);
console.log(`all documents: ${describe(all)} (judge.ts has ${describe(JUDGE_RULE)})`);

// The verbatim-run calibration: the longest run any document without reuse shares with any stored source.
const none = runs[0]!.outcomes.filter((o) => withoutReuse(o.subcorpus));
const read = (sub: string, f: string) => words(readFileSync(join(dir, sub, f), 'utf8'));
const longest = longestSharedRun(
  none.map((o) => read('susp', o.document)),
  readdirSync(join(dir, 'src')).map((f) => read('src', f)),
);
console.log(`longest run a document without reuse shares with a stored source: ${longest} words`);
const most = mostSharedRuns(
  none.map((o) => read('susp', o.document)),
  readdirSync(join(dir, 'src')).map((f) => read('src', f)),
  SCATTERED_RUN_WORDS,
);
console.log(`most runs of ${SCATTERED_RUN_WORDS} words a document without reuse shares with a stored source: ${most}`);
