import { type ClaimVector, SHORT_CLAIM_PRIOR, type Vocabulary } from '../terms/vocabulary.js';
import { PairBuffers, type PairScore, scorePair } from './pair-score.js';

/**
 * `scorePair` for many pairs of two fixed claim lists (the candidate pairs of a compare). What depends on
 * one claim alone — its terms' table rows and columns, weights, and weight totals — is computed once per claim
 * instead of once per pair. A term's best similarity in a claim depends on the term and that claim only: for a
 * rewrite claim, the best of every original term (row) is taken once from the claim's sparse columns, and for an
 * original claim the best of every rewrite term (column) once from its sparse rows; a pair then only reads its
 * terms' bests. Same answers bit for bit: a maximum does not depend on the order it is taken in, the per-pair
 * sums run over the same terms in the same order, and the totals are the same sums. Falls back to `scorePair`
 * when there is no cross table (long texts) or a claim's terms are not all in it.
 */
export class PairScorer {
  /** Sparse rows of the cross table: row x's non-zero entries are columns nzCol[nzStart[x] .. nzStart[x+1]). */
  private readonly nzStart: Int32Array;
  private readonly nzCol: Int32Array;
  private readonly nzSim: Float64Array;
  /** Sparse columns (the same entries): column c's rows are nzRow[colStart[c] .. colStart[c+1]). */
  private readonly colStart: Int32Array;
  private readonly nzRow: Int32Array;
  private readonly colSim: Float64Array;
  /** bestRow[x]: the best similarity of original term x (row) in the rewrite claim `marked`; rows set in `touched`. */
  private readonly bestRow: Float64Array;
  /** The rows set, the first `touchedCount` (each at most once: a row is added when its best leaves 0). */
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private marked = -1;
  /** bestCol[c]: the best similarity of rewrite term c (column) in the original claim `bestColFor`. */
  private readonly bestCol: Float64Array;
  private bestColFor = -1;
  /** Each side's claims' terms, flat (see `ClaimTable`). */
  private readonly a: ClaimTable;
  private readonly b: ClaimTable;
  /** Pairs queued for `flush`: claim indexes and store offsets, `queuedCount` of them (typed, sized by the caller's
   *  estimate: three growing arrays were ~150 KB of garbage per seed-pair compare). */
  private qi: Int32Array;
  private qj: Int32Array;
  private qat: Int32Array;
  private queuedCount = 0;
  /** `scorePair`'s buffers for the pairs the table cannot score. */
  private readonly buffers = new PairBuffers();

  /** @param capacity how many pairs will be queued before a `flush` (more are accepted; the queue then grows) */
  constructor(
    private readonly vocab: Vocabulary,
    private readonly av: ClaimVector[],
    private readonly bv: ClaimVector[],
    capacity = 64,
  ) {
    this.qi = new Int32Array(capacity);
    this.qj = new Int32Array(capacity);
    this.qat = new Int32Array(capacity);
    const t = vocab.cross,
      none = new Int32Array(1);
    this.a = claimTable(vocab, av, t?.row);
    this.b = claimTable(vocab, bv, t?.col);
    this.bestRow = new Float64Array(t?.rows ?? 0);
    this.touched = new Int32Array(t?.rows ?? 0);
    this.bestCol = new Float64Array(t?.cols ?? 0);
    // The table's sparse rows and columns (`finishTable`).
    this.nzStart = t?.rowStart ?? none;
    this.nzCol = t?.colOf ?? none;
    this.nzSim = t?.sims ?? new Float64Array(0);
    this.colStart = t?.colStart ?? none;
    this.nzRow = t?.rowOf ?? none;
    this.colSim = t?.colSims ?? new Float64Array(0);
  }

  /**
   * Queues the pair (a[i], b[j]): `flush` writes its score to store[at .. at + SCORE_FIELDS) (`StoredPair`'s order).
   */
  queue(i: number, j: number, at: number): void {
    const n = this.queuedCount;
    if (n === this.qi.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(Math.max(64, 2 * a.length));
        b.set(a);
        return b;
      };
      this.qi = grow(this.qi);
      this.qj = grow(this.qj);
      this.qat = grow(this.qat);
    }
    this.qi[n] = i;
    this.qj[n] = j;
    this.qat[n] = at;
    this.queuedCount = n + 1;
  }

  /**
   * Scores the queued pairs into `store`, each as `scorePair(vocab, a[i], b[j])`: first each pair's A side in queue
   * order (compare queues a rewrite claim's candidates together: one marking of its rows each), then its B side with
   * the pairs grouped by original claim, so that one claim's column bests are computed once into one reused array
   * (instead of an array per claim, 160 KB on the seed pair, read back from far in the cache).
   */
  flush(store: Float64Array): void {
    const { qi, qj, qat } = this,
      n = this.queuedCount;
    const byClaim = new Int32Array(this.av.length + 1);
    for (let q = 0; q < n; q++) {
      if (!this.tableScores(qi[q]!, qj[q]!, store, qat[q]!)) {
        qi[q] = -1;
        continue;
      }
      this.mark(qj[q]!);
      shareOf(this.a, qi[q]!, this.bestRow, store, qat[q]! + 1);
      byClaim[qi[q]! + 1]!++;
    }
    // Counting sort of the (non-fallback) pairs by original claim, queue order kept within a claim.
    for (let i = 0; i < this.av.length; i++) byClaim[i + 1]! += byClaim[i]!;
    const order = new Int32Array(byClaim[this.av.length]!),
      next = byClaim.slice(0, this.av.length);
    for (let q = 0; q < n; q++) if (qi[q]! >= 0) order[next[qi[q]!]!++] = q;
    for (const q of order) {
      const at = qat[q]!;
      this.markColumns(qi[q]!);
      shareOf(this.b, qj[q]!, this.bestCol, store, at + 2);
      store[at] = (store[at + 1]! + store[at + 2]!) / 2;
    }
    this.queuedCount = 0;
  }

  /** True when the table scores the pair; else writes `scorePair`'s answer to store[at..] and returns false. */
  private tableScores(i: number, j: number, store: Float64Array, at: number): boolean {
    if (this.vocab.cross && this.a.ok[i] && this.b.ok[j]) return true;
    const p = scorePair(this.vocab, this.av[i]!, this.bv[j]!, this.buffers);
    store[at] = p.sim;
    store[at + 1] = p.aInB;
    store[at + 2] = p.bInA;
    store[at + 3] = p.contentA;
    store[at + 4] = p.contentB;
    store[at + 5] = p.carriedA;
    store[at + 6] = p.carriedB;
    return false;
  }

  /** Marks rewrite claim j: every row's best similarity in it (from its terms' sparse columns). */
  private mark(j: number): void {
    if (this.marked === j) return;
    const { bestRow, touched, colStart, nzRow, colSim } = this,
      { at, start } = this.b;
    for (let k = 0; k < this.touchedCount; k++) bestRow[touched[k]!] = 0;
    let n = 0;
    for (let p = start[j]!, end = start[j + 1]!; p < end; p++) {
      for (let k = colStart[at[p]!]!, stop = colStart[at[p]! + 1]!; k < stop; k++) {
        const x = nzRow[k]!,
          s = colSim[k]!;
        if (s > bestRow[x]!) {
          if (bestRow[x] === 0) touched[n++] = x;
          bestRow[x] = s;
        }
      }
    }
    this.touchedCount = n;
    this.marked = j;
  }

  /** Each column's best similarity in original claim i (from its terms' sparse rows). */
  private markColumns(i: number): void {
    if (this.bestColFor === i) return;
    const { nzStart, nzCol, nzSim } = this,
      out = this.bestCol.fill(0),
      { at, start } = this.a;
    for (let p = start[i]!, end = start[i + 1]!; p < end; p++) {
      const x = at[p]!;
      for (let k = nzStart[x]!, stop = nzStart[x + 1]!; k < stop; k++)
        if (nzSim[k]! > out[nzCol[k]!]!) out[nzCol[k]!] = nzSim[k]!;
    }
    this.bestColFor = i;
  }
}

/** Numbers per pair in a score store: sim, aInB, bInA, contentA, contentB, carriedA, carriedB. */
export const SCORE_FIELDS = 7;

/**
 * A scored claim pair whose scores are read from a shared store: a compare scores thousands of
 * candidate pairs, and an object literal per pair with seven number fields (each a heap number of its own) was
 * a measurable share of its allocation and garbage; this view holds two indexes, a flag and its offset. Read-only.
 */
export class StoredPair implements PairScore {
  constructor(
    private readonly s: Float64Array,
    private readonly at: number,
    readonly oi: number,
    readonly ri: number,
    readonly copied: boolean,
  ) {}
  get sim(): number {
    return this.s[this.at]!;
  }
  get aInB(): number {
    return this.s[this.at + 1]!;
  }
  get bInA(): number {
    return this.s[this.at + 2]!;
  }
  get contentA(): number {
    return this.s[this.at + 3]!;
  }
  get contentB(): number {
    return this.s[this.at + 4]!;
  }
  get carriedA(): number {
    return this.s[this.at + 5]!;
  }
  get carriedB(): number {
    return this.s[this.at + 6]!;
  }
}

/** One side's claims for `PairScorer`, flat: claim k's terms at [start[k], start[k+1]). */
interface ClaimTable {
  start: Int32Array;
  /** Each term's table row (original side) or column (rewrite side). */
  at: Int32Array;
  weight: Float64Array;
  name: Uint8Array;
  /** Per claim: weight total and content (non-name) total, summed in `share`'s order. */
  total: Float64Array;
  contentTotal: Float64Array;
  /** 0 when some term of the claim is not in the table (then: `scorePair`). */
  ok: Uint8Array;
}

function claimTable(vocab: Vocabulary, claims: ClaimVector[], index: Int32Array | undefined): ClaimTable {
  const start = new Int32Array(claims.length + 1);
  claims.forEach((c, k) => {
    start[k + 1] = start[k]! + c.ids.length;
  });
  const n = start[claims.length]!;
  const at = new Int32Array(n),
    weight = new Float64Array(n),
    name = new Uint8Array(n);
  const total = new Float64Array(claims.length),
    contentTotal = new Float64Array(claims.length),
    ok = new Uint8Array(claims.length);
  claims.forEach((c, k) => {
    let sum = 0,
      content = 0,
      all = index !== undefined;
    for (let q = 0, p = start[k]!; q < c.ids.length; q++, p++) {
      const id = c.ids[q]!,
        w = vocab.weight[id] ?? 0,
        v = index?.[id] ?? -1;
      if (v < 0) all = false;
      else at[p] = v;
      weight[p] = w;
      sum += w;
      if (vocab.isName[id]) name[p] = 1;
      else content += w;
    }
    total[k] = sum;
    contentTotal[k] = content;
    ok[k] = all ? 1 : 0;
  });
  return { start, at, weight, name, total, contentTotal, ok };
}

/**
 * `share` (match/pair-score.ts) of claim k of a `ClaimTable`, each term's best similarity read as best[at[p]] (the same
 * sums, in the same order, with the totals precomputed): share, content share and carried share written to
 * out[o], out[o + 2], out[o + 4] (a pair's A side at offset 1, its B side at 2: `StoredPair`'s order).
 */
function shareOf(c: ClaimTable, k: number, best: Float64Array, out: Float64Array, o: number): void {
  const total = c.total[k]!,
    contentTotal = c.contentTotal[k]!;
  if (total <= 0) {
    out[o] = out[o + 2] = out[o + 4] = 0;
    return;
  }
  const { at, weight, name } = c;
  let got = 0,
    content = 0;
  for (let p = c.start[k]!, end = c.start[k + 1]!; p < end; p++) {
    const x = weight[p]! * best[at[p]!]!;
    got += x;
    if (!name[p]) content += x;
  }
  out[o] = got / (total + SHORT_CLAIM_PRIOR);
  out[o + 2] = content / (contentTotal + SHORT_CLAIM_PRIOR);
  out[o + 4] = got / total;
}
