import { int8Block } from './int8-scan.js';
import { unitDot, unitVectorOf } from './unit-vectors.js';
import { instance } from './wasm-kernel.js';

/**
 * Each lexicon word's near neighbours in the word-vector space and their cosines, precomputed once at build time.
 *
 * Without them a compare finds the cross-side word pairs similar enough to count by scanning each original word
 * against every rewrite word (`int8-scan.ts`, an int8 prefilter, then the exact float cosine of its hits): a
 * large share of a compare of analysed texts, plus building each text's vectors.
 * Both depend on the two words only, so they are computed once for the whole vocabulary: all 100,000 × 100,000 / 2
 * pairs through the same prefilter kernel, then the exact cosine of each hit (at build, split over the cores). A
 * word has ~15 neighbours on average (frequent words hundreds, rare ones a few). A compare then only looks its
 * words' neighbours up among the other side's words, and reads their cosines.
 *
 * The lists hold every pair whose exact cosine reaches `floor` (the prefilter runs a little below it, so none is
 * missed), with that cosine as `unitDot` computes it: the same number the compare computed itself, bit for bit.
 */

/** File name in the lexicon directory. */
export const NEIGHBOURS_FILE = 'neighbours.bin';

/** Neighbour lists of the `count` lexicon rows with vectors: row x's neighbours are rows[start[x] .. start[x+1]),
 *  ascending, x itself left out, with their cosines in `cosines` (same places). Symmetric: y is x's neighbour
 *  exactly when x is y's. */
export interface Neighbours {
  /** `vectorsFingerprint` of the vectors the lists were computed from. */
  fingerprint: number;
  /** Every pair whose cosine is at least this is listed. */
  floor: number;
  start: Uint32Array;
  rows: Uint32Array;
  cosines: Float64Array;
  /** Each row's cosine with itself (1 up to rounding: the compare uses the exact number). */
  self: Float64Array;
}

/** The lexicon's vectors, as the lists are computed from them. */
export interface VectorRows {
  data: Int8Array;
  scales: Float32Array;
  dims: number;
}

/**
 * The pairs (q, j), q in [from, to) by `step` and j > q, whose exact cosine is at least `floor`, as flat lists
 * (`pairs`: q0, j0, q1, j1, …; `cosines`: one per pair). Candidates come from the int8 prefilter of `int8-scan.ts`
 * (integer dot ≥ scanFloor · |q| · |j|) through the same kernel; `scanFloor` must be below `floor` by more than
 * the int8 rounding (< 1e-6). Null without WebAssembly SIMD (in JavaScript the pass would take tens of minutes;
 * the compare then scans).
 */
export function neighbourPairs(
  lex: VectorRows,
  scanFloor: number,
  floor: number,
  from: number,
  to: number,
  step = 1,
): { pairs: Uint32Array; cosines: Float64Array } | null {
  const { data, dims } = lex,
    count = lex.scales.length;
  // The scan's layout (`int8-scan.ts`): every row padded to the kernel's stride, then the rows' norms.
  const block = int8Block(
    data,
    dims,
    Int32Array.from({ length: count }, (_, k) => k),
  );
  const stride = block.stride,
    normsAt = count * stride,
    outAt = normsAt + count * 8;
  const e = instance(dims, outAt + count * 4);
  if (!e) return null;
  const f64 = new Float64Array(e.mem.buffer),
    i32 = new Int32Array(e.mem.buffer);
  new Int8Array(e.mem.buffer).set(block.data, 0);
  f64.set(block.norms, normsAt >> 3);
  const units = new Float32Array(count * dims);
  for (let k = 0; k < count; k++) units.set(unitVectorOf(data, lex.scales, dims, k), k * dims);
  const unit = (row: number) => units.subarray(row * dims, (row + 1) * dims);
  let pairs = new Uint32Array(1 << 16),
    cosines = new Float64Array(1 << 15),
    n = 0;
  for (let q = from; q < to; q += step) {
    const rest = count - q - 1;
    if (rest <= 0) continue;
    const hits = e.scan(
      rest,
      scanFloor * f64[(normsAt >> 3) + q]!,
      (q + 1) * stride,
      normsAt + (q + 1) * 8,
      outAt,
      q * stride,
    );
    if (n + hits > cosines.length) {
      const size = Math.max(cosines.length * 2, n + hits);
      const p = new Uint32Array(size * 2);
      p.set(pairs);
      pairs = p;
      const c = new Float64Array(size);
      c.set(cosines);
      cosines = c;
    }
    const uq = unit(q);
    for (let h = 0, at = outAt >> 2; h < hits; h++) {
      const j = q + 1 + i32[at + h]!,
        cos = unitDot(uq, unit(j));
      if (cos < floor) continue;
      pairs[2 * n] = q;
      pairs[2 * n + 1] = j;
      cosines[n++] = cos;
    }
  }
  return { pairs: pairs.slice(0, 2 * n), cosines: cosines.slice(0, n) };
}

/** The symmetric neighbour lists of the vectors `lex` from pair lists (each pair once, either order). */
export function neighboursFromPairs(
  lex: VectorRows,
  floor: number,
  parts: { pairs: Uint32Array; cosines: Float64Array }[],
): Neighbours {
  const count = lex.scales.length,
    start = new Uint32Array(count + 1);
  for (const { pairs } of parts) for (let k = 0; k < pairs.length; k++) start[pairs[k]! + 1]!++;
  for (let x = 0; x < count; x++) start[x + 1]! += start[x]!;
  const rows = new Uint32Array(start[count]!),
    cosines = new Float64Array(start[count]!),
    next = start.slice(0, count);
  for (const { pairs, cosines: cos } of parts) {
    for (let k = 0; k < cos.length; k++) {
      const x = pairs[2 * k]!,
        y = pairs[2 * k + 1]!;
      rows[next[x]!] = y;
      cosines[next[x]!++] = cos[k]!;
      rows[next[y]!] = x;
      cosines[next[y]!++] = cos[k]!;
    }
  }
  for (let x = 0; x < count; x++) {
    const a = start[x]!,
      b = start[x + 1]!;
    if (b - a < 2) continue;
    const order = Array.from({ length: b - a }, (_, k) => a + k).sort((p, q) => rows[p]! - rows[q]!);
    const r = order.map((p) => rows[p]!),
      c = order.map((p) => cosines[p]!);
    rows.set(r, a);
    cosines.set(c, a);
  }
  const self = new Float64Array(count);
  for (let x = 0; x < count; x++) {
    const v = unitVectorOf(lex.data, lex.scales, lex.dims, x);
    self[x] = unitDot(v, v);
  }
  return { fingerprint: vectorsFingerprint(lex.scales), floor, start, rows, cosines, self };
}

/**
 * A fingerprint of a lexicon's vectors (FNV-1a of the bytes of their per-vector scales, which change with any
 * rebuild from other vectors): lists computed from other vectors are never used (they would miss pairs).
 */
export function vectorsFingerprint(scales: Float32Array): number {
  const bytes = new Uint8Array(scales.buffer, scales.byteOffset, scales.byteLength);
  let h = 0x811c9dc5;
  for (let k = 0; k < bytes.length; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  return h >>> 0;
}

/** File layout: "WNBR", u32 version, u32 row count, u32 fingerprint, f64 floor, then the f64 cosines of the rows
 *  with themselves, the f64 cosines of the listed pairs, the (count + 1) u32 starts and the u32 rows. */
const MAGIC = 'WNBR',
  VERSION = 2,
  HEADER = 24;

/** The lists as the bytes of `NEIGHBOURS_FILE`. */
export function encodeNeighbours(nb: Neighbours): Uint8Array {
  const count = nb.start.length - 1,
    pairs = nb.rows.length;
  const out = new Uint8Array(HEADER + (count + pairs) * 8 + (count + 1 + pairs) * 4);
  const view = new DataView(out.buffer);
  for (let k = 0; k < 4; k++) out[k] = MAGIC.charCodeAt(k);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, nb.fingerprint, true);
  view.setFloat64(16, nb.floor, true);
  new Float64Array(out.buffer, HEADER, count).set(nb.self);
  new Float64Array(out.buffer, HEADER + count * 8, pairs).set(nb.cosines);
  const words = new Uint32Array(out.buffer, HEADER + (count + pairs) * 8);
  words.set(nb.start);
  words.set(nb.rows, count + 1);
  return out;
}

/** The lists stored in `bytes` for the lexicon vectors with these `scales` (one per row with a vector); null when
 *  the file is not lists of those vectors. */
export function decodeNeighbours(bytes: Uint8Array, scales: Float32Array): Neighbours | null {
  const count = scales.length;
  if (bytes.length < HEADER) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MAGIC || view.getUint32(4, true) !== VERSION || view.getUint32(8, true) !== count) return null;
  const fingerprint = view.getUint32(12, true);
  if (fingerprint !== vectorsFingerprint(scales)) return null;
  // pairs from the size: HEADER + (count + pairs)·8 + (count + 1 + pairs)·4 bytes.
  const pairs = (bytes.length - HEADER - count * 12 - 4) / 12;
  if (!Number.isInteger(pairs) || pairs < 0) return null;
  // Views of the bytes when they already are in shared memory at an aligned offset (as `readLexicon` reads them),
  // else of an aligned shared copy (a Buffer's byteOffset need not be a multiple of 8). Shared, so that compare
  // workers use this one copy (`adoptLexicon` in vectors.ts).
  const own = bytes.buffer instanceof SharedArrayBuffer && bytes.byteOffset % 8 === 0 ? bytes : sharedCopy(bytes);
  const at = own.byteOffset;
  const self = new Float64Array(own.buffer, at + HEADER, count);
  const cosines = new Float64Array(own.buffer, at + HEADER + count * 8, pairs);
  const words = new Uint32Array(own.buffer, at + HEADER + (count + pairs) * 8, count + 1 + pairs);
  const start = words.subarray(0, count + 1),
    rows = words.subarray(count + 1);
  if (start[0] !== 0 || start[count] !== pairs) return null;
  return { fingerprint, floor: view.getFloat64(16, true), start, rows, cosines, self };
}

function sharedCopy(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}
