/**
 * The WebAssembly kernels of the word-vector similarity (`int8-scan.ts`), written out in the binary format and
 * compiled once per vector dimension: a fixed-point SIMD scan of a block of int8 rows against one query row (the
 * exact prefilter), the int8 dot product of two rows (the lazy path), and the exact float cosines of one query
 * with a list of rows (faster than the JavaScript loop, with the same sums bit for bit). Pure computation; null
 * (then: JavaScript) where WebAssembly SIMD or its memory is unavailable.
 */

/** `dots` computes this many sums at a time (interleaved: one sum's additions do not wait for another's). */
export const DOTS_GROUP = 4;

/** Rows are padded to a multiple of 8 components: one `v128.load8x8_s` each. */
export const lanes = (dims: number) => Math.ceil(dims / 8) * 8;

type WasmScan = (n: number, t: number, rows: number, norms: number, out: number, query: number) => number;
type WasmDots = (n: number, cand: number, query: number, rows: number, out: number) => void;
/** The kernel instance's exports: see `kernelModule`. */
export interface WasmExports {
  mem: WasmMemory;
  scan: WasmScan;
  dot: (a: number, b: number) => number;
  dots: WasmDots;
}
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}
/** The parts of the WebAssembly API used here (the project's `lib` has no DOM/WebAssembly typings). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule) => { exports: unknown };
}
interface WasmModule {
  readonly __brand?: 'WasmModule';
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

const kernels = new Map<number, WasmModule | null>();

/** A kernel instance with at least `bytes` of memory; null without WebAssembly SIMD or memory (then: JavaScript). */
export function instance(dims: number, bytes: number): WasmExports | null {
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
export function grow(e: WasmExports, bytes: number): boolean {
  try {
    if (e.mem.buffer.byteLength < bytes) e.mem.grow(Math.ceil((bytes - e.mem.buffer.byteLength) / 65536));
    return true;
  } catch {
    return false;
  }
}

/** The compiled kernel for `dims` (cached), or null when this runtime has no WebAssembly SIMD. */
function wasmKernel(dims: number): WasmModule | null {
  if (kernels.has(dims)) return kernels.get(dims)!;
  let kernel: WasmModule | null = null;
  try {
    const bytes = kernelModule(dims);
    if (wasm?.validate(bytes)) kernel = new wasm.Module(bytes);
  } catch {
    kernel = null;
  }
  kernels.set(dims, kernel);
  return kernel;
}

/** Unsigned LEB128. */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

/**
 * The module, in the WebAssembly binary format (spec §5; SIMD opcodes from the SIMD proposal's BinarySIMD.md):
 *   (func (export "scan") (param $n i32) (param $t f64) (param $rows i32) (param $norms i32) (param $out i32)
 *     (param $q i32) (result i32)
 *     query chunks q_c = v128.load8x8_s ($q + 8·c) ;; the query row, widened to i16x8, held in locals
 *     for j in 0..n: dot = Σ_c i32x4.dot_i16x8_s(q_c, v128.load8x8_s(row_j + 8·c)), summed over the 4 lanes
 *                    if f64(dot) >= $t · norms[j]: out[count++] = j
 *     return count)
 *   (func (export "dot") (param $a i32) (param $b i32) (result i32)   ;; the dot product of the rows at $a and $b
 *     Σ_c i32x4.dot_i16x8_s(v128.load8x8_s($a + 8·c), v128.load8x8_s($b + 8·c)), summed over the 4 lanes)
 *   (func (export "dots") (param $n i32) (param $cand i32) (param $q i32) (param $rows i32) (param $out i32)
 *     for each group of 4 (n a multiple of 4): row pointers p_i = $rows + 4·dims·cand[g + i] (float32 rows)
 *       s_i = 0; for d in 0..dims: s_i = s_i + f64(q[d]) · f64(p_i[d])    ;; 4 sums interleaved, each in order
 *       out[g + i] = s_i (f64))
 *   (memory (export "mem") 1)
 * `dots` is JavaScript's `for (d…) s += a[d] * b[d]` over float32 arrays exactly: each component converted to
 * double, the product rounded once, added in the same order (WebAssembly does not fuse or reorder float
 * operations), so its cosines are bit-identical to the similarity's.
 */
function kernelModule(dims: number): Uint8Array {
  const C = lanes(dims) / 8,
    stride = C * 8;
  const I32 = 0x7f,
    F64 = 0x7c,
    V128 = 0x7b;
  const simd = (op: number, ...imm: number[]) => [0xfd, ...uleb(op), ...imm];
  const load8x8 = (offset: number) => simd(0x01, 0, ...uleb(offset));
  const get = (i: number) => [0x20, ...uleb(i)],
    set = (i: number) => [0x21, ...uleb(i)],
    tee = (i: number) => [0x22, ...uleb(i)];
  const i32c = (v: number) => [0x41, ...sleb(v)];
  // Params 0..5 ($n, $t, $rows, $norms, $out, $q); locals: 6 = j, 7 = p (row pointer), 8 = count, 9 = acc, 10.. = q_c.
  const QP = 5,
    J = 6,
    P = 7,
    COUNT = 8,
    ACC = 9,
    Q = 10;
  const body: number[] = [];
  for (let c = 0; c < C; c++) body.push(...get(QP), ...load8x8(8 * c), ...set(Q + c));
  body.push(...get(2), ...set(P));
  body.push(0x02, 0x40, ...get(0), 0x45, 0x0d, 0); // block; if n == 0 break
  body.push(0x03, 0x40); // loop
  for (let c = 0; c < C; c++) {
    body.push(...get(Q + c), ...get(P), ...load8x8(8 * c), ...simd(0xba));
    if (c > 0) body.push(...simd(0xae)); // i32x4.add
  }
  body.push(...set(ACC));
  body.push(
    ...get(ACC),
    ...simd(0x1b, 0),
    ...get(ACC),
    ...simd(0x1b, 1),
    0x6a,
    ...get(ACC),
    ...simd(0x1b, 2),
    0x6a,
    ...get(ACC),
    ...simd(0x1b, 3),
    0x6a,
  );
  body.push(0xb7); // f64.convert_i32_s
  body.push(...get(1), ...get(3), ...get(J), ...i32c(3), 0x74, 0x6a, 0x2b, 3, 0, 0xa2, 0x66); // $t * norms[j]; f64.ge
  body.push(
    0x04,
    0x40,
    ...get(4),
    ...get(COUNT),
    ...i32c(2),
    0x74,
    0x6a,
    ...get(J),
    0x36,
    2,
    0,
    ...get(COUNT),
    ...i32c(1),
    0x6a,
    ...set(COUNT),
    0x0b,
  ); // if: out[count++] = j
  body.push(...get(P), ...i32c(stride), 0x6a, ...set(P));
  body.push(...get(J), ...i32c(1), 0x6a, ...tee(J), ...get(0), 0x48, 0x0d, 0); // j++ < n: continue
  body.push(0x0b, 0x0b, ...get(COUNT), 0x0b); // end loop, end block, return count, end func
  const locals = vec(
    [
      [3, I32],
      [1, V128],
      [C, V128],
    ].map(([n, t]) => [...uleb(n!), t!]),
  );
  const func = [...locals, ...body];
  // dot: params 0, 1 (row addresses); local 2 = acc.
  const dot: number[] = [];
  for (let c = 0; c < C; c++) {
    dot.push(...get(0), ...load8x8(8 * c), ...get(1), ...load8x8(8 * c), ...simd(0xba));
    if (c > 0) dot.push(...simd(0xae));
  }
  dot.push(
    ...set(2),
    ...get(2),
    ...simd(0x1b, 0),
    ...get(2),
    ...simd(0x1b, 1),
    0x6a,
    ...get(2),
    ...simd(0x1b, 2),
    0x6a,
    ...get(2),
    ...simd(0x1b, 3),
    0x6a,
    0x0b,
  );
  const dotFunc = [...vec([[1, V128]]), ...dot];
  // dots: params 0..4 ($n, $cand, $q, $rows, $out); locals 5 = g, 6..9 = p_i, 10 = a (f64), 11..14 = s_i (f64).
  const CH = DOTS_GROUP,
    G = 5,
    PI = 6,
    A = PI + CH,
    S = A + 1;
  const f64load = (offset: number) => [0x2b, 3, ...uleb(offset)],
    f64add = 0xa0,
    f64mul = 0xa2;
  const dots: number[] = [0x02, 0x40, ...get(0), 0x45, 0x0d, 0, 0x03, 0x40]; // block; if n == 0 break; loop
  for (let i = 0; i < CH; i++) {
    // p_i = rows + cand[g + i] · 4·dims (cand at $cand + 4g + 4i)
    dots.push(
      ...get(3),
      ...get(1),
      ...get(G),
      ...i32c(2),
      0x74,
      0x6a,
      0x28,
      2,
      ...uleb(4 * i),
      ...i32c(8 * dims),
      0x6c,
      0x6a,
      ...set(PI + i),
    );
    dots.push(0x44, 0, 0, 0, 0, 0, 0, 0, 0, ...set(S + i)); // s_i = 0.0
  }
  for (let d = 0; d < dims; d++) {
    dots.push(...get(2), ...f64load(8 * d), ...set(A));
    for (let i = 0; i < CH; i++)
      dots.push(...get(S + i), ...get(A), ...get(PI + i), ...f64load(8 * d), f64mul, f64add, ...set(S + i));
  }
  for (let i = 0; i < CH; i++) {
    // out[g + i] = s_i (at $out + 8g + 8i)
    dots.push(...get(4), ...get(G), ...i32c(3), 0x74, 0x6a, ...get(S + i), 0x39, 3, ...uleb(8 * i));
  }
  // g += 4 < n: continue
  dots.push(...get(G), ...i32c(CH), 0x6a, ...tee(G), ...get(0), 0x48, 0x0d, 0, 0x0b, 0x0b, 0x0b);
  const dotsFunc = [
    ...vec([
      [1 + CH, I32],
      [1 + CH, F64],
    ]),
    ...dots,
  ];
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(
      1,
      vec([
        [0x60, ...vec([[I32], [F64], [I32], [I32], [I32], [I32]]), ...vec([[I32]])],
        [0x60, ...vec([[I32], [I32]]), ...vec([[I32]])],
        [0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), ...vec([])],
      ]),
    ),
    ...section(3, vec([[0], [1], [2]])),
    ...section(5, vec([[0x00, 1]])),
    ...section(
      7,
      vec([
        [...name('scan'), 0x00, 0],
        [...name('mem'), 0x02, 0],
        [...name('dot'), 0x00, 1],
        [...name('dots'), 0x00, 2],
      ]),
    ),
    ...section(
      10,
      vec([
        [...uleb(func.length), ...func],
        [...uleb(dotFunc.length), ...dotFunc],
        [...uleb(dotsFunc.length), ...dotsFunc],
      ]),
    ),
  ]);
}

/** Signed LEB128 (small constants). */
function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}
