import { CONTEXT_WINDOW } from './context.js';
import type { GroupCoverage, Link, ScoredPair } from './links.js';

/**
 * Merge anchors: evidence of derivation from a claim that compresses two nearby claims of the other side.
 *
 * The aligner believes weak matches only once a text is shown to derive, and it shows that with one-to-one anchors
 * (`ALIGN_THRESHOLDS.anchor`). An abstractive summary has none: each of its sentences compresses two or three
 * sentences of the article, so each single pair is diluted below the anchor level (a three-sentence summary of
 * seed 001 written for the test: best pairs 0.39, 0.43 and 0.35, and the whole summary came out independent). The
 * compression itself is the evidence (Barzilay & Elhadad 2003 align such many-to-one groups; Jing & McKeown 2000
 * describe summary sentences as cut and pasted from neighbouring source sentences): two claims within
 * CONTEXT_WINDOW of each other, each as similar to the claim as independent same-topic text rarely is, which
 * together carry most of it. On the 12 directed pairs of independent same-topic seeds no claim has such a pair even
 * at member similarity 0.30 (at 0.27 one appears, carrying 0.54); the summary's merged sentence has members 0.43 and
 * 0.39 carrying 0.79 of it.
 */

/** One merge anchor: the claim (`side`, `claim`) and its two links to the other side. */
export interface MergeAnchor {
  side: 'o' | 'r';
  claim: number;
  links: [Link, Link];
  carried: number;
}

/**
 * Merge anchors among the untaken claims, best carried share first, each claim in at most one.
 * @param memberSim a member pair's least similarity (both also need `memberContent` of non-name content carried,
 *   as anchors do)
 * @param carried the least share of the claim's content the two members carry together (`coverage`)
 */
export function mergeAnchors(
  pairs: readonly ScoredPair[],
  oTaken: boolean[],
  rTaken: boolean[],
  memberSim: number,
  memberContent: number,
  carried: number,
  coverage: GroupCoverage,
): MergeAnchor[] {
  const strong = pairs.filter(
    (p) => p.sim >= memberSim && Math.max(p.contentA, p.contentB) >= memberContent && !oTaken[p.oi] && !rTaken[p.ri],
  );
  const proposals: MergeAnchor[] = [];
  for (const side of ['o', 'r'] as const) {
    const bySide = new Map<number, ScoredPair[]>();
    for (const p of strong) {
      const x = side === 'o' ? p.oi : p.ri;
      const list = bySide.get(x);
      if (list) list.push(p);
      else bySide.set(x, [p]);
    }
    for (const [x, list] of bySide) {
      if (list.length < 2) continue;
      const at = (p: ScoredPair) => (side === 'o' ? p.ri : p.oi);
      list.sort((p, q) => at(p) - at(q));
      let best: MergeAnchor | undefined;
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length && at(list[j]!) - at(list[i]!) <= CONTEXT_WINDOW; j++) {
          const a = list[i]!,
            b = list[j]!;
          const share = coverage(side, x, [at(a), at(b)]);
          if (share >= carried && (!best || share > best.carried)) {
            best = {
              side,
              claim: x,
              carried: share,
              links: [
                { oi: a.oi, ri: a.ri, sim: a.sim },
                { oi: b.oi, ri: b.ri, sim: b.sim },
              ],
            };
          }
        }
      }
      if (best) proposals.push(best);
    }
  }
  // Best first; ties by position, read the same way whichever text is the original.
  const first = (m: MergeAnchor) => Math.min(m.links[0].oi, m.links[0].ri);
  proposals.sort((a, b) => b.carried - a.carried || first(a) - first(b) || a.claim - b.claim);
  const out: MergeAnchor[] = [];
  for (const m of proposals) {
    if (m.links.some((l) => oTaken[l.oi] || rTaken[l.ri])) continue;
    for (const l of m.links) oTaken[l.oi] = rTaken[l.ri] = true;
    out.push(m);
  }
  return out;
}
