import type { Lexicon } from '../lexicon/vectors.js';
import { int8Norm, int8Scanner } from '../lexicon/int8-scan.js';
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
  weight: number[] = [];
  private readonly ids = new Map<string, number>();
  /** Per-term caches of term-pair similarity (small-integer keys keep the maps fast). */
  private readonly pairCache: Map<number, number>[] = [];

  constructor(private readonly lexicon: Lexicon | null) {}

  /**
   * The id of a key, interning it on first sight. Attributes are merged order-independently (the same answer
   * whichever text is read first): the lemma is the alphabetically first seen, a term is a name only if every
   * occurrence is a proper noun (a capitalised sentence opener is sometimes tagged PROPN), a number if any is.
   * Background weight and vector are computed from the merged attributes by `finalize`.
   */
  intern(key: string, lemma: string, name: boolean, number: boolean): number {
    let id = this.ids.get(key);
    if (id !== undefined) {
      if (lemma < this.lemmas[id]!) this.lemmas[id] = lemma;
      this.isName[id] = this.isName[id]! && name;
      this.isNumber[id] = this.isNumber[id]! || number;
      return id;
    }
    id = this.keys.length;
    this.ids.set(key, id);
    this.keys.push(key); this.lemmas.push(lemma); this.isName.push(name); this.isNumber.push(number);
    this.bg.push(0); this.vec.push(null); this.vecRow.push(-1);
    return id;
  }

  /** Computes background weights and vectors of the terms interned since the last call. */
  private finalize(): void {
    const lex = this.lexicon;
    for (let id = this.finalized; id < this.keys.length; id++) {
      const key = this.keys[id]!, lemma = this.lemmas[id]!;
      const rank = lex ? lex.rank.get(lemma) ?? lex.rank.get(key) : undefined;
      this.bg[id] = Math.log(1 + ((rank ?? lex?.size ?? 100_000) + 1) / ZIPF_CORE);
      let v: Float32Array | null = null;
      if (lex && rank !== undefined && rank < lex.vectorCount && !this.isNumber[id]) {
        v = new Float32Array(lex.dims);
        const sc = lex.scales[rank]!;
        let norm = 0;
        for (let d = 0; d < lex.dims; d++) { const x = lex.data[rank * lex.dims + d]! * sc; v[d] = x; norm += x * x; }
        norm = Math.sqrt(norm) || 1;
        for (let d = 0; d < lex.dims; d++) v[d]! /= norm;
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
    if (this.neighbours) return this.neighbourSim(a, b);
    const lo = a < b ? a : b, hi = a < b ? b : a;
    let row = this.pairCache[lo];
    if (!row) this.pairCache[lo] = row = new Map();
    const hit = row.get(hi);
    if (hit !== undefined) return hit;
    const s = this.rawSim(a, b);
    row.set(hi, s);
    return s;
  }

  /** Uncached term similarity (a ≠ b, neither a number). */
  private rawSim(a: number, b: number): number {
    const ka = this.keys[a]!, kb = this.keys[b]!;
    // Variants and families share their first letter; checking it first skips the string work for ~95% of pairs.
    if (ka[0] === kb[0]) {
      if (isVariant(ka, kb)) return VARIANT_CREDIT;
      if (sameFamily(ka, kb)) return FAMILY_CREDIT;
    }
    const va = this.vec[a], vb = this.vec[b];
    if (!va || !vb) return 0;
    let dot = 0;
    for (let d = 0; d < va.length; d++) dot += va[d]! * vb[d]!;
    return cosineCredit(dot);
  }

  /** Per term: the terms of the other side with non-zero similarity (set by `prepareCross`), as compressed rows. */
  neighbours: NeighbourRows | null = null;

  private neighbourSim(a: number, b: number): number {
    const nb = this.neighbours!;
    if (a + 1 >= nb.offsets.length) return 0;
    for (let k = nb.offsets[a]!; k < nb.offsets[a + 1]!; k++) if (nb.ids[k] === b) return nb.sims[k]!;
    return 0;
  }

  /**
   * Precomputes, for every term of one side, its similar terms on the other side: one similarity per distinct
   * cross-side term pair (|Vo|·|Vr|, done only when at most CROSS_PAIRS_MAX), after which scoring a claim pair
   * costs a few lookups per term instead of |A|·|B| similarity computations.
   * Fast path of `rawSim` with the same answers: an exact int8 prefilter (`int8-scan.ts`: the integer dot of
   * the quantised vectors, SIMD WebAssembly, ~9 ns a pair) keeps the ~1–2% of pairs whose cosine can reach
   * the floor, and only those get the float dot of `rawSim` (the rewrite side's vectors packed into one
   * Float64Array: the float32 components converted exactly, summed in the same order, so every cosine is
   * bit-identical); the string checks (variant, family) run only on pairs sharing a first letter (found
   * through buckets rather than by testing every pair), and the neighbour lists are flat typed arrays (no
   * per-term Maps: the lists are rebuilt on every compare, and Maps were a large share of the GC's work).
   */
  prepareCross(originalIds: Iterable<number>, rewriteIds: Iterable<number>): boolean {
    const o = [...new Set(originalIds)].filter((x) => !this.isNumber[x]), r = [...new Set(rewriteIds)].filter((x) => !this.isNumber[x]);
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
    const row = new Float64Array(r.length), a = new Float64Array(dims);
    const touched: number[] = [], cand = new Int32Array(withVec.length);
    const ex: number[] = [], ey: number[] = [], es: number[] = [];
    // Only x < y for a pair of terms on both sides (the mirrored pair (y, x) is the same pair).
    const skip = (x: number, j: number, mirrored: boolean) => r[j] === x || (mirrored && rInO[j] === 1 && r[j]! < x);
    const touch = (j: number, s: number) => { if (s <= 0) return; if (row[j] === 0) touched.push(j); row[j] = s; };
    for (const x of o) {
      const va = this.vec[x], mirrored = rSet.has(x);
      touched.length = 0;
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
          if (d0 >= VECTOR_MIN_COSINE) touch(j0, cosineCredit(d0));
          if (d1 >= VECTOR_MIN_COSINE) touch(j1, cosineCredit(d1));
        }
        if (h < n) {
          const j = cand[h]!;
          let dot = 0;
          for (let d = 0, off = j * dims; d < dims; d++) dot += a[d]! * rvec[off + d]!;
          if (dot >= VECTOR_MIN_COSINE) touch(j, cosineCredit(dot));
        }
      }
      // Variants and families share their first letter: only that bucket needs the string checks.
      // Necessary conditions first (lengths within one for a variant, a shared 6-letter prefix for a family):
      // the full checks cost a string concatenation and a regular expression each.
      const kx = this.keys[x]!;
      if (kx.length >= 6) {
        for (const j of buckets.get(kx[0]!) ?? []) {
          if (skip(x, j, mirrored)) continue;
          const ky = this.keys[r[j]!]!;
          if (Math.abs(kx.length - ky.length) <= 1 && isVariant(kx, ky)) touch(j, VARIANT_CREDIT);
          else if (kx.charCodeAt(5) === ky.charCodeAt(5) && kx.startsWith(ky.slice(0, 6)) && sameFamily(kx, ky)) touch(j, FAMILY_CREDIT);
        }
      }
      touched.sort((p, q) => p - q);
      for (const j of touched) { ex.push(x); ey.push(r[j]!); es.push(row[j]!); row[j] = 0; }
    }
    this.neighbours = neighbourRows(this.keys.length, ex, ey, es);
    return true;
  }
}

/** Linear from 0 at the floor to 1 at identity: only near-synonyms get substantial credit. */
function cosineCredit(cos: number): number {
  return cos >= VECTOR_MIN_COSINE ? (cos - VECTOR_MIN_COSINE) / (1 - VECTOR_MIN_COSINE) : 0;
}

/** Compressed sparse rows of the term-similarity graph: term x's neighbours are ids[offsets[x]..offsets[x+1]). */
export interface NeighbourRows {
  offsets: Int32Array;
  ids: Int32Array;
  sims: Float64Array;
}

/** Builds symmetric compressed rows from the edge list (x, y, sim): each edge is listed under both ends. */
function neighbourRows(size: number, ex: number[], ey: number[], es: number[]): NeighbourRows {
  const offsets = new Int32Array(size + 1);
  for (let k = 0; k < ex.length; k++) { offsets[ex[k]! + 1]!++; offsets[ey[k]! + 1]!++; }
  for (let i = 0; i < size; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, size), ids = new Int32Array(ex.length * 2), sims = new Float64Array(ex.length * 2);
  for (let k = 0; k < ex.length; k++) {
    const x = ex[k]!, y = ey[k]!, s = es[k]!;
    ids[fill[x]!] = y; sims[fill[x]!++] = s;
    ids[fill[y]!] = x; sims[fill[y]!++] = s;
  }
  return { offsets, ids, sims };
}

/** The prefilter keeps int8 cosines down to this much below VECTOR_MIN_COSINE. The float cosine `rawSim`
 *  computes differs from the int8 one only by float32 rounding of the normalised components (< 1e-6), so no
 *  pair at or above the floor is ever lost; the margin only admits a few extra pairs to the exact check. */
export const PREFILTER_MARGIN = 1e-4;

/** Above this many distinct cross-side term pairs, similarities are computed lazily per scored claim pair. */
export const CROSS_PAIRS_MAX = 1_000_000;

/** Credit for two words of one derivational family (skeptical/skepticism, negotiate/negotiation). */
export const FAMILY_CREDIT = 0.8;

/**
 * Same derivational family: a shared stem of 6+ letters covering at least 70% of the shorter word
 * (wink-nlp lemmatises inflections but not derivations; a stemmer's suffix stripping, approximated).
 */
export function sameFamily(a: string, b: string): boolean {
  if (/\d/.test(a + b)) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= 6 && i >= 0.7 * Math.min(a.length, b.length);
}

/** One edit (insert/delete/substitute) apart, on words of 6+ letters: spelling variants and transliterations. */
export function isVariant(a: string, b: string): boolean {
  if (a.length < 6 || b.length < 6 || Math.abs(a.length - b.length) > 1 || /\d/.test(a + b)) return false;
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

/** Weighted share of `ids` matched by `best` (per-term best similarity), smoothed for short claims. */
function share(vocab: Vocabulary, ids: number[], best: Float64Array): { share: number; content: number; carried: number } {
  let total = 0, got = 0, content = 0, contentTotal = 0;
  for (let i = 0; i < ids.length; i++) {
    const x = ids[i]!, w = vocab.weight[x] ?? 0;
    total += w; got += w * best[i]!;
    if (!vocab.isName[x]) { contentTotal += w; content += w * best[i]!; }
  }
  // A claim with little content (a fragment, a two-word sentence) cannot show much evidence either way:
  // its share is smoothed with a prior mass of one typical content word (SHORT_CLAIM_PRIOR) carried at 0.
  if (total <= 0) return { share: 0, content: 0, carried: 0 };
  return { share: got / (total + SHORT_CLAIM_PRIOR), content: content / (contentTotal + SHORT_CLAIM_PRIOR), carried: got / total };
}

/** Reused per-term best-similarity buffers (the core is synchronous, so one pair is scored at a time). */
let scratchA = new Float64Array(64), scratchB = new Float64Array(64);

/** Position of each term of the current `b` claim (+1; 0 = absent), stamped per call. */
let posOf = new Int32Array(1024), stampOf = new Int32Array(1024), stamp = 0;

/** Per-term best similarity via exact ids and precomputed neighbour rows: O(|A|·neighbours + |B|). */
function sparseBest(vocab: Vocabulary, nb: NeighbourRows, a: number[], b: number[], ra: Float64Array, rb: Float64Array): void {
  const size = vocab.keys.length;
  if (posOf.length < size) { posOf = new Int32Array(size * 2); stampOf = new Int32Array(size * 2); stamp = 0; }
  stamp++;
  for (let j = 0; j < b.length; j++) { posOf[b[j]!] = j; stampOf[b[j]!] = stamp; }
  const { offsets, ids, sims } = nb;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (stampOf[x] === stamp) { ra[i] = 1; rb[posOf[x]!] = 1; } // …and its neighbours still credit b's terms
    if (x + 1 >= offsets.length) continue;
    for (let k = offsets[x]!, end = offsets[x + 1]!; k < end; k++) {
      const y = ids[k]!;
      if (stampOf[y] !== stamp) continue;
      const sim = sims[k]!;
      if (sim > ra[i]!) ra[i] = sim;
      const j = posOf[y]!;
      if (sim > rb[j]!) rb[j] = sim;
    }
  }
}

/** Scores a pair of claims: one pass over the |A|·|B| term pairs (each cached), both directions at once. */
export function scorePair(vocab: Vocabulary, a: ClaimVector, b: ClaimVector): PairScore {
  if (scratchA.length < a.ids.length) scratchA = new Float64Array(a.ids.length * 2);
  if (scratchB.length < b.ids.length) scratchB = new Float64Array(b.ids.length * 2);
  const ra = scratchA, rb = scratchB;
  ra.fill(0, 0, a.ids.length); rb.fill(0, 0, b.ids.length);
  if (vocab.neighbours) sparseBest(vocab, vocab.neighbours, a.ids, b.ids, ra, rb);
  else for (let i = 0; i < a.ids.length; i++) {
    const x = a.ids[i]!;
    for (let j = 0; j < b.ids.length; j++) {
      const y = b.ids[j]!;
      const s = x === y ? 1 : vocab.termSim(x, y);
      if (s > ra[i]!) ra[i] = s;
      if (s > rb[j]!) rb[j] = s;
    }
  }
  const ab = share(vocab, a.ids, ra), ba = share(vocab, b.ids, rb);
  return { sim: (ab.share + ba.share) / 2, aInB: ab.share, bInA: ba.share, contentA: ab.content, contentB: ba.content,
    carriedA: ab.carried, carriedB: ba.carried };
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
