/**
 * The cross-side similarity table of one compare (issue #6): every original-side × rewrite-side term pair's
 * similarity, filled once by `Vocabulary.prepareCross`, read by pair scoring.
 */

/**
 * Dense table of every cross-side term pair's similarity for one compare: term x of the original side is row
 * `row[x]`, term y of the rewrite side column `col[y]` (-1: not on that side), sims[row·cols + col] their
 * similarity (1 for a term on both sides with itself). |Vo|·|Vr| ≤ CROSS_PAIRS_MAX entries (8 MB at most).
 * Only ~2% of the entries are non-zero: `nonzero` (one bit per entry, 1/64 of the table's size) is what the
 * scoring loop reads, so it stays in the CPU cache where the 8-byte entries would not (100k-word texts).
 */
export interface CrossTable {
  row: Int32Array;
  col: Int32Array;
  cols: number;
  sims: Float64Array;
  nonzero: Int32Array;
}

export function setSim(t: CrossTable, at: number, s: number): void {
  t.sims[at] = s;
  t.nonzero[at >>> 5]! |= 1 << (at & 31);
}

/** The empty table: rows are `o` then the original side's numbers, columns `r` then the rewrite side's numbers. */
export function crossTable(size: number, oAll: number[], rAll: number[], o: number[], r: number[]): CrossTable {
  const row = new Int32Array(size).fill(-1), col = new Int32Array(size).fill(-1);
  o.forEach((x, i) => { row[x] = i; });
  r.forEach((y, j) => { col[y] = j; });
  let rows = o.length, cols = r.length;
  for (const x of oAll) if (row[x] === -1) row[x] = rows++;
  for (const y of rAll) if (col[y] === -1) col[y] = cols++;
  const t = { row, col, cols, sims: new Float64Array(rows * cols), nonzero: new Int32Array(Math.ceil(rows * cols / 32)) };
  for (let x = 0; x < size; x++) if (row[x]! >= 0 && col[x]! >= 0) setSim(t, row[x]! * cols + col[x]!, 1);
  return t;
}

/** A term pair's similarity from the table, in either orientation; -1 when the pair is not in it (one side). */
export function crossSim(t: CrossTable, a: number, b: number): number {
  const ra = t.row[a] ?? -1, cb = t.col[b] ?? -1;
  if (ra >= 0 && cb >= 0) return t.sims[ra * t.cols + cb]!;
  const rb = t.row[b] ?? -1, ca = t.col[a] ?? -1;
  return rb >= 0 && ca >= 0 ? t.sims[rb * t.cols + ca]! : -1;
}
