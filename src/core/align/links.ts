import type { PairScore } from '../match/pair-score.js';

/**
 * Share (0..1, unsmoothed) of a claim's weighted content that the union of several claims of the other side
 * carries: how much of a claim a group explains. `side` is the side of `claim`; `partners` index the other.
 */
export type GroupCoverage = (side: 'o' | 'r', claim: number, partners: number[]) => number;

/** One scored candidate pair (indexes into the original and rewrite claim lists). */
export interface ScoredPair extends PairScore {
  oi: number;
  ri: number;
  /** The two claims share a copied run of words (`shingles.ts`). */
  copied?: boolean;
}

/** A link between an original claim and a rewrite claim. */
export interface Link {
  oi: number;
  ri: number;
  sim: number;
}

/** The similarity of the scored pair (oi, ri), or −1 when that pair was not scored. */
export type PairSim = (oi: number, ri: number) => number;
