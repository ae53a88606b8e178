import type { LexiconLookups } from './lexicon-lookups.js';
import { type ClaimVector, type CrossBuffers, type TextTerms, Vocabulary } from './vocabulary.js';

/** The terms of one compare: one vocabulary for both texts, weighted, and each side's claims as its term ids. */
export interface PairTerms {
  vocab: Vocabulary;
  original: ClaimVector[];
  rewrite: ClaimVector[];
}

/**
 * Interns both texts' terms into one vocabulary, weighs them (background IDF × in-document IDF over the claims of
 * both texts) and prepares the table of cross-side term similarities.
 */
export function pairTerms(
  lookups: LexiconLookups | null,
  buffers: CrossBuffers,
  original: TextTerms,
  rewrite: TextTerms,
): PairTerms {
  const vocab = new Vocabulary(lookups, buffers);
  const ov = vocab.internText(original),
    rv = vocab.internText(rewrite);
  const df = new Array<number>(vocab.keys.length).fill(0);
  for (const v of ov) for (const id of v.ids) df[id]!++;
  for (const v of rv) for (const id of v.ids) df[id]!++;
  vocab.setDocumentFrequencies(df, ov.length + rv.length);
  vocab.prepareTexts(original, rewrite);
  return { vocab, original: ov, rewrite: rv };
}

/**
 * The union of claims' terms, in key order. Each claim's ids are already in key order (`toClaimVector`), so the
 * union is a merge: the same sorted, deduplicated list as sorting the concatenation (keys are distinct per id),
 * without a sort.
 */
export function unionOf(vocab: Vocabulary, vs: ClaimVector[]): ClaimVector {
  let ids: number[] = vs.length ? vs[0]!.ids : [];
  for (let k = 1; k < vs.length; k++) ids = mergeIds(vocab.keys, ids, vs[k]!.ids);
  return { ids, words: [] };
}

function mergeIds(keys: readonly string[], x: number[], y: number[]): number[] {
  const out: number[] = [];
  let i = 0,
    j = 0;
  while (i < x.length && j < y.length) {
    const a = x[i]!,
      b = y[j]!;
    if (a === b) {
      out.push(a);
      i++;
      j++;
    } else if (keys[a]! < keys[b]!) {
      out.push(a);
      i++;
    } else {
      out.push(b);
      j++;
    }
  }
  while (i < x.length) out.push(x[i++]!);
  while (j < y.length) out.push(y[j++]!);
  return out;
}
