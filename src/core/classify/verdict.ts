import type { Claim, OriginalStatus, RewriteStatus, SideResult, Summary, Verdict } from '../types.js';

/** Verdict thresholds on containment, from the v1 contract. */
export const WHOLLY_DERIVED = 0.8;
export const PARTIALLY_DERIVED = 0.2;

const aligned = (c: Claim) => c.status === 'kept' || c.status === 'paraphrased';

/** Share of a side's claim text (characters) that is kept or paraphrased. */
export function alignedShare(claims: Claim[]): number {
  let total = 0,
    got = 0;
  for (const c of claims) {
    const n = c.end - c.start;
    total += n;
    if (aligned(c)) got += n;
  }
  return total ? got / total : 0;
}

/** What the alignment says of a compare as a whole. */
export type Derivation = Pick<Summary, 'verdict' | 'coverage' | 'containment' | 'counts'>;

/** The derivation of one compare: verdict, coverage, containment and counts. */
export function summarise(o: SideResult, r: SideResult): Derivation {
  const coverage = alignedShare(o.claims),
    containment = alignedShare(r.claims);
  const count = <S extends string>(claims: Claim[], keys: S[]) =>
    Object.fromEntries(keys.map((k) => [k, claims.filter((c) => c.status === k).length])) as Record<S, number>;
  const verdict: Verdict =
    containment >= WHOLLY_DERIVED
      ? 'wholly_derived'
      : containment >= PARTIALLY_DERIVED
        ? 'partially_derived'
        : 'independent';
  return {
    verdict,
    coverage,
    containment,
    counts: {
      original: count<OriginalStatus>(o.claims, ['kept', 'paraphrased', 'dropped']),
      rewrite: count<RewriteStatus>(r.claims, ['kept', 'paraphrased', 'added']),
    },
  };
}
