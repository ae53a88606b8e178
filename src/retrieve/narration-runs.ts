import { words } from './words.js';

/**
 * Copying evidence the sampled shingles miss: the longest run of words two texts share, counted in their narration
 * only. The index keeps one 5-word shingle in eight (`signature.ts`), so a lightly obfuscated passage, whose copied
 * runs are broken every few words, shares too few sampled keys; the exact longest shared run (Broder's resemblance
 * at its strictest; the word n-gram overlap of plagiarism detection, Clough & Stevenson 2011) still sees it.
 * Quotations are left out: two reports of one story quote the same speaker word for word without either copying
 * the other.
 */

/** Runs shorter than this are not looked for: a few words in a row say nothing of copying. */
export const MIN_RUN_SEED = 4;

/** Straight or typographic double quotes, within one paragraph for straight ones (an unclosed one ends there). */
const QUOTED = /“[^”]*”|"[^"\n]*"/g;

/** A text's narration as runs of words: the text between its quotations, each read into words. */
export function narrationSegments(text: string): string[][] {
  return text
    .split(QUOTED)
    .map(words)
    .filter((ws) => ws.length >= MIN_RUN_SEED);
}

/**
 * The longest run of words `a` and `b` share within one segment of each (0 when under MIN_RUN_SEED): every
 * MIN_RUN_SEED-word window of `b` indexed, each match in `a` extended while the words agree.
 */
export function longestSharedRun(a: readonly string[][], b: readonly string[][]): number {
  const seeds = new Map<string, [number, number][]>();
  b.forEach((ws, s) => {
    for (let j = 0; j + MIN_RUN_SEED <= ws.length; j++) {
      const key = ws.slice(j, j + MIN_RUN_SEED).join(' ');
      const at = seeds.get(key);
      if (at) at.push([s, j]);
      else seeds.set(key, [[s, j]]);
    }
  });
  let best = 0;
  for (const ws of a) {
    for (let i = 0; i + MIN_RUN_SEED <= ws.length; i++) {
      const at = seeds.get(ws.slice(i, i + MIN_RUN_SEED).join(' '));
      if (!at) continue;
      for (const [s, j] of at) {
        const other = b[s]!;
        let n = MIN_RUN_SEED;
        while (i + n < ws.length && j + n < other.length && ws[i + n] === other[j + n]) n++;
        best = Math.max(best, n);
      }
    }
  }
  return best;
}
