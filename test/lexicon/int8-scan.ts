import t from 'tap';
import { lexiconLookups } from '../../src/core/terms/lexicon-lookups.js';
import { PREFILTER_MARGIN, VECTOR_MIN_COSINE, Vocabulary } from '../../src/core/terms/vocabulary.js';
import { int8Block, int8Norm, int8Rows, int8Scanner, SHARED_SCAN_BYTES } from '../../src/lexicon/int8-scan.js';
import { defaultLexicon } from '../../src/lexicon/vectors.js';

/**
 * The int8 prefilter decides which word pairs get the exact cosine in `prepareCross`: a pair it drops is a
 * similarity lost from every compare. It must never drop a pair whose float cosine (as `Vocabulary` computes
 * it) reaches the floor, and the WebAssembly kernel must answer exactly like the JavaScript scan.
 */
const lexicon = defaultLexicon()!;
const floor = VECTOR_MIN_COSINE - PREFILTER_MARGIN;

/** A block of the given rows (each `dims` components). */
const blockOf = (rows: Int8Array[], dims: number) => {
  const data = new Int8Array(rows.length * dims);
  for (const [k, r] of rows.entries()) data.set(r.subarray(0, dims), k * dims);
  return int8Block(
    data,
    dims,
    rows.map((_, k) => k),
  );
};

function scanAll(data: Int8Array, dims: number, rows: number, queries: Int8Array[], useWasm: boolean): number[][] {
  const scanner = int8Scanner(
    int8Block(
      data,
      dims,
      Array.from({ length: rows }, (_, k) => k),
    ),
    blockOf(queries, dims),
    useWasm,
  );
  const out = new Int32Array(rows);
  return queries.map((_, q) => [...out.subarray(0, scanner.scan(q, floor, out))]);
}

t.test('on the lexicon: no pair at or above the floor is missed, and WebAssembly = JavaScript', async (t) => {
  t.ok(lexicon, 'lexicon built');
  const { dims } = lexicon;
  // Rows: the 3,000 most frequent words (dense neighbourhoods) and 1,000 rarer ones; queries: 150 words, half
  // of them also rows (cosine 1 with themselves).
  const rowRanks = [
    ...Array.from({ length: 3000 }, (_, k) => k),
    ...Array.from({ length: 1000 }, (_, k) => 3000 + k * 53),
  ];
  const queryRanks = Array.from({ length: 150 }, (_, k) => (k % 2 ? k * 19 : 3000 + k * 53 * 7));
  const block = new Int8Array(rowRanks.length * dims);
  for (const [k, rank] of rowRanks.entries())
    block.set(lexicon.data.subarray(rank * dims, (rank + 1) * dims), k * dims);
  const queries = queryRanks.map((rank) => lexicon.data.subarray(rank * dims, (rank + 1) * dims));
  const wasm = scanAll(block, dims, rowRanks.length, queries, true);
  const js = scanAll(block, dims, rowRanks.length, queries, false);
  t.same(wasm, js, 'identical candidate lists');

  // The float cosines exactly as the similarity computes them (Vocabulary's normalised float32 vectors).
  const words: string[] = [];
  for (const [w, rank] of lexicon.rank) if (rank < 60_000 && words[rank] === undefined) words[rank] = w;
  const vocab = new Vocabulary(lexiconLookups(lexicon));
  const idOf = (rank: number) => vocab.intern(words[rank]!, words[rank]!, false, false);
  const rowIds = rowRanks.map(idOf),
    queryIds = queryRanks.map(idOf);
  vocab.setDocumentFrequencies(new Array<number>(vocab.keys.length).fill(1), 2);
  let above = 0,
    missed = 0,
    candidates = 0,
    maxError = 0;
  queryIds.forEach((qi, k) => {
    const kept = new Set(wasm[k]);
    candidates += kept.size;
    rowIds.forEach((ri, j) => {
      const a = vocab.vec[qi],
        b = vocab.vec[ri];
      if (!a || !b) return;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += a[d]! * b[d]!;
      if (dot >= VECTOR_MIN_COSINE) {
        above++;
        if (!kept.has(j)) missed++;
      }
      // The margin's premise: the float cosine is the int8 cosine up to rounding.
      const qa = lexicon.data.subarray(queryRanks[k]! * dims, (queryRanks[k]! + 1) * dims);
      const qb = lexicon.data.subarray(rowRanks[j]! * dims, (rowRanks[j]! + 1) * dims);
      let int = 0;
      for (let d = 0; d < dims; d++) int += qa[d]! * qb[d]!;
      maxError = Math.max(maxError, Math.abs(dot - int / (int8Norm(qa) * int8Norm(qb))));
    });
  });
  t.ok(maxError < PREFILTER_MARGIN / 50, `float and int8 cosines differ by at most ${maxError.toExponential(1)}`);
  t.equal(missed, 0, `all ${above} pairs with cosine >= ${VECTOR_MIN_COSINE} kept`);
  t.ok(above > 1000, `the sample has real neighbours (${above})`);
  t.ok(candidates <= above * 1.1, `few extra candidates from the margin (${candidates} for ${above})`);
  t.ok(candidates < 0.05 * rowRanks.length * queryRanks.length, 'the prefilter discards most pairs');
});

t.test('any dimension, extreme components and degenerate blocks: WebAssembly = JavaScript', async (t) => {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  for (const dims of [1, 8, 13, 100, 129]) {
    const rows = 97;
    const data = new Int8Array(rows * dims).map(() =>
      rand() < 0.1 ? (rand() < 0.5 ? -128 : 127) : Math.floor(rand() * 256) - 128,
    );
    // Correlated queries (a row plus noise) so that some pass the floor.
    const queries = Array.from({ length: 20 }, (_, k) =>
      data
        .slice(k * 5 * dims, (k * 5 + 1) * dims)
        .map((x) => Math.max(-128, Math.min(127, x + Math.floor(rand() * 60) - 30))),
    );
    const wasm = scanAll(data, dims, rows, queries, true),
      js = scanAll(data, dims, rows, queries, false);
    t.same(wasm, js, `dims ${dims}`);
    t.ok(wasm.some((l) => l.length > 0) && wasm.every((l) => l.length < rows), `dims ${dims}: some kept, not all`);
  }
  // Pair by pair (the lazy path): the same integer dot products, WebAssembly and JavaScript.
  for (const dims of [13, 100]) {
    const rows = 50;
    const data = new Int8Array(rows * dims).map(() => Math.floor(rand() * 256) - 128);
    const w = int8Rows(data, dims, rows, true),
      j = int8Rows(data, dims, rows, false);
    const pairs = Array.from({ length: 200 }, (_, k) => [k % rows, (k * 7 + 3) % rows] as const);
    const exact = pairs.map(([a, b]) => {
      let s = 0;
      for (let d = 0; d < dims; d++) s += data[a * dims + d]! * data[b * dims + d]!;
      return s;
    });
    t.same(
      pairs.map(([a, b]) => w.dot(a, b)),
      exact,
      `dims ${dims}: WebAssembly pair dots exact`,
    );
    t.same(
      pairs.map(([a, b]) => j.dot(a, b)),
      exact,
      `dims ${dims}: JavaScript pair dots exact`,
    );
    t.equal(w.norm(3), int8Norm(data.subarray(3 * dims, 4 * dims)));
  }
  const empty = int8Scanner(int8Block(new Int8Array(0), 100, []), blockOf([new Int8Array(100).fill(3)], 100));
  t.equal(empty.scan(0, floor, new Int32Array(0)), 0, 'no rows: nothing kept');
  t.equal(int8Norm(new Int8Array([3, -4])), 5);
});

t.test(
  'exact cosines of the hits: WebAssembly = JavaScript = the float dot of the unit vectors, bit for bit',
  async (t) => {
    const { dims } = lexicon;
    const vocab = new Vocabulary(lexiconLookups(lexicon));
    const words: string[] = [];
    for (const [w, rank] of lexicon.rank) if (rank < 4000 && words[rank] === undefined) words[rank] = w;
    // Unit vectors exactly as the similarity computes them (Vocabulary's normalised float32 vectors).
    const ranks = (from: number, n: number, step: number) => Array.from({ length: n }, (_, k) => from + k * step);
    const rowRanks = ranks(0, 300, 7),
      queryRanks = ranks(1, 40, 31);
    const ids = [...rowRanks, ...queryRanks].map((r) => vocab.intern(words[r]!, words[r]!, false, false));
    vocab.setDocumentFrequencies(new Array<number>(vocab.keys.length).fill(1), 2);
    const unit = (r: number) => vocab.vec[ids[[...rowRanks, ...queryRanks].indexOf(r)]!]!;
    const rows = int8Block(lexicon.data, dims, rowRanks, (k) => unit(rowRanks[k]!));
    const queries = int8Block(lexicon.data, dims, queryRanks, (k) => unit(queryRanks[k]!));
    const cand = Int32Array.from({ length: 23 }, (_, k) => (k * 13) % rowRanks.length); // not a multiple of the group
    let compared = 0,
      differ = 0;
    for (const useWasm of [true, false]) {
      const scanner = int8Scanner(rows, queries, useWasm),
        out = new Float64Array(cand.length);
      for (let q = 0; q < queryRanks.length; q++) {
        for (const n of [cand.length, 1, 0]) {
          scanner.cosines(q, cand, n, out);
          for (let h = 0; h < n; h++) {
            const a = unit(queryRanks[q]!),
              b = unit(rowRanks[cand[h]!]!);
            let dot = 0;
            for (let d = 0; d < dims; d++) dot += a[d]! * b[d]!;
            compared++;
            if (!Object.is(out[h], dot)) differ++;
          }
        }
      }
    }
    t.ok(compared > 1000, `${compared} cosines`);
    t.equal(differ, 0, 'every cosine bit-identical to the float dot');
    const bare = int8Block(lexicon.data, dims, rowRanks);
    t.throws(() => int8Scanner(bare, queries).cosines(0, cand, 1, new Float64Array(1)), /without float vectors/);
    t.throws(() => int8Scanner(bare, queries, false).cosines(0, cand, 1, new Float64Array(1)), /without float vectors/);
  },
);

t.test(
  'scanners sharing the kernel instance: interleaved use and memory growth give each its own answers',
  async (t) => {
    const { dims } = lexicon;
    const block = (from: number, n: number) =>
      int8Block(
        lexicon.data,
        dims,
        Array.from({ length: n }, (_, k) => from + k * 3),
      );
    const a = block(0, 400),
      b = block(5000, 300),
      q = block(10, 30);
    const out = new Int32Array(20_000);
    const scanAllOf = (s: ReturnType<typeof int8Scanner>) =>
      Array.from({ length: q.rows }, (_, k) => [...out.subarray(0, s.scan(k, floor, out))]);
    const alone = { a: scanAllOf(int8Scanner(a, q, false)), b: scanAllOf(int8Scanner(b, q, false)) };
    const sa = int8Scanner(a, q),
      sb = int8Scanner(b, q);
    const interleaved = { a: [] as number[][], b: [] as number[][] };
    for (let k = 0; k < q.rows; k++) {
      interleaved.a.push([...out.subarray(0, sa.scan(k, floor, out))]);
      interleaved.b.push([...out.subarray(0, sb.scan(k, floor, out))]);
    }
    t.same(interleaved, alone, 'each scanner reloads its blocks when the other used the memory last');
    // A block large enough to grow the shared memory (its buffer is replaced): the first scanner still answers.
    const big = block(0, 8000);
    t.ok(
      scanAllOf(int8Scanner(big, q)).some((l) => l.length > 0),
      'a large block scans',
    );
    t.same(scanAllOf(sa), alone.a, 'an earlier scanner after the memory grew');
    // Past SHARED_SCAN_BYTES a scanner has an instance of its own: same answers, the shared one untouched.
    const huge = block(0, Math.ceil(SHARED_SCAN_BYTES / (8 * dims)));
    const own = int8Scanner(huge, q),
      js = int8Scanner(huge, q, false);
    t.same(scanAllOf(own), scanAllOf(js), 'a block too large to share scans alike');
    t.same(scanAllOf(sb), alone.b, "the shared instance still holds its scanners' blocks");
    t.ok(alone.a.some((l) => l.length > 0) && alone.b.some((l) => l.length > 0), 'both blocks have hits');
  },
);
