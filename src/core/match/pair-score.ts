import type { LexiconLookups } from '../terms/lexicon-lookups.js';
import type { ClaimTerms } from '../terms/tokens.js';
import { type ClaimVector, SHORT_CLAIM_PRIOR, toClaimVector, Vocabulary } from '../terms/vocabulary.js';
import { type CrossTable, cellSim } from './kernels/cross-table.js';

/**
 * Scoring a pair of claims from their terms' similarities (Mihalcea, Corley & Strapparava 2006): each term's best
 * match in the other claim, averaged with IDF weights, in both directions.
 */

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

/**
 * What `scorePair` reuses from pair to pair (it runs thousands of times a compare, to completion), grown as needed:
 * per-term best similarities, table offsets, column/row marks and the shares of the last side scored.
 */
export class PairBuffers {
  bestA = new Float64Array(64);
  bestB = new Float64Array(64);
  offA = new Int32Array(64);
  offB = new Int32Array(64);
  mark = new Int32Array(64);
  /** [share, content, carried] of the side `share` last measured (no object per call). */
  readonly shares = new Float64Array(3);
}

/** Weighted share of `ids` matched by `best` (per-term best similarity), smoothed for short claims: written to
 *  `out` as [share, content, carried]. */
function share(vocab: Vocabulary, ids: number[], best: Float64Array, out: Float64Array): void {
  let total = 0,
    got = 0,
    content = 0,
    contentTotal = 0;
  for (let i = 0; i < ids.length; i++) {
    const x = ids[i]!,
      w = vocab.weight[x] ?? 0;
    total += w;
    got += w * best[i]!;
    if (!vocab.isName[x]) {
      contentTotal += w;
      content += w * best[i]!;
    }
  }
  // A claim with little content (a fragment, a two-word sentence) cannot show much evidence either way:
  // its share is smoothed with a prior mass of one typical content word (SHORT_CLAIM_PRIOR) carried at 0.
  if (total <= 0) {
    out.fill(0);
    return;
  }
  out[0] = got / (total + SHORT_CLAIM_PRIOR);
  out[1] = content / (contentTotal + SHORT_CLAIM_PRIOR);
  out[2] = got / total;
}

/**
 * Per-term best similarity from the cross table. A's terms index rows and B's columns, or the other way round (a
 * rewrite claim scored against original claims); false when neither fits (a pair of claims of one side), and the
 * caller falls back to `termSim`. Each term of A visits only its non-zero cells (the table's sparse row or
 * column: a few percent of the cells, the term itself included), B's terms found there through marks: zero
 * cells change no maximum (O(|A|·|B|) lookups were most of the group scoring's time).
 */
function tableBest(
  t: CrossTable,
  a: number[],
  b: number[],
  ra: Float64Array,
  rb: Float64Array,
  buffers: PairBuffers,
): boolean {
  const { offA, offB } = buffers;
  let aRows = true;
  if (!offsets(t.row, a, offA) || !offsets(t.col, b, offB)) {
    if (!offsets(t.col, a, offA) || !offsets(t.row, b, offB)) return false;
    aRows = false;
  }
  const start = aRows ? t.rowStart : t.colStart,
    other = aRows ? t.colOf : t.rowOf,
    sims = aRows ? t.sims : t.colSims;
  const size = aRows ? t.cols : t.rows;
  if (buffers.mark.length < size) buffers.mark = new Int32Array(size * 2);
  const mark = buffers.mark;
  let distinct = true;
  for (let j = 0; j < b.length; j++) {
    if (mark[offB[j]!]) distinct = false;
    mark[offB[j]!] = j + 1;
  }
  if (distinct) {
    for (let i = 0; i < a.length; i++) {
      let best = 0;
      for (let k = start[offA[i]!]!, end = start[offA[i]! + 1]!; k < end; k++) {
        const j = mark[other[k]!]! - 1;
        if (j < 0) continue;
        const s = sims[k]!;
        if (s > best) best = s;
        if (s > rb[j]!) rb[j] = s;
      }
      ra[i] = best;
    }
  }
  for (let j = 0; j < b.length; j++) mark[offB[j]!] = 0;
  if (!distinct) denseBest(t, a, b, ra, rb, aRows, offA, offB);
  return true;
}

/** `tableBest` cell by cell (|A|·|B| lookups), for term lists with a repeated term. */
function denseBest(
  t: CrossTable,
  a: number[],
  b: number[],
  ra: Float64Array,
  rb: Float64Array,
  aRows: boolean,
  offA: Int32Array,
  offB: Int32Array,
): void {
  for (let i = 0; i < a.length; i++) {
    let best = 0;
    for (let j = 0; j < b.length; j++) {
      const s = a[i] === b[j] ? 1 : cellSim(t, aRows ? offA[i]! * t.cols + offB[j]! : offB[j]! * t.cols + offA[i]!);
      if (s > best) best = s;
      if (s > rb[j]!) rb[j] = s;
    }
    ra[i] = best;
  }
}

/** out[k] = index[ids[k]]; false when some term is not in the index. */
function offsets(index: Int32Array, ids: number[], out: Int32Array): boolean {
  for (let k = 0; k < ids.length; k++) {
    const v = index[ids[k]!] ?? -1;
    if (v < 0) return false;
    out[k] = v;
  }
  return true;
}

/** Scores a pair of claims: each term's best similarity in the other claim (from the table, else term by term),
 *  both directions. */
export function scorePair(vocab: Vocabulary, a: ClaimVector, b: ClaimVector, buffers = new PairBuffers()): PairScore {
  if (buffers.bestA.length < a.ids.length) {
    buffers.bestA = new Float64Array(a.ids.length * 2);
    buffers.offA = new Int32Array(a.ids.length * 2);
  }
  if (buffers.bestB.length < b.ids.length) {
    buffers.bestB = new Float64Array(b.ids.length * 2);
    buffers.offB = new Int32Array(b.ids.length * 2);
  }
  const ra = buffers.bestA,
    rb = buffers.bestB,
    shares = buffers.shares;
  ra.fill(0, 0, a.ids.length);
  rb.fill(0, 0, b.ids.length);
  if (!vocab.cross || !tableBest(vocab.cross, a.ids, b.ids, ra, rb, buffers)) {
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
  share(vocab, a.ids, ra, shares);
  const aInB = shares[0]!,
    contentA = shares[1]!,
    carriedA = shares[2]!;
  share(vocab, b.ids, rb, shares);
  const bInA = shares[0]!,
    contentB = shares[1]!,
    carriedB = shares[2]!;
  return { sim: (aInB + bInA) / 2, aInB, bInA, contentA, contentB, carriedA, carriedB };
}

/**
 * Similarity of two standalone sentences (no document context: the in-document IDF factor is ~1).
 * For tests, the CLI and callers that score single pairs (e.g. MSRP-style sentence pairs).
 */
export function sentenceSimilarity(
  a: string,
  b: string,
  lookups: LexiconLookups | null,
  terms: (s: string) => ClaimTerms,
): PairScore {
  const vocab = new Vocabulary(lookups);
  const va = toClaimVector(vocab, terms(a)),
    vb = toClaimVector(vocab, terms(b));
  const df = new Array<number>(vocab.keys.length).fill(0);
  for (const id of [...va.ids, ...vb.ids]) df[id]!++;
  vocab.setDocumentFrequencies(df, 2);
  return scorePair(vocab, va, vb);
}
