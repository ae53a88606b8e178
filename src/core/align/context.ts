import type { GroupCoverage, Link, PairSim, ScoredPair } from './links.js';

/**
 * Context evidence for the aligner. A rewrite keeps the order of its source in runs: the sentences next to an
 * aligned pair are most often aligned with each other, or merged into / split from its members (Barzilay &
 * Elhadad 2003, "Sentence alignment for monolingual comparable corpora", align weak pairs inside matched
 * contexts; Nelken & Shieber 2006 add a preference for monotone alignments to the similarity score). A weak
 * similarity is thus believable near other links and not on its own; an unrelated article has too few links for
 * the context to say anything (the aligner only uses it once the text is shown to derive).
 */

/**
 * How far (in claims, on each side) a link counts as context of a pair, and how far an unaligned claim may be
 * from the links that bracket it. Two claims: the alignment units of sentence aligners are beads of up to two
 * sentences a side (1-1, 1-2, 2-1, 2-2; Gale & Church 1993), so a window of two reaches the next bead and no
 * further.
 */
export const CONTEXT_WINDOW = 2;

/**
 * Region growing from the links: offers `tryTake` the pairs `sorted[0..n)` that lie within CONTEXT_WINDOW of a
 * link (on both sides), best first (`sorted` is in the aligner's order, so the lowest index is the best pair);
 * every pair taken makes its own neighbourhood eligible. A pair far from every link is never offered.
 * Pairs are indexed per original claim in rewrite order, so a neighbourhood costs a binary search per row:
 * O(n log n) overall, however many candidates one claim has.
 */
export function growInContext(
  sorted: ScoredPair[],
  n: number,
  links: Link[],
  tryTake: (p: ScoredPair) => boolean,
): void {
  const byOriginal = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const oi = sorted[k]!.oi;
    let l = byOriginal.get(oi);
    if (!l) byOriginal.set(oi, (l = []));
    l.push(k);
  }
  for (const row of byOriginal.values()) row.sort((x, y) => sorted[x]!.ri - sorted[y]!.ri);
  const queue = new MinHeap(),
    queued = new Uint8Array(n);
  const enqueueNear = (oi: number, ri: number) => {
    for (let a = oi - CONTEXT_WINDOW; a <= oi + CONTEXT_WINDOW; a++) {
      const row = byOriginal.get(a);
      if (!row) continue;
      let lo = 0,
        hi = row.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[row[mid]!]!.ri < ri - CONTEXT_WINDOW) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < row.length && sorted[row[i]!]!.ri <= ri + CONTEXT_WINDOW; i++) {
        const k = row[i]!;
        if (!queued[k]) {
          queued[k] = 1;
          queue.push(k);
        }
      }
    }
  };
  for (const l of links) enqueueNear(l.oi, l.ri);
  for (let k = queue.pop(); k >= 0; k = queue.pop()) {
    const p = sorted[k]!;
    if (tryTake(p)) enqueueNear(p.oi, p.ri);
  }
}

/**
 * Gap filling between links, as sentence aligners fill the stretch between two anchor points (Gale & Church
 * 1993; Moore 2002): an unaligned claim whose nearest linked neighbours on its own side, both within `window`
 * claims, are linked to a compact stretch of the other side (at most 2·window claims apart) is compared only
 * with the claims of that stretch. Among so few candidates a pair needs only to be more similar than unrelated
 * text usually is (`floor`), not to stand out from a whole article.
 * 1. One-to-one: two unaligned claims, each the other's most similar unaligned claim in its stretch.
 * 2. Merge / split (with `coverage` only): a claim still unaligned joins its most similar claim X of the stretch (a
 *    sentence compressed into a neighbouring rewrite sentence, or expanded from it) when it explains at least
 *    `minGain` of X's content that neither X's group nor the other claims proposed for X explain (a
 *    leave-one-out gain): a sentence between two merged ones that adds nothing to the merge ("The plan raises
 *    taxes by 3%" between the two halves of a merged summary sentence that never mentions them) stays
 *    unaligned.
 * Each step is decided against the links before it (not incrementally), the same way for both sides, so
 * swapping the texts swaps the result.
 */
export function fillGaps(
  links: Link[],
  sim: PairSim,
  originalCount: number,
  rewriteCount: number,
  floor: number,
  minGain: number,
  coverage?: GroupCoverage,
  window: number = CONTEXT_WINDOW,
): Link[] {
  const pO: number[][] = Array.from({ length: originalCount }, () => []);
  const pR: number[][] = Array.from({ length: rewriteCount }, () => []);
  const join = (oi: number, ri: number) => {
    pO[oi]!.push(ri);
    pR[ri]!.push(oi);
  };
  for (const l of links) join(l.oi, l.ri);

  /** The stretch of the other side between the links of claim i's nearest linked neighbours, or null. */
  const stretch = (own: number[][], i: number): [number, number] | null => {
    let before = -1,
      after = -1;
    for (let k = i - 1; k >= Math.max(0, i - window); k--)
      if (own[k]!.length) {
        before = k;
        break;
      }
    for (let k = i + 1; k <= Math.min(own.length - 1, i + window); k++)
      if (own[k]!.length) {
        after = k;
        break;
      }
    if (before < 0 || after < 0) return null;
    const ends = [...own[before]!, ...own[after]!];
    const lo = Math.min(...ends),
      hi = Math.max(...ends);
    return hi - lo > 2 * window ? null : [lo, hi];
  };
  /** Claim i's most similar claim of its stretch (lowest index on ties), at least `floor`; -1 if none. */
  const propose = (side: 'o' | 'r', i: number, unalignedOnly: boolean): number => {
    const own = side === 'o' ? pO : pR,
      other = side === 'o' ? pR : pO;
    if (own[i]!.length) return -1;
    const s = stretch(own, i);
    if (!s) return -1;
    let best = -1,
      bestSim = 0;
    for (let j = s[0]; j <= s[1]; j++) {
      if (unalignedOnly && other[j]!.length) continue;
      const x = side === 'o' ? sim(i, j) : sim(j, i);
      if (x >= floor && x > bestSim) {
        best = j;
        bestSim = x;
      }
    }
    return best;
  };
  const out: Link[] = [];
  for (let oi = 0; oi < originalCount; oi++) {
    const ri = propose('o', oi, true);
    if (ri >= 0 && propose('r', ri, true) === oi) out.push({ oi, ri, sim: sim(oi, ri) });
  }
  for (const l of out) join(l.oi, l.ri);
  if (!coverage) return out;
  // Proposals per claim X of the other side; each must add to X what X's group AND the other proposals do not
  // (leave-one-out gain), so that of two candidates carrying the same words only a needed one joins.
  const toR = new Map<number, number[]>(),
    toO = new Map<number, number[]>();
  const propose2 = (m: Map<number, number[]>, x: number, n: number) => {
    let l = m.get(x);
    if (!l) m.set(x, (l = []));
    l.push(n);
  };
  for (let oi = 0; oi < originalCount; oi++) {
    const ri = propose('o', oi, false);
    if (ri >= 0) propose2(toR, ri, oi);
  }
  for (let ri = 0; ri < rewriteCount; ri++) {
    const oi = propose('r', ri, false);
    if (oi >= 0) propose2(toO, oi, ri);
  }
  const merged: Link[] = [];
  const sorted = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  for (const [side, proposals, partners] of [
    ['r', toR, pR],
    ['o', toO, pO],
  ] as const) {
    for (const [x, ns] of proposals) {
      const all = sorted([...partners[x]!, ...ns]),
        full = coverage(side, x, all);
      for (const n of ns) {
        const rest = all.filter((k) => k !== n);
        if (full - (rest.length ? coverage(side, x, rest) : 0) < minGain) continue;
        merged.push(side === 'r' ? { oi: n, ri: x, sim: sim(n, x) } : { oi: x, ri: n, sim: sim(x, n) });
      }
    }
  }
  return [...out, ...merged];
}

/**
 * Offers `tryTake` the pairs `sorted[0..n)` one of whose claims lies within `window` of a scattered cluster of links
 * on its own side, best first, wherever the other claim lies. Two links form such a cluster on one side when they
 * lie within `window` of each other there and farther apart on the other side: a summary's sentences each draw on
 * another part of its source, so its links cluster on its side while their partners are scattered. A stray anchor
 * of an independent article on the same story (a fact both report) has no linked neighbour, and links in order on
 * both sides are a run, whose neighbours the order rules already judge. Only the links as given are context (a pair
 * taken does not widen it), so the growth cannot walk on through text that merely shares a topic.
 */
export function besideClusters(
  sorted: ScoredPair[],
  n: number,
  links: readonly Link[],
  originalCount: number,
  rewriteCount: number,
  tryTake: (p: ScoredPair) => boolean,
  window: number = CONTEXT_WINDOW,
): void {
  const oNear = new Uint8Array(originalCount),
    rNear = new Uint8Array(rewriteCount);
  const mark = (near: Uint8Array, i: number) =>
    near.fill(1, Math.max(0, i - window), Math.min(near.length, i + window + 1));
  const byR = [...links].sort((a, b) => a.ri - b.ri),
    byO = [...links].sort((a, b) => a.oi - b.oi);
  for (let x = 0; x < byR.length; x++)
    for (let y = x + 1; y < byR.length && byR[y]!.ri - byR[x]!.ri <= window; y++) {
      if (Math.abs(byR[y]!.oi - byR[x]!.oi) <= window) continue;
      mark(rNear, byR[x]!.ri);
      mark(rNear, byR[y]!.ri);
    }
  for (let x = 0; x < byO.length; x++)
    for (let y = x + 1; y < byO.length && byO[y]!.oi - byO[x]!.oi <= window; y++) {
      if (Math.abs(byO[y]!.ri - byO[x]!.ri) <= window) continue;
      mark(oNear, byO[x]!.oi);
      mark(oNear, byO[y]!.oi);
    }
  for (let k = 0; k < n; k++) {
    const p = sorted[k]!;
    if (oNear[p.oi] || rNear[p.ri]) tryTake(p);
  }
}

/** Binary min-heap of non-negative integers. */
class MinHeap {
  private readonly a: number[] = [];
  push(x: number): void {
    const a = this.a;
    let i = a.length;
    a.push(x);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (a[up]! <= x) break;
      a[i] = a[up]!;
      i = up;
    }
    a[i] = x;
  }
  /** The smallest element, removed; -1 when empty. */
  pop(): number {
    const a = this.a;
    if (!a.length) return -1;
    const top = a[0]!,
      last = a.pop()!;
    if (a.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i,
          v = last;
        if (l < a.length && a[l]! < v) {
          m = l;
          v = a[l]!;
        }
        if (r < a.length && a[r]! < v) m = r;
        if (m === i) break;
        a[i] = a[m]!;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}

/**
 * Derived passages in text that does not derive as a whole (an article that rewrites a few paragraphs of another,
 * as in passage-level plagiarism corpora): grows supported matches from the anchors as `growInContext` does,
 * offering each pair to `free` (taking none), and returns the grown pairs whose run holds at least `minRun` links,
 * a run being links chained within CONTEXT_WINDOW of each other on both sides (Gale & Church's beads), anchors
 * included. The pairs are returned in the order they were grown; the caller takes them. `seeds` (pairs the pair
 * model believes, below anchor level) grow as anchors do but count as grown: they and their growth are returned
 * only in a run long enough. Also returns every link of those runs (anchors included): the derived passages.
 * With `ordered`, a run stands only if two of its links keep the same order on both sides or one of its links shares
 * a copied run of words (`runHolds`): links chained within the window but crossed or stacked (each claim's best
 * partner among a few same-topic neighbours) are what two articles on one story share, not a rewritten passage,
 * which keeps its source's order (Nelken & Shieber 2006) or copies its words.
 */
export function localRuns(
  sorted: ScoredPair[],
  n: number,
  certain: Link[],
  free: (p: ScoredPair) => boolean,
  minRun: number,
  seeds: ScoredPair[] = [],
  span: number = CONTEXT_WINDOW,
  spanRun: number = minRun,
  ordered = false,
): { grown: ScoredPair[]; runs: Link[] } {
  const oUsed = new Set<number>(),
    rUsed = new Set<number>();
  // Seeds grow like anchors but, unlike them, are returned (to be taken) only when their run is long enough.
  const grown: ScoredPair[] = [...seeds];
  for (const s of seeds) {
    oUsed.add(s.oi);
    rUsed.add(s.ri);
  }
  const anchors = [...certain, ...seeds.map((s) => ({ oi: s.oi, ri: s.ri, sim: s.sim }))];
  growInContext(sorted, n, anchors, (p) => {
    if (!free(p) || oUsed.has(p.oi) || rUsed.has(p.ri)) return false;
    oUsed.add(p.oi);
    rUsed.add(p.ri);
    grown.push(p);
    return true;
  });
  // Runs: links joined when within the window on both sides (union-find over the links in original order, each
  // compared with the few that follow within the window); summary runs also join links that skip (`span`).
  const all: Link[] = [...certain, ...grown];
  const byOriginal = all.map((_, i) => i).sort((a, b) => all[a]!.oi - all[b]!.oi);
  const near = unionFind(all.length),
    skipping = unionFind(all.length);
  const reach = Math.max(span, CONTEXT_WINDOW);
  for (let x = 0; x < byOriginal.length; x++) {
    const i = byOriginal[x]!,
      a = all[i]!;
    for (let y = x + 1; y < byOriginal.length && all[byOriginal[y]!]!.oi - a.oi <= reach; y++) {
      const j = byOriginal[y]!,
        dO = all[j]!.oi - a.oi,
        dR = all[j]!.ri - a.ri;
      const close = dO <= CONTEXT_WINDOW && Math.abs(dR) <= CONTEXT_WINDOW;
      // A summary keeps its source's order but skips most of it: compact on one side, in order within `span` on
      // the other.
      const skips = dO > 0 && dR > 0 && ((dR <= CONTEXT_WINDOW && dO <= span) || (dO <= CONTEXT_WINDOW && dR <= span));
      if (close) near.join(i, j);
      if (close || skips) skipping.join(i, j);
    }
  }
  // A run that holds only across a skip must be longer (`spanRun`): a news lede is a summary of its story too, and
  // two outlets' ledes of one story keep its order for a sentence or two.
  const nearSize = near.sizes(),
    skipSize = skipping.sizes();
  let nearHolds = (_: number) => true,
    skipHolds = (_: number) => true;
  if (ordered) {
    const copied = new Set<string>();
    for (let k = 0; k < n; k++) if (sorted[k]!.copied) copied.add(`${sorted[k]!.oi} ${sorted[k]!.ri}`);
    const isCopied = (l: Link) => copied.has(`${l.oi} ${l.ri}`);
    const a = runHolds(all, near.root, isCopied),
      b = runHolds(all, skipping.root, isCopied);
    nearHolds = (i) => a.has(near.root(i));
    skipHolds = (i) => b.has(skipping.root(i));
  }
  const inRun = (i: number) =>
    (nearSize[near.root(i)]! >= minRun && nearHolds(i)) || (skipSize[skipping.root(i)]! >= spanRun && skipHolds(i));
  return {
    grown: grown.filter((_, g) => inRun(certain.length + g)),
    runs: all.filter((_, i) => inRun(i)).map((l) => ({ oi: l.oi, ri: l.ri, sim: l.sim })),
  };
}

/**
 * The runs (roots of `root` over `links`) that hold: two of their links in the same order on both sides (one before
 * the other in the original and in the rewrite), or one link sharing a copied run of words. Links in original order,
 * each run remembers the least rewrite index among its links of earlier original claims; a link past it is in order.
 */
export function runHolds(
  links: readonly Link[],
  root: (i: number) => number,
  copied: (l: Link) => boolean,
): Set<number> {
  const holds = new Set<number>();
  const byOriginal = links.map((_, i) => i).sort((a, b) => links[a]!.oi - links[b]!.oi || links[a]!.ri - links[b]!.ri);
  // Least rewrite index per run over the original claims before the current one, and over the current one.
  const least = new Map<number, number>(),
    current = new Map<number, number>();
  for (let x = 0; x < byOriginal.length; x++) {
    const l = links[byOriginal[x]!]!,
      r = root(byOriginal[x]!);
    if (x > 0 && links[byOriginal[x - 1]!]!.oi !== l.oi) {
      for (const [k, v] of current) least.set(k, Math.min(least.get(k) ?? Infinity, v));
      current.clear();
    }
    if (copied(l) || l.ri > (least.get(r) ?? Infinity)) holds.add(r);
    current.set(r, Math.min(current.get(r) ?? Infinity, l.ri));
  }
  return holds;
}

/** Union-find over 0..n−1 with path halving; `sizes()[root]` is the size of that root's set. */
function unionFind(n: number) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  return {
    root,
    join: (i: number, j: number) => {
      parent[root(i)] = root(j);
    },
    sizes: () => {
      const size = new Array<number>(n).fill(0);
      for (let i = 0; i < n; i++) size[root(i)]!++;
      return size;
    },
  };
}
