import { ALIGN_THRESHOLDS, type AlignThresholds, alignClaims, groupLinks, movedGroups, pairSims } from './align.js';
import type { GroupCoverage, PairSim, ScoredPair } from './links.js';

/** A group of aligned claims: sorted original and rewrite claim indexes, its best link, and whether it moved. */
export interface ClaimGroup {
  original: number[];
  rewrite: number[];
  sim: number;
  moved: boolean;
}

/** The alignment of a compare: its groups, each claim's own links, and the scored pairs' similarities. */
export interface ClaimGroups {
  groups: ClaimGroup[];
  /** Per claim, the claims of the other side it is linked to itself. A claim's `matches` are its own links, not
   *  every member of its group: a chain (A–X, A–Y, B–Y) makes one group, yet B does not carry X's content. */
  originalLinks: number[][];
  rewriteLinks: number[][];
  pairSim: PairSim;
}

/** How the aligner believes pairs: its thresholds, and the belief of each scored pair (from its similarities). */
export interface AlignBeliefs {
  thresholds: AlignThresholds;
  beliefs: (pairSim: PairSim) => PairSim;
}

/** Without a pair model: the default thresholds, and every scored pair believed. */
export const SIMILARITY_ONLY: AlignBeliefs = {
  thresholds: ALIGN_THRESHOLDS,
  beliefs: (sim) => (oi, ri) => (sim(oi, ri) < 0 ? -1 : 1),
};

/** Aligns the claims of two texts from their scored pairs and groups the links. */
export function claimGroups(
  pairs: ScoredPair[],
  originalCount: number,
  rewriteCount: number,
  coverage: GroupCoverage,
  belief: AlignBeliefs = SIMILARITY_ONLY,
): ClaimGroups {
  const pairSim = pairSims(pairs, originalCount, rewriteCount);
  const links = alignClaims(
    pairs,
    originalCount,
    rewriteCount,
    belief.thresholds,
    coverage,
    pairSim,
    belief.beliefs(pairSim),
  );
  const linked = groupLinks(links);
  const moved = movedGroups(linked);
  const originalLinks: number[][] = Array.from({ length: originalCount }, () => []);
  const rewriteLinks: number[][] = Array.from({ length: rewriteCount }, () => []);
  for (const l of links) {
    originalLinks[l.oi]!.push(l.ri);
    rewriteLinks[l.ri]!.push(l.oi);
  }
  return { groups: linked.map((g, i) => ({ ...g, moved: moved[i]! })), originalLinks, rewriteLinks, pairSim };
}
