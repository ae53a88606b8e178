import { type Int8Block, int8Block, int8Scanner } from '../../../lexicon/int8-scan.js';
import type { Neighbours } from '../../../lexicon/neighbours.js';
import { stringSim } from '../../terms/word-forms.js';
import { type CrossTable, setSim } from './cross-table.js';

/**
 * Filling the cross table of one compare from its two sides' terms, each prepared on its own as a
 * `CrossSide`: what depends on one side only (its terms' lexicon rows, its first-letter buckets, and, when a
 * compare has to scan, its vectors' int8 rows, norms and unit vectors) is a pure function of that side's terms
 * and their vectors, so a text's side is built once and kept with its analysis (terms/vocabulary.ts `TextTerms`)
 * instead of being rebuilt by every compare. Which words are near-synonyms comes from the lexicon's neighbour
 * lists, computed once at build time (`neighbours.ts`); the scan is for lexicons without them.
 */

/** Word-vector cosine below which two different words are not counted as carrying the same meaning.
 *  In the 100-d GloVe space, unrelated news words sit at 0.1–0.4 and near-synonyms/inflections at 0.6–0.9
 *  (e.g. shift/change, talks/negotiations); 0.55 keeps topical associates (war/peace) out. */
export const VECTOR_MIN_COSINE = 0.6;

/** The prefilter keeps int8 cosines down to this much below VECTOR_MIN_COSINE. The float cosine `rawSim`
 *  computes differs from the int8 one only by float32 rounding of the normalised components (< 1e-6), so no
 *  pair at or above the floor is ever lost; the margin only admits a few extra pairs to the exact check. */
export const PREFILTER_MARGIN = 1e-4;

/** Linear from 0 at the floor to 1 at identity: only near-synonyms get substantial credit. */
export function cosineCredit(cos: number): number {
  return cos >= VECTOR_MIN_COSINE ? (cos - VECTOR_MIN_COSINE) / (1 - VECTOR_MIN_COSINE) : 0;
}

/**
 * One side's distinct terms (positions 0..n-1, numbers left out) as the table fill reads them: each position's
 * lexicon row, the positions with a vector (block row k is position `withVec[k]`), their int8 rows, norms and
 * unit vectors (the prefilter's block and queries, the exact cosines' operands), and the positions of keys of 6+
 * letters by first UTF-16 code unit (spelling variants and word families need both words that long, with one
 * first letter).
 */
export interface CrossSide {
  rows: Int32Array;
  withVec: Int32Array;
  /** Block row k: the int8 row, norm and unit vector of position withVec[k] (null without a lexicon); made on
   *  first use (`sideBlock`): a compare with the lexicon's neighbour lists never needs it. */
  block?: Int8Block | null;
  buckets: Map<number, number[]>;
  /** The lexicon's neighbour lists, when they hold every pair the similarity counts. */
  neighbours: Neighbours | null;
  /** What the block is made from. */
  source: Int8Array | null;
  dims: number;
  unit: (row: number) => Float32Array;
}

/**
 * The `CrossSide` of the terms with keys `keys` and lexicon rows `rows` (-1: no vector), position by position.
 * @param source the lexicon's int8 rows (`dims` components each); null without a lexicon
 * @param unit the unit vector of a lexicon row (the float vector the exact cosine is computed from)
 * @param neighbours the lexicon's neighbour lists, if built
 */
export function crossSide(
  keys: readonly string[],
  rows: Int32Array,
  source: Int8Array | null,
  dims: number,
  unit: (row: number) => Float32Array,
  neighbours: Neighbours | null = null,
): CrossSide {
  const withVec: number[] = [];
  const buckets = new Map<number, number[]>();
  keys.forEach((key, p) => {
    if (rows[p]! >= 0) withVec.push(p);
    if (key.length < 6) return;
    const b = buckets.get(key.charCodeAt(0));
    if (b) b.push(p);
    else buckets.set(key.charCodeAt(0), [p]);
  });
  return {
    rows,
    withVec: Int32Array.from(withVec),
    buckets,
    source,
    dims,
    unit,
    neighbours: neighbours && neighbours.floor <= VECTOR_MIN_COSINE ? neighbours : null,
  };
}

/** The side's block (made once). */
function sideBlock(side: CrossSide): Int8Block | null {
  if (side.block === undefined) {
    const at = Array.from(side.withVec, (p) => side.rows[p]!);
    side.block = side.source ? int8Block(side.source, side.dims, at, (k) => side.unit(at[k]!)) : null;
  }
  return side.block;
}

/**
 * Fills `t` with every similarity between the original side's terms `o` (table row i is o[i], prepared as `os`)
 * and the rewrite side's `r` (column j, `rs`), as `Vocabulary.rawSim` computes them pair by pair, with the same
 * answers bit for bit. Vector similarities: with the lexicon's neighbour lists, each original word's listed
 * neighbours found among the rewrite side's words, with the cosines stored beside them (computed at build by the
 * same arithmetic as `rawSim`); without them, an exact int8 prefilter (`int8-scan.ts`: the integer dot of the
 * quantised vectors, SIMD WebAssembly) keeps the few percent of pairs whose cosine can reach the
 * floor, and only those get the float dot of `rawSim` (float32 components multiplied in double precision and
 * summed in the same order: `Int8Scanner.cosines`, WebAssembly too). The string checks (variant, family) run only
 * on pairs sharing a first letter, found through the buckets, and a string similarity replaces a vector one as
 * in `rawSim`.
 * @param keys every term's key, by term id (the ids in `o` and `r`)
 */
export function fillCross(
  t: CrossTable,
  keys: readonly string[],
  o: ArrayLike<number>,
  os: CrossSide,
  r: ArrayLike<number>,
  rs: CrossSide,
  buffers = new FillBuffers(),
): void {
  const { cols, row, col } = t,
    rCount = r.length,
    oCount = o.length;
  // With the lexicon's neighbour lists, a word's similar words and their cosines are looked up (no vectors needed);
  // else the prefilter scans the other side's block.
  const nb = os.neighbours && os.neighbours === rs.neighbours ? os.neighbours : null;
  const lookup = nb ? rowLookup(rs, nb.start.length - 1, buffers) : null;
  const qb = nb ? null : sideBlock(os),
    rb = nb ? null : sideBlock(rs);
  const scanner = qb && rb?.rows && qb.rows ? int8Scanner(rb, qb) : null;
  const n = scanner ? rs.withVec.length : 0;
  const hits = new Int32Array(n),
    cand = new Int32Array(n),
    cos = new Float64Array(n);
  // A term on both sides meets every other such term twice, as (x, y) and as (y, x); the similarity is
  // symmetric (bit for bit: the same products summed in the same order), so only x < y is computed: column j
  // is skipped for x when skipKey[j] <= limit(x), skipKey[j] = r[j] for a term also on the original side (else
  // never), limit(x) = x for a term also on the rewrite side (else -1): that is, r[j] === x, or both terms are
  // on both sides and r[j] < x.
  const skipKey = new Int32Array(rCount).fill(0x7fffffff),
    otherRow = new Int32Array(rCount);
  for (let j = 0; j < rCount; j++) {
    const i = row[r[j]!]!;
    if (i >= 0 && i < oCount) {
      skipKey[j] = r[j]!;
      otherRow[j] = i * cols;
    }
  }
  let k = 0; // block row of the query side for position i
  for (let i = 0; i < oCount; i++) {
    const x = o[i]!,
      cx = col[x]!,
      mirrored = cx >= 0 && cx < rCount,
      base = i * cols,
      limit = mirrored ? x : -1;
    // Row i holds x's similarity to every r[j] (column j); a pair of terms on both sides also fills (y, x).
    const touch = (j: number, s: number) => {
      if (s <= 0) return;
      setSim(t, base + j, s);
      if (mirrored && skipKey[j] !== 0x7fffffff) setSim(t, otherRow[j]! + cx, s);
    };
    const rx = os.rows[i]!;
    if (rx >= 0 && lookup) {
      // Its own row (another term with the same vector), then its listed neighbours on the other side.
      const { first, next } = lookup,
        listCos = nb!.cosines;
      for (let b = first[rx]!; b >= 0; b = next[b]!)
        if (skipKey[rs.withVec[b]!]! > limit) touch(rs.withVec[b]!, cosineCredit(nb!.self[rx]!));
      const found = listedOnSide(nb!, rx, lookup, buffers),
        foundAt = buffers.foundAt;
      for (let h = 0; h < found; h += 2) {
        const j = rs.withVec[foundAt[h]!]!;
        if (skipKey[j]! > limit) touch(j, cosineCredit(listCos[foundAt[h + 1]!]!));
      }
    } else if (rx >= 0) {
      if (scanner) {
        const hit = scanner.scan(k, VECTOR_MIN_COSINE - PREFILTER_MARGIN, hits);
        let m = 0;
        for (let h = 0; h < hit; h++) if (skipKey[rs.withVec[hits[h]!]!]! > limit) cand[m++] = hits[h]!;
        scanner.cosines(k, cand, m, cos);
        for (let h = 0; h < m; h++) touch(rs.withVec[cand[h]!]!, cosineCredit(cos[h]!));
      }
      k++;
    }
    // Variants and families share their first letter: only that bucket needs the string checks.
    const kx = keys[x]!;
    if (kx.length >= 6)
      for (const j of rs.buckets.get(kx.charCodeAt(0)) ?? [])
        if (skipKey[j]! > limit) touch(j, stringSim(kx, keys[r[j]!]!));
  }
  if (lookup) for (const row of rs.rows) if (row >= 0) lookup.first[row] = -1;
}

/**
 * Row x's neighbours on the side of `lookup`, into `foundAt` as pairs (block row, place in the lists); returns
 * 2 × how many. Most neighbours are not on the side: its bitmap, small enough to stay in the cache, says so before
 * the lexicon-wide `first` is read. (A small function of its own: the walk is the hot loop of the fill, and V8
 * compiles it tighter alone than inside the fill with its closure.)
 */
function listedOnSide(nb: Neighbours, x: number, { first, next, bits }: RowLookup, buffers: FillBuffers): number {
  const list = nb.rows,
    end = nb.start[x + 1]!,
    length = end - nb.start[x]!;
  // Room for every neighbour once (one that two terms share is found twice: then it grows).
  if (buffers.foundAt.length < 2 * length) buffers.foundAt = new Int32Array(2 * length);
  let foundAt = buffers.foundAt,
    m = 0;
  for (let q = nb.start[x]!; q < end; q++) {
    const y = list[q]!;
    if (!((bits[y >>> 5]! >>> (y & 31)) & 1)) continue;
    for (let b = first[y]!; b >= 0; b = next[b]!) {
      if (m + 2 > foundAt.length) {
        const grown = new Int32Array(foundAt.length * 2);
        grown.set(foundAt);
        buffers.foundAt = foundAt = grown;
      }
      foundAt[m++] = b;
      foundAt[m++] = q;
    }
  }
  return m;
}

/** What filling reuses from table to table, grown as needed. */
export class FillBuffers {
  /** A row's neighbours found on the other side, as pairs (block row, place in the lists). */
  foundAt = new Int32Array(1024);
  /** `RowLookup.first` over the whole lexicon, all -1 between uses. */
  firstBlockRow: Int32Array | null = null;
}

interface RowLookup {
  first: Int32Array;
  next: Int32Array;
  bits: Int32Array;
}

/**
 * Which block rows of a side hold lexicon row x: first[x], then next[b] after block row b (-1: no more; two terms
 * can share a row); bit x of `bits` is set when there is one. `first` spans the whole lexicon and is kept in
 * `buffers` from table to table: it is reset to all -1 after each use (by the side's own rows), so that setting it
 * up costs the side's size, not the lexicon's.
 */
function rowLookup(side: CrossSide, rows: number, buffers: FillBuffers): RowLookup {
  if (!buffers.firstBlockRow || buffers.firstBlockRow.length < rows)
    buffers.firstBlockRow = new Int32Array(rows).fill(-1);
  const first = buffers.firstBlockRow,
    next = new Int32Array(side.withVec.length),
    bits = new Int32Array((rows + 31) >>> 5);
  for (let b = side.withVec.length - 1; b >= 0; b--) {
    const row = side.rows[side.withVec[b]!]!;
    next[b] = first[row]!;
    first[row] = b;
    bits[row >>> 5]! |= 1 << (row & 31);
  }
  return { first, next, bits };
}
