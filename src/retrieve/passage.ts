import { isTermWord, MIN_TERM_RARITY, type Rarity, stem } from './signature.js';

/**
 * Evidence of a summary: a short passage of the checked article that names many of a stored article's specific
 * terms. A summary keeps a story's names, places and specific nouns but few of its word runs or sentences, so
 * neither shingles nor the compare's aligned claims see it; the terms it keeps sit close together (a summary is
 * one passage), while an article on the same topic spreads the topic's terms over its whole length.
 *
 * The score of a stored article: over every window of PASSAGE_WINDOW words of the checked article, the most
 * weight of distinct terms it shares with the stored article; a term weighs its IDF over the store, scaled to 1
 * for a term held by one article, so the score reads as "distinct specific terms shared" at any store size.
 * The length is fitted with the summary threshold (`check/judge.ts`): about a summary's length (PAN 2013's are about
 * 100 words), so one window holds most of a summary's terms.
 */
export const PASSAGE_WINDOW = 90;
/** Windows start every PASSAGE_STEP words: a summary is longer than this, so none is missed. */
export const PASSAGE_STEP = 10;

/** Document frequency of a term in the store, when the check looked it up (undefined: not looked up). */
export type TermFrequency = (term: string) => number | undefined;

/** The checked article's words as terms: the stem of each term word, null where a word is not a term. */
export function termSequence(ws: readonly string[], rarity: Rarity): (string | null)[] {
  return ws.map((w) => {
    if (!isTermWord(w)) return null;
    const t = stem(w);
    return rarity(t) >= MIN_TERM_RARITY ? t : null;
  });
}

/** The distinct terms of a stored article's words. */
export function termSet(ws: readonly string[], rarity: Rarity): Set<string> {
  return new Set(termSequence(ws, rarity).filter((t): t is string => t !== null));
}

/** A passage's evidence: its score, and the share of its terms' weight the stored article holds. */
export interface PassageEvidence {
  score: number;
  /**
   * Of the best-scoring passage: the weight of the terms shared over the weight of all its terms. A summary names
   * little its source does not; an article on the same story shares the story's terms among its own.
   */
  precision: number;
}

/**
 * The passage score of a stored article (`stored`, its terms) against the checked article's term sequence, over
 * windows of `window` words (the check's is fitted with the judge's rule, `check/judge.ts`), and the precision of
 * the best-scoring window. A term whose frequency was not looked up counts as held by one article: the check looks
 * up its rarest terms.
 */
export function passageEvidence(
  checked: readonly (string | null)[],
  stored: ReadonlySet<string>,
  frequency: TermFrequency,
  total: number,
  window = PASSAGE_WINDOW,
): PassageEvidence {
  const norm = Math.log(1 + Math.max(total, 1));
  const weight = (t: string) => Math.log(1 + Math.max(total, 1) / Math.max(1, frequency(t) ?? 1)) / norm;
  // Sums the distinct terms of one window: the shared ones, or (for the best window only) all of them.
  const sum = (start: number, all: boolean) => {
    const seen = new Set<string>();
    let score = 0;
    for (let i = start; i < Math.min(checked.length, start + window); i++) {
      const t = checked[i];
      if (t === null || t === undefined || seen.has(t) || !(all || stored.has(t))) continue;
      seen.add(t);
      score += weight(t);
    }
    return score;
  };
  let best = 0;
  let bestStart = 0;
  const last = Math.max(0, checked.length - window);
  const starts: number[] = [];
  for (let start = 0; start < last; start += PASSAGE_STEP) starts.push(start);
  starts.push(last);
  for (const start of starts) {
    const score = sum(start, false);
    if (score > best) [best, bestStart] = [score, start];
  }
  return { score: best, precision: best > 0 ? best / sum(bestStart, true) : 0 };
}
