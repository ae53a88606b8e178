/**
 * Fits `MIN_PASSAGE_TERMS` (check/judge.ts: the passage score that makes the best-fitting compared candidate a
 * source of a summary) on the PAN 2013 dev pairs, by 2-fold cross-validation over the suspicious documents.
 *
 *   node dist/scripts/fit-passage.js [PAN_DIR]      (the data stays outside the repository)
 *
 * The retrieval benchmark (`bench/pan-retrieval.ts`) runs once per candidate threshold, its compares memoised so
 * each pair is compared once. A fold's threshold is the one putting a true source first for the most documents
 * with reuse on the other fold, among those giving a derived source to at most 2% of its documents without
 * reuse (ties: the higher threshold); the held-out figures are printed.
 */
import { PAN_DIR, type PanOutcome, panRetrieval, panShares } from '../bench/pan-retrieval.js';
import { MIN_PASSAGE_TERMS } from '../src/check/judge.js';
import type { ArticleInput, CompareResult } from '../src/core/types.js';
import { defaultComparer } from '../src/default-comparer.js';
import { defaultLexicon } from '../src/lexicon/vectors.js';
import { rarityFromRanks, rarityWithoutLexicon } from '../src/retrieve/signature.js';

const THRESHOLDS = [6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 18, 20, Infinity];
const MAX_FALSE = 0.02;

const dir = process.argv[2] ?? PAN_DIR;
const lexicon = defaultLexicon();
const rarity = lexicon ? rarityFromRanks(lexicon.rank, lexicon.size) : rarityWithoutLexicon;
const memo = new Map<string, CompareResult>();
const compare = async (o: ArticleInput, r: ArticleInput) => {
  const key = `${o.text.length}:${o.text.slice(0, 200)}\u0000${r.text}`;
  let result = memo.get(key);
  if (!result) memo.set(key, (result = defaultComparer().compare(o, r)));
  return result;
};

const runs = new Map<number, PanOutcome[]>();
for (const threshold of THRESHOLDS) {
  const r = await panRetrieval(rarity, { dir, compare, minPassageTerms: threshold });
  if (!r) throw new Error(`no PAN corpus at ${dir}`);
  runs.set(threshold, r.outcomes);
  const s = panShares(r.outcomes);
  console.log(
    `threshold ${threshold}: first listed ${(s.first * 100).toFixed(1)}%, listed or verbatim ` +
      `${(s.verified * 100).toFixed(1)}%, derived source without reuse ${(s.false * 100).toFixed(1)}%`,
  );
}

const fold = (o: PanOutcome) => Number(/(\d+)\.txt$/.exec(o.document)?.[1] ?? 0) % 2;
const pick = (keep: (o: PanOutcome) => boolean) => {
  let best: { threshold: number; verified: number } | null = null;
  for (const [threshold, outcomes] of runs) {
    const s = panShares(outcomes.filter(keep));
    if (s.false > MAX_FALSE) continue;
    if (!best || s.verified > best.verified || (s.verified === best.verified && threshold > best.threshold)) {
      best = { threshold, verified: s.verified };
    }
  }
  return best?.threshold ?? Infinity;
};
for (const f of [0, 1]) {
  const threshold = pick((o) => fold(o) !== f);
  const s = panShares(runs.get(threshold)!.filter((o) => fold(o) === f));
  console.log(
    `fold ${f}: threshold ${threshold} fitted on the other fold; held out: first listed ` +
      `${(s.first * 100).toFixed(1)}%, listed or verbatim ${(s.verified * 100).toFixed(1)}%, ` +
      `derived source without reuse ${(s.false * 100).toFixed(1)}%`,
  );
}
console.log(`all documents: threshold ${pick(() => true)} (MIN_PASSAGE_TERMS is ${MIN_PASSAGE_TERMS})`);
