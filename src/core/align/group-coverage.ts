import { type PairBuffers, scorePair } from '../match/pair-score.js';
import { isReportingFrame } from '../terms/frame-words.js';
import { type PairTerms, unionOf } from '../terms/pair-terms.js';
import type { ClaimVector } from '../terms/vocabulary.js';
import type { GroupCoverage } from './links.js';

/**
 * How well a group of claims of one side explains a claim of the other: the carried share of the claim by the union
 * of the group's terms. Context merges and splits join a group only if they add to it. Measured without the
 * reporting frame ("told reporters"): a part must add content, not attribution. Each claim's content is computed on
 * first use (only claims near a split or merge need it), the frame test once per term; the alignment asks for the
 * same group again and again (a claim's group without and with each neighbour), so each distinct (claim, partners)
 * is scored once.
 */
export function groupCoverage(terms: PairTerms, buffers: PairBuffers): GroupCoverage {
  const { vocab, original, rewrite } = terms;
  const frame = new Int8Array(vocab.keys.length).fill(-1);
  const isFrame = (id: number) =>
    (frame[id] === -1 ? (frame[id] = isReportingFrame(vocab.lemmas[id]!, vocab.keys[id]!) ? 1 : 0) : frame[id]) === 1;
  const content = (v: ClaimVector): ClaimVector => ({ ids: v.ids.filter((id) => !isFrame(id)), words: v.words });
  const originalContent: ClaimVector[] = [],
    rewriteContent: ClaimVector[] = [];
  const oContent = (i: number) => (originalContent[i] ??= content(original[i]!));
  const rContent = (i: number) => (rewriteContent[i] ??= content(rewrite[i]!));
  const scored = new Map<string, number>();
  return (side, i, partners) => {
    const key = `${side}${i}:${partners.join(',')}`;
    let c = scored.get(key);
    if (c === undefined) {
      c =
        side === 'o'
          ? scorePair(vocab, oContent(i), unionOf(vocab, partners.map(rContent)), buffers).carriedA
          : scorePair(vocab, unionOf(vocab, partners.map(oContent)), rContent(i), buffers).carriedB;
      scored.set(key, c);
    }
    return c;
  };
}
