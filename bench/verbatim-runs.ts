import { hash52 } from '../src/retrieve/hash.js';

/**
 * Shared word runs, the benchmark's evidence that an unlisted stored document is a true source: two texts that
 * share a run of words longer than any run a document without reuse shares with any stored document share a
 * passage, not a phrase.
 */

function runHashes(ws: readonly string[], n: number): Set<number> {
  const grams = new Set<number>();
  for (let i = 0; i + n <= ws.length; i++) grams.add(hash52(ws.slice(i, i + n).join(' ')));
  return grams;
}

/** Whether `a` and `b` share a run of `n` words. */
export function sharesRun(a: readonly string[], b: readonly string[], n: number): boolean {
  const grams = runHashes(b, n);
  for (let i = 0; i + n <= a.length; i++) if (grams.has(hash52(a.slice(i, i + n).join(' ')))) return true;
  return false;
}

/**
 * The longest run (up to `max` words) that any of `docs` shares with any of `stored`: grows the run length while
 * some pair still shares one, so each length indexes the stored runs once.
 */
export function longestSharedRun(docs: readonly string[][], stored: readonly string[][], max = 40): number {
  let longest = 0;
  for (let n = 1; n <= max; n++) {
    const grams = new Set<number>();
    for (const ws of stored) for (const h of runHashes(ws, n)) grams.add(h);
    const shared = docs.some((ws) => {
      for (let i = 0; i + n <= ws.length; i++) if (grams.has(hash52(ws.slice(i, i + n).join(' ')))) return true;
      return false;
    });
    if (!shared) break;
    longest = n;
  }
  return longest;
}
