/**
 * Copied word runs: pairs of claims that share a run of COPY_RUN consecutive words (a word shingle, as in
 * Broder 1997 and the n-gram containment measures of plagiarism detection, Clough & Stevenson 2011). A shared
 * run of six words is rare between independently written sentences unless it is a fixed phrase of names
 * ("Russian President Vladimir Putin and Ukrainian President…") or a stock phrase of function words ("a
 * face-to-face meeting between"), so a run counts only with at least COPY_RUN_CONTENT distinct content words
 * that are not proper nouns. Used as evidence of derivation beside the similarity score.
 *
 * The work is split by what it depends on: a text's shingles and their index (`textShingles`) depend on
 * that text alone and are kept with its analysis, so a compare only probes one index with the other side's
 * shingles (`copiedPairs`) instead of building both again for texts it has seen before.
 */
export const COPY_RUN = 6;
export const COPY_RUN_CONTENT = 3;
/** A shingle shared by more than this many claims of one side is boilerplate-like and ignored. */
const MAX_POSTINGS = 8;

interface Words {
  words: string[];
  wordKinds: number[];
}

/**
 * One text's shingles in flat arrays (a cached analysis keeps them: two arrays per claim and one per distinct
 * shingle were ~800 of the ~20,000 objects a fresh seed-pair compare left for the scavenger to copy).
 * Claim `i`'s shingles are `list[start[i]] … list[start[i + 1] - 1]`, in order; `index` maps a distinct shingle to
 * its entry `e`, and the claims holding it are `claims[from[e]] … claims[from[e + 1] - 1]`, ascending.
 */
export interface TextShingles {
  list: string[];
  start: Int32Array;
  index: Map<string, number>;
  from: Int32Array;
  claims: Int32Array;
}

/** Claim `i`'s shingles, in order. */
export function claimShingles(t: TextShingles, i: number): string[] {
  return t.list.slice(t.start[i], t.start[i + 1]);
}

/** The claims holding `shingle`, ascending (none if it is not one of the text's). */
export function shingleClaims(t: TextShingles, shingle: string): number[] {
  const e = t.index.get(shingle);
  return e === undefined ? [] : [...t.claims.subarray(t.from[e], t.from[e + 1])];
}

/** A claim's shingles: each run of COPY_RUN words joined by spaces, cut out of `key` (all its words joined by spaces,
 *  the same string) rather than joined again for every window. */
function shingles(c: Words, key: string): string[] {
  const out: string[] = [];
  const words = c.words;
  // [s, e): the window's span in `key`.
  let s = 0,
    e = -1;
  for (let k = 0; k < COPY_RUN && k < words.length; k++) e += words[k]!.length + 1;
  for (let i = 0; i + COPY_RUN <= words.length; i++) {
    if (i > 0) {
      s += words[i - 1]!.length + 1;
      e += words[i + COPY_RUN - 1]!.length + 1;
    }
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
  const list: string[] = [];
  const start = new Int32Array(claims.length + 1);
  claims.forEach((c, i) => {
    for (const x of shingles(c, keys[i]!)) list.push(x);
    start[i + 1] = list.length;
  });
  // Distinct shingles and how many claims hold each (a claim repeating a run counts once), then the claims.
  const index = new Map<string, number>();
  const entry = new Int32Array(list.length),
    count: number[] = [],
    last: number[] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      let e = index.get(list[k]!);
      if (e === undefined) {
        index.set(list[k]!, (e = count.length));
        count.push(0);
        last.push(-1);
      }
      entry[k] = e;
      if (last[e] !== i) {
        last[e] = i;
        count[e]!++;
      }
    }
  }
  const from = new Int32Array(count.length + 1);
  for (let e = 0; e < count.length; e++) from[e + 1] = from[e]! + count[e]!;
  const fill = from.slice(0, count.length),
    held = new Int32Array(from[count.length]!);
  last.fill(-1);
  for (let i = 0; i < claims.length; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const e = entry[k]!;
      if (last[e] !== i) {
        last[e] = i;
        held[fill[e]!++] = i;
      }
    }
  }
  return { list, start, index, from, claims: held };
}

/** Keys `oi * rewrite.claims.length + ri` of the claim pairs that share a copied run. Linear in the rewrite's words. */
export function copiedPairs(original: TextShingles, rewrite: TextShingles): Set<number> {
  const out = new Set<number>(),
    n = rewrite.start.length - 1;
  for (let ri = 0; ri < n; ri++) {
    for (let k = rewrite.start[ri]!; k < rewrite.start[ri + 1]!; k++) {
      const e = original.index.get(rewrite.list[k]!);
      if (e === undefined) continue;
      const a = original.from[e]!,
        b = original.from[e + 1]!;
      if (b - a <= MAX_POSTINGS) for (let j = a; j < b; j++) out.add(original.claims[j]! * n + ri);
    }
  }
  return out;
}
