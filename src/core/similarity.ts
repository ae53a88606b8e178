import type { Lexicon } from '../lexicon/vectors.js';
import { int8Norm, int8Rows, int8Scanner, type Int8Rows } from '../lexicon/int8-scan.js';
import type { ClaimTerms } from './tokens.js';

/**
 * Meaning-aware similarity of two claims, after Mihalcea, Corley & Strapparava (2006), "Corpus-based and
 * knowledge-based measures of text semantic similarity": every content word of one claim is matched to its most
 * similar word in the other (same lemma, spelling variant, or word-vector neighbour) and the matches are
 * averaged with IDF weights. Directional scores say how much of one claim's content the other carries.
 */

/** Word-vector cosine below which two different words are not counted as carrying the same meaning.
 *  In the 100-d GloVe space, unrelated news words sit at 0.1–0.4 and near-synonyms/inflections at 0.6–0.9
 *  (e.g. shift/change, talks/negotiations); 0.55 keeps topical associates (war/peace) out. */
export const VECTOR_MIN_COSINE = 0.6;
/** Credit for a spelling variant (one edit on a word of 6+ letters: Zelensky/Zelenskyy). */
export const VARIANT_CREDIT = 0.9;
/** Zipf background IDF: idf(w) = log(1 + (rank + 1) / ZIPF_CORE), where ZIPF_CORE ≈ the size of the
 *  function-word core of English (the ~50 most frequent words get weight < 1). */
export const ZIPF_CORE = 50;
/** Prior strength (in claims) of the in-document IDF factor: with few claims (a single-sentence pair) the
 *  document statistics say nothing, so the factor shrinks to 1. */
export const LOCAL_IDF_PRIOR = 10;

/** Prior mass (in background-IDF units, ≈ one mid-frequency content word) added to a claim's weight. */
export const SHORT_CLAIM_PRIOR = 2;

/** Interned terms of one compare: per-key weight, vector and flags, shared by both sides. */
export class Vocabulary {
  readonly keys: string[] = [];
  readonly lemmas: string[] = [];
  readonly isName: boolean[] = [];
  readonly isNumber: boolean[] = [];
  readonly bg: number[] = [];
  readonly vec: (Float32Array | null)[] = [];
  /** Row of each term's vector in the lexicon (its frequency rank), -1 without a vector. */
  private readonly vecRow: number[] = [];
  /** Frequency rank of each term's lemma and of its key when known from its text's `TextTerms` (-1: not ranked),
   *  -2 when not known yet (looked up by `finalize`). */
  private readonly lemmaRank: number[] = [];
  private readonly keyRank: number[] = [];
  weight: number[] = [];
  private readonly ids = new Map<string, number>();

  constructor(private readonly lexicon: Lexicon | null) {}

  /**
   * The id of a key, interning it on first sight. Attributes are merged order-independently (the same answer
   * whichever text is read first): the lemma is the alphabetically first seen, a term is a name only if every
   * occurrence is a proper noun (a capitalised sentence opener is sometimes tagged PROPN), a number if any is.
   * Background weight and vector are computed from the merged attributes by `finalize`.
   */
  intern(key: string, lemma: string, name: boolean, number: boolean, lemmaRank = -2, keyRank = -2): number {
    let id = this.ids.get(key);
    if (id !== undefined) {
      if (lemma < this.lemmas[id]!) { this.lemmas[id] = lemma; this.lemmaRank[id] = lemmaRank; }
      this.isName[id] = this.isName[id]! && name;
      this.isNumber[id] = this.isNumber[id]! || number;
      return id;
    }
    id = this.keys.length;
    this.ids.set(key, id);
    this.keys.push(key); this.lemmas.push(lemma); this.isName.push(name); this.isNumber.push(number);
    this.bg.push(0); this.vec.push(null); this.vecRow.push(-1); this.lemmaRank.push(lemmaRank); this.keyRank.push(keyRank);
    return id;
  }

  /**
   * Interns a text's terms (`textTerms`, cached with the text's analysis) and returns its claims' vectors: the
   * same ids, attributes and vectors as `toClaimVector` on each claim in turn, from the text's distinct keys
   * (first-occurrence order, so ids are assigned in the same order) and its claims' key-ordered term lists.
   */
  internText(tt: TextTerms): ClaimVector[] {
    const lex = this.lexicon;
    if (lex && tt.ranks?.lexicon !== lex) {
      const rank = (w: string) => lex.rank.get(w) ?? -1;
      tt.ranks = { lexicon: lex, lemma: Int32Array.from(tt.lemmas, rank), key: Int32Array.from(tt.keys, rank) };
    }
    const ranks = lex ? tt.ranks : undefined;
    const ids = new Int32Array(tt.keys.length);
    for (let k = 0; k < ids.length; k++) {
      ids[k] = this.intern(tt.keys[k]!, tt.lemmas[k]!, tt.names[k]!, tt.numbers[k]!, ranks ? ranks.lemma[k]! : -2, ranks ? ranks.key[k]! : -2);
    }
    return tt.claims.map((c, i) => {
      const out = new Array<number>(c.length);
      for (let k = 0; k < c.length; k++) out[k] = ids[c[k]!]!;
      return { ids: out, words: tt.words[i]! };
    });
  }

  /** Computes background weights and vectors of the terms interned since the last call. */
  private finalize(): void {
    const lex = this.lexicon;
    for (let id = this.finalized; id < this.keys.length; id++) {
      const key = this.keys[id]!, lemma = this.lemmas[id]!;
      let rank: number | undefined;
      if (lex) {
        // lex.rank.get(lemma) ?? lex.rank.get(key), from the text's cached look-ups when there are some.
        const lr = this.lemmaRank[id]! === -2 ? lex.rank.get(lemma) ?? -1 : this.lemmaRank[id]!;
        rank = lr >= 0 ? lr : this.keyRank[id]! === -2 ? lex.rank.get(key) : this.keyRank[id]! >= 0 ? this.keyRank[id]! : undefined;
      }
      this.bg[id] = Math.log(1 + ((rank ?? lex?.size ?? 100_000) + 1) / ZIPF_CORE);
      let v: Float32Array | null = null;
      if (lex && rank !== undefined && rank < lex.vectorCount && !this.isNumber[id]) {
        v = unitVector(lex, rank);
        this.vecRow[id] = rank;
      }
      this.vec[id] = v;
    }
    this.finalized = this.keys.length;
  }
  private finalized = 0;

  /**
   * Sets each term's weight = background IDF × in-document IDF, where the in-document factor
   * log((N+1)/df)/log(N+1) (shrunk towards 1 with LOCAL_IDF_PRIOR) discounts the topic words that both
   * texts repeat everywhere ("Trump", "Ukraine" in a Ukraine story): same-topic text shares them by topic,
   * not by derivation.
   */
  setDocumentFrequencies(df: number[], claims: number): void {
    this.finalize();
    const n = claims, logN = Math.log(n + 1);
    this.weight = this.bg.map((bg, id) => {
      const local = logN > 0 ? Math.log((n + 1) / Math.max(1, df[id] ?? 1)) / logN : 1;
      const factor = (n * local + LOCAL_IDF_PRIOR) / (n + LOCAL_IDF_PRIOR);
      return bg * factor;
    });
  }

  /** Similarity of two terms, 0..1: same key 1, spelling variant 0.9, else word-vector cosine above the floor. */
  termSim(a: number, b: number): number {
    if (a === b) return 1;
    if (this.isNumber[a] || this.isNumber[b]) return 0;
    const known = this.cross ? crossSim(this.cross, a, b) : -1;
    return known >= 0 ? known : this.rawSim(a, b);
  }

  /**
   * Term similarity computed afresh (a ≠ b, neither a number). Not cached: with the int8 prefilter a pair costs
   * ~30 ns, less than a lookup in a per-term Map cache did (which was most of the long-text lazy path's time).
   */
  private rawSim(a: number, b: number): number {
    const str = stringSim(this.keys[a]!, this.keys[b]!);
    if (str > 0) return str;
    const va = this.vec[a], vb = this.vec[b];
    if (!va || !vb) return 0;
    // The exact int8 prefilter of `prepareCross`, pair by pair: ~98% of pairs stop here.
    const rows = lexiconRows(this.lexicon!), ia = this.vecRow[a]!, ib = this.vecRow[b]!;
    if (rows.dot(ia, ib) < (VECTOR_MIN_COSINE - PREFILTER_MARGIN) * rows.norm(ia) * rows.norm(ib)) return 0;
    let dot = 0;
    for (let d = 0; d < va.length; d++) dot += va[d]! * vb[d]!;
    return cosineCredit(dot);
  }

  /** The distinct ids in order of first occurrence (as `[...new Set(ids)]`, with a marker array instead of a Set). */
  private distinct(ids: Iterable<number>): number[] {
    const seen = new Uint8Array(this.keys.length), out: number[] = [];
    for (const id of ids) if (!seen[id]) { seen[id] = 1; out.push(id); }
    return out;
  }

  /** Every cross-side term pair's similarity (set by `prepareCross`). */
  cross: CrossTable | null = null;

  /**
   * Precomputes, for every term of one side, its similar terms on the other side: one similarity per distinct
   * cross-side term pair (|Vo|·|Vr|, done only when at most CROSS_PAIRS_MAX), after which scoring a claim pair
   * costs |A|·|B| lookups in a dense table instead of |A|·|B| similarity computations.
   * Fast path of `rawSim` with the same answers: an exact int8 prefilter (`int8-scan.ts`: the integer dot of
   * the quantised vectors, SIMD WebAssembly, ~9 ns a pair) keeps the ~1–2% of pairs whose cosine can reach
   * the floor, and only those get the float dot of `rawSim` (the rewrite side's vectors packed into one
   * Float64Array: the float32 components converted exactly, summed in the same order, so every cosine is
   * bit-identical); the string checks (variant, family) run only on pairs sharing a first letter (found
   * through buckets rather than by testing every pair), and the table is one typed array (no per-term Maps:
   * it is rebuilt on every compare, and Maps were a large share of the garbage collector's work).
   */
  prepareCross(originalIds: Iterable<number>, rewriteIds: Iterable<number>): boolean {
    const oAll = this.distinct(originalIds), rAll = this.distinct(rewriteIds);
    const o = oAll.filter((x) => !this.isNumber[x]), r = rAll.filter((x) => !this.isNumber[x]);
    if (o.length * r.length > CROSS_PAIRS_MAX) return false;
    this.finalize();
    const lex = this.lexicon, dims = lex?.dims ?? 0;
    // Rewrite-side vectors, packed: row j of `rvec` is r[j]'s vector; `withVec` lists the j that have one, and
    // `block` holds their int8 rows (row k = r[withVec[k]]) for the prefilter.
    const rvec = new Float64Array(r.length * dims), withVec: number[] = [];
    const buckets = new Map<string, number[]>();
    r.forEach((y, j) => {
      const v = this.vec[y];
      if (v) { withVec.push(j); rvec.set(v, j * dims); }
      // isVariant and sameFamily both need two words of 6+ letters (sameFamily: a shared 6-letter prefix).
      const ky = this.keys[y]!;
      if (ky.length < 6) return;
      const b = buckets.get(ky[0]!);
      if (b) b.push(j); else buckets.set(ky[0]!, [j]);
    });
    const block = new Int8Array(withVec.length * dims);
    if (lex) withVec.forEach((j, k) => { const at = this.vecRow[r[j]!]! * dims; block.set(lex.data.subarray(at, at + dims), k * dims); });
    const scanner = lex && withVec.length ? int8Scanner(block, dims, withVec.length) : null;
    const hits = new Int32Array(withVec.length);
    // A term on both sides meets every other such term twice, as (x, y) and as (y, x); the similarity is
    // symmetric (bit for bit: the same products summed in the same order), so only x < y is computed.
    const inO = new Set(o), rInO = new Uint8Array(r.length);
    r.forEach((y, j) => { if (inO.has(y)) rInO[j] = 1; });
    const rSet = new Set(r);
    const a = new Float64Array(dims), cand = new Int32Array(withVec.length);
    const table = crossTable(this.keys.length, oAll, rAll, o, r), { cols } = table;
    // Only x < y for a pair of terms on both sides (the mirrored pair (y, x) is the same pair).
    const skip = (x: number, j: number, mirrored: boolean) => r[j] === x || (mirrored && rInO[j] === 1 && r[j]! < x);
    o.forEach((x, i) => {
      const va = this.vec[x], mirrored = rSet.has(x), base = i * cols;
      // Row i holds x's similarity to every r[j] (column j); a pair of terms on both sides also fills (y, x).
      const touch = (j: number, s: number) => {
        if (s <= 0) return;
        setSim(table, base + j, s);
        if (mirrored && rInO[j]) setSim(table, table.row[r[j]!]! * cols + table.col[x]!, s);
      };
      if (va && scanner) {
        a.set(va);
        const q = lex!.data.subarray(this.vecRow[x]! * dims, (this.vecRow[x]! + 1) * dims);
        const hit = scanner.scan(q, int8Norm(q), VECTOR_MIN_COSINE - PREFILTER_MARGIN, hits);
        let n = 0;
        for (let h = 0; h < hit; h++) { const j = withVec[hits[h]!]!; if (!skip(x, j, mirrored)) cand[n++] = j; }
        // The exact cosines, two at a time: each still one sequential sum in `rawSim`'s order (bit-identical),
        // interleaved so that one sum's additions do not wait for the other's.
        let h = 0;
        for (; h + 1 < n; h += 2) {
          const j0 = cand[h]!, j1 = cand[h + 1]!;
          let d0 = 0, d1 = 0;
          for (let d = 0, o0 = j0 * dims, o1 = j1 * dims; d < dims; d++) { const v = a[d]!; d0 += v * rvec[o0 + d]!; d1 += v * rvec[o1 + d]!; }
          touch(j0, cosineCredit(d0)); touch(j1, cosineCredit(d1));
        }
        if (h < n) {
          const j = cand[h]!;
          let dot = 0;
          for (let d = 0, off = j * dims; d < dims; d++) dot += a[d]! * rvec[off + d]!;
          touch(j, cosineCredit(dot));
        }
      }
      // Variants and families share their first letter: only that bucket needs the string checks.
      const kx = this.keys[x]!;
      if (kx.length >= 6) for (const j of buckets.get(kx[0]!) ?? []) if (!skip(x, j, mirrored)) touch(j, stringSim(kx, this.keys[r[j]!]!));
    });
    this.cross = table;
    return true;
  }
}

/**
 * Unit vectors already computed, per lexicon and frequency rank (issue #6): every compare used to rebuild and
 * normalise the vector of each of its terms (~5% of a warm compare, and garbage). The values are a pure function
 * of the lexicon row and are only ever read (Vocabulary copies them into its own buffers), so sharing them
 * changes no answer. Bounded: at most UNIT_VECTORS_MAX vectors per lexicon (400 bytes each, ~8 MB), the oldest
 * computed dropped first.
 */
const unitVectors = new WeakMap<Lexicon, Map<number, Float32Array>>();
export const UNIT_VECTORS_MAX = 20_000;

/** The lexicon row `rank` as a float unit vector (the int8 components times their scale, normalised). */
function unitVector(lex: Lexicon, rank: number): Float32Array {
  let memo = unitVectors.get(lex);
  if (!memo) unitVectors.set(lex, memo = new Map());
  let v = memo.get(rank);
  if (v) return v;
  v = new Float32Array(lex.dims);
  const sc = lex.scales[rank]!;
  let norm = 0;
  for (let d = 0; d < lex.dims; d++) { const x = lex.data[rank * lex.dims + d]! * sc; v[d] = x; norm += x * x; }
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < lex.dims; d++) v[d]! /= norm;
  if (memo.size >= UNIT_VECTORS_MAX) memo.delete(memo.keys().next().value!);
  memo.set(rank, v);
  return v;
}

/** Random access to the lexicon's int8 rows (one WebAssembly copy per lexicon, made on first use). */
const rowsOf = new WeakMap<Lexicon, Int8Rows>();
function lexiconRows(lex: Lexicon): Int8Rows {
  let rows = rowsOf.get(lex);
  if (!rows) rowsOf.set(lex, rows = int8Rows(lex.data, lex.dims, lex.vectorCount));
  return rows;
}

/** Linear from 0 at the floor to 1 at identity: only near-synonyms get substantial credit. */
function cosineCredit(cos: number): number {
  return cos >= VECTOR_MIN_COSINE ? (cos - VECTOR_MIN_COSINE) / (1 - VECTOR_MIN_COSINE) : 0;
}

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

function setSim(t: CrossTable, at: number, s: number): void {
  t.sims[at] = s;
  t.nonzero[at >>> 5]! |= 1 << (at & 31);
}

/** The empty table: rows are `o` then the original side's numbers, columns `r` then the rewrite side's numbers. */
function crossTable(size: number, oAll: number[], rAll: number[], o: number[], r: number[]): CrossTable {
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
function crossSim(t: CrossTable, a: number, b: number): number {
  const ra = t.row[a] ?? -1, cb = t.col[b] ?? -1;
  if (ra >= 0 && cb >= 0) return t.sims[ra * t.cols + cb]!;
  const rb = t.row[b] ?? -1, ca = t.col[a] ?? -1;
  return rb >= 0 && ca >= 0 ? t.sims[rb * t.cols + ca]! : -1;
}

/** The prefilter keeps int8 cosines down to this much below VECTOR_MIN_COSINE. The float cosine `rawSim`
 *  computes differs from the int8 one only by float32 rounding of the normalised components (< 1e-6), so no
 *  pair at or above the floor is ever lost; the margin only admits a few extra pairs to the exact check. */
export const PREFILTER_MARGIN = 1e-4;

/** Above this many distinct cross-side term pairs, similarities are computed lazily per scored claim pair. */
export const CROSS_PAIRS_MAX = 1_000_000;

/**
 * Variant or family credit of two different keys, 0 if neither. Both need a shared first letter and two words of
 * 6+ letters, a variant lengths within one and a family a shared 6-letter prefix: those cheap tests come first
 * (the full checks cost a string concatenation and a regular expression each).
 */
export function stringSim(ka: string, kb: string): number {
  if (ka.length < 6 || kb.length < 6 || ka.charCodeAt(0) !== kb.charCodeAt(0)) return 0;
  if (Math.abs(ka.length - kb.length) <= 1 && isVariant(ka, kb)) return VARIANT_CREDIT;
  if (ka.charCodeAt(5) === kb.charCodeAt(5) && ka.startsWith(kb.slice(0, 6)) && sameFamily(ka, kb)) return FAMILY_CREDIT;
  return 0;
}

/** Credit for two words of one derivational family (skeptical/skepticism, negotiate/negotiation). */
export const FAMILY_CREDIT = 0.8;

/**
 * Same derivational family: a shared stem of 6+ letters covering at least 70% of the shorter word
 * (wink-nlp lemmatises inflections but not derivations; a stemmer's suffix stripping, approximated).
 */
export function sameFamily(a: string, b: string): boolean {
  if (hasDigit(a) || hasDigit(b)) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= 6 && i >= 0.7 * Math.min(a.length, b.length);
}

/** Whether `s` has an ASCII digit (`/\d/.test(s)`, without building a joined string per word pair). */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 48 && c <= 57) return true; }
  return false;
}

/** One edit (insert/delete/substitute) apart, on words of 6+ letters: spelling variants and transliterations. */
export function isVariant(a: string, b: string): boolean {
  if (a.length < 6 || b.length < 6 || Math.abs(a.length - b.length) > 1 || hasDigit(a) || hasDigit(b)) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}

/** A claim as term ids (deduplicated: a repeated word carries its meaning once). */
export interface ClaimVector {
  ids: number[];
  words: string[];
}

/**
 * A text's terms interned once per text (issue #6: interning, sorting and the lexicon look-ups were ~7% of a
 * compare of cached texts): its distinct keys in first-occurrence order with their merged attributes (the
 * alphabetically first lemma, a name only if every occurrence is, a number if any is: as `Vocabulary.intern`
 * merges them), each claim's distinct terms as local indexes in key order, and (filled by the first
 * `Vocabulary.internText` with a lexicon) the keys' and lemmas' frequency ranks. Pure function of the terms.
 */
export interface TextTerms {
  keys: string[];
  lemmas: string[];
  names: boolean[];
  numbers: boolean[];
  claims: Int32Array[];
  words: string[][];
  ranks?: { lexicon: Lexicon; lemma: Int32Array; key: Int32Array };
}

/** The `TextTerms` of a text's claims. */
export function textTerms(claims: ClaimTerms[]): TextTerms {
  const index = new Map<string, number>();
  const keys: string[] = [], lemmas: string[] = [], names: boolean[] = [], numbers: boolean[] = [];
  const byKey = (x: number, y: number) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0);
  const local = claims.map((t) => {
    const own: number[] = [];
    for (const x of t.terms) {
      let k = index.get(x.key);
      if (k === undefined) {
        index.set(x.key, k = keys.length);
        keys.push(x.key); lemmas.push(x.lemma); names.push(x.name); numbers.push(x.number);
      } else {
        if (x.lemma < lemmas[k]!) lemmas[k] = x.lemma;
        names[k] = names[k]! && x.name;
        numbers[k] = numbers[k]! || x.number;
      }
      own.push(k);
    }
    return Int32Array.from(new Set(own)).sort(byKey);
  });
  return { keys, lemmas, names, numbers, claims: local, words: claims.map((t) => t.words) };
}

/** Interns a claim's terms. */
export function toClaimVector(vocab: Vocabulary, t: ClaimTerms): ClaimVector {
  // Terms in key order, so sums run in the same order whichever side a claim is on (exact symmetry).
  const ids = [...new Set(t.terms.map((x) => vocab.intern(x.key, x.lemma, x.name, x.number)))]
    .sort((x, y) => (vocab.keys[x]! < vocab.keys[y]! ? -1 : vocab.keys[x]! > vocab.keys[y]! ? 1 : 0));
  return { ids, words: t.words };
}

/** How two claims compare: symmetric similarity and each direction's carried share. */
export interface PairScore {
  /** Mean of both directions (Mihalcea et al. 2006). */
  sim: number;
  /** Share of A's weighted content found in B. */
  aInB: number;
  /** Share of B's weighted content found in A. */
  bInA: number;
  /** Weighted share of A's and B's content that is NOT names (names alone do not make a claim). */
  contentA: number;
  contentB: number;
  /** Unsmoothed weighted share of A's (B's) content found in the other: the claim's `carried`. */
  carriedA: number;
  carriedB: number;
}

/** Weighted share of `ids` matched by `best` (per-term best similarity), smoothed for short claims: written to
 *  `shareOut` as [share, content, carried] (no object per call: scorePair runs thousands of times a compare). */
const shareOut = new Float64Array(3);
function share(vocab: Vocabulary, ids: number[], best: Float64Array): void {
  let total = 0, got = 0, content = 0, contentTotal = 0;
  for (let i = 0; i < ids.length; i++) {
    const x = ids[i]!, w = vocab.weight[x] ?? 0;
    total += w; got += w * best[i]!;
    if (!vocab.isName[x]) { contentTotal += w; content += w * best[i]!; }
  }
  // A claim with little content (a fragment, a two-word sentence) cannot show much evidence either way:
  // its share is smoothed with a prior mass of one typical content word (SHORT_CLAIM_PRIOR) carried at 0.
  if (total <= 0) { shareOut.fill(0); return; }
  shareOut[0] = got / (total + SHORT_CLAIM_PRIOR); shareOut[1] = content / (contentTotal + SHORT_CLAIM_PRIOR); shareOut[2] = got / total;
}

/** Reused per-term best-similarity buffers and table offsets (the core is synchronous: one pair at a time). */
let scratchA = new Float64Array(64), scratchB = new Float64Array(64), offA = new Int32Array(64), offB = new Int32Array(64);

/**
 * Per-term best similarity from the cross table: O(|A|·|B|) lookups. A's terms index rows and B's columns, or
 * the other way round (a rewrite claim scored against original claims); false when neither fits (a pair of
 * claims of one side), and the caller falls back to `termSim`.
 */
function tableBest(t: CrossTable, a: number[], b: number[], ra: Float64Array, rb: Float64Array): boolean {
  if (!offsets(t.row, a, offA, t.cols) || !offsets(t.col, b, offB, 1)) {
    if (!offsets(t.col, a, offA, 1) || !offsets(t.row, b, offB, t.cols)) return false;
  }
  const { sims, nonzero } = t;
  for (let i = 0; i < a.length; i++) {
    const base = offA[i]!, x = a[i]!;
    let best = 0;
    for (let j = 0; j < b.length; j++) {
      // The same term (1) is known without reading the table: derived texts share most of their words, and on
      // long texts the table does not fit in the cache.
      let s = 1;
      if (b[j] !== x) {
        const at = base + offB[j]!;
        if (((nonzero[at >>> 5]! >>> (at & 31)) & 1) === 0) continue; // zero: changes no maximum
        s = sims[at]!;
      }
      if (s > best) best = s;
      if (s > rb[j]!) rb[j] = s;
    }
    ra[i] = best;
  }
  return true;
}

/** out[k] = index[ids[k]] · scale; false when some term is not in the index. */
function offsets(index: Int32Array, ids: number[], out: Int32Array, scale: number): boolean {
  for (let k = 0; k < ids.length; k++) {
    const v = index[ids[k]!] ?? -1;
    if (v < 0) return false;
    out[k] = v * scale;
  }
  return true;
}

/** Scores a pair of claims: one pass over the |A|·|B| term pairs (table lookups or cached), both directions. */
export function scorePair(vocab: Vocabulary, a: ClaimVector, b: ClaimVector): PairScore {
  if (scratchA.length < a.ids.length) { scratchA = new Float64Array(a.ids.length * 2); offA = new Int32Array(a.ids.length * 2); }
  if (scratchB.length < b.ids.length) { scratchB = new Float64Array(b.ids.length * 2); offB = new Int32Array(b.ids.length * 2); }
  const ra = scratchA, rb = scratchB;
  ra.fill(0, 0, a.ids.length); rb.fill(0, 0, b.ids.length);
  if (!vocab.cross || !tableBest(vocab.cross, a.ids, b.ids, ra, rb)) {
    for (let i = 0; i < a.ids.length; i++) {
      const x = a.ids[i]!;
      for (let j = 0; j < b.ids.length; j++) {
        const y = b.ids[j]!;
        const s = x === y ? 1 : vocab.termSim(x, y);
        if (s > ra[i]!) ra[i] = s;
        if (s > rb[j]!) rb[j] = s;
      }
    }
  }
  share(vocab, a.ids, ra);
  const aInB = shareOut[0]!, contentA = shareOut[1]!, carriedA = shareOut[2]!;
  share(vocab, b.ids, rb);
  const bInA = shareOut[0]!, contentB = shareOut[1]!, carriedB = shareOut[2]!;
  return { sim: (aInB + bInA) / 2, aInB, bInA, contentA, contentB, carriedA, carriedB };
}

/**
 * `scorePair` for many pairs of two fixed claim lists (the candidate pairs of a compare): what depends on one
 * claim alone — its terms' table rows and columns, weights, and weight totals — is computed once per claim
 * instead of once per pair (issue #6: that per-pair work was most of the scoring inside compare). A term's best
 * similarity in a claim depends on the term and that claim only: for the rewrite claim being scored, the best
 * of every original term (row) is taken once from the claim's sparse columns, and for each original claim the
 * best of every rewrite term (column) once from its sparse rows (cached per claim within BEST_COLS_MAX cells);
 * a pair then only reads its terms' bests. Same answers bit for bit: a maximum does not depend on the order it
 * is taken in, the per-pair sums run over the same terms in the same order, and the totals are the same sums.
 * Falls back to `scorePair` when there is no cross table (long texts) or a claim's terms are not all in it.
 */
export class PairScorer {
  /** Sparse rows of the cross table: row x's non-zero entries are columns nzCol[nzStart[x] .. nzStart[x+1]). */
  private readonly nzStart: Int32Array;
  private readonly nzCol: Int32Array;
  private readonly nzSim: Float64Array;
  /** Sparse columns (the same entries): column c's rows are nzRow[colStart[c] .. colStart[c+1]). */
  private readonly colStart: Int32Array;
  private readonly nzRow: Int32Array;
  private readonly colSim: Float64Array;
  /** bestRow[x]: the best similarity of original term x (row) in the rewrite claim `marked`; rows set in `touched`. */
  private readonly bestRow: Float64Array;
  private readonly touched: number[] = [];
  /** bestCol[i][c]: the best similarity of rewrite term c (column) in original claim i (computed on first use). */
  private readonly bestCol: (Float64Array | null)[];
  private readonly keepBestCols: boolean;
  private scratchCol: Float64Array;
  private scratchFor = -1;
  private readonly aOff: (Int32Array | null)[];
  private readonly bOff: (Int32Array | null)[];
  private readonly aW: Float64Array[];
  private readonly bW: Float64Array[];
  private readonly aName: Uint8Array[];
  private readonly bName: Uint8Array[];
  private readonly aTot: Float64Array;
  private readonly bTot: Float64Array;
  private ra = new Float64Array(64);
  private rb = new Float64Array(64);
  private marked = -1;
  /** The last score (overwritten by the next call to `score`). */
  readonly out: PairScore = { sim: 0, aInB: 0, bInA: 0, contentA: 0, contentB: 0, carriedA: 0, carriedB: 0 };

  /** @param bestColsMax claims × columns up to which column bests are kept per claim (else recomputed per pair) */
  constructor(private readonly vocab: Vocabulary, private readonly a: ClaimVector[], private readonly b: ClaimVector[], bestColsMax = BEST_COLS_MAX) {
    const t = vocab.cross;
    const off = (index: Int32Array | undefined, ids: number[], scale: number) => {
      if (!index) return null;
      const out = new Int32Array(ids.length);
      return offsets(index, ids, out, scale) ? out : null;
    };
    const weights = (ids: number[]) => {
      const out = new Float64Array(ids.length);
      for (let k = 0; k < ids.length; k++) out[k] = vocab.weight[ids[k]!] ?? 0;
      return out;
    };
    const names = (ids: number[]) => {
      const out = new Uint8Array(ids.length);
      for (let k = 0; k < ids.length; k++) if (vocab.isName[ids[k]!]) out[k] = 1;
      return out;
    };
    // Totals summed in `share`'s order: total over all terms, contentTotal over the non-names.
    const totals = (ws: Float64Array[], ns: Uint8Array[]) => {
      const out = new Float64Array(ws.length * 2);
      ws.forEach((w, k) => {
        let total = 0, contentTotal = 0;
        for (let i = 0; i < w.length; i++) { total += w[i]!; if (!ns[k]![i]) contentTotal += w[i]!; }
        out[2 * k] = total; out[2 * k + 1] = contentTotal;
      });
      return out;
    };
    this.aOff = a.map((v) => off(t?.row, v.ids, 1));
    this.bOff = b.map((v) => off(t?.col, v.ids, 1));
    this.aW = a.map((v) => weights(v.ids)); this.bW = b.map((v) => weights(v.ids));
    this.aName = a.map((v) => names(v.ids)); this.bName = b.map((v) => names(v.ids));
    this.aTot = totals(this.aW, this.aName); this.bTot = totals(this.bW, this.bName);
    const cols = t?.cols ?? 0, rows = t ? t.sims.length / Math.max(1, cols) : 0;
    this.bestRow = new Float64Array(rows);
    this.bestCol = a.map(() => null);
    this.keepBestCols = a.length * cols <= bestColsMax;
    this.scratchCol = new Float64Array(this.keepBestCols ? 0 : cols);
    this.nzStart = new Int32Array(rows + 1);
    let n = 0;
    if (t) for (let w = 0; w < t.nonzero.length; w++) { let bits = t.nonzero[w]!; while (bits) { n++; bits &= bits - 1; } }
    this.nzCol = new Int32Array(n); this.nzSim = new Float64Array(n);
    if (t) {
      let k = 0;
      for (let x = 0; x < rows; x++) {
        this.nzStart[x] = k;
        // The set bits of row x, a 32-bit word at a time (zero words skipped, then to the lowest set bit).
        for (let at = x * cols, end = at + cols; at < end;) {
          const w = t.nonzero[at >>> 5]! >>> (at & 31);
          if (w === 0) { at = (Math.floor(at / 32) + 1) * 32; continue; }
          at += 31 - Math.clz32(w & -w);
          if (at >= end) break;
          this.nzCol[k] = at - x * cols; this.nzSim[k++] = t.sims[at]!;
          at++;
        }
      }
      this.nzStart[rows] = k;
    }
    // The transpose, by counting sort on the column (rows ascending within a column).
    this.colStart = new Int32Array(cols + 1); this.nzRow = new Int32Array(n); this.colSim = new Float64Array(n);
    for (let k = 0; k < n; k++) this.colStart[this.nzCol[k]! + 1]!++;
    for (let c = 0; c < cols; c++) this.colStart[c + 1]! += this.colStart[c]!;
    const fill = this.colStart.slice(0, cols);
    for (let x = 0; x < rows; x++) {
      for (let k = this.nzStart[x]!; k < this.nzStart[x + 1]!; k++) {
        const at = fill[this.nzCol[k]!]!++;
        this.nzRow[at] = x; this.colSim[at] = this.nzSim[k]!;
      }
    }
  }

  /** Each column's best similarity in original claim i (from its terms' sparse rows). */
  private colBests(i: number, rows: Int32Array): Float64Array {
    const kept = this.bestCol[i];
    if (kept) return kept;
    if (!this.keepBestCols && this.scratchFor === i) return this.scratchCol;
    const out = this.keepBestCols ? new Float64Array(this.colStart.length - 1) : this.scratchCol.fill(0);
    const { nzStart, nzCol, nzSim } = this;
    for (let x = 0; x < rows.length; x++) {
      for (let k = nzStart[rows[x]!]!, end = nzStart[rows[x]! + 1]!; k < end; k++) if (nzSim[k]! > out[nzCol[k]!]!) out[nzCol[k]!] = nzSim[k]!;
    }
    if (this.keepBestCols) this.bestCol[i] = out; else this.scratchFor = i;
    return out;
  }

  /** The score of a[i] against b[j], as `scorePair(vocab, a[i], b[j])` (written to and returned as `out`). */
  score(i: number, j: number): PairScore {
    const t = this.vocab.cross, oa = this.aOff[i], ob = this.bOff[j];
    const va = this.a[i]!, vb = this.b[j]!;
    const out = this.out;
    if (!t || !oa || !ob) { Object.assign(out, scorePair(this.vocab, va, vb)); return out; }
    const A = va.ids, B = vb.ids;
    if (this.ra.length < A.length) this.ra = new Float64Array(A.length * 2);
    if (this.rb.length < B.length) this.rb = new Float64Array(B.length * 2);
    const ra = this.ra, rb = this.rb;
    // `tableBest`'s maxima: each row's best in B (once per rewrite claim), each column's best in A (per claim).
    const { bestRow, touched } = this;
    if (this.marked !== j) {
      for (const x of touched) bestRow[x] = 0;
      touched.length = 0;
      const { colStart, nzRow, colSim } = this;
      for (let y = 0; y < B.length; y++) {
        for (let k = colStart[ob[y]!]!, end = colStart[ob[y]! + 1]!; k < end; k++) {
          const x = nzRow[k]!, s = colSim[k]!;
          if (s > bestRow[x]!) { if (bestRow[x] === 0) touched.push(x); bestRow[x] = s; }
        }
      }
      this.marked = j;
    }
    for (let x = 0; x < A.length; x++) ra[x] = bestRow[oa[x]!]!;
    const cb = this.colBests(i, oa);
    for (let y = 0; y < B.length; y++) rb[y] = cb[ob[y]!]!;
    shareWith(this.aW[i]!, this.aName[i]!, this.aTot[2 * i]!, this.aTot[2 * i + 1]!, ra);
    const aInB = shareOut[0]!, contentA = shareOut[1]!, carriedA = shareOut[2]!;
    shareWith(this.bW[j]!, this.bName[j]!, this.bTot[2 * j]!, this.bTot[2 * j + 1]!, rb);
    out.aInB = aInB; out.contentA = contentA; out.carriedA = carriedA;
    out.bInA = shareOut[0]!; out.contentB = shareOut[1]!; out.carriedB = shareOut[2]!;
    out.sim = (aInB + out.bInA) / 2;
    return out;
  }
}

/** PairScorer keeps each original claim's column bests while claims × columns stay within this (8 MB). */
export const BEST_COLS_MAX = 1 << 20;

/** `share` with the claim's weights, name flags and totals precomputed (the same sums, in the same order). */
function shareWith(w: Float64Array, name: Uint8Array, total: number, contentTotal: number, best: Float64Array): void {
  if (total <= 0) { shareOut.fill(0); return; }
  let got = 0, content = 0;
  for (let i = 0; i < w.length; i++) {
    got += w[i]! * best[i]!;
    if (!name[i]) content += w[i]! * best[i]!;
  }
  shareOut[0] = got / (total + SHORT_CLAIM_PRIOR); shareOut[1] = content / (contentTotal + SHORT_CLAIM_PRIOR); shareOut[2] = got / total;
}

/**
 * Similarity of two standalone sentences (no document context: the in-document IDF factor is ~1).
 * For tests, the CLI and callers that score single pairs (e.g. MSRP-style sentence pairs).
 */
export function sentenceSimilarity(a: string, b: string, lexicon: Lexicon | null, terms: (s: string) => ClaimTerms): PairScore {
  const vocab = new Vocabulary(lexicon);
  const va = toClaimVector(vocab, terms(a)), vb = toClaimVector(vocab, terms(b));
  const df = new Array<number>(vocab.keys.length).fill(0);
  for (const id of [...va.ids, ...vb.ids]) df[id]!++;
  vocab.setDocumentFrequencies(df, 2);
  return scorePair(vocab, va, vb);
}
