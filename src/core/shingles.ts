/**
 * Copied word runs: pairs of claims that share a run of COPY_RUN consecutive words (a word shingle, as in
 * Broder 1997 and the n-gram containment measures of plagiarism detection, Clough & Stevenson 2011). A shared
 * run of six words is rare between independently written sentences unless it is a fixed phrase of names
 * ("Russian President Vladimir Putin and Ukrainian President…") or a stock phrase of function words ("a
 * face-to-face meeting between"), so a run counts only with at least COPY_RUN_CONTENT distinct content words
 * that are not proper nouns. Used as evidence of derivation beside the similarity score.
 */
export const COPY_RUN = 6;
export const COPY_RUN_CONTENT = 3;
/** A shingle shared by more than this many claims of one side is boilerplate-like and ignored. */
const MAX_POSTINGS = 8;

interface Words { words: string[]; wordKinds: number[] }

function shingles(c: Words): string[] {
  const out: string[] = [];
  for (let i = 0; i + COPY_RUN <= c.words.length; i++) {
    const content = new Set<string>();
    for (let k = i; k < i + COPY_RUN; k++) if (c.wordKinds[k] === 1) content.add(c.words[k]!);
    if (content.size >= COPY_RUN_CONTENT) out.push(c.words.slice(i, i + COPY_RUN).join(' '));
  }
  return out;
}

/** Keys `oi * rewrite.length + ri` of the claim pairs that share a copied run. Linear in the words. */
export function copiedPairs(original: Words[], rewrite: Words[]): Set<number> {
  const index = new Map<string, number[]>();
  original.forEach((c, oi) => {
    for (const s of shingles(c)) { const p = index.get(s); if (!p) index.set(s, [oi]); else if (p.at(-1) !== oi) p.push(oi); }
  });
  const out = new Set<number>();
  rewrite.forEach((c, ri) => {
    for (const s of shingles(c)) {
      const p = index.get(s);
      if (p && p.length <= MAX_POSTINGS) for (const oi of p) out.add(oi * rewrite.length + ri);
    }
  });
  return out;
}
