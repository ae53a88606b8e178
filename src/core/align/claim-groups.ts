import { ALIGN_THRESHOLDS, alignClaims, groupLinks, movedGroups, pairSims } from './align.js';
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

/** Aligns the claims of two texts from their scored pairs and groups the links. */
export function claimGroups(pairs: ScoredPair[], originalCount: number, rewriteCount: number,
  coverage: GroupCoverage): ClaimGroups {
  const pairSim = pairSims(pairs, originalCount, rewriteCount);
  const links = alignClaims(pairs, originalCount, rewriteCount, ALIGN_THRESHOLDS, coverage, pairSim);
  const linked = groupLinks(links);
  const moved = movedGroups(linked);
  const originalLinks: number[][] = Array.from({ length: originalCount }, () => []);
  const rewriteLinks: number[][] = Array.from({ length: rewriteCount }, () => []);
  for (const l of links) { originalLinks[l.oi]!.push(l.ri); rewriteLinks[l.ri]!.push(l.oi); }
  return { groups: linked.map((g, i) => ({ ...g, moved: moved[i]! })), originalLinks, rewriteLinks, pairSim };
}
