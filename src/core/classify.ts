import { diffArrays } from 'diff';
import type { AlignedStatus } from './types.js';

/**
 * Near-verbatim test. Gold "kept" means the words are largely identical with small edits; "paraphrased" means
 * the content is carried in different words. A claim is kept when at least KEPT_WORD_SHARE of its words
 * survive, in order, in the words of its aligned partners (a word-level longest common subsequence). 0.75
 * allows a clause of three or four words to be edited in a typical 15–25-word news sentence (an attribution
 * changed from "told me" to "said", a bracketed insertion) while a reworded sentence keeps well under half.
 */
export const KEPT_WORD_SHARE = 0.75;
/** …or when at most this many of its words changed, whatever its length: on a six-word sentence, an added
 *  "he wrote" is still a small edit. */
export const KEPT_EDIT_WORDS = 2;
/** Word arrays longer than this are not diffed (the group is long and dissimilar: a paraphrase). */
const MAX_DIFF_WORDS = 2000;

/**
 * Share of `words` found, in order, in `partner` (0..1). Bounded by MAX_DIFF_WORDS and `maxEdits` (an edit script
 * longer than that is far from near-verbatim: the share is then reported as 0).
 */
export function sharedWordShare(words: string[], partner: string[], maxEdits: number): number {
  if (!words.length) return 0;
  if (words.length > MAX_DIFF_WORDS || partner.length > MAX_DIFF_WORDS) return 0;
  const parts = diffArrays(words, partner, { maxEditLength: maxEdits });
  if (!parts) return 0;
  let same = 0;
  for (const p of parts) if (!p.added && !p.removed) same += p.count ?? p.value.length;
  return same / words.length;
}

/** Kept when the claim's words largely survive verbatim in its partners, else paraphrased. */
export function classifyClaim(words: string[], partnerWords: string[], maxEdits: number): AlignedStatus {
  const share = sharedWordShare(words, partnerWords, maxEdits);
  const changed = Math.round((1 - share) * words.length);
  return share >= KEPT_WORD_SHARE || (words.length > KEPT_EDIT_WORDS && changed <= KEPT_EDIT_WORDS) ? 'kept' : 'paraphrased';
}
