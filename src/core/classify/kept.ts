import type { AlignedStatus } from '../types.js';
import { LcsBuffers, lcsLength } from './lcs.js';

/**
 * Near-verbatim test. Gold "kept" means the words are largely identical with small edits; "paraphrased" means
 * the content is carried in different words. A claim is kept when at least KEPT_WORD_SHARE of its words
 * survive, in order, in the words of its aligned partners (a word-level longest common subsequence). 0.75
 * allows a clause of three or four words to be edited in a typical 15–25-word news sentence (an attribution
 * changed from "told me" to "said", a bracketed insertion) while a reworded sentence keeps well under half.
 */
export const KEPT_WORD_SHARE = 0.75;
/** …or when at most this many of its words changed, whatever its length, and at most this many were added on the
 *  other side: on a six-word sentence, an added "he wrote" is still a small edit. Both sides are bounded because a
 *  short claim always finds most of its words somewhere in order in a long partner (a headline against the two
 *  sentences it summarises: "Trump pulls back from Ukraine peace push" finds five of its seven words scattered
 *  through them), which is a rewording, not a near-verbatim copy. */
export const KEPT_EDIT_WORDS = 2;
/** Word arrays longer than this are not diffed (the group is long and dissimilar: a paraphrase). */
const MAX_DIFF_WORDS = 2000;

/**
 * Number of words common, in order, to two word sequences (interned ids): their longest common subsequence, or -1
 * when either is longer than MAX_DIFF_WORDS or more than `maxEdits` insertions and deletions separate them (far
 * from near-verbatim). Symmetric, so one call serves both claims of a one-to-one group.
 */
export function commonWords(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  maxEdits: number,
  buffers = new LcsBuffers(),
): number {
  if (a.length > MAX_DIFF_WORDS || b.length > MAX_DIFF_WORDS) return -1;
  return lcsLength(a, b, maxEdits, buffers);
}

/** A word sequence as ids of `dict` (words new to it are added): LCS then compares integers. */
export function wordIds(words: string[], dict: Map<string, number>): Int32Array {
  const ids = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    let x = dict.get(words[i]!);
    if (x === undefined) dict.set(words[i]!, (x = dict.size));
    ids[i] = x;
  }
  return ids;
}

/** The concatenation of id sequences (the words of a group's claims on one side). */
export function concatIds(parts: Int32Array[]): Int32Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Share (0..1) of a claim's `words` words found in order in its partners, from `commonWords` (-1 counts as 0). */
export function shareOf(common: number, words: number): number {
  return words && common > 0 ? common / words : 0;
}

/**
 * Share of `words` found, in order, in `partner` (0..1). Bounded by MAX_DIFF_WORDS and `maxEdits` (an edit script
 * longer than that is far from near-verbatim: the share is then reported as 0).
 */
export function sharedWordShare(words: string[], partner: string[], maxEdits: number): number {
  if (!words.length) return 0;
  const dict = new Map<string, number>();
  return shareOf(commonWords(wordIds(words, dict), wordIds(partner, dict), maxEdits), words.length);
}

/**
 * Kept when `share` of a claim's `words` words survive verbatim in its partners' `partnerWords` words (or few words
 * changed on either side), else paraphrased.
 */
export function keptStatus(share: number, words: number, partnerWords: number): AlignedStatus {
  const common = Math.round(share * words),
    changed = words - common,
    added = partnerWords - common;
  return share >= KEPT_WORD_SHARE || (words > KEPT_EDIT_WORDS && changed <= KEPT_EDIT_WORDS && added <= KEPT_EDIT_WORDS)
    ? 'kept'
    : 'paraphrased';
}

/** Kept when the claim's words largely survive verbatim in its partners, else paraphrased. */
export function classifyClaim(words: string[], partnerWords: string[], maxEdits: number): AlignedStatus {
  return keptStatus(sharedWordShare(words, partnerWords, maxEdits), words.length, partnerWords.length);
}
