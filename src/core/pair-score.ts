import type { Lexicon } from '../lexicon/vectors.js';
import { cellSim, type CrossTable } from './cross-table.js';
import { SHORT_CLAIM_PRIOR, Vocabulary, toClaimVector, type ClaimVector } from './similarity.js';
import type { ClaimTerms } from './tokens.js';

/**
 * Scoring a pair of claims from their terms' similarities (Mihalcea, Corley & Strapparava 2006): each term's best
 * match in the other claim, averaged with IDF weights, in both directions.
 */

/** How two claims compare: symmetric similarity and each direction's carried share. */
export interface PairScore {
  /** Mean of both directions (Mihalcea et al. 2006). */
  sim: number;
  /** Share of A's weighted content found in B. */
  aInB: number;
  /** Share of B's weighted content found in A. */
  bInA: number;
  /** Weighted share of A's and B's content that is NOT names (names alone do not make a claim). */
  contentA: number;
  contentB: number;
  /** Unsmoothed weighted share of A's (B's) content found in the other: the claim's `carried`. */
  carriedA: number;
  carriedB: number;
}

/** Weighted share of `ids` matched by `best` (per-term best similarity), smoothed for short claims: written to
 *  `shareOut` as [share, content, carried] (no object per call: scorePair runs thousands of times a compare). */
const shareOut = new Float64Array(3);
function share(vocab: Vocabulary, ids: number[], best: Float64Array): void {
  let total = 0, got = 0, content = 0, contentTotal = 0;
  for (let i = 0; i < ids.length; i++) {
    const x = ids[i]!, w = vocab.weight[x] ?? 0;
    total += w; got += w * best[i]!;
    if (!vocab.isName[x]) { contentTotal += w; content += w * best[i]!; }
  }
  // A claim with little content (a fragment, a two-word sentence) cannot show much evidence either way:
  // its share is smoothed with a prior mass of one typical content word (SHORT_CLAIM_PRIOR) carried at 0.
  if (total <= 0) { shareOut.fill(0); return; }
  shareOut[0] = got / (total + SHORT_CLAIM_PRIOR); shareOut[1] = content / (contentTotal + SHORT_CLAIM_PRIOR); shareOut[2] = got / total;
}

/** Reused per-term best-similarity buffers and table offsets (the core is synchronous: one pair at a time). */
let scratchA = new Float64Array(64), scratchB = new Float64Array(64), offA = new Int32Array(64), offB = new Int32Array(64);

/**
 * Per-term best similarity from the cross table: O(|A|·|B|) lookups. A's terms index rows and B's columns, or
 * the other way round (a rewrite claim scored against original claims); false when neither fits (a pair of
 * claims of one side), and the caller falls back to `termSim`.
 */
function tableBest(t: CrossTable, a: number[], b: number[], ra: Float64Array, rb: Float64Array): boolean {
  if (!offsets(t.row, a, offA, t.cols) || !offsets(t.col, b, offB, 1)) {
    if (!offsets(t.col, a, offA, 1) || !offsets(t.row, b, offB, t.cols)) return false;
  }
  const { nonzero } = t;
  for (let i = 0; i < a.length; i++) {
    const base = offA[i]!, x = a[i]!;
    let best = 0;
    for (let j = 0; j < b.length; j++) {
      // The same term (1) is known without reading the table: derived texts share most of their words, and on
      // long texts the table does not fit in the cache.
      let s = 1;
      if (b[j] !== x) {
        const at = base + offB[j]!;
        if (((nonzero[at >>> 5]! >>> (at & 31)) & 1) === 0) continue; // zero: changes no maximum
        s = cellSim(t, at);
      }
      if (s > best) best = s;
      if (s > rb[j]!) rb[j] = s;
    }
    ra[i] = best;
  }
  return true;
}

/** out[k] = index[ids[k]] · scale; false when some term is not in the index. */
function offsets(index: Int32Array, ids: number[], out: Int32Array, scale: number): boolean {
  for (let k = 0; k < ids.length; k++) {
    const v = index[ids[k]!] ?? -1;
    if (v < 0) return false;
    out[k] = v * scale;
  }
  return true;
}

/** Scores a pair of claims: one pass over the |A|·|B| term pairs (table lookups or cached), both directions. */
export function scorePair(vocab: Vocabulary, a: ClaimVector, b: ClaimVector): PairScore {
  if (scratchA.length < a.ids.length) { scratchA = new Float64Array(a.ids.length * 2); offA = new Int32Array(a.ids.length * 2); }
  if (scratchB.length < b.ids.length) { scratchB = new Float64Array(b.ids.length * 2); offB = new Int32Array(b.ids.length * 2); }
  const ra = scratchA, rb = scratchB;
  ra.fill(0, 0, a.ids.length); rb.fill(0, 0, b.ids.length);
  if (!vocab.cross || !tableBest(vocab.cross, a.ids, b.ids, ra, rb)) {
    for (let i = 0; i < a.ids.length; i++) {
      const x = a.ids[i]!;
      for (let j = 0; j < b.ids.length; j++) {
        const y = b.ids[j]!;
        const s = x === y ? 1 : vocab.termSim(x, y);
        if (s > ra[i]!) ra[i] = s;
        if (s > rb[j]!) rb[j] = s;
      }
    }
  }
  share(vocab, a.ids, ra);
  const aInB = shareOut[0]!, contentA = shareOut[1]!, carriedA = shareOut[2]!;
  share(vocab, b.ids, rb);
  const bInA = shareOut[0]!, contentB = shareOut[1]!, carriedB = shareOut[2]!;
  return { sim: (aInB + bInA) / 2, aInB, bInA, contentA, contentB, carriedA, carriedB };
}

/**
 * `scorePair` for many pairs of two fixed claim lists (the candidate pairs of a compare): what depends on one
 * claim alone — its terms' table rows and columns, weights, and weight totals — is computed once per claim
 * instead of once per pair (issue #6: that per-pair work was most of the scoring inside compare). A term's best
 * similarity in a claim depends on the term and that claim only: for the rewrite claim being scored, the best
 * of every original term (row) is taken once from the claim's sparse columns, and for each original claim the
 * best of every rewrite term (column) once from its sparse rows (cached per claim within BEST_COLS_MAX cells);
 * a pair then only reads its terms' bests. Same answers bit for bit: a maximum does not depend on the order it
 * is taken in, the per-pair sums run over the same terms in the same order, and the totals are the same sums.
 * Falls back to `scorePair` when there is no cross table (long texts) or a claim's terms are not all in it.
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
  private readonly touched: number[] = [];
  /** bestCol[i][c]: the best similarity of rewrite term c (column) in original claim i (computed on first use). */
  private readonly bestCol: (Float64Array | null)[];
  private readonly keepBestCols: boolean;
  private scratchCol: Float64Array;
  private scratchFor = -1;
  /** Each side's claims' terms, flat (claim k's at [start[k], start[k+1])): table row (A) or column (B), weight
   *  and name flag; `ok[k]` = 0 when some term of claim k is not in the table (then: `scorePair`). */
  private readonly a: ClaimTable;
  private readonly b: ClaimTable;
  private marked = -1;
  /** The last score (overwritten by the next call to `score`). */
  readonly out: PairScore = { sim: 0, aInB: 0, bInA: 0, contentA: 0, contentB: 0, carriedA: 0, carriedB: 0 };

  /** @param bestColsMax claims × columns up to which column bests are kept per claim (else recomputed per pair) */
  constructor(private readonly vocab: Vocabulary, private readonly av: ClaimVector[], private readonly bv: ClaimVector[], bestColsMax = BEST_COLS_MAX) {
    const t = vocab.cross;
    this.a = claimTable(vocab, av, t?.row);
    this.b = claimTable(vocab, bv, t?.col);
    const cols = t?.cols ?? 0, rows = t?.rows ?? 0;
    this.bestRow = new Float64Array(rows);
    this.bestCol = av.map(() => null);
    this.keepBestCols = av.length * cols <= bestColsMax;
    this.scratchCol = new Float64Array(this.keepBestCols ? 0 : cols);
    this.nzStart = new Int32Array(rows + 1);
    // The table's non-zero similarities are already in row-major cell order: the sparse rows' values.
    const n = t?.sims.length ?? 0;
    this.nzCol = new Int32Array(n); this.nzSim = t?.sims ?? new Float64Array(0);
    if (t) {
      let k = 0;
      for (let x = 0; x < rows; x++) {
        this.nzStart[x] = k;
        // The set bits of row x, a 32-bit word at a time (zero words skipped, then to the lowest set bit).
        for (let at = x * cols, end = at + cols; at < end;) {
          const w = t.nonzero[at >>> 5]! >>> (at & 31);
          if (w === 0) { at = (Math.floor(at / 32) + 1) * 32; continue; }
          at += 31 - Math.clz32(w & -w);
          if (at >= end) break;
          this.nzCol[k++] = at - x * cols;
          at++;
        }
      }
      this.nzStart[rows] = k;
    }
    // The transpose, by counting sort on the column (rows ascending within a column).
    this.colStart = new Int32Array(cols + 1); this.nzRow = new Int32Array(n); this.colSim = new Float64Array(n);
    for (let k = 0; k < n; k++) this.colStart[this.nzCol[k]! + 1]!++;
    for (let c = 0; c < cols; c++) this.colStart[c + 1]! += this.colStart[c]!;
    const fill = this.colStart.slice(0, cols);
    for (let x = 0; x < rows; x++) {
      for (let k = this.nzStart[x]!; k < this.nzStart[x + 1]!; k++) {
        const at = fill[this.nzCol[k]!]!++;
        this.nzRow[at] = x; this.colSim[at] = this.nzSim[k]!;
      }
    }
  }

  /** Each column's best similarity in original claim i (from its terms' sparse rows). */
  private colBests(i: number): Float64Array {
    const kept = this.bestCol[i];
    if (kept) return kept;
    if (!this.keepBestCols && this.scratchFor === i) return this.scratchCol;
    const out = this.keepBestCols ? new Float64Array(this.colStart.length - 1) : this.scratchCol.fill(0);
    const { nzStart, nzCol, nzSim } = this, { at, start } = this.a;
    for (let p = start[i]!, end = start[i + 1]!; p < end; p++) {
      const x = at[p]!;
      for (let k = nzStart[x]!, stop = nzStart[x + 1]!; k < stop; k++) if (nzSim[k]! > out[nzCol[k]!]!) out[nzCol[k]!] = nzSim[k]!;
    }
    if (this.keepBestCols) this.bestCol[i] = out; else this.scratchFor = i;
    return out;
  }

  /** Marks rewrite claim j: every row's best similarity in it (from its terms' sparse columns). */
  private mark(j: number): void {
    if (this.marked === j) return;
    const { bestRow, touched, colStart, nzRow, colSim } = this, { at, start } = this.b;
    for (const x of touched) bestRow[x] = 0;
    touched.length = 0;
    for (let p = start[j]!, end = start[j + 1]!; p < end; p++) {
      for (let k = colStart[at[p]!]!, stop = colStart[at[p]! + 1]!; k < stop; k++) {
        const x = nzRow[k]!, s = colSim[k]!;
        if (s > bestRow[x]!) { if (bestRow[x] === 0) touched.push(x); bestRow[x] = s; }
      }
    }
    this.marked = j;
  }

  /** The score of a[i] against b[j], as `scorePair(vocab, a[i], b[j])` (written to and returned as `out`). */
  score(i: number, j: number): PairScore {
    const out = this.out, s = this.one;
    this.scoreInto(i, j, s, 0);
    out.sim = s[0]!; out.aInB = s[1]!; out.bInA = s[2]!; out.contentA = s[3]!; out.contentB = s[4]!; out.carriedA = s[5]!; out.carriedB = s[6]!;
    return out;
  }
  private readonly one = new Float64Array(SCORE_FIELDS);

  /** `score(i, j)` written to `store[at .. at + SCORE_FIELDS)` in `StoredPair`'s field order. */
  scoreInto(i: number, j: number, store: Float64Array, at: number): void {
    if (!this.vocab.cross || !this.a.ok[i] || !this.b.ok[j]) {
      const p = scorePair(this.vocab, this.av[i]!, this.bv[j]!);
      store[at] = p.sim; store[at + 1] = p.aInB; store[at + 2] = p.bInA; store[at + 3] = p.contentA; store[at + 4] = p.contentB;
      store[at + 5] = p.carriedA; store[at + 6] = p.carriedB;
      return;
    }
    this.mark(j);
    // `share` for each side, each term's best read where it is kept: A's in bestRow, B's in claim i's column
    // bests; the same sums in the same order (`tableBest`'s maxima, then `share`).
    shareOf(this.a, i, this.bestRow);
    const aInB = shareOut[0]!;
    store[at + 1] = aInB; store[at + 3] = shareOut[1]!; store[at + 5] = shareOut[2]!;
    shareOf(this.b, j, this.colBests(i));
    store[at + 2] = shareOut[0]!; store[at + 4] = shareOut[1]!; store[at + 6] = shareOut[2]!;
    store[at] = (aInB + shareOut[0]!) / 2;
  }
}

/** Numbers per pair in a score store: sim, aInB, bInA, contentA, contentB, carriedA, carriedB. */
export const SCORE_FIELDS = 7;

/**
 * A scored claim pair whose scores are read from a shared store (issue #6): a compare scores thousands of
 * candidate pairs, and an object literal per pair with seven number fields (each a heap number of its own) was
 * ~0.25 ms of a seed-pair compare in allocation and much of its garbage; this view holds two indexes, a flag and
 * its offset. Read-only.
 */
export class StoredPair implements PairScore {
  constructor(private readonly s: Float64Array, private readonly at: number, readonly oi: number, readonly ri: number,
    readonly copied: boolean) {}
  get sim(): number { return this.s[this.at]!; }
  get aInB(): number { return this.s[this.at + 1]!; }
  get bInA(): number { return this.s[this.at + 2]!; }
  get contentA(): number { return this.s[this.at + 3]!; }
  get contentB(): number { return this.s[this.at + 4]!; }
  get carriedA(): number { return this.s[this.at + 5]!; }
  get carriedB(): number { return this.s[this.at + 6]!; }
}

/** One side's claims for `PairScorer`, flat. */
interface ClaimTable {
  start: Int32Array;
  /** Each term's table row (original side) or column (rewrite side). */
  at: Int32Array;
  weight: Float64Array;
  name: Uint8Array;
  /** Per claim: weight total and content (non-name) total, summed in `share`'s order. */
  total: Float64Array;
  contentTotal: Float64Array;
  ok: Uint8Array;
}

function claimTable(vocab: Vocabulary, claims: ClaimVector[], index: Int32Array | undefined): ClaimTable {
  const start = new Int32Array(claims.length + 1);
  claims.forEach((c, k) => { start[k + 1] = start[k]! + c.ids.length; });
  const n = start[claims.length]!;
  const at = new Int32Array(n), weight = new Float64Array(n), name = new Uint8Array(n);
  const total = new Float64Array(claims.length), contentTotal = new Float64Array(claims.length), ok = new Uint8Array(claims.length);
  claims.forEach((c, k) => {
    let sum = 0, content = 0, all = index !== undefined;
    for (let q = 0, p = start[k]!; q < c.ids.length; q++, p++) {
      const id = c.ids[q]!, w = vocab.weight[id] ?? 0, v = index?.[id] ?? -1;
      if (v < 0) all = false; else at[p] = v;
      weight[p] = w; sum += w;
      if (vocab.isName[id]) name[p] = 1; else content += w;
    }
    total[k] = sum; contentTotal[k] = content; ok[k] = all ? 1 : 0;
  });
  return { start, at, weight, name, total, contentTotal, ok };
}

/** PairScorer keeps each original claim's column bests while claims × columns stay within this (8 MB). */
export const BEST_COLS_MAX = 1 << 20;

/** `share` of claim k of a `ClaimTable`, each term's best similarity read as best[at[p]] (the same sums, in the
 *  same order, with the totals precomputed). */
function shareOf(c: ClaimTable, k: number, best: Float64Array): void {
  const total = c.total[k]!, contentTotal = c.contentTotal[k]!;
  if (total <= 0) { shareOut.fill(0); return; }
  const { at, weight, name } = c;
  let got = 0, content = 0;
  for (let p = c.start[k]!, end = c.start[k + 1]!; p < end; p++) {
    const x = weight[p]! * best[at[p]!]!;
    got += x;
    if (!name[p]) content += x;
  }
  shareOut[0] = got / (total + SHORT_CLAIM_PRIOR); shareOut[1] = content / (contentTotal + SHORT_CLAIM_PRIOR); shareOut[2] = got / total;
}

/**
 * Similarity of two standalone sentences (no document context: the in-document IDF factor is ~1).
 * For tests, the CLI and callers that score single pairs (e.g. MSRP-style sentence pairs).
 */
export function sentenceSimilarity(a: string, b: string, lexicon: Lexicon | null, terms: (s: string) => ClaimTerms): PairScore {
  const vocab = new Vocabulary(lexicon);
  const va = toClaimVector(vocab, terms(a)), vb = toClaimVector(vocab, terms(b));
  const df = new Array<number>(vocab.keys.length).fill(0);
  for (const id of [...va.ids, ...vb.ids]) df[id]!++;
  vocab.setDocumentFrequencies(df, 2);
  return scorePair(vocab, va, vb);
}
