/**
 * Copied word runs: pairs of claims that share a run of COPY_RUN consecutive words (a word shingle, as in
 * Broder 1997 and the n-gram containment measures of plagiarism detection, Clough & Stevenson 2011). A shared
 * run of six words is rare between independently written sentences unless it is a fixed phrase of names
 * ("Russian President Vladimir Putin and Ukrainian President…") or a stock phrase of function words ("a
 * face-to-face meeting between"), so a run counts only with at least COPY_RUN_CONTENT distinct content words
 * that are not proper nouns. Used as evidence of derivation beside the similarity score.
 *
 * The work is split by what it depends on (issue #6): a text's shingles and their index (`textShingles`) depend on
 * that text alone and are kept with its analysis, so a compare only probes one index with the other side's
 * shingles (`copiedPairs`); building both per compare was ~8% of a compare of two texts seen before.
 */
export const COPY_RUN = 6;
export const COPY_RUN_CONTENT = 3;
/** A shingle shared by more than this many claims of one side is boilerplate-like and ignored. */
const MAX_POSTINGS = 8;

interface Words { words: string[]; wordKinds: number[] }

/** One text's shingles: per claim (in order), and an index from shingle to the claims holding it (ascending). */
export interface TextShingles {
  claims: string[][];
  index: Map<string, number[]>;
}

/** A claim's shingles: each run of COPY_RUN words joined by spaces, cut out of `key` (all its words joined by spaces,
 *  the same string) rather than joined again for every window. */
function shingles(c: Words, key: string): string[] {
  const out: string[] = [];
  const words = c.words;
  // [s, e): the window's span in `key`.
  let s = 0, e = -1;
  for (let k = 0; k < COPY_RUN && k < words.length; k++) e += words[k]!.length + 1;
  for (let i = 0; i + COPY_RUN <= words.length; i++) {
    if (i > 0) { s += words[i - 1]!.length + 1; e += words[i + COPY_RUN - 1]!.length + 1; }
    if (distinctContent(c, i, i + COPY_RUN) >= COPY_RUN_CONTENT) out.push(key.slice(s, e));
  }
  return out;
}

/** Number of distinct content words (kind 1) among words `[from, to)`. Compared pairwise: a window is six words,
 *  and a Set per window was most of the garbage of `textShingles`. */
export function distinctContent(c: Words, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    if (c.wordKinds[k] !== 1) continue;
    let seen = false;
    for (let j = from; j < k && !seen; j++) seen = c.wordKinds[j] === 1 && c.words[j] === c.words[k];
    if (!seen) n++;
  }
  return n;
}

/** The shingles of a text's claims and their index. `keys` are the claims' words joined by spaces (made if not
 *  given). Linear in the words. */
export function textShingles(claims: Words[], keys: string[] = claims.map((c) => c.words.join(' '))): TextShingles {
  const perClaim = claims.map((c, i) => shingles(c, keys[i]!));
  const index = new Map<string, number[]>();
  perClaim.forEach((list, ci) => {
    for (const s of list) { const p = index.get(s); if (!p) index.set(s, [ci]); else if (p.at(-1) !== ci) p.push(ci); }
  });
  return { claims: perClaim, index };
}

/** Keys `oi * rewrite.claims.length + ri` of the claim pairs that share a copied run. Linear in the rewrite's words. */
export function copiedPairs(original: TextShingles, rewrite: TextShingles): Set<number> {
  const out = new Set<number>(), n = rewrite.claims.length;
  rewrite.claims.forEach((list, ri) => {
    for (const s of list) {
      const p = original.index.get(s);
      if (p && p.length <= MAX_POSTINGS) for (const oi of p) out.add(oi * n + ri);
    }
  });
  return out;
}
