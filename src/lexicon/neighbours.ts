import { lanes, instance } from './wasm-kernel.js';

/**
 * Each lexicon word's near neighbours in the word-vector space, precomputed once at build time (issue #6).
 *
 * Every compare used to find the cross-side word pairs whose cosine can reach the similarity's floor by scanning
 * each original word against every rewrite word (`int8-scan.ts`, ~6 ns a pair: ~0.8 ms of a 7 ms seed-pair
 * compare, the largest single cost once the texts are analysed). Which pairs pass that integer prefilter depends
 * on the two words only, so it is computed once for the whole vocabulary: all 100,000 × 100,000 / 2 pairs through
 * the same WebAssembly kernel (~30 s of CPU at build), ~13 neighbours per word on average (frequent words have
 * hundreds, rare ones a few). A compare then only looks its words' neighbours up among the other side's words.
 *
 * The list is kept at a floor a little below the prefilter's (`NEIGHBOUR_FLOOR`), so it holds every pair the
 * runtime prefilter would keep in either orientation (its threshold is rounded differently with the operands
 * swapped); the exact cosine still decides, so a compare's answers are the same bit for bit with or without it.
 */

/** File name in the lexicon directory. */
export const NEIGHBOURS_FILE = 'neighbours.bin';

/** Neighbour lists of the `count` lexicon rows with vectors: row x's neighbours are rows[start[x] .. start[x+1]),
 *  ascending, x itself left out. Symmetric: y is x's neighbour exactly when x is y's. */
export interface Neighbours {
  /** `vectorsFingerprint` of the vectors the lists were computed from. */
  fingerprint: number;
  /** The int8 cosine floor the lists were computed at (a pair is listed when its int8 cosine is at least this). */
  floor: number;
  start: Uint32Array;
  rows: Uint32Array;
}

/**
 * The pairs (q, j), q in [from, to) and j > q, whose int8 cosine is at least `floor`, as a flat list q0, j0, q1,
 * j1, … — the prefilter condition of `int8-scan.ts` (integer dot ≥ floor · |q| · |j|) through the same kernel.
 * Null without WebAssembly SIMD (in JavaScript the pass would take tens of minutes; the compare then scans).
 * @param data `count` int8 rows of `dims` components
 */
export function neighbourPairs(data: Int8Array, dims: number, count: number, floor: number, from: number, to: number,
  step = 1): Uint32Array | null {
  const stride = lanes(dims), normsAt = count * stride, outAt = normsAt + count * 8;
  const e = instance(dims, outAt + count * 4);
  if (!e) return null;
  const i8 = new Int8Array(e.mem.buffer), f64 = new Float64Array(e.mem.buffer), i32 = new Int32Array(e.mem.buffer);
  for (let k = 0; k < count; k++) {
    let s = 0;
    for (let d = 0; d < dims; d++) { const v = data[k * dims + d]!; i8[k * stride + d] = v; s += v * v; }
    f64[(normsAt >> 3) + k] = Math.sqrt(s);
  }
  let out = new Uint32Array(1 << 16), n = 0;
  for (let q = from; q < to; q += step) {
    const rest = count - q - 1;
    if (rest <= 0) continue;
    const hits = e.scan(rest, floor * f64[(normsAt >> 3) + q]!, (q + 1) * stride, normsAt + (q + 1) * 8, outAt, q * stride);
    if (n + 2 * hits > out.length) { const grown = new Uint32Array(Math.max(out.length * 2, n + 2 * hits)); grown.set(out); out = grown; }
    for (let h = 0, at = outAt >> 2; h < hits; h++) { out[n++] = q; out[n++] = q + 1 + i32[at + h]!; }
  }
  return out.slice(0, n);
}

/** The symmetric neighbour lists of `count` rows from pair lists (each pair once, either order). */
export function neighboursFromPairs(count: number, floor: number, fingerprint: number, pairLists: Uint32Array[]): Neighbours {
  const start = new Uint32Array(count + 1);
  for (const p of pairLists) for (let k = 0; k < p.length; k++) start[p[k]! + 1]!++;
  for (let x = 0; x < count; x++) start[x + 1]! += start[x]!;
  const rows = new Uint32Array(start[count]!), next = start.slice(0, count);
  for (const p of pairLists) {
    for (let k = 0; k + 1 < p.length; k += 2) { rows[next[p[k]!]!++] = p[k + 1]!; rows[next[p[k + 1]!]!++] = p[k]!; }
  }
  for (let x = 0; x < count; x++) rows.subarray(start[x]!, start[x + 1]!).sort();
  return { fingerprint, floor, start, rows };
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

/** File layout: "WNBR", u32 version (1), u32 row count, u32 fingerprint, f64 floor, then (count + 1) u32 starts and
 *  the u32 rows. */
const MAGIC = 'WNBR', VERSION = 1, HEADER = 24;

/** The lists as the bytes of `NEIGHBOURS_FILE`. */
export function encodeNeighbours(nb: Neighbours): Uint8Array {
  const count = nb.start.length - 1;
  const out = new Uint8Array(HEADER + (count + 1) * 4 + nb.rows.length * 4);
  const view = new DataView(out.buffer);
  for (let k = 0; k < 4; k++) out[k] = MAGIC.charCodeAt(k);
  view.setUint32(4, VERSION, true); view.setUint32(8, count, true);
  view.setUint32(12, nb.fingerprint, true); view.setFloat64(16, nb.floor, true);
  const words = new Uint32Array(out.buffer, HEADER);
  words.set(nb.start); words.set(nb.rows, count + 1);
  return out;
}

/** The lists stored in `bytes` for the lexicon vectors with these `scales` (one per row with a vector); null when
 *  the file is not lists of those vectors. */
export function decodeNeighbours(bytes: Uint8Array, scales: Float32Array): Neighbours | null {
  const count = scales.length;
  if (bytes.length < HEADER + (count + 1) * 4) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MAGIC || view.getUint32(4, true) !== VERSION || view.getUint32(8, true) !== count) return null;
  const fingerprint = view.getUint32(12, true);
  if (fingerprint !== vectorsFingerprint(scales)) return null;
  // Copied into aligned arrays (a Buffer's byteOffset need not be a multiple of 4).
  const words = new Uint32Array((bytes.length - HEADER) >> 2);
  new Uint8Array(words.buffer).set(bytes.subarray(HEADER, HEADER + words.length * 4));
  const start = words.subarray(0, count + 1), rows = words.subarray(count + 1);
  if (start[0] !== 0 || start[count] !== rows.length) return null;
  return { fingerprint, floor: view.getFloat64(16, true), start, rows };
}
