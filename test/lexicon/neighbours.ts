import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { PREFILTER_MARGIN, VECTOR_MIN_COSINE } from '../../src/core/match/kernels/cross-side.js';
import {
  decodeNeighbours,
  encodeNeighbours,
  NEIGHBOURS_FILE,
  type Neighbours,
  neighbourPairs,
  neighboursFromPairs,
  type VectorRows,
  vectorsFingerprint,
} from '../../src/lexicon/neighbours.js';
import { unitDot, unitVectorOf } from '../../src/lexicon/unit-vectors.js';
import { defaultLexicon, findLexiconDir, readLexicon } from '../../src/lexicon/vectors.js';

/**
 * The neighbour lists replace the per-compare prefilter scan and exact cosines: a pair missing from them, or a
 * cosine that differs in its last bit, changes compares. They must hold every pair whose cosine reaches the floor,
 * with the cosine the similarity computes (checked here in plain JavaScript over every word, independently of the
 * kernel that built them), be symmetric, and never be used for vectors other than their own.
 */
const lexicon = defaultLexicon()!;
const SCAN = VECTOR_MIN_COSINE - PREFILTER_MARGIN;

/** Every row j ≠ q whose cosine with row q (`unitDot` of the unit vectors) is at least `floor`, with the cosines. */
function bruteForce(lex: VectorRows, q: number, floor: number): { rows: number[]; cosines: number[] } {
  const unit = (k: number) => unitVectorOf(lex.data, lex.scales, lex.dims, k),
    uq = unit(q);
  const rows: number[] = [],
    cosines: number[] = [];
  for (let j = 0; j < lex.scales.length; j++) {
    if (j === q) continue;
    const cos = unitDot(uq, unit(j));
    if (cos >= floor) {
      rows.push(j);
      cosines.push(cos);
    }
  }
  return { rows, cosines };
}

const listOf = (nb: Neighbours, q: number) => ({
  rows: [...nb.rows.subarray(nb.start[q]!, nb.start[q + 1]!)],
  cosines: [...nb.cosines.subarray(nb.start[q]!, nb.start[q + 1]!)],
});

/** A small lexicon of clustered vectors (so that rows have neighbours), deterministic. */
function clustered(count: number, dims: number, seed = 7): VectorRows {
  let s = seed;
  const rnd = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const centres = Array.from({ length: 6 }, () => Array.from({ length: dims }, () => rnd() * 2 - 1));
  const data = new Int8Array(count * dims),
    scales = new Float32Array(count);
  for (let k = 0; k < count; k++) {
    const c = centres[k % centres.length]!,
      noise = k % 5 === 0 ? 3 : 0.4;
    let max = 0;
    for (let d = 0; d < dims; d++) {
      data[k * dims + d] = Math.max(-127, Math.min(127, Math.round((c[d]! + (rnd() * 2 - 1) * noise) * 60)));
      max = Math.max(max, Math.abs(data[k * dims + d]!));
    }
    scales[k] = 1 / (max || 1);
  }
  return { data, scales, dims };
}

t.test(
  'the built lists hold every pair of each sampled word at or above the floor, with its exact cosine, both ways',
  async (t) => {
    const nb = lexicon.neighbours;
    t.ok(nb, 'neighbour lists built with the lexicon and loaded');
    t.equal(nb!.floor, VECTOR_MIN_COSINE);
    // Frequent words (hundreds of neighbours), mid-frequency and rare ones.
    for (const q of [0, 17, 311, 2_500, 19_001, 61_234, 99_999]) {
      const list = listOf(nb!, q);
      t.same(
        list,
        bruteForce(lexicon, q, VECTOR_MIN_COSINE),
        `row ${q}: ${list.rows.length} neighbours, same cosines bit for bit`,
      );
      const v = unitVectorOf(lexicon.data, lexicon.scales, lexicon.dims, q);
      t.equal(nb!.self[q], unitDot(v, v), `row ${q}: its cosine with itself`);
      for (const y of list.rows.slice(0, 50)) {
        if (!listOf(nb!, y).rows.includes(q)) t.fail(`row ${y} lists ${q} back`);
      }
    }
  },
);

t.test('neighbourPairs = the JavaScript pass on a small lexicon, whatever the striping', async (t) => {
  for (const dims of [8, 20, 100]) {
    const lex = clustered(240, dims, dims),
      count = 240;
    const whole = neighbourPairs(lex, SCAN, VECTOR_MIN_COSINE, 0, count);
    t.ok(whole, 'WebAssembly SIMD (Node 20 has it)');
    const nb = neighboursFromPairs(lex, VECTOR_MIN_COSINE, [whole!]);
    let pairs = 0;
    for (let q = 0; q < count; q++) {
      const expected = bruteForce(lex, q, VECTOR_MIN_COSINE);
      pairs += expected.rows.length;
      t.same(listOf(nb, q), expected, `dims ${dims}, row ${q}`);
    }
    t.ok(pairs > count && pairs < count * (count - 1), `dims ${dims}: a real neighbourhood (${pairs} entries)`);
    // Three threads' stripes give the same lists as one pass.
    const striped = [0, 1, 2].map((from) => neighbourPairs(lex, SCAN, VECTOR_MIN_COSINE, from, count, 3)!);
    t.same(neighboursFromPairs(lex, VECTOR_MIN_COSINE, striped), nb, `dims ${dims}: striped = whole`);
  }
});

t.test('neighboursFromPairs: symmetric, ascending, without the row itself, cosines kept with their rows', async (t) => {
  const lex = clustered(5, 4);
  const nb = neighboursFromPairs(lex, 0.5, [
    { pairs: Uint32Array.of(0, 3, 1, 2), cosines: Float64Array.of(0.7, 0.8) },
    { pairs: Uint32Array.of(0, 1, 3, 4, 0, 2), cosines: Float64Array.of(0.6, 0.9, 0.65) },
  ]);
  t.same(
    [0, 1, 2, 3, 4].map((x) => listOf(nb, x)),
    [
      { rows: [1, 2, 3], cosines: [0.6, 0.65, 0.7] },
      { rows: [0, 2], cosines: [0.6, 0.8] },
      { rows: [0, 1], cosines: [0.65, 0.8] },
      { rows: [0, 4], cosines: [0.7, 0.9] },
      { rows: [3], cosines: [0.9] },
    ],
  );
  t.equal(neighboursFromPairs(lex, 0.5, []).rows.length, 0, 'no pairs: empty lists');
});

t.test('the file: round trip, and lists of other vectors or a damaged file are refused', async (t) => {
  const lex = clustered(4, 8);
  const nb = neighboursFromPairs(lex, VECTOR_MIN_COSINE, [
    { pairs: Uint32Array.of(0, 1, 2, 3, 1, 3), cosines: Float64Array.of(0.61, 0.7, 0.99) },
  ]);
  const bytes = encodeNeighbours(nb);
  t.same(decodeNeighbours(bytes, lex.scales), nb, 'round trip');
  // At an odd offset in a larger buffer (as a Buffer from readFileSync may be).
  const shifted = new Uint8Array(bytes.length + 1);
  shifted.set(bytes, 1);
  t.same(decodeNeighbours(shifted.subarray(1), lex.scales), nb, 'unaligned bytes');
  const other = lex.scales.slice();
  other[3] = other[3]! * 2;
  t.equal(decodeNeighbours(bytes, other), null, 'other vectors (fingerprint)');
  t.equal(decodeNeighbours(bytes, lex.scales.subarray(0, 3)), null, 'another row count');
  t.equal(decodeNeighbours(bytes.subarray(0, bytes.length - 4), lex.scales), null, 'truncated');
  t.equal(decodeNeighbours(bytes.subarray(0, 10), lex.scales), null, 'header only');
  const bad = bytes.slice();
  bad[0] = 0x58;
  t.equal(decodeNeighbours(bad, lex.scales), null, 'not a neighbours file');
  const wrongTotal = bytes.slice();
  new DataView(wrongTotal.buffer).setUint32(wrongTotal.length - 3 * 4 - 4 * 4, 1, true);
  t.equal(decodeNeighbours(wrongTotal, lex.scales), null, 'starts that do not add up');
  t.not(
    vectorsFingerprint(lex.scales),
    vectorsFingerprint(Float32Array.of(...[...lex.scales].reverse())),
    'the fingerprint sees order',
  );
});

t.test('readLexicon loads the lists next to the vectors, and ignores stale ones', async (t) => {
  const src = findLexiconDir()!;
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  for (const f of ['vectors.bin', 'words.txt']) writeFileSync(join(dir, f), readFileSync(join(src, f)));
  t.equal(readLexicon(dir).neighbours, null, 'no file: no lists (the compare scans)');
  const lex = readLexicon(dir);
  writeFileSync(join(dir, NEIGHBOURS_FILE), encodeNeighbours(neighboursFromPairs(lex, VECTOR_MIN_COSINE, [])));
  t.equal(readLexicon(dir).neighbours?.rows.length, 0, 'lists of these vectors: loaded');
  const other = { ...lex, scales: lex.scales.slice() };
  other.scales[0] = other.scales[0]! * 2;
  writeFileSync(join(dir, NEIGHBOURS_FILE), encodeNeighbours(neighboursFromPairs(other, VECTOR_MIN_COSINE, [])));
  t.equal(readLexicon(dir).neighbours, null, 'lists of other vectors: ignored');
});

t.test('readLexicon refuses a vectors file that is not a whole built one', async (t) => {
  const vectors = readFileSync(join(findLexiconDir()!, 'vectors.bin'));
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty', new Uint8Array(0), /not a WVEC v2 file/],
    ['a header cut short', vectors.subarray(0, 10), /not a WVEC v2 file/],
    ['another format', Buffer.concat([Buffer.from('WNBR'), vectors.subarray(4)]), /not a WVEC v2 file/],
    ['cut in the vectors', vectors.subarray(0, vectors.length - 100), /truncated/],
  ];
  for (const [name, bytes, message] of cases) {
    const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
    writeFileSync(join(dir, 'vectors.bin'), bytes);
    writeFileSync(join(dir, 'words.txt'), 'the\nof\n');
    t.throws(() => readLexicon(dir), message, name);
  }
});

t.test('the vectors and the lists are views of the files read once into shared memory', async (t) => {
  const lex = readLexicon(findLexiconDir()!);
  t.equal(lex.scales.buffer, lex.data.buffer, 'scales and vectors: one read of vectors.bin');
  t.ok(lex.data.buffer instanceof SharedArrayBuffer);
  t.equal(lex.neighbours?.rows.buffer, lex.neighbours?.cosines.buffer, 'the lists: one read of their file');
  t.same(
    readLexicon(findLexiconDir()!).data.subarray(0, 1000),
    defaultLexicon()!.data.subarray(0, 1000),
    'the same vectors as the process-wide lexicon',
  );
});
