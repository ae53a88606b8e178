import { besideClusters, CONTEXT_WINDOW, fillGaps, growInContext, localRuns } from './context.js';
import type { GroupCoverage, Link, PairSim, ScoredPair } from './links.js';
import { mergeAnchors, shreddedClaims } from './merges.js';

export type { GroupCoverage, Link, PairSim, ScoredPair } from './links.js';

/**
 * Thresholds of the aligner, each on the IDF-weighted soft similarity of `terms/vocabulary.ts` (0..1). They were set
 * from the score distributions of ALL seed pairs, not the dev pair alone. Best match of each claim across the
 * 12 directed pairs of independent same-topic seeds (004 vs each other, 001/002, 000/003; 456 claims):
 * median 0.20, 90th percentile 0.29, 95th 0.34, 99th 0.46, max 0.48 — and of the four claims at ≥ 0.45, two
 * carry almost no non-name content. Gold links of the dev pair: median 0.43, a quarter below 0.21 (merged
 * fragments). So one pair alone must clear the same-topic tail (anchor), weaker pairs are believed only once
 * the text as a whole is shown to derive (derivedGate), and splits/merges are judged by carried share.
 */
export const ALIGN_THRESHOLDS = {
  /** A pair this similar is an anchor on its own: the level that independent same-topic text does not reach. */
  anchor: 0.45,
  /**
   * …and at least this share of its non-name content must be carried (shared names alone are topic, not derivation).
   */
  anchorContent: 0.35,
  /** Once a text is shown to derive (see `derivedGate`), weaker one-to-one matches count from here (above the
   *  median same-topic best match, 0.20), accepted only within `bestRatio` of both claims' best match. */
  support: 0.25,
  /** Share of the shorter side's claims that must be anchors before supported matches are admitted. Derived
   *  text aligns in runs; an independent article yields at most a stray anchor or two (≤ 5% of its claims). */
  derivedGate: 0.15,
  /** A supported one-to-one match must reach this share of each claim's best similarity (else the claim is
   *  left to join its best partner's group as a split/merge part). */
  bestRatio: 0.8,
  /** A claim joins a matched claim's group (split / merge) when this share of its content is carried there. */
  part: 0.5,
  /** …or this share when the two share a copied run of words (a copied clause of a longer sentence). */
  partCopied: 0.3,
  /** Group extension (pass 4): a claim next to a group member may join the group from this pair similarity, the
   *  median best match of independent same-topic claims (0.20). Below it a pair is not evidence even with the
   *  neighbourhood prior; above it, adjacency plus a gain of `extendGain` in what each side explains decides. */
  extend: 0.2,
  /** Gap filling (`fillGaps`): an unaligned claim bracketed by links within CONTEXT_WINDOW is linked to the most
   *  similar claim of the stretch between them from this similarity: the 75th percentile of ALL claim pairs of
   *  the independent same-topic seeds (0.10; median 0.055, 90th 0.15), i.e. more similar than unrelated text
   *  usually is. Only the context licenses a pair this weak: it is compared with a handful of candidates, not
   *  with the whole article, and only in text shown to derive. */
  gap: 0.1,
  /** Group extension: each end must explain at least this share of the other that its group does not (N of X's
   *  content beyond X's group, X of N's beyond N's group): one content word of a median claim (10 distinct
   *  content terms per claim in the seed articles). A neighbour adding a word or two of X counts; one that merely
   *  repeats what the group explains does not. */
  extendGain: 0.1,
  /** Gap filling: a merge part must explain this share of the claim X it joins beyond X's group and the other
   *  parts proposed for X. Half of `extendGain`: a claim in a gap is bracketed by links on both sides, twice the
   *  context evidence of a claim next to one link, so half the content evidence is asked of it. */
  gapGain: 0.05,
  /** Merge anchors (`align/merges.ts`), tried when one-to-one anchors do not show derivation: each of the two
   *  members must reach this similarity, the 95th percentile of independent same-topic claims' best match (0.34)… */
  mergeMember: 0.35,
  /** …and together they must carry this share of the claim's content: most of it, well above what a merge part
   *  must carry alone (`part`). */
  mergeCarried: 0.7,
  /** In text not shown to derive, supported matches grown from an anchor (`localRuns`) are kept only in runs of
   *  this many links, each within CONTEXT_WINDOW of the next: an anchor and two neighbours, the least that is a run
   *  rather than a pair. A passage rewritten into an unrelated article aligns in such runs; a stray anchor of an
   *  independent article has no such neighbours (none on the 16 directed independent seed pairs and 2,288 short
   *  cuts of them). */
  localRun: 3,
  /** A local run is a derived passage: inside it gaps are filled, split/merge parts join from `support` and groups
   *  extend, as in text shown to derive, with the run's links as their context (1). 0: local runs only. */
  localPassage: 1,
  /** A local run stands only if two of its links keep the same order on both sides or one of them shares a copied
   *  run of words (1; `localRuns`): a rewritten passage keeps its source's order or its words, while claims of two
   *  articles on one story, each next to another's best partner, chain within the window crossed. 0: any run. */
  runOrder: 1,
  /** Links of a local run may also be this many claims apart on one side when in order and within CONTEXT_WINDOW on
   *  the other (a summary's consecutive sentences each compress a stretch of the source). */
  runSpan: 2,
  /** …and a run that holds only across such skips must hold this many links (within the window: `localRun`): the
   *  title and lede of two outlets' articles on one story follow its order too, four links on the independent seed
   *  pairs; one more is asked (the fit tries the values around it). */
  spanRun: 5,
  /** Shredded claims (`align/merges.ts` `shreddedClaims`): a stretch of consecutive claims of one side whose best
   *  match is one claim of the other, each at least this similar to it (`extend`: the median best match of
   *  independent same-topic claims; the fit goes no lower)… Fitted with the two below by `scripts/fit/shred.ts`
   *  (cross-validated on PAN, with the independent pairs and the development pair as guards: docs/shred.md). */
  shredMember: 0.2,
  /** …each at least half carried by it (a fragment's content is mostly the claim's)… */
  shredShare: 0.5,
  /** …and together carrying this share of it, are linked to it. Well below `part`: the fragments' words are
   *  reworded, and the stretch of fragments each best matching the claim, not one pair, is the evidence. 2: never. */
  shredCarried: 0.3,
  /** In text not shown to derive, shredded claims are linked too, as a derived passage of their own (1), or not
   *  (0: only in derived text). */
  shredLocal: 1,
  /** Belief gates: the least probability of carrying the same content (the calibrated pair model,
   *  `match/pair-model.ts`) that each rule asks of a pair, besides its similarity. 0 here (no model: nothing
   *  gated); a model brings the values fitted with it (`scripts/fit/`). An anchor (one-to-one or a merge member)… */
  beliefAnchor: 0,
  /** …a supported match in context (next to a link, or in a local run)… */
  beliefSupport: 0,
  /** …a supported match out of context (a moved passage: nothing next to it is linked)… */
  beliefMoved: 0,
  /** …a gap filler… */
  beliefGap: 0,
  /** …a split/merge part… */
  beliefPart: 0,
  /** …and a group extension. */
  beliefExtend: 0,
  /** In text not shown to derive, a supported match within CONTEXT_WINDOW of a scattered cluster on one side (two
   *  links within the window of each other on that side, farther apart on the other), its other claim anywhere, is
   *  taken when believed this much (`besideClusters`): a summary keeps its source's content but not its order.
   *  2: never (without a model). */
  beliefBeside: 2,
  /** In text not shown to derive, a pair believed this much (and at `support`) seeds a local run as an anchor does,
   *  but is kept only if the run reaches `localRun` links: an obfuscated passage has no pair at anchor level, yet
   *  its sentences follow its source's in order. 2: never (without a model). */
  beliefSeed: 2,
  /** A pair at `support` that the model believes this much is an anchor though it misses `anchor` or
   *  `anchorContent`: a reworded sentence sharing mostly names (a headline restated with other verbs) carries the
   *  same content when names, word order and lengths agree, which similarity alone cannot tell from topic.
   *  2: never (without a model). */
  beliefSure: 2,
  /** In a compare of one claim on each side (two headlines, two sentences), the one pair at `support` is an anchor
   *  when the model believes it this much. `beliefSure` is asked of a pair picked from many (an article's claims
   *  against another's: the best of hundreds of same-story pairs clears a modest belief by chance); here there is
   *  one pair and its belief is the probability that the two say the same. 2: never (without a model). */
  beliefLone: 2,
} as const;

/** The aligner's thresholds as plain numbers (callers and tests may vary them). */
export type AlignThresholds = { readonly [K in keyof typeof ALIGN_THRESHOLDS]: number };

/** Up to this many claim pairs (8 MB), scored pairs' similarities are looked up in a dense table, else a Map. */
const DENSE_SIM_MAX = 1 << 20;

/**
 * Scored pairs' similarities by (oi, ri), built once per compare and shared by the alignment passes and the
 * classification (each used to build its own Map of the same pairs). A pair scored twice keeps its last score.
 */
export function pairSims(pairs: ScoredPair[], originalCount: number, rewriteCount: number): PairSim {
  if (originalCount * rewriteCount <= DENSE_SIM_MAX) {
    const dense = new Float64Array(originalCount * rewriteCount).fill(-1);
    for (const p of pairs) dense[p.oi * rewriteCount + p.ri] = p.sim;
    // Past the last original claim (a neighbour looked up by the extension pass) the index runs off the table.
    return (oi, ri) => dense[oi * rewriteCount + ri] ?? -1;
  }
  const map = new Map<number, number>();
  for (const p of pairs) map.set(p.oi * rewriteCount + p.ri, p.sim);
  return (oi, ri) => map.get(oi * rewriteCount + ri) ?? -1;
}

/**
 * The aligner's order: descending similarity; among pairs exactly as similar (a sentence repeated in one text
 * matches each copy alike), the one whose diagonal neighbours are more similar first (`diagonalContext`); then by
 * position, in a way that does not depend on which text is the original (swapping the texts must swap dropped and
 * added, nothing else).
 */
function pairOrder(...contexts: ((p: ScoredPair) => number)[]) {
  const byContext = (a: ScoredPair, b: ScoredPair) => {
    if (a.sim !== b.sim) return 0;
    for (const c of contexts) {
      const d = c(b) - c(a);
      if (d) return d;
    }
    return 0;
  };
  return (a: ScoredPair, b: ScoredPair) =>
    b.sim - a.sim ||
    byContext(a, b) ||
    Math.min(a.oi, a.ri) - Math.min(b.oi, b.ri) ||
    Math.max(a.oi, a.ri) - Math.max(b.oi, b.ri) ||
    a.oi - b.oi;
}

/**
 * How many links a pair would continue in order: links (keys oi·rewriteCount + ri, read as they are when asked)
 * within CONTEXT_WINDOW of it on both sides, before it on both or after it on both. Once anchors are taken, of two
 * equally similar partners the one next to them in order is the rewrite's (a sentence aligner's path runs through
 * its anchor points: Gale & Church 1993).
 */
function linkContext(linked: ReadonlySet<number>, rewriteCount: number) {
  return (p: ScoredPair): number => {
    let count = 0;
    for (let dO = 1; dO <= CONTEXT_WINDOW; dO++)
      for (let dR = 1; dR <= CONTEXT_WINDOW; dR++) {
        if (p.oi >= dO && p.ri >= dR && linked.has((p.oi - dO) * rewriteCount + p.ri - dR)) count++;
        if (p.ri + dR < rewriteCount && linked.has((p.oi + dO) * rewriteCount + p.ri + dR)) count++;
      }
    return count;
  };
}

/**
 * Re-sorts by `order` the block of `sorted[start..n)` exactly as similar as `sorted[start]` (its context changed);
 * returns where the block ends. `order` ranks by similarity first, so blocks are all a re-sort has to touch.
 */
function reorderTies(
  sorted: ScoredPair[],
  start: number,
  n: number,
  order: (a: ScoredPair, b: ScoredPair) => number,
): number {
  let end = start + 1;
  while (end < n && sorted[end]!.sim === sorted[start]!.sim) end++;
  if (end - start < 2) return end;
  const block = sorted.slice(start, end).sort(order);
  for (let i = 0; i < block.length; i++) sorted[start + i] = block[i]!;
  return end;
}

/**
 * How similar a pair's diagonal neighbours are: the claims 1..CONTEXT_WINDOW before it on both sides and after it on
 * both sides, the pairs an in-order alignment through it would hold. Sentence aligners choose between equally good
 * matches by the path through their neighbours (Gale & Church 1993's dynamic programme scores the whole in-order
 * path, not one bead; Barzilay & Elhadad 2003 align a sentence to the copy whose surrounding paragraph matches): of
 * two copies of a repeated sentence, the rewrite's copy derives from the one whose neighbours its neighbours
 * rewrite. Only a tie-break: it never outranks a difference in the pair's own similarity, so it adds no threshold.
 */
function diagonalContext(sim: PairSim, originalCount: number, rewriteCount: number) {
  const memo = new Map<number, number>();
  return (p: ScoredPair): number => {
    const key = p.oi * rewriteCount + p.ri;
    let total = memo.get(key);
    if (total !== undefined) return total;
    total = 0;
    for (let d = 1; d <= CONTEXT_WINDOW; d++) {
      if (p.oi >= d && p.ri >= d) total += Math.max(0, sim(p.oi - d, p.ri - d));
      if (p.oi + d < originalCount && p.ri + d < rewriteCount) total += Math.max(0, sim(p.oi + d, p.ri + d));
    }
    memo.set(key, total);
    return total;
  };
}

/**
 * Aligns claims from scored candidate pairs, in four passes:
 * 1. anchors: greedy one-to-one by descending similarity among pairs above `anchor` with enough content, or at
 *    `support` and believed past `beliefSure` (`beliefLone` when each side is one claim) (these stand only if the
 *    text derives, else they may seed runs); when
 *    they do not reach `derivedGate` and `groupCoverage` is given, merge anchors too (`align/merges.ts`); if the
 *    text still does not derive, only supported matches in runs of `localRun` links with an anchor (`localRuns`);
 * 2. if anchors cover `derivedGate` of the shorter side, weaker one-to-one matches above `support`
 *    (mutual competition: each claim takes its best remaining partner first), with context (`align/context.ts`):
 *    a. first those within CONTEXT_WINDOW of a link, growing from the anchors; then shredded claims (a stretch of
 *       weak fragments that together carry one claim: `shreddedClaims`), in text not shown to derive as a derived
 *       passage of their own when `shredLocal`;
 *    b. then gaps between links: an unaligned claim bracketed by links joins the most similar claim of the
 *       stretch between them from `gap` (one-to-one, or a merge part adding `gapGain` to its group);
 *    c. then the remaining ones (moved passages);
 *    In text not shown to derive, the links of the local runs are a derived passage (`localPassage`): inside it
 *    gaps are filled (b) as in derived text, with the run's links as the only context; and supported matches
 *    beside a scattered cluster of links (a summary's sentences) join it (`beliefBeside`);
 * 3. splits and merges: a still unmatched claim joins the group of its best partner when that partner
 *    carries `part` of its content (one-to-many / many-to-one), from `support` in derived text or with a partner in
 *    a derived passage, else from `anchor`;
 * 4. with `groupCoverage`, in derived text or a derived passage: group extension (`extendGroups`), adjacent
 *    merge/split parts that each carry only a fraction of a long claim.
 * Deterministic: ties break by the diagonal context, then by claim order.
 */
export function alignClaims(
  pairs: ScoredPair[],
  originalCount: number,
  rewriteCount: number,
  t: AlignThresholds = ALIGN_THRESHOLDS,
  groupCoverage?: GroupCoverage,
  sim: PairSim = pairSims(pairs, originalCount, rewriteCount),
  belief: PairSim = () => 1,
): Link[] {
  const believed = (p: ScoredPair, gate: number) => gate <= 0 || belief(p.oi, p.ri) >= gate;
  // Every use of the order stops below support (or anchor): only those pairs are sorted (most candidate pairs of
  // a compare are far weaker, and the sort was most of this function's time). The order is total, so the kept
  // prefix is in the order a sort of every pair gives it.
  const floor = Math.min(t.support, t.anchor);
  const diagonal = diagonalContext(sim, originalCount, rewriteCount);
  const sorted = pairs.filter((p) => p.sim >= floor).sort(pairOrder(diagonal));
  const oTaken = new Array<boolean>(originalCount).fill(false),
    rTaken = new Array<boolean>(rewriteCount).fill(false);
  const links: Link[] = [];
  const take = (p: ScoredPair) => {
    oTaken[p.oi] = rTaken[p.ri] = true;
    links.push({ oi: p.oi, ri: p.ri, sim: p.sim });
  };
  // Anchors taken on the model's belief alone (not similar enough on their own): they stand only in derived text.
  const sure: Link[] = [];
  const sureGate = originalCount === 1 && rewriteCount === 1 ? Math.min(t.beliefSure, t.beliefLone) : t.beliefSure;
  for (const p of sorted) {
    if (p.sim < t.support) break;
    if (oTaken[p.oi] || rTaken[p.ri]) continue;
    // An anchor is either similar enough on its own, or shares a copied run of words, or is believed outright.
    const similar = p.copied || (p.sim >= t.anchor && Math.max(p.contentA, p.contentB) >= t.anchorContent);
    if (similar ? !believed(p, t.beliefAnchor) : sureGate > 1 || belief(p.oi, p.ri) < sureGate) continue;
    take(p);
    if (!similar) sure.push(links[links.length - 1]!);
  }
  const shorter = Math.min(originalCount, rewriteCount);
  // Claims anchored: one per one-to-one anchor, one per merge anchor (the claim that compresses two).
  let anchored = links.length;
  if (groupCoverage && shorter > 0 && anchored / shorter < t.derivedGate) {
    const members =
      t.beliefAnchor > 0 ? pairs.filter((p) => p.sim >= t.mergeMember && believed(p, t.beliefAnchor)) : pairs;
    const merges = mergeAnchors(members, oTaken, rTaken, t.mergeMember, t.anchorContent, t.mergeCarried, groupCoverage);
    for (const m of merges) links.push(...m.links);
    anchored += merges.length;
  }
  const derived = shorter > 0 && anchored / shorter >= t.derivedGate;
  // In text not shown to derive, a pair believed but not similar is what two articles on one story share (the
  // same names and facts): it goes back to the pool, where it may still seed a local run.
  if (!derived && sure.length) {
    for (const l of sure) {
      oTaken[l.oi] = rTaken[l.ri] = false;
      links.splice(links.indexOf(l), 1);
    }
  }
  // With the anchors known, pairs exactly as similar are offered next to them in order first (`linkContext`): the
  // passes below take a repeated sentence's copy beside the anchors, not the first copy.
  const linked = new Set(links.map((l) => l.oi * rewriteCount + l.ri));
  const inContext = pairOrder(linkContext(linked, rewriteCount), diagonal);
  // Only the blocks of equal similarity move (the sorted prefix is the costly part of this function to sort again).
  if (links.length) for (let k = 0; k < sorted.length; ) k = reorderTies(sorted, k, sorted.length, inContext);
  // A claim whose best partner is already taken is more likely part of a split/merge with that partner
  // than a one-to-one match with a much weaker one: a supported match must be within `bestRatio` of both
  // claims' best similarity.
  // (Only text with a link grows any: independent text, the bulk of a large unrelated compare's pairs, skips it.)
  const oBest = new Array<number>(originalCount).fill(0),
    rBest = new Array<number>(rewriteCount).fill(0);
  if (links.length)
    for (const p of pairs) {
      oBest[p.oi] = Math.max(oBest[p.oi]!, p.sim);
      rBest[p.ri] = Math.max(rBest[p.ri]!, p.sim);
    }
  const free = (p: ScoredPair) =>
    !oTaken[p.oi] &&
    !rTaken[p.ri] &&
    p.sim >= t.bestRatio * oBest[p.oi]! &&
    p.sim >= t.bestRatio * rBest[p.ri]! &&
    believed(p, t.beliefSupport);
  const end = sorted.findIndex((p) => p.sim < t.support),
    n = end < 0 ? sorted.length : end;
  // In text not shown to derive: the links of its local runs (derived passages), anchors included.
  const passage: Link[] = [];
  // A text not shown to derive as a whole may still hold a derived passage (a few paragraphs rewritten into an
  // unrelated article): supported matches are believed there only where they run on from an anchor.
  if (!derived) {
    const seeds: ScoredPair[] = [];
    if (t.beliefSeed <= 1) {
      const oSeed = new Set<number>(),
        rSeed = new Set<number>();
      for (let k = 0; k < n; k++) {
        // Pairs exactly as similar are offered beside the seeds chosen so far first (a repeated sentence's copy
        // next to a seed, as with the anchors above).
        if (k === 0 || sorted[k]!.sim !== sorted[k - 1]!.sim) reorderTies(sorted, k, n, inContext);
        const p = sorted[k]!;
        if (oTaken[p.oi] || rTaken[p.ri] || oSeed.has(p.oi) || rSeed.has(p.ri)) continue;
        if (belief(p.oi, p.ri) < t.beliefSeed) continue;
        oSeed.add(p.oi);
        rSeed.add(p.ri);
        seeds.push(p);
        linked.add(p.oi * rewriteCount + p.ri);
      }
    }
    if (links.length || seeds.length) {
      const local = localRuns(sorted, n, links, free, t.localRun, seeds, t.runSpan, t.spanRun, t.runOrder > 0);
      for (const p of local.grown) take(p);
      if (t.localPassage) passage.push(...local.runs);
    }
  }
  // The context of the derived-text passes: every link in derived text; in other text the links of the local runs
  // (a derived passage is derived text where it stands, however unrelated the rest of its article).
  const region = derived ? links : passage;
  if (derived) {
    // 2a. Supported matches in the context of links first (`align/context.ts`): among competing weak candidates
    // the one next to other links wins, best first, each new link extending the context (region growing).
    growInContext(sorted, n, links, (p) => {
      if (!free(p)) return false;
      take(p);
      return true;
    });
  }
  // 2a'. Shredded claims: a stretch of weak fragments that together carry one claim (`shreddedClaims`). In text not
  // shown to derive they are a derived passage of their own.
  if (groupCoverage && t.shredCarried <= 1 && (derived || t.shredLocal)) {
    const shredded = shreddedClaims(
      pairs,
      oTaken,
      rTaken,
      links,
      { member: t.shredMember, share: t.shredShare, carried: t.shredCarried },
      groupCoverage,
    );
    for (const l of shredded) {
      oTaken[l.oi] = rTaken[l.ri] = true;
      links.push(l);
      if (!derived) passage.push(l);
    }
  }
  if (region.length) {
    // 2b. Gaps between links: an unaligned claim bracketed by links is compared with the stretch between them.
    const gapSim: PairSim = t.beliefGap > 0 ? (oi, ri) => (belief(oi, ri) >= t.beliefGap ? sim(oi, ri) : -1) : sim;
    for (const l of fillGaps(region, gapSim, originalCount, rewriteCount, t.gap, t.gapGain, groupCoverage)) {
      oTaken[l.oi] = rTaken[l.ri] = true;
      links.push(l);
      if (!derived) passage.push(l);
    }
  }
  // 2b'. In text not shown to derive, supported matches beside scattered clusters of links (`besideClusters`): a
  // summary's sentences, which follow their source's content but not its order. They join the derived passage. Not
  // `bestRatio`: a summary sentence's best partner may already be linked to another (two summary sentences drawing
  // on one source sentence), and offered best first, each claim takes its best remaining partner.
  if (!derived && links.length && t.beliefBeside <= 1) {
    besideClusters(sorted, n, [...links], originalCount, rewriteCount, (p) => {
      if (oTaken[p.oi] || rTaken[p.ri] || !believed(p, t.beliefBeside)) return false;
      take(p);
      passage.push(links[links.length - 1]!);
      return true;
    });
  }
  // 2c. The remaining supported matches, out of context (moved passages, or a rewrite in another order).
  if (derived)
    for (let k = 0; k < n; k++) if (free(sorted[k]!) && believed(sorted[k]!, t.beliefMoved)) take(sorted[k]!);
  // Splits and merges: attach each unmatched claim to its best matched partner if that partner carries it: from
  // `support` when the partner is in derived text or a derived passage, else only from `anchor`.
  const oRegion = new Uint8Array(derived ? 0 : originalCount),
    rRegion = new Uint8Array(derived ? 0 : rewriteCount);
  if (!derived) for (const l of region) oRegion[l.oi] = rRegion[l.ri] = 1;
  const minSim = region.length ? t.support : t.anchor;
  const extra: Link[] = [];
  const bestFor = new Map<string, ScoredPair>();
  for (const p of sorted) {
    if (p.sim < minSim) break;
    const part = p.copied ? t.partCopied : t.part;
    const weak = !derived && p.sim < t.anchor;
    const asO =
      !oTaken[p.oi] && rTaken[p.ri] && p.aInB >= part && !bestFor.has(`o${p.oi}`) && !(weak && !rRegion[p.ri]);
    const asR =
      !rTaken[p.ri] && oTaken[p.oi] && p.bInA >= part && !bestFor.has(`r${p.ri}`) && !(weak && !oRegion[p.oi]);
    // The belief is asked only of a pair that would join (it is computed on first use).
    if (!(asO || asR) || !believed(p, t.beliefPart)) continue;
    if (asO) bestFor.set(`o${p.oi}`, p);
    if (asR) bestFor.set(`r${p.ri}`, p);
  }
  for (const p of bestFor.values()) extra.push({ oi: p.oi, ri: p.ri, sim: p.sim });
  const all = [...links, ...extra];
  if (!groupCoverage || !region.length) return all;
  const extendSim: PairSim =
    t.beliefExtend > 0 ? (oi, ri) => (belief(oi, ri) >= t.beliefExtend ? sim(oi, ri) : -1) : sim;
  // Extension grows groups of the region only (a stray anchor outside every run is no context).
  const grow = derived ? all : [...region, ...extra.filter((l) => oRegion[l.oi] || rRegion[l.ri])];
  return [...all, ...extendGroups(grow, extendSim, rewriteCount, t, groupCoverage)];
}

/**
 * Pass 4, group extension (only for text shown to derive): a rewrite sentence that merges several adjacent
 * original sentences, or a summary sentence compressing a passage, matches each of them only weakly, because
 * each explains a fraction of it (Barzilay & Elhadad 2003 align such many-to-one groups by extending matched
 * sentences with their neighbours). For every link X–Y, the claims next to Y on Y's side are candidates to join
 * X's group, and symmetrically. A candidate N joins when its pair with X reaches `extend` AND each end explains
 * `extendGain` of the other that its group did not: N adds content of X beyond X's group, and X carries content of
 * N beyond N's own group (a sentence split across two rewrite sentences, each with other material too, is such
 * a part although the added material lowers the pair's average similarity). A neighbour that only repeats what
 * the group already explains stays out. Decided against the links before the pass (not incrementally), so the
 * result does not depend on visiting order and swapping the texts swaps it.
 */
function extendGroups(
  links: Link[],
  sim: PairSim,
  rewriteCount: number,
  t: AlignThresholds,
  coverage: GroupCoverage,
): Link[] {
  const key = (oi: number, ri: number) => oi * rewriteCount + ri;
  const linked = new Set(links.map((l) => key(l.oi, l.ri)));
  const partnersO = new Map<number, number[]>(),
    partnersR = new Map<number, number[]>();
  for (const l of links) {
    let a = partnersO.get(l.oi);
    if (!a) partnersO.set(l.oi, (a = []));
    if (!a.includes(l.ri)) a.push(l.ri);
    let b = partnersR.get(l.ri);
    if (!b) partnersR.set(l.ri, (b = []));
    if (!b.includes(l.oi)) b.push(l.oi);
  }
  const out = new Map<number, Link>();
  const gains = (side: 'o' | 'r', x: number, partners: number[], n: number) => {
    const sorted = [...partners].sort((a, b) => a - b);
    return (
      coverage(
        side,
        x,
        [...sorted, n].sort((a, b) => a - b),
      ) -
        (sorted.length ? coverage(side, x, sorted) : 0) >=
      t.extendGain
    );
  };
  const consider = (oi: number, ri: number) => {
    const k = key(oi, ri);
    if (linked.has(k) || out.has(k)) return;
    const s = sim(oi, ri);
    if (s < 0 || s < t.extend) return;
    // Both ends must gain: N explains more of X than X's group does, AND X more of N than N's group (for an
    // unmatched N: X carries `extendGain` of it).
    const ok = gains('r', ri, partnersR.get(ri) ?? [], oi) && gains('o', oi, partnersO.get(oi) ?? [], ri);
    if (ok) out.set(k, { oi, ri, sim: s });
  };
  for (const l of links) {
    // Neighbours of the original member join the rewrite claim's group, and vice versa.
    for (const n of [l.oi - 1, l.oi + 1]) if (n >= 0) consider(n, l.ri);
    for (const n of [l.ri - 1, l.ri + 1]) if (n >= 0 && n < rewriteCount) consider(l.oi, n);
  }
  return [...out.values()];
}

/** Groups of linked claims (connected components), each as sorted original and rewrite indexes. */
export function groupLinks(links: Link[]): { original: number[]; rewrite: number[]; sim: number }[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  for (const l of links) {
    const a = `o${l.oi}`,
      b = `r${l.ri}`;
    add(a);
    add(b);
    const ra = find(a),
      rb = find(b);
    // The smaller key becomes the root.
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  }
  const groups = new Map<string, { original: number[]; rewrite: number[]; sim: number }>();
  for (const l of links) {
    const root = find(`o${l.oi}`);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { original: [], rewrite: [], sim: 0 }));
    if (!g.original.includes(l.oi)) g.original.push(l.oi);
    if (!g.rewrite.includes(l.ri)) g.rewrite.push(l.ri);
    g.sim = Math.max(g.sim, l.sim);
  }
  const out = [...groups.values()];
  for (const g of out) {
    g.original.sort((a, b) => a - b);
    g.rewrite.sort((a, b) => a - b);
  }
  return out.sort((a, b) => a.original[0]! - b.original[0]! || a.rewrite[0]! - b.rewrite[0]!);
}

/**
 * Which groups moved: groups sorted by original position keep their relative order in the rewrite except
 * those outside a longest increasing subsequence of rewrite positions (the minimal set of moves).
 * O(g log g).
 */
export function movedGroups(groups: { original: number[]; rewrite: number[] }[]): boolean[] {
  const pos = groups.map((g) => g.rewrite[0]!);
  const tails: number[] = [],
    tailIdx: number[] = [],
    prev = new Array<number>(pos.length).fill(-1);
  pos.forEach((p, i) => {
    let lo = 0,
      hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = p;
    tailIdx[lo] = i;
    prev[i] = lo > 0 ? tailIdx[lo - 1]! : -1;
  });
  const moved = new Array<boolean>(pos.length).fill(true);
  for (let i = tails.length ? tailIdx[tails.length - 1]! : -1; i >= 0; i = prev[i]!) moved[i] = false;
  return moved;
}
