import { type Int8Rows, int8Rows } from '../../lexicon/int8-scan.js';
import type { Lexicon } from '../../lexicon/lexicon.js';
import { unitVectorOf } from '../../lexicon/unit-vectors.js';

/** Words whose frequency rank is remembered (the most recently looked up first dropped). */
export const RANK_MEMO_MAX = 20_000;
/** Unit vectors remembered (400 bytes each, ~8 MB). */
export const UNIT_VECTORS_MAX = 20_000;

/**
 * A lexicon with memos of what compares look up in it, owned by one comparer. News texts share most of their
 * vocabulary: looking a word up in the lexicon's 200,000-word Map misses the processor cache (a compare pushes the
 * large table out), while this small memo stays in it; every compare used to rebuild and normalise the vector of
 * each of its terms. The memos hold pure functions of the immutable lexicon, so they change no answer; they are
 * bounded, the oldest entry dropped first.
 */
export class LexiconLookups {
  private readonly ranks = new Map<string, number>();
  private readonly units = new Map<number, Float32Array>();
  private int8: Int8Rows | null = null;

  constructor(readonly lexicon: Lexicon) {}

  /** The frequency rank of `word`, -1 when the lexicon does not know it. */
  rankOf(word: string): number {
    let rank = this.ranks.get(word);
    if (rank === undefined) {
      rank = this.lexicon.rank.get(word) ?? -1;
      remember(this.ranks, word, rank, RANK_MEMO_MAX);
    }
    return rank;
  }

  /** The lexicon row `rank` as a float unit vector (the int8 components times their scale, normalised); read-only. */
  unitVector(rank: number): Float32Array {
    let v = this.units.get(rank);
    if (v === undefined) {
      const lex = this.lexicon;
      v = unitVectorOf(lex.data, lex.scales, lex.dims, rank);
      remember(this.units, rank, v, UNIT_VECTORS_MAX);
    }
    return v;
  }

  /** Random access to the lexicon's int8 rows (a WebAssembly copy, made on first use). */
  rows(): Int8Rows {
    const lex = this.lexicon;
    return (this.int8 ??= int8Rows(lex.data, lex.dims, lex.vectorCount));
  }
}

/** The look-ups of `lexicon` (null: none, similarity without vectors). */
export function lexiconLookups(lexicon: Lexicon | null): LexiconLookups | null {
  return lexicon && new LexiconLookups(lexicon);
}

function remember<K, V>(memo: Map<K, V>, key: K, value: V, max: number): void {
  if (memo.size >= max) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
}
