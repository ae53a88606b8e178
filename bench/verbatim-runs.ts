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

/**
 * Distinct runs of `n` words that `a` shares with `b`. Obfuscation (PAN's random word replacement, a translation
 * chain) breaks a copied passage into short runs: it leaves no long run but several short ones, where two texts on
 * one topic share a few stock phrases.
 */
export function sharedRunCount(a: readonly string[], b: readonly string[], n: number): number {
  const grams = runHashes(b, n);
  let shared = 0;
  for (const h of runHashes(a, n)) if (grams.has(h)) shared++;
  return shared;
}

/** The most distinct runs of `n` words any of `docs` shares with any one of `stored`. */
export function mostSharedRuns(docs: readonly string[][], stored: readonly string[][], n: number): number {
  const holders = new Map<number, number[]>();
  stored.forEach((ws, i) => {
    for (const h of runHashes(ws, n)) {
      const list = holders.get(h);
      if (list) list.push(i);
      else holders.set(h, [i]);
    }
  });
  let most = 0;
  for (const ws of docs) {
    const counts = new Map<number, number>();
    for (const h of runHashes(ws, n)) {
      for (const i of holders.get(h) ?? []) {
        const c = (counts.get(i) ?? 0) + 1;
        counts.set(i, c);
        if (c > most) most = c;
      }
    }
  }
  return most;
}
