import { DOTS_GROUP, grow, instance, lanes, type WasmExports } from './wasm-kernel.js';

/**
 * Exact prefilter for word-vector cosines: which rows of a block of int8 vectors may have a cosine of at least
 * `floor` with one query vector. The integer dot product of the quantised components is exact, and the
 * float cosine the similarity uses is the cosine of those same int8 vectors up to float rounding (< 1e-6), so
 * a row this rejects with a small margin below the floor can never pass it: a prefilter with no misses.
 *
 * The kernels are a small WebAssembly module (`wasm-kernel.ts`; fixed-point SIMD: `i32x4.dot_i16x8_s` does 8
 * multiply-adds per instruction), generated for the lexicon's dimension: a block scan (an order of magnitude
 * faster than a JavaScript int8 loop or the float dot), a pair dot for the lazy path, and the exact float cosines of
 * the scan's hits. When WebAssembly SIMD (or its memory) is unavailable the same functions run in JavaScript
 * (same answers, slower). Pure computation.
 * When the lexicon was built with its neighbour lists (`neighbours.ts`: this same scan run once over every pair of
 * the vocabulary, at build time), compares look the hits up there instead of
 * scanning; the scan remains for lexicons without them.
 */

/** A scanner of one block of rows (the rewrite side's vectors) against the rows of a block of queries (the
 *  original side's). */
export interface Int8Scanner {
  /** Indices (ascending) of the rows whose cosine with query row `q` may reach `floor`, into `out`; returns how
   *  many. */
  scan(q: number, floor: number, out: Int32Array): number;
  /** The exact cosines of query row `q` with the rows `cand[0..n)`, into `out[0..n)`: the blocks' float vectors
   *  multiplied in double precision and summed in component order (both blocks need `floats`). */
  cosines(q: number, cand: Int32Array, n: number, out: Float64Array): void;
  readonly rows: number;
}

/** Euclidean norm of an int8 vector (exact integer sum of squares, one square root). */
export function int8Norm(v: Int8Array): number {
  let s = 0;
  for (let d = 0; d < v.length; d++) s += v[d]! * v[d]!;
  return Math.sqrt(s);
}

/**
 * Rows of int8 vectors laid out for the scan, with their norms and (optionally) the float vectors whose exact
 * cosines the prefilter's hits get. A pure function of the rows, so a text's block is built once and kept with
 * its analysis rather than packed again by every compare.
 */
export interface Int8Block {
  readonly dims: number;
  readonly rows: number;
  /** `dims` rounded up to a multiple of 8: row k's components are at k × stride in `data`, zero padded. */
  readonly stride: number;
  readonly data: Int8Array;
  readonly norms: Float64Array;
  /** Row k's float vector at k × dims. */
  readonly floats: Float32Array | null;
}

/** The block of rows `rowsAt[k]` of `source` (row r's `dims` components at r × dims), with float vectors
 *  `floats(k)` when given. */
export function int8Block(
  source: Int8Array,
  dims: number,
  rowsAt: ArrayLike<number>,
  floats?: (k: number) => Float32Array,
): Int8Block {
  const rows = rowsAt.length,
    stride = lanes(dims);
  const data = new Int8Array(rows * stride),
    norms = new Float64Array(rows),
    f = floats ? new Float32Array(rows * dims) : null;
  for (let k = 0; k < rows; k++) {
    const row = source.subarray(rowsAt[k]! * dims, (rowsAt[k]! + 1) * dims);
    data.set(row, k * stride);
    norms[k] = int8Norm(row);
    f?.set(floats!(k), k * dims);
  }
  return { dims, rows, stride, data, norms, floats: f };
}

/**
 * Scanner of `block` against `queries`: WebAssembly when available. The kernel instance is shared by every
 * scanner of one dimension (instantiating one per compare costs more than the scan, and its memory per cached
 * text would be 64 KB at least): a scanner copies its two blocks into the shared memory when another scanner used
 * it last (their bytes, norms and floats: a small copy, and none when the same pair of texts is compared again).
 * The core is synchronous, and each worker thread has its own instances.
 */
export function int8Scanner(block: Int8Block, queries: Int8Block, useWasm = true): Int8Scanner {
  const { dims, rows, stride } = block;
  // Memory layout: the rows, their norms (f64), the query rows, the scan's output indices (i32), the float rows
  // and queries (float32 components stored as f64: no conversion in the kernel's loop), the candidates (i32,
  // padded to a whole group) and their cosines (f64).
  const normsAt = align8(rows * stride),
    queryAt = normsAt + rows * 8,
    outAt = align8(queryAt + queries.rows * stride);
  const floatsAt = align8(outAt + rows * 4),
    qFloatsAt = floatsAt + rows * dims * 8,
    candAt = qFloatsAt + queries.rows * dims * 8;
  const cosAt = align8(candAt + (rows + DOTS_GROUP) * 4),
    end = cosAt + (rows + DOTS_GROUP) * 8;
  const slot = useWasm && block.dims === queries.dims ? sharedInstance(dims, end) : null;
  if (!slot) return jsScanner(block, queries);
  const load = () => {
    slot.i8.set(block.data, 0);
    slot.f64.set(block.norms, normsAt >> 3);
    slot.i8.set(queries.data, queryAt);
    if (block.floats) slot.f64.set(block.floats, floatsAt >> 3);
    if (queries.floats) slot.f64.set(queries.floats, qFloatsAt >> 3);
    slot.owner = block;
    slot.queries = queries;
  };
  return {
    rows,
    scan(q, floor, out) {
      if (slot.owner !== block || slot.queries !== queries) load();
      const n = slot.e.scan(rows, floor * queries.norms[q]!, 0, normsAt, outAt, queryAt + q * stride),
        i32 = slot.i32;
      for (let k = 0, at = outAt >> 2; k < n; k++) out[k] = i32[at + k]!;
      return n;
    },
    cosines(q, cand, n, out) {
      if (!block.floats || !queries.floats) throw new Error('cosines: blocks without float vectors');
      if (slot.owner !== block || slot.queries !== queries) load();
      const { i32, f64 } = slot;
      // Whole groups: the last one padded with its last candidate (those sums are computed and ignored).
      const padded = Math.ceil(n / DOTS_GROUP) * DOTS_GROUP;
      for (let h = 0, at = candAt >> 2; h < padded; h++) i32[at + h] = cand[h < n ? h : n - 1]!;
      slot.e.dots(padded, candAt, qFloatsAt + q * dims * 8, floatsAt, cosAt);
      for (let h = 0, at = cosAt >> 3; h < n; h++) out[h] = f64[at + h]!;
    },
  };
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** Random access to the int8 dot product of two rows: exact, for pairs met one at a time (the lazy path). */
export interface Int8Rows {
  dot(i: number, j: number): number;
  /** Euclidean norm of row i (computed on first use). */
  norm(i: number): number;
}

/** `rows` int8 rows of `dims` components (`data`, row k at k × dims), copied once into WebAssembly memory. */
export function int8Rows(data: Int8Array, dims: number, rows: number, useWasm = true): Int8Rows {
  const norms = new Float64Array(rows).fill(-1);
  const norm = (i: number) => {
    if (norms[i]! < 0) norms[i] = int8Norm(data.subarray(i * dims, (i + 1) * dims));
    return norms[i]!;
  };
  const stride = lanes(dims);
  const e = useWasm ? instance(dims, rows * stride) : null;
  if (!e) {
    return {
      norm,
      dot(i, j) {
        let s = 0;
        for (let d = 0, a = i * dims, b = j * dims; d < dims; d++) s += data[a + d]! * data[b + d]!;
        return s;
      },
    };
  }
  const u8 = new Int8Array(e.mem.buffer);
  for (let k = 0; k < rows; k++) u8.set(data.subarray(k * dims, (k + 1) * dims), k * stride);
  return { norm, dot: (i, j) => e.dot(i * stride, j * stride) };
}

function jsScanner(block: Int8Block, queries: Int8Block): Int8Scanner {
  const { dims, rows, stride, data, norms } = block,
    query = queries.data;
  return {
    rows,
    scan(q, floor, out) {
      const t = floor * queries.norms[q]!,
        at = q * queries.stride;
      let n = 0;
      for (let k = 0, off = 0; k < rows; k++, off += stride) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += query[at + d]! * data[off + d]!;
        if (dot >= t * norms[k]!) out[n++] = k;
      }
      return n;
    },
    cosines(k, cand, n, out) {
      const a = queries.floats,
        f = block.floats;
      if (!a || !f) throw new Error('cosines: blocks without float vectors');
      // Four sums at a time, each in component order (one sum's additions do not wait for another's).
      let h = 0;
      for (const q = k * dims; h + 3 < n; h += 4) {
        const b0 = cand[h]! * dims,
          b1 = cand[h + 1]! * dims,
          b2 = cand[h + 2]! * dims,
          b3 = cand[h + 3]! * dims;
        let d0 = 0,
          d1 = 0,
          d2 = 0,
          d3 = 0;
        for (let d = 0; d < dims; d++) {
          const v = a[q + d]!;
          d0 += v * f[b0 + d]!;
          d1 += v * f[b1 + d]!;
          d2 += v * f[b2 + d]!;
          d3 += v * f[b3 + d]!;
        }
        out[h] = d0;
        out[h + 1] = d1;
        out[h + 2] = d2;
        out[h + 3] = d3;
      }
      for (; h < n; h++) {
        let dot = 0;
        for (let d = 0, q = k * dims, b = cand[h]! * dims; d < dims; d++) dot += a[q + d]! * f[b + d]!;
        out[h] = dot;
      }
    },
  };
}

const views = (e: WasmExports) => ({
  i8: new Int8Array(e.mem.buffer),
  i32: new Int32Array(e.mem.buffer),
  f64: new Float64Array(e.mem.buffer),
});

/** The instance scanners of one dimension share, views of its memory, and the block its memory holds. */
interface Slot {
  e: WasmExports;
  i8: Int8Array;
  i32: Int32Array;
  f64: Float64Array;
  owner: Int8Block | null;
  queries: Int8Block | null;
}
const slots = new Map<number, Slot | null>();

/** Scanners needing more memory than this get an instance of their own (a WebAssembly memory never shrinks:
 *  one very long text must not leave the shared instance that large). */
export const SHARED_SCAN_BYTES = 16 << 20;

/** The shared scanning instance for `dims` with at least `bytes` of memory (null: scan in JavaScript). */
function sharedInstance(dims: number, bytes: number): Slot | null {
  if (bytes > SHARED_SCAN_BYTES) {
    const e = instance(dims, bytes);
    return e && { e, ...views(e), owner: null, queries: null };
  }
  let slot = slots.get(dims);
  if (slot === undefined) {
    const e = instance(dims, bytes);
    slots.set(dims, (slot = e && { e, ...views(e), owner: null, queries: null }));
  }
  if (!slot || !grow(slot.e, bytes)) return null;
  // Growing replaces the memory's buffer (the old views are detached, and the block is kept by the new one).
  if (slot.i8.buffer !== slot.e.mem.buffer) Object.assign(slot, views(slot.e));
  return slot;
}
