/**
 * The cross-side similarity table of one compare: every original-side × rewrite-side term pair's
 * similarity, filled once by `Vocabulary.prepareCross`, read by pair scoring.
 */

/**
 * Table of every cross-side term pair's similarity for one compare: term x of the original side is row `row[x]`,
 * term y of the rewrite side column `col[y]` (-1: not on that side), cell row·cols + col (1 for a term on both
 * sides with itself). |Vo|·|Vr| ≤ CROSS_PAIRS_MAX cells. Only a few percent of the cells are non-zero, so the
 * table is sparse (the dense Float64Array was 800 KB on the seed pair, allocated and zeroed by every
 * compare, and reading its scattered entries back was a cache miss each): `nonzero` has one bit per cell, and
 * `sims` the non-zero similarities in cell order (the order of the set bits), found by rank (`cellSim`).
 * Written with `setSim` (a later write to a cell wins), then `finishTable` once before any read.
 */
export interface CrossTable {
  row: Int32Array;
  col: Int32Array;
  rows: number;
  cols: number;
  nonzero: Int32Array;
  /** The non-zero similarities, in cell order (filled by `finishTable`). */
  sims: Float64Array;
  /** rank[w]: the set bits of `nonzero` before word w (filled by `finishTable`). */
  rank: Int32Array;
  /** Sparse rows (filled by `finishTable`): row x's non-zero cells are `sims`[rowStart[x] .. rowStart[x+1]), in
   *  columns colOf[…]; sparse columns: column c's are colSims[colStart[c] .. colStart[c+1]), in rows rowOf[…]
   *  (rows ascending). Pair scoring reads a term's similar terms from them without visiting its zero cells. */
  rowStart: Int32Array;
  colOf: Int32Array;
  colStart: Int32Array;
  rowOf: Int32Array;
  colSims: Float64Array;
  /** The writes, in order (cell, similarity), until `finishTable` places them. */
  log: WriteLog | null;
}

/** A table's writes before `finishTable`: cells and similarities, the first `n` of each. */
interface WriteLog {
  at: Int32Array;
  sim: Float64Array;
  n: number;
}

/**
 * The write log of the last finished table, handed to the next table made with the same `LogBuffers` (the log as
 * two growing arrays was a seventh of what a seed-pair compare allocated). A table made while another is unfinished
 * gets a log of its own. A log longer than REUSED_LOG_MAX entries is not kept (a long text's table must not pin
 * megabytes for the life of the comparer).
 */
export class LogBuffers {
  spare: WriteLog | null = null;
}
const REUSED_LOG_MAX = 1 << 17;

function takeLog(buffers: LogBuffers): WriteLog {
  const log = buffers.spare ?? { at: new Int32Array(4096), sim: new Float64Array(4096), n: 0 };
  buffers.spare = null;
  log.n = 0;
  return log;
}

/** Sets a cell's similarity (non-zero). */
export function setSim(t: CrossTable, at: number, s: number): void {
  t.nonzero[at >>> 5]! |= 1 << (at & 31);
  const log = t.log!;
  if (log.n === log.at.length) {
    const cells = new Int32Array(2 * log.n),
      sims = new Float64Array(2 * log.n);
    cells.set(log.at);
    sims.set(log.sim);
    log.at = cells;
    log.sim = sims;
  }
  log.at[log.n] = at;
  log.sim[log.n++] = s;
}

/** The empty table: rows are `o` then the original side's numbers, columns `r` then the rewrite side's numbers. */
export function crossTable(
  size: number,
  oAll: number[],
  rAll: number[],
  o: number[],
  r: number[],
  buffers = new LogBuffers(),
): CrossTable {
  const row = new Int32Array(size).fill(-1),
    col = new Int32Array(size).fill(-1);
  o.forEach((x, i) => {
    row[x] = i;
  });
  r.forEach((y, j) => {
    col[y] = j;
  });
  let rows = o.length,
    cols = r.length;
  for (const x of oAll) if (row[x] === -1) row[x] = rows++;
  for (const y of rAll) if (col[y] === -1) col[y] = cols++;
  const words = Math.ceil((rows * cols) / 32);
  const none = new Int32Array(0);
  const t: CrossTable = {
    row,
    col,
    rows,
    cols,
    nonzero: new Int32Array(words),
    sims: new Float64Array(0),
    rank: new Int32Array(words),
    rowStart: none,
    colOf: none,
    colStart: none,
    rowOf: none,
    colSims: new Float64Array(0),
    log: takeLog(buffers),
  };
  for (let x = 0; x < size; x++) if (row[x]! >= 0 && col[x]! >= 0) setSim(t, row[x]! * cols + col[x]!, 1);
  return t;
}

/** Places the logged writes: after this the table is read-only. */
export function finishTable(t: CrossTable, buffers = new LogBuffers()): void {
  let n = 0;
  for (let w = 0; w < t.nonzero.length; w++) {
    t.rank[w] = n;
    n += popcount(t.nonzero[w]!);
  }
  t.sims = new Float64Array(n);
  const log = t.log!,
    { at, sim } = log;
  for (let k = 0; k < log.n; k++) t.sims[rankOf(t, at[k]!)] = sim[k]!;
  t.log = null;
  if (log.at.length <= REUSED_LOG_MAX) buffers.spare = log;
  const { rows, cols, nonzero } = t;
  // Sparse rows: the set bits of each row, a 32-bit word at a time (zero words skipped, then to the lowest set bit).
  t.rowStart = new Int32Array(rows + 1);
  t.colOf = new Int32Array(n);
  let k = 0;
  for (let x = 0; x < rows; x++) {
    t.rowStart[x] = k;
    for (let at = x * cols, end = at + cols; at < end; ) {
      const w = nonzero[at >>> 5]! >>> (at & 31);
      if (w === 0) {
        at = (at | 31) + 1;
        continue;
      } // the next word
      at += 31 - Math.clz32(w & -w);
      if (at >= end) break;
      t.colOf[k++] = at - x * cols;
      at++;
    }
  }
  t.rowStart[rows] = k;
  // Sparse columns: the transpose, by counting sort on the column (rows ascending within a column).
  t.colStart = new Int32Array(cols + 1);
  t.rowOf = new Int32Array(n);
  t.colSims = new Float64Array(n);
  for (let q = 0; q < n; q++) t.colStart[t.colOf[q]! + 1]!++;
  for (let c = 0; c < cols; c++) t.colStart[c + 1]! += t.colStart[c]!;
  const fill = t.colStart.slice(0, cols);
  for (let x = 0; x < rows; x++) {
    for (let q = t.rowStart[x]!; q < t.rowStart[x + 1]!; q++) {
      const to = fill[t.colOf[q]!]!++;
      t.rowOf[to] = x;
      t.colSims[to] = t.sims[q]!;
    }
  }
}

/** Index in `sims` of a non-zero cell. */
function rankOf(t: CrossTable, at: number): number {
  return t.rank[at >>> 5]! + popcount(t.nonzero[at >>> 5]! & ((1 << (at & 31)) - 1));
}

/** Set bits of a 32-bit word. */
function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** A cell's similarity (0 when not set). */
export function cellSim(t: CrossTable, at: number): number {
  return (t.nonzero[at >>> 5]! >>> (at & 31)) & 1 ? t.sims[rankOf(t, at)]! : 0;
}

/** A term pair's similarity from the table, in either orientation; -1 when the pair is not in it (one side). */
export function crossSim(t: CrossTable, a: number, b: number): number {
  const ra = t.row[a] ?? -1,
    cb = t.col[b] ?? -1;
  if (ra >= 0 && cb >= 0) return cellSim(t, ra * t.cols + cb);
  const rb = t.row[b] ?? -1,
    ca = t.col[a] ?? -1;
  return rb >= 0 && ca >= 0 ? cellSim(t, rb * t.cols + ca) : -1;
}
