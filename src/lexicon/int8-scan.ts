/**
 * Exact prefilter for word-vector cosines: which rows of a block of int8 vectors may have a cosine of at least
 * `floor` with one query vector. The integer dot product of the quantised components is exact, and the
 * float cosine the similarity uses is the cosine of those same int8 vectors up to float rounding (< 1e-6), so
 * a row this rejects with a small margin below the floor can never pass it: a prefilter with no misses.
 *
 * The kernel is a 718-byte WebAssembly module written out below (fixed-point SIMD: `i32x4.dot_i16x8_s` does 8
 * multiply-adds per instruction), generated for the lexicon's dimension: a block scan at ~9 ns a row (~35×
 * the JavaScript int8 loop, ~30× the float dot) and a pair dot for the lazy path. When WebAssembly SIMD (or
 * its memory) is unavailable the same functions run in JavaScript (same answers, slower). Pure computation.
 * Alternative considered (issue #6): neighbour lists precomputed at build time. In JavaScript the all-pairs
 * pass costs 200–460 ns a pair on the CI-class machine (top 20k words: ~40 s), and the top-20k lists cover
 * only ~88% of a news pair's cross pairs (the rest still need dots); this runtime prefilter needs no build
 * step, file or start-up time and covers every pair.
 */

/** A scanner bound to one block of rows (the rewrite side's vectors of one compare). */
export interface Int8Scanner {
  /** Indices (ascending) of the rows whose cosine with `query` (its `dims` components from `at`) may reach
   *  `floor`, into `out`; returns how many. */
  scan(query: Int8Array, queryNorm: number, floor: number, out: Int32Array, at?: number): number;
  readonly rows: number;
}

/** Rows are padded to a multiple of 8 components: one `v128.load8x8_s` each. */
const lanes = (dims: number) => Math.ceil(dims / 8) * 8;

/** Euclidean norm of an int8 vector (exact integer sum of squares, one square root). */
export function int8Norm(v: Int8Array): number {
  let s = 0;
  for (let d = 0; d < v.length; d++) s += v[d]! * v[d]!;
  return Math.sqrt(s);
}

/**
 * Rows of int8 vectors laid out for the scan, with their norms. A pure function of the rows, so a text's block
 * is built once and kept with its analysis (issue #6: packing the rows and their norms was redone by every compare).
 */
export interface Int8Block {
  readonly dims: number;
  readonly rows: number;
  /** `dims` rounded up to a multiple of 8: row k's components are at k × stride in `data`, zero padded. */
  readonly stride: number;
  readonly data: Int8Array;
  readonly norms: Float64Array;
}

/** The block of rows `rowsAt[k]` of `source` (row r's `dims` components at r × dims). */
export function int8Block(source: Int8Array, dims: number, rowsAt: ArrayLike<number>): Int8Block {
  const rows = rowsAt.length, stride = lanes(dims);
  const data = new Int8Array(rows * stride), norms = new Float64Array(rows);
  for (let k = 0; k < rows; k++) {
    const row = source.subarray(rowsAt[k]! * dims, (rowsAt[k]! + 1) * dims);
    data.set(row, k * stride);
    norms[k] = int8Norm(row);
  }
  return { dims, rows, stride, data, norms };
}

/**
 * Scanner over a block: WebAssembly when available. The kernel instance is shared by every scanner of one
 * dimension (instantiating one per compare was ~0.1 ms, and its memory per cached text would be 64 KB at
 * least): a scanner copies its block into the shared memory when another scanner used it last (one copy of
 * the block's bytes and norms). The core is synchronous, and each worker thread has its own instances.
 */
export function int8Scanner(block: Int8Block, useWasm = true): Int8Scanner {
  const { dims, rows, stride } = block;
  // Memory layout: query row at 0, then the rows, then their norms (f64), then the output indices (i32).
  const rowsAt = stride, normsAt = Math.ceil((rowsAt + rows * stride) / 8) * 8, outAt = normsAt + rows * 8;
  const slot = useWasm ? sharedInstance(dims, outAt + rows * 4) : null;
  if (!slot) return jsScanner(block);
  return {
    rows,
    scan(query, queryNorm, floor, out, at = 0) {
      if (slot.owner !== block) {
        slot.i8.fill(0, 0, stride);
        slot.i8.set(block.data, rowsAt);
        new Float64Array(slot.e.mem.buffer, normsAt, rows).set(block.norms);
        slot.owner = block;
      }
      slot.i8.set(at === 0 && query.length === dims ? query : query.subarray(at, at + dims));
      const n = slot.e.scan(rows, floor * queryNorm, rowsAt, normsAt, outAt), i32 = slot.i32;
      for (let k = 0, at = outAt >> 2; k < n; k++) out[k] = i32[at + k]!;
      return n;
    },
  };
}

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

function jsScanner(block: Int8Block): Int8Scanner {
  const { dims, rows, stride, data, norms } = block;
  return {
    rows,
    scan(query, queryNorm, floor, out, at = 0) {
      const t = floor * queryNorm;
      let n = 0;
      for (let k = 0, off = 0; k < rows; k++, off += stride) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += query[at + d]! * data[off + d]!;
        if (dot >= t * norms[k]!) out[n++] = k;
      }
      return n;
    },
  };
}

type WasmScan = (n: number, t: number, rows: number, norms: number, out: number) => number;
interface WasmExports { mem: WasmMemory; scan: WasmScan; dot: (a: number, b: number) => number }
interface WasmMemory { buffer: ArrayBuffer; grow(pages: number): number }
/** The parts of the WebAssembly API used here (the project's `lib` has no DOM/WebAssembly typings). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule) => { exports: unknown };
}
interface WasmModule { readonly __brand?: 'WasmModule' }
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

const kernels = new Map<number, WasmModule | null>();

/** A kernel instance with at least `bytes` of memory; null without WebAssembly SIMD or memory (then: JavaScript). */
function instance(dims: number, bytes: number): WasmExports | null {
  const kernel = wasmKernel(dims);
  if (!kernel) return null;
  try {
    const e = new wasm!.Instance(kernel).exports as WasmExports;
    return grow(e, bytes) ? e : null;
  } catch {
    return null;
  }
}

/** Grows the instance's memory to at least `bytes`; false when it cannot. */
function grow(e: WasmExports, bytes: number): boolean {
  try {
    if (e.mem.buffer.byteLength < bytes) e.mem.grow(Math.ceil((bytes - e.mem.buffer.byteLength) / 65536));
    return true;
  } catch {
    return false;
  }
}

/** The instance scanners of one dimension share, views of its memory, and the block its memory holds. */
interface Slot { e: WasmExports; i8: Int8Array; i32: Int32Array; owner: Int8Block | null }
const slots = new Map<number, Slot | null>();

/** The shared scanning instance for `dims` with at least `bytes` of memory (null: scan in JavaScript). */
function sharedInstance(dims: number, bytes: number): Slot | null {
  let slot = slots.get(dims);
  if (slot === undefined) {
    const e = instance(dims, bytes);
    slots.set(dims, slot = e && { e, i8: new Int8Array(e.mem.buffer), i32: new Int32Array(e.mem.buffer), owner: null });
  }
  if (!slot || !grow(slot.e, bytes)) return null;
  // Growing replaces the memory's buffer (the old views are detached, and the block is kept by the new one).
  if (slot.i8.buffer !== slot.e.mem.buffer) { slot.i8 = new Int8Array(slot.e.mem.buffer); slot.i32 = new Int32Array(slot.e.mem.buffer); }
  return slot;
}

/** The compiled kernel for `dims` (cached), or null when this runtime has no WebAssembly SIMD. */
function wasmKernel(dims: number): WasmModule | null {
  if (kernels.has(dims)) return kernels.get(dims)!;
  let kernel: WasmModule | null = null;
  try {
    const bytes = kernelModule(dims);
    if (wasm?.validate(bytes)) kernel = new wasm.Module(bytes);
  } catch { kernel = null; }
  kernels.set(dims, kernel);
  return kernel;
}

/** Unsigned LEB128. */
function uleb(n: number): number[] {
  const out: number[] = [];
  do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n);
  return out;
}
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

/**
 * The module, in the WebAssembly binary format (spec §5; SIMD opcodes from the SIMD proposal's BinarySIMD.md):
 *   (func (export "scan") (param $n i32) (param $t f64) (param $rows i32) (param $norms i32) (param $out i32)
 *     (result i32)
 *     query chunks q_c = v128.load8x8_s (8·c)      ;; the query row, widened to i16x8, held in locals
 *     for j in 0..n: dot = Σ_c i32x4.dot_i16x8_s(q_c, v128.load8x8_s(row_j + 8·c)), summed over the 4 lanes
 *                    if f64(dot) >= $t · norms[j]: out[count++] = j
 *     return count)
 *   (func (export "dot") (param $a i32) (param $b i32) (result i32)   ;; the dot product of the rows at $a and $b
 *     Σ_c i32x4.dot_i16x8_s(v128.load8x8_s($a + 8·c), v128.load8x8_s($b + 8·c)), summed over the 4 lanes)
 *   (memory (export "mem") 1)
 */
function kernelModule(dims: number): Uint8Array {
  const C = lanes(dims) / 8, stride = C * 8;
  const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b;
  const simd = (op: number, ...imm: number[]) => [0xfd, ...uleb(op), ...imm];
  const load8x8 = (offset: number) => simd(0x01, 0, ...uleb(offset));
  const get = (i: number) => [0x20, ...uleb(i)], set = (i: number) => [0x21, ...uleb(i)], tee = (i: number) => [0x22, ...uleb(i)];
  const i32c = (v: number) => [0x41, ...sleb(v)];
  // Params 0..4 ($n, $t, $rows, $norms, $out); locals: 5 = j, 6 = p (row pointer), 7 = count, 8 = acc, 9.. = q_c.
  const J = 5, P = 6, COUNT = 7, ACC = 8, Q = 9;
  const body: number[] = [];
  for (let c = 0; c < C; c++) body.push(...i32c(0), ...load8x8(8 * c), ...set(Q + c));
  body.push(...get(2), ...set(P));
  body.push(0x02, 0x40, ...get(0), 0x45, 0x0d, 0); // block; if n == 0 break
  body.push(0x03, 0x40); // loop
  for (let c = 0; c < C; c++) {
    body.push(...get(Q + c), ...get(P), ...load8x8(8 * c), ...simd(0xba));
    if (c > 0) body.push(...simd(0xae)); // i32x4.add
  }
  body.push(...set(ACC));
  body.push(...get(ACC), ...simd(0x1b, 0), ...get(ACC), ...simd(0x1b, 1), 0x6a, ...get(ACC), ...simd(0x1b, 2), 0x6a,
    ...get(ACC), ...simd(0x1b, 3), 0x6a);
  body.push(0xb7); // f64.convert_i32_s
  body.push(...get(1), ...get(3), ...get(J), ...i32c(3), 0x74, 0x6a, 0x2b, 3, 0, 0xa2, 0x66); // $t * norms[j]; f64.ge
  body.push(0x04, 0x40, ...get(4), ...get(COUNT), ...i32c(2), 0x74, 0x6a, ...get(J), 0x36, 2, 0,
    ...get(COUNT), ...i32c(1), 0x6a, ...set(COUNT), 0x0b); // if: out[count++] = j
  body.push(...get(P), ...i32c(stride), 0x6a, ...set(P));
  body.push(...get(J), ...i32c(1), 0x6a, ...tee(J), ...get(0), 0x48, 0x0d, 0); // j++ < n: continue
  body.push(0x0b, 0x0b, ...get(COUNT), 0x0b); // end loop, end block, return count, end func
  const locals = vec([[3, I32], [1, V128], [C, V128]].map(([n, t]) => [...uleb(n!), t!]));
  const func = [...locals, ...body];
  // dot: params 0, 1 (row addresses); local 2 = acc.
  const dot: number[] = [];
  for (let c = 0; c < C; c++) {
    dot.push(...get(0), ...load8x8(8 * c), ...get(1), ...load8x8(8 * c), ...simd(0xba));
    if (c > 0) dot.push(...simd(0xae));
  }
  dot.push(...set(2), ...get(2), ...simd(0x1b, 0), ...get(2), ...simd(0x1b, 1), 0x6a, ...get(2), ...simd(0x1b, 2), 0x6a,
    ...get(2), ...simd(0x1b, 3), 0x6a, 0x0b);
  const dotFunc = [...vec([[1, V128]]), ...dot];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec([[I32], [F64], [I32], [I32], [I32]]), ...vec([[I32]])], [0x60, ...vec([[I32], [I32]]), ...vec([[I32]])]])),
    ...section(3, vec([[0], [1]])),
    ...section(5, vec([[0x00, 1]])),
    ...section(7, vec([[...name('scan'), 0x00, 0], [...name('mem'), 0x02, 0], [...name('dot'), 0x00, 1]])),
    ...section(10, vec([[...uleb(func.length), ...func], [...uleb(dotFunc.length), ...dotFunc]])),
  ]);
}

/** Signed LEB128 (small constants). */
function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) { out.push(b); return out; }
    out.push(b | 0x80);
  }
}
