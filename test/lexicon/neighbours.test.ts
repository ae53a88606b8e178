import t from 'tap';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeNeighbours, encodeNeighbours, neighbourPairs, neighboursFromPairs, vectorsFingerprint, NEIGHBOURS_FILE,
  type Neighbours } from '../../src/lexicon/neighbours.js';
import { int8Block, int8Scanner } from '../../src/lexicon/int8-scan.js';
import { defaultLexicon, findLexiconDir, readLexicon } from '../../src/lexicon/vectors.js';
import { NEIGHBOUR_FLOOR, VECTOR_MIN_COSINE } from '../../src/core/cross-side.js';

/**
 * The neighbour lists replace the per-compare prefilter scan: a pair missing from them is a similarity lost from
 * every compare. They must hold every pair the scan keeps (in JavaScript, independently of the kernel that built
 * them), be symmetric, and never be used for vectors other than their own.
 */
const lexicon = defaultLexicon()!;

/** Every row j ≠ q whose int8 cosine with row q is at least `floor` (the JavaScript scan of int8-scan.ts). */
function bruteForce(data: Int8Array, dims: number, count: number, q: number, floor: number): number[] {
  const all = Array.from({ length: count }, (_, k) => k);
  const scanner = int8Scanner(int8Block(data, dims, all), int8Block(data, dims, [q]), false);
  const out = new Int32Array(count);
  return [...out.subarray(0, scanner.scan(0, floor, out))].filter((j) => j !== q);
}

/** A small lexicon of clustered vectors (so that rows have neighbours), deterministic. */
function clustered(count: number, dims: number, seed = 7): Int8Array {
  let s = seed;
  const rnd = () => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return s / 2 ** 32; };
  const centres = Array.from({ length: 6 }, () => Array.from({ length: dims }, () => rnd() * 2 - 1));
  const data = new Int8Array(count * dims);
  for (let k = 0; k < count; k++) {
    const c = centres[k % centres.length]!, noise = k % 5 === 0 ? 3 : 0.4;
    for (let d = 0; d < dims; d++) data[k * dims + d] = Math.max(-127, Math.min(127, Math.round((c[d]! + (rnd() * 2 - 1) * noise) * 60)));
  }
  return data;
}

t.test('the built lists hold exactly the prefilter hits of each sampled word, both ways', async (t) => {
  const nb = lexicon.neighbours;
  t.ok(nb, 'neighbour lists built with the lexicon and loaded');
  t.equal(nb!.floor, NEIGHBOUR_FLOOR);
  t.ok(NEIGHBOUR_FLOOR < VECTOR_MIN_COSINE, 'below the similarity floor');
  const { data, dims, vectorCount } = lexicon;
  // Frequent words (hundreds of neighbours), mid-frequency and rare ones.
  for (const q of [0, 17, 311, 2_500, 19_001, 61_234, 99_999]) {
    const list = [...nb!.rows.subarray(nb!.start[q]!, nb!.start[q + 1]!)];
    t.same(list, bruteForce(data, dims, vectorCount, q, NEIGHBOUR_FLOOR), `row ${q}: ${list.length} neighbours`);
    for (const y of list.slice(0, 50)) {
      const back = nb!.rows.subarray(nb!.start[y]!, nb!.start[y + 1]!);
      if (!back.includes(q)) t.fail(`row ${y} lists ${q} back`);
    }
  }
});

t.test('neighbourPairs = the JavaScript scan on a small lexicon, whatever the striping', async (t) => {
  for (const dims of [8, 20, 100]) {
    const count = 240, data = clustered(count, dims, dims);
    const whole = neighbourPairs(data, dims, count, NEIGHBOUR_FLOOR, 0, count);
    t.ok(whole, 'WebAssembly SIMD (Node 20 has it)');
    const nb = neighboursFromPairs(count, NEIGHBOUR_FLOOR, 1, [whole!]);
    let pairs = 0;
    for (let q = 0; q < count; q++) {
      const expected = bruteForce(data, dims, count, q, NEIGHBOUR_FLOOR);
      pairs += expected.length;
      t.same([...nb.rows.subarray(nb.start[q]!, nb.start[q + 1]!)], expected, `dims ${dims}, row ${q}`);
    }
    t.ok(pairs > count && pairs < count * (count - 1), `dims ${dims}: a real neighbourhood (${pairs} entries)`);
    // Three threads' stripes give the same lists as one pass.
    const striped = [0, 1, 2].map((from) => neighbourPairs(data, dims, count, NEIGHBOUR_FLOOR, from, count, 3)!);
    t.same(neighboursFromPairs(count, NEIGHBOUR_FLOOR, 1, striped), nb, `dims ${dims}: striped = whole`);
  }
});

t.test('neighboursFromPairs: symmetric, ascending, without the row itself', async (t) => {
  const nb = neighboursFromPairs(5, 0.5, 9, [Uint32Array.of(0, 3, 1, 2), Uint32Array.of(0, 1, 3, 4, 0, 2)]);
  const lists = [0, 1, 2, 3, 4].map((x) => [...nb.rows.subarray(nb.start[x]!, nb.start[x + 1]!)]);
  t.same(lists, [[1, 2, 3], [0, 2], [0, 1], [0, 4], [3]]);
  t.same(neighboursFromPairs(3, 0.5, 9, []).rows.length, 0, 'no pairs: empty lists');
});

t.test('the file: round trip, and lists of other vectors or a damaged file are refused', async (t) => {
  const scales = Float32Array.of(0.01, 0.02, 0.03, 0.04);
  const nb: Neighbours = neighboursFromPairs(4, NEIGHBOUR_FLOOR, vectorsFingerprint(scales), [Uint32Array.of(0, 1, 2, 3, 1, 3)]);
  const bytes = encodeNeighbours(nb);
  t.same(decodeNeighbours(bytes, scales), nb, 'round trip');
  // At an odd offset in a larger buffer (as a Buffer from readFileSync may be).
  const shifted = new Uint8Array(bytes.length + 1);
  shifted.set(bytes, 1);
  t.same(decodeNeighbours(shifted.subarray(1), scales), nb, 'unaligned bytes');
  t.equal(decodeNeighbours(bytes, Float32Array.of(0.01, 0.02, 0.03, 0.05)), null, 'other vectors (fingerprint)');
  t.equal(decodeNeighbours(bytes, Float32Array.of(0.01, 0.02, 0.03)), null, 'another row count');
  t.equal(decodeNeighbours(bytes.subarray(0, bytes.length - 4), scales), null, 'truncated');
  t.equal(decodeNeighbours(bytes.subarray(0, 10), scales), null, 'header only');
  const bad = bytes.slice(); bad[0] = 0x58;
  t.equal(decodeNeighbours(bad, scales), null, 'not a neighbours file');
  t.not(vectorsFingerprint(scales), vectorsFingerprint(Float32Array.of(0.01, 0.02, 0.04, 0.03)), 'the fingerprint sees order');
});

t.test('readLexicon loads the lists next to the vectors, and ignores stale ones', async (t) => {
  const src = findLexiconDir()!;
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  for (const f of ['vectors.bin', 'words.txt']) writeFileSync(join(dir, f), readFileSync(join(src, f)));
  t.equal(readLexicon(dir).neighbours, null, 'no file: no lists (the compare scans)');
  const scales = readLexicon(dir).scales;
  writeFileSync(join(dir, NEIGHBOURS_FILE), encodeNeighbours(neighboursFromPairs(scales.length, NEIGHBOUR_FLOOR, vectorsFingerprint(scales), [])));
  t.equal(readLexicon(dir).neighbours?.rows.length, 0, 'lists of these vectors: loaded');
  const other = scales.slice(); other[0] = other[0]! * 2;
  writeFileSync(join(dir, NEIGHBOURS_FILE), encodeNeighbours(neighboursFromPairs(scales.length, NEIGHBOUR_FLOOR, vectorsFingerprint(other), [])));
  t.equal(readLexicon(dir).neighbours, null, 'lists of other vectors: ignored');
});
