import type { ClaimGroups } from '../align/claim-groups.js';
import { type PairBuffers, scorePair } from '../match/pair-score.js';
import { type PairTerms, unionOf } from '../terms/pair-terms.js';
import type { ClaimVector } from '../terms/vocabulary.js';
import type { AlignedStatus, Alignment, ClaimStatus } from '../types.js';
import { PairWords, type TextWords } from './group-words.js';
import { commonWords, concatIds, keptStatus, shareOf } from './kept.js';
import type { LcsBuffers } from './lcs.js';
import type { DiffBuffers } from './word-diff.js';

/** What a compare says of one claim. */
export interface ClaimVerdict {
  status: ClaimStatus;
  /** Ids of the claims of the other side it is linked to. */
  matches: string[];
  similarity: number;
  carried: number;
  /** Ids of the alignment groups it belongs to. */
  alignments: string[];
}

/** One text as the classification reads it: its claims' texts, word keys and memoised words. */
export interface ClassifiedText {
  claims: { text: string }[];
  wordKeys: string[];
  words: TextWords;
}

/** The classified groups of a compare and the verdict on every claim of each side. */
export interface Classification {
  alignments: Alignment[];
  original: ClaimVerdict[];
  rewrite: ClaimVerdict[];
}

export interface ClassifyBuffers {
  pairs: PairBuffers;
  lcs: LcsBuffers;
  diff: DiffBuffers;
}

/**
 * Kept vs paraphrased for every aligned group and its claims, with the group's word diff; claims outside every group
 * are dropped (original) or added (rewrite). A claim is kept when its words are found, in order, in its partners'
 * words (LCS on interned ids); in a one-to-one group one LCS serves both claims (it is symmetric, as is the edit
 * bound).
 */
export function classifyGroups(
  terms: PairTerms,
  aligned: ClaimGroups,
  original: ClassifiedText,
  rewrite: ClassifiedText,
  maxDiffEdits: number,
  buffers: ClassifyBuffers,
): Classification {
  const verdicts = (n: number, status: ClaimStatus): ClaimVerdict[] =>
    Array.from({ length: n }, () => ({ status, matches: [], similarity: 0, carried: 0, alignments: [] }));
  const oVerdicts = verdicts(original.claims.length, 'dropped'),
    rVerdicts = verdicts(rewrite.claims.length, 'added');
  const oSide: ClassifiedSide = {
    prefix: 'o',
    vectors: terms.original,
    text: original,
    verdicts: oVerdicts,
    links: aligned.originalLinks,
  };
  const rSide: ClassifiedSide = {
    prefix: 'r',
    vectors: terms.rewrite,
    text: rewrite,
    verdicts: rVerdicts,
    links: aligned.rewriteLinks,
  };
  const pairWords = new PairWords(original.words, rewrite.words, buffers.diff);
  const alignments = aligned.groups.map((g, gi): Alignment => {
    const id = `a${gi + 1}`;
    const [oIds, rIds] = pairWords.groupWords(
      g.original,
      g.original.map((i) => terms.original[i]!.words),
      g.rewrite,
      g.rewrite.map((i) => terms.rewrite[i]!.words),
    );
    const oAll = concatIds(oIds),
      rAll = concatIds(rIds);
    const oneToOne = oIds.length === 1 && rIds.length === 1 ? commonWords(oAll, rAll, maxDiffEdits, buffers.lcs) : null;
    const judge = (side: GroupSide, other: GroupSide, sim: (own: number, partner: number) => number) => {
      // All the partners' words joined by spaces: their joined keys (a partner without words adds nothing).
      const partnerText = other.members
        .filter((j) => other.side.vectors[j]!.words.length)
        .map((j) => other.side.text.wordKeys[j]!)
        .join(' ');
      const partner = unionOf(
        terms.vocab,
        other.members.map((j) => other.side.vectors[j]!),
      );
      side.members.forEach((ci, k) => {
        const v = side.side.vectors[ci]!;
        const s = scorePair(terms.vocab, v, partner, buffers.pairs);
        const common = oneToOne ?? commonWords(side.ids[k]!, other.all, maxDiffEdits, buffers.lcs);
        let best = s.sim;
        for (const j of other.members) best = Math.max(best, sim(ci, j));
        const own = side.side.links[ci]!;
        side.side.verdicts[ci] = {
          status: keptStatus(shareOf(common, v.words.length), v.words.length, other.all.length),
          matches: other.members.filter((j) => own.includes(j)).map((j) => `${other.side.prefix}${j + 1}`),
          similarity: round(best),
          carried: round(v.words.length && side.side.text.wordKeys[ci] === partnerText ? 1 : s.carriedA),
          alignments: [...side.side.verdicts[ci]!.alignments, id],
        };
      });
    };
    const oGroup: GroupSide = { side: oSide, members: g.original, ids: oIds, all: oAll };
    const rGroup: GroupSide = { side: rSide, members: g.rewrite, ids: rIds, all: rAll };
    judge(oGroup, rGroup, (oi, ri) => aligned.pairSim(oi, ri));
    judge(rGroup, oGroup, (ri, oi) => aligned.pairSim(oi, ri));
    const members = [...g.original.map((i) => oVerdicts[i]!), ...g.rewrite.map((i) => rVerdicts[i]!)];
    const status: AlignedStatus = members.every((c) => c.status === 'kept') ? 'kept' : 'paraphrased';
    const diff = pairWords.diff(
      g.original,
      g.original.map((i) => original.claims[i]!.text),
      g.rewrite,
      g.rewrite.map((i) => rewrite.claims[i]!.text),
      maxDiffEdits,
    );
    return {
      id,
      original: g.original.map((i) => `o${i + 1}`),
      rewrite: g.rewrite.map((i) => `r${i + 1}`),
      status,
      similarity: round(g.sim),
      moved: g.moved,
      diff,
      changes: [],
    };
  });
  return { alignments, original: oVerdicts, rewrite: rVerdicts };
}

/** One side of a group: the side's claims, the group's members on it, and their words as ids (each, and joined). */
interface GroupSide {
  side: ClassifiedSide;
  members: number[];
  ids: Int32Array[];
  all: Int32Array;
}

/** One side of the compare as the classification goes: its claims' vectors, text, verdicts and own links. */
interface ClassifiedSide {
  prefix: 'o' | 'r';
  vectors: ClaimVector[];
  text: ClassifiedText;
  verdicts: ClaimVerdict[];
  links: number[][];
}

const round = (x: number) => Math.round(x * 1000) / 1000;
