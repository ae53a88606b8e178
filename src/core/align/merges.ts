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

/** The shredded-claim rule's thresholds (`ALIGN_THRESHOLDS.shred*`). */
export interface ShredRule {
  /** Each fragment's least similarity with the claim (its best match). */
  member: number;
  /** Each fragment's least share of its own content that the claim carries. */
  share: number;
  /** The least share of the claim's content the stretch carries together. */
  carried: number;
}

/**
 * Shredded claims: a claim that the other side cut into a stretch of short fragments, each too weak to link alone
 * (random obfuscation, or a copy-editor splitting a long sentence: each fragment keeps a clause of it, reworded).
 * A fragment alone is little evidence (a three-word clause matches something in any same-topic article), but a
 * stretch of consecutive claims whose best match is one claim, each mostly carried by it, that together carry most
 * of it, is the cut itself (Barzilay & Elhadad 2003 align such many-to-one groups; here the group is judged by its
 * joint coverage of the claim, as `mergeAnchors` judges two). Fragments are consecutive within CONTEXT_WINDOW, so a
 * noise claim inserted between two is bridged; a claim already linked to the shredded claim counts towards the
 * stretch and its coverage. Both directions: a rewrite sentence shredded into source fragments is one rewrite
 * sentence that merges several consecutive source claims. Returns the new links (each fragment to its claim).
 */
export function shreddedClaims(
  pairs: readonly ScoredPair[],
  oTaken: readonly boolean[],
  rTaken: readonly boolean[],
  links: readonly Link[],
  rule: ShredRule,
  coverage: GroupCoverage,
): Link[] {
  const oBest = new Map<number, ScoredPair>(),
    rBest = new Map<number, ScoredPair>();
  for (const p of pairs) {
    const a = oBest.get(p.oi);
    if (!a || p.sim > a.sim) oBest.set(p.oi, p);
    const b = rBest.get(p.ri);
    if (!b || p.sim > b.sim) rBest.set(p.ri, p);
  }
  const out: Link[] = [];
  const used = new Set<string>();
  for (const side of ['o', 'r'] as const) {
    // Fragments are claims of the other side; `x` is the claim they shred.
    const fragBest = side === 'o' ? rBest : oBest;
    const fragTaken = side === 'o' ? rTaken : oTaken;
    const xOf = (p: ScoredPair) => (side === 'o' ? p.oi : p.ri);
    const fragOf = (p: ScoredPair) => (side === 'o' ? p.ri : p.oi);
    const shareOf = (p: ScoredPair) => (side === 'o' ? p.bInA : p.aInB);
    const byClaim = new Map<number, { at: number; pair?: ScoredPair }[]>();
    const add = (x: number, at: number, pair?: ScoredPair) => {
      const list = byClaim.get(x);
      if (list) list.push({ at, pair });
      else byClaim.set(x, [{ at, pair }]);
    };
    for (const p of fragBest.values()) {
      if (fragTaken[fragOf(p)] || p.sim < rule.member || shareOf(p) < rule.share) continue;
      add(xOf(p), fragOf(p), p);
    }
    for (const l of links) {
      const x = side === 'o' ? l.oi : l.ri;
      if (byClaim.has(x)) add(x, side === 'o' ? l.ri : l.oi);
    }
    for (const [x, list] of byClaim) {
      list.sort((a, b) => a.at - b.at);
      let start = 0;
      for (let i = 1; i <= list.length; i++) {
        if (i < list.length && list[i]!.at - list[i - 1]!.at <= CONTEXT_WINDOW) continue;
        const stretch = list.slice(start, i);
        start = i;
        const fresh = stretch.filter((m) => m.pair);
        if (stretch.length < 2 || !fresh.length) continue;
        const at = [...new Set(stretch.map((m) => m.at))];
        if (coverage(side, x, at) < rule.carried) continue;
        for (const { pair } of fresh) {
          const k = `${pair!.oi},${pair!.ri}`;
          if (used.has(k)) continue;
          used.add(k);
          out.push({ oi: pair!.oi, ri: pair!.ri, sim: pair!.sim });
        }
      }
    }
  }
  return out;
}
