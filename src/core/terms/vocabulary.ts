import type { Lexicon } from '../../lexicon/lexicon.js';
import { unitDot } from '../../lexicon/unit-vectors.js';
import {
  type CrossSide,
  cosineCredit,
  crossSide,
  FillBuffers,
  fillCross,
  PREFILTER_MARGIN,
  VECTOR_MIN_COSINE,
} from '../match/kernels/cross-side.js';
import { type CrossTable, crossSim, crossTable, finishTable, LogBuffers } from '../match/kernels/cross-table.js';
import type { LexiconLookups } from './lexicon-lookups.js';
import type { ClaimTerms, TermSink } from './tokens.js';
import { stringSim } from './word-forms.js';

export { PREFILTER_MARGIN, VECTOR_MIN_COSINE } from '../match/kernels/cross-side.js';

/**
 * Meaning-aware similarity, after Mihalcea, Corley & Strapparava (2006), "Corpus-based and knowledge-based
 * measures of text semantic similarity": this module holds the terms of one compare (`Vocabulary`: IDF weights,
 * word vectors) and the similarity of two terms (same lemma, spelling variant or word family (`terms/word-forms.ts`),
 * or word-vector neighbour), precomputed across the two texts into a `CrossTable`. Claim pairs are scored from it in
 * `match/pair-score.ts`.
 */

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
  /** Ids of the keys interned one by one; the first text interned whole (`base`) is looked up in its own index. */
  private readonly ids = new Map<string, number>();
  private base: Map<string, number> | null = null;

  private readonly lexicon: Lexicon | null;

  /**
   * @param lookups the comparer's memoised look-ups of its lexicon; null: similarity without vectors
   * @param buffers what making the cross table reuses (the comparer's, kept from compare to compare)
   */
  constructor(
    private readonly lookups: LexiconLookups | null,
    private readonly buffers = new CrossBuffers(),
  ) {
    this.lexicon = lookups?.lexicon ?? null;
  }

  /**
   * The id of a key, interning it on first sight. Attributes are merged order-independently (the same answer
   * whichever text is read first): the lemma is the alphabetically first seen, a term is a name only if every
   * occurrence is a proper noun (a capitalised sentence opener is sometimes tagged PROPN), a number if any is.
   * Background weight and vector are computed from the merged attributes by `finalize`.
   */
  intern(key: string, lemma: string, name: boolean, number: boolean, lemmaRank = -2, keyRank = -2): number {
    let id = this.base?.get(key) ?? this.ids.get(key);
    if (id !== undefined) {
      if (lemma < this.lemmas[id]!) {
        this.lemmas[id] = lemma;
        this.lemmaRank[id] = lemmaRank;
      }
      this.isName[id] = this.isName[id]! && name;
      this.isNumber[id] = this.isNumber[id]! || number;
      return id;
    }
    id = this.keys.length;
    this.ids.set(key, id);
    this.push(key, lemma, name, number, lemmaRank, keyRank);
    return id;
  }

  private push(key: string, lemma: string, name: boolean, number: boolean, lemmaRank: number, keyRank: number): void {
    this.keys.push(key);
    this.lemmas.push(lemma);
    this.isName.push(name);
    this.isNumber.push(number);
    this.bg.push(0);
    this.vec.push(null);
    this.vecRow.push(-1);
    this.lemmaRank.push(lemmaRank);
    this.keyRank.push(keyRank);
  }

  /**
   * Interns a text's terms (`textTerms`, cached with the text's analysis) and returns its claims' vectors: the
   * same ids, attributes and vectors as `toClaimVector` on each claim in turn, from the text's distinct keys
   * (first-occurrence order, so ids are assigned in the same order) and its claims' key-ordered term lists.
   * The first text interned into an empty vocabulary keeps its own indexes as ids: nothing to look up
   * or merge, its text's key index serves as the vocabulary's, and its claim vectors are the text's own (cached
   * with it, read-only).
   */
  internText(tt: TextTerms): ClaimVector[] {
    const lex = this.lexicon,
      lookups = this.lookups;
    if (lex && lookups && tt.ranks?.lexicon !== lex) {
      // A key's own rank is needed only when its lemma has none (`finalize`): -2 (look up if needed) otherwise.
      // (Loops: `Int32Array.from` with a map function walks an iterator, a result object per term.)
      const lemma = new Int32Array(tt.lemmas.length),
        key = new Int32Array(tt.keys.length);
      for (let k = 0; k < lemma.length; k++) lemma[k] = lookups.rankOf(tt.lemmas[k]!);
      for (let k = 0; k < key.length; k++) {
        const w = tt.keys[k]!;
        key[k] = lemma[k]! >= 0 ? -2 : w === tt.lemmas[k] ? -1 : lookups.rankOf(w);
      }
      tt.ranks = { lexicon: lex, lemma, key };
    }
    const ranks = lex ? tt.ranks : undefined;
    const ids = new Int32Array(tt.keys.length);
    if (this.keys.length === 0 && !this.base) {
      this.base = tt.index;
      for (let k = 0; k < ids.length; k++) {
        ids[k] = k;
        this.push(
          tt.keys[k]!,
          tt.lemmas[k]!,
          tt.names[k]!,
          tt.numbers[k]!,
          ranks ? ranks.lemma[k]! : -2,
          ranks ? ranks.key[k]! : -2,
        );
      }
      this.interned.set(tt, ids);
      return (tt.vectors ??= tt.claims.map((c, i) => {
        const own: number[] = [];
        for (const id of c) own.push(id);
        return { ids: own, words: tt.words[i]! };
      }));
    }
    for (let k = 0; k < ids.length; k++) {
      ids[k] = this.intern(
        tt.keys[k]!,
        tt.lemmas[k]!,
        tt.names[k]!,
        tt.numbers[k]!,
        ranks ? ranks.lemma[k]! : -2,
        ranks ? ranks.key[k]! : -2,
      );
    }
    this.interned.set(tt, ids);
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
      const key = this.keys[id]!,
        lemma = this.lemmas[id]!;
      let rank: number | undefined;
      if (lex) {
        // lex.rank.get(lemma) ?? lex.rank.get(key), from the text's cached look-ups when there are some.
        const lr = this.lemmaRank[id]! === -2 ? (lex.rank.get(lemma) ?? -1) : this.lemmaRank[id]!;
        rank =
          lr >= 0
            ? lr
            : this.keyRank[id]! === -2
              ? lex.rank.get(key)
              : this.keyRank[id]! >= 0
                ? this.keyRank[id]!
                : undefined;
      }
      this.bg[id] = Math.log(1 + ((rank ?? lex?.size ?? 100_000) + 1) / ZIPF_CORE);
      let v: Float32Array | null = null;
      if (lex && rank !== undefined && rank < lex.vectorCount && !this.isNumber[id]) {
        v = this.lookups!.unitVector(rank);
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
    const n = claims,
      logN = Math.log(n + 1);
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
   * less than a lookup in a per-term Map cache would.
   */
  private rawSim(a: number, b: number): number {
    const str = stringSim(this.keys[a]!, this.keys[b]!);
    if (str > 0) return str;
    const va = this.vec[a],
      vb = this.vec[b];
    if (!va || !vb) return 0;
    // The exact int8 prefilter of `prepareCross`, pair by pair: ~98% of pairs stop here.
    const rows = this.lookups!.rows(),
      ia = this.vecRow[a]!,
      ib = this.vecRow[b]!;
    if (rows.dot(ia, ib) < (VECTOR_MIN_COSINE - PREFILTER_MARGIN) * rows.norm(ia) * rows.norm(ib)) return 0;
    return cosineCredit(unitDot(va, vb));
  }

  /** The distinct ids in order of first occurrence (as `[...new Set(ids)]`, with a marker array instead of a Set). */
  private distinct(ids: Iterable<number>): number[] {
    const seen = new Uint8Array(this.keys.length),
      out: number[] = [];
    for (const id of ids)
      if (!seen[id]) {
        seen[id] = 1;
        out.push(id);
      }
    return out;
  }

  /** Every cross-side term pair's similarity (set by `prepareCross`). */
  cross: CrossTable | null = null;

  /**
   * Precomputes, for every term of one side, its similar terms on the other side: one similarity per distinct
   * cross-side term pair (|Vo|·|Vr|, done only when at most CROSS_PAIRS_MAX), after which scoring a claim pair
   * reads its terms' similar terms from a sparse table instead of computing |A|·|B| similarities. The fast path
   * of `rawSim`, with the same answers (`match/kernels/cross-side.ts` `fillCross`); the table is typed arrays
   * (`match/kernels/cross-table.ts`; no per-term Maps: it is rebuilt on every compare, and Maps were a large share of
   * the garbage collector's work).
   */
  prepareCross(originalIds: Iterable<number>, rewriteIds: Iterable<number>): boolean {
    const oAll = this.distinct(originalIds),
      rAll = this.distinct(rewriteIds);
    const o = oAll.filter((x) => !this.isNumber[x]),
      r = rAll.filter((x) => !this.isNumber[x]);
    if (o.length * r.length > CROSS_PAIRS_MAX) return false;
    this.finalize();
    const side = (ids: number[]) =>
      this.side(
        ids.map((x) => this.keys[x]!),
        Int32Array.from(ids, (x) => this.vecRow[x]!),
      );
    return this.fill(oAll, rAll, o, side(o), r, side(r));
  }

  /**
   * `prepareCross` for the terms of two interned texts (`internText`), with each text's `CrossSide` built once
   * and kept in its `TextTerms`. A side is built from the text's own attributes; when merging with the
   * other text changed one of its terms (a number on the other side, a lemma with another vector) it is not
   * this compare's, and the table is prepared from the ids as `prepareCross` does (same table either way).
   */
  prepareTexts(original: TextTerms, rewrite: TextTerms): boolean {
    const oIds = this.interned.get(original),
      rIds = this.interned.get(rewrite);
    if (!oIds || !rIds) throw new Error('prepareTexts: intern both texts first');
    const oAll = [...oIds],
      rAll = [...rIds];
    const o = oAll.filter((x) => !this.isNumber[x]),
      r = rAll.filter((x) => !this.isNumber[x]);
    if (o.length * r.length > CROSS_PAIRS_MAX) return false;
    this.finalize();
    const os = this.textSide(original, oIds),
      rs = this.textSide(rewrite, rIds);
    if (!os || !rs) return this.prepareCross(oAll, rAll);
    return this.fill(oAll, rAll, o, os, r, rs);
  }

  /** The `CrossSide` of a text (cached in it), or null when this vocabulary's terms differ from the text's own. */
  private textSide(tt: TextTerms, ids: Int32Array): CrossSide | null {
    const lex = this.lexicon;
    if (tt.cross?.lexicon !== lex) {
      const keys: string[] = [],
        rows: number[] = [];
      tt.keys.forEach((key, k) => {
        if (tt.numbers[k]) return;
        keys.push(key);
        let rank = -1;
        if (lex && tt.ranks?.lexicon === lex) {
          // finalize's rank, from the text's own lemma and key.
          const lr = tt.ranks.lemma[k]!;
          rank = lr >= 0 ? lr : tt.ranks.key[k]!;
        }
        rows.push(rank >= 0 && rank < (lex?.vectorCount ?? 0) ? rank : -1);
      });
      tt.cross = { lexicon: lex, side: this.side(keys, Int32Array.from(rows)) };
    }
    const side = tt.cross.side;
    for (let k = 0, p = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (this.isNumber[id] !== tt.numbers[k]) return null;
      if (!tt.numbers[k] && this.vecRow[id] !== side.rows[p++]) return null;
    }
    return side;
  }

  private side(keys: string[], rows: Int32Array): CrossSide {
    const lex = this.lexicon;
    return crossSide(
      keys,
      rows,
      lex?.data ?? null,
      lex?.dims ?? 0,
      (row) => this.lookups!.unitVector(row),
      lex?.neighbours ?? null,
    );
  }

  private fill(oAll: number[], rAll: number[], o: number[], os: CrossSide, r: number[], rs: CrossSide): boolean {
    const table = crossTable(this.keys.length, oAll, rAll, o, r, this.buffers.log);
    fillCross(table, this.keys, o, os, r, rs, this.buffers.fill);
    finishTable(table, this.buffers.log);
    this.cross = table;
    return true;
  }

  /** Each interned text's ids, by its local term index (`internText`). */
  private readonly interned = new Map<TextTerms, Int32Array>();
}

/** What making a cross table reuses from table to table: the write log and the fill's buffers. */
export class CrossBuffers {
  readonly log = new LogBuffers();
  readonly fill = new FillBuffers();
}

/** Above this many distinct cross-side term pairs, similarities are computed lazily per scored claim pair. */
export const CROSS_PAIRS_MAX = 1_000_000;

/** A claim as term ids (deduplicated: a repeated word carries its meaning once). */
export interface ClaimVector {
  ids: number[];
  words: string[];
}

/**
 * A text's terms interned once per text (so a compare of cached texts does not intern, sort and look them up
 * again): its distinct keys in first-occurrence order with their merged attributes (the
 * alphabetically first lemma, a name only if every occurrence is, a number if any is: as `Vocabulary.intern`
 * merges them), each claim's distinct terms as local indexes in key order, and (filled by the first
 * `Vocabulary.internText` with a lexicon) the lemmas' frequency ranks and the keys' where a lemma has none (-2:
 * not looked up). Pure function of the terms.
 */
export interface TextTerms {
  keys: string[];
  /** Each key's index in `keys`. */
  index: Map<string, number>;
  lemmas: string[];
  names: boolean[];
  numbers: boolean[];
  claims: Int32Array[];
  words: string[][];
  ranks?: { lexicon: Lexicon; lemma: Int32Array; key: Int32Array };
  /** The claims' vectors when the text is the first interned into a vocabulary (its indexes are the ids): shared
   *  by every compare, never modified. */
  vectors?: ClaimVector[];
  /** The text's terms prepared for the cross table (`Vocabulary.prepareTexts`), per lexicon (null: none). */
  cross?: { lexicon: Lexicon | null; side: CrossSide };
}

/** The `TextTerms` of a text's claims. */
export function textTerms(claims: ClaimTerms[]): TextTerms {
  const b = new TextTermsBuilder();
  for (const t of claims) {
    for (const x of t.terms) b.term(x.key, x.lemma, x.name, x.number);
    b.endClaim(t.words);
  }
  return b.finish();
}

/**
 * Builds a text's `TextTerms` claim by claim as its terms are read (a `TermSink`: `term` for each term of the claim,
 * then `endClaim`), the same as `textTerms` of the claims' `ClaimTerms`, without a `Term` object per word (a fresh
 * seed pair made ~2,800).
 */
export class TextTermsBuilder implements TermSink {
  private readonly index = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly lemmas: string[] = [];
  private readonly names: boolean[] = [];
  private readonly numbers: boolean[] = [];
  private readonly own: Int32Array[] = [];
  private readonly words: string[][] = [];
  private readonly claim: number[] = [];

  term(key: string, lemma: string, name: boolean, number: boolean): void {
    let k = this.index.get(key);
    if (k === undefined) {
      this.index.set(key, (k = this.keys.length));
      this.keys.push(key);
      this.lemmas.push(lemma);
      this.names.push(name);
      this.numbers.push(number);
    } else {
      if (lemma < this.lemmas[k]!) this.lemmas[k] = lemma;
      this.names[k] = this.names[k]! && name;
      this.numbers[k] = this.numbers[k]! || number;
    }
    this.claim.push(k);
  }

  /** Ends the current claim, whose words are `words`. */
  endClaim(words: string[]): void {
    this.own.push(Int32Array.from(this.claim));
    this.claim.length = 0;
    this.words.push(words);
  }

  finish(): TextTerms {
    const { keys, index, lemmas, names, numbers, words } = this;
    return { keys, index, lemmas, names, numbers, claims: inKeyOrder(keys, this.own), words };
  }
}

/** Lists longer than this are put in key order by a sort (see `inKeyOrder`). */
const INSERTION_MAX = 64;

/**
 * Each list of indexes into `keys` deduplicated and in key order (code-unit order of the keys, as `<` compares
 * them), by insertion into a typed array: a claim holds a dozen terms, and a Set, a copy and a comparator sort per
 * claim were most of `textTerms`. Keys must be distinct (equal indexes are the only equal keys).
 */
export function inKeyOrder(keys: string[], lists: Int32Array[]): Int32Array[] {
  const byKey = (x: number, y: number) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0);
  return lists.map((list) => {
    // Insertion is quadratic: a long list (a claim of a text without sentence breaks) is sorted.
    if (list.length > INSERTION_MAX) return Int32Array.from(new Set(list)).sort(byKey);
    const out = new Int32Array(list.length);
    let n = 0;
    for (const k of list) {
      const key = keys[k]!;
      let j = n;
      while (j > 0 && keys[out[j - 1]!]! > key) j--;
      if (j > 0 && out[j - 1] === k) continue;
      out.copyWithin(j + 1, j, n);
      out[j] = k;
      n++;
    }
    return n === out.length ? out : out.slice(0, n);
  });
}

/** Interns a claim's terms. */
export function toClaimVector(vocab: Vocabulary, t: ClaimTerms): ClaimVector {
  // Terms in key order, so sums run in the same order whichever side a claim is on (exact symmetry).
  const ids = [...new Set(t.terms.map((x) => vocab.intern(x.key, x.lemma, x.name, x.number)))].sort((x, y) =>
    vocab.keys[x]! < vocab.keys[y]! ? -1 : vocab.keys[x]! > vocab.keys[y]! ? 1 : 0,
  );
  return { ids, words: t.words };
}
