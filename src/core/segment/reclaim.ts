import type { Span } from '../types.js';

/**
 * Boilerplate that the other text copied into its content is content after all. The boilerplate stage reads one
 * text alone, and a teaser list or a credit line looks the same whether it is page furniture or a paragraph that
 * a rewrite pasted into its own body. The pair settles it: a paragraph set aside on one side whose words the other
 * side carries as a long verbatim run among its content claims is brought back, so it can align. Furniture both
 * pages share (a footer, "your e-mail address is totally secure") is boilerplate on both sides, so neither copy sits
 * among the other's content claims and it stays aside.
 */
export interface ReclaimRule {
  /** Fewest words of the paragraph (shorter labels, "Login", "Source: NASA", occur in any prose). */
  minWords: number;
  /** Words in a shared run that counts as copied (a paragraph shorter than this must be copied whole). */
  minRun: number;
  /** Least share of the paragraph's words inside such runs. */
  minCover: number;
  /**
   * Least share of the words of the other side's claims holding the runs that the runs make up: a paragraph pasted
   * as such stands as claims of its own; a credit line glued onto another sentence does not (the sentence would
   * align as a whole, the rest of it included).
   */
  minHost: number;
  /**
   * Whether the copy must sit inside the other side's content, with content claims of that side before and after
   * it: furniture that side's boilerplate stage missed (a footer line) closes or opens its page.
   */
  inside: boolean;
}

/** Lower-cased letter/digit runs: the copy test ignores punctuation and spacing, which pasting often changes. */
const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string, start: number, end: number): string[] {
  return text.slice(start, end).toLowerCase().match(WORD) ?? [];
}

/**
 * The starts of the paragraphs in `boilerplate` (spans of `text`) that `other`'s content claims (spans of
 * `otherText`, in text order) copy, by `rule`. Linear in the other text's content; nothing is read when no
 * paragraph is long enough to qualify.
 */
export function copiedBoilerplate(
  text: string,
  boilerplate: readonly Span[],
  otherText: string,
  other: readonly Span[],
  rule: ReclaimRule,
): number[] {
  if (!other.length) return [];
  let lowerOther: string | undefined;
  // A paragraph whose longest word the other text lacks has no run there (one native scan instead of reading
  // the other side's claims word by word, which most pairs never need).
  const candidates = boilerplate
    .map((b) => ({ start: b.start, words: wordsOf(text, b.start, b.end) }))
    .filter((c) => {
      if (c.words.length < rule.minWords) return false;
      const longest = c.words.reduce((a, w) => (w.length > a.length ? w : a), '');
      lowerOther ??= otherText.toLowerCase();
      return lowerOther.includes(longest);
    });
  if (!candidates.length) return [];
  /** Each run length in use → its word runs → where they sit (candidate, first word). */
  const runs = new Map<number, Map<string, [number, number][]>>();
  const firsts = new Set<string>();
  candidates.forEach((c, ci) => {
    const n = Math.min(rule.minRun, c.words.length);
    let byKey = runs.get(n);
    if (!byKey) runs.set(n, (byKey = new Map()));
    for (let i = 0; i + n <= c.words.length; i++) {
      const key = c.words.slice(i, i + n).join(' ');
      let at = byKey.get(key);
      if (!at) byKey.set(key, (at = []));
      at.push([ci, i]);
      firsts.add(c.words[i]!);
    }
  });
  const words: string[] = [];
  /** Each word's claim, and each claim's word count. */
  const hostOf: number[] = [];
  const hostWords: number[] = [];
  other.forEach((s, h) => {
    const w = wordsOf(otherText, s.start, s.end);
    for (const x of w) {
      words.push(x);
      hostOf.push(h);
    }
    hostWords.push(w.length);
  });
  const covered = candidates.map((c) => new Uint8Array(c.words.length));
  /** The other side's words inside a run, and the claims each candidate's runs sit in. */
  const inRun = new Uint8Array(words.length);
  const hosts = candidates.map(() => new Set<number>());
  for (const [n, byKey] of runs) {
    for (let i = 0; i + n <= words.length; i++) {
      if (!firsts.has(words[i]!)) continue;
      const at = byKey.get(words.slice(i, i + n).join(' '));
      if (!at) continue;
      inRun.fill(1, i, i + n);
      for (const [ci, wi] of at) {
        covered[ci]!.fill(1, wi, wi + n);
        for (let j = i; j < i + n; j++) hosts[ci]!.add(hostOf[j]!);
      }
    }
  }
  const hostCovered = new Array<number>(hostWords.length).fill(0);
  inRun.forEach((x, j) => {
    if (x) hostCovered[hostOf[j]!]!++;
  });
  const out: number[] = [];
  candidates.forEach((c, ci) => {
    let n = 0;
    for (const x of covered[ci]!) n += x;
    let held = 0,
      all = 0;
    for (const h of hosts[ci]!) {
      held += hostCovered[h]!;
      all += hostWords[h]!;
    }
    const first = Math.min(...hosts[ci]!),
      last = Math.max(...hosts[ci]!);
    const placed = !rule.inside || (first > 0 && last < other.length - 1);
    if (n > 0 && n >= rule.minCover * c.words.length && held >= rule.minHost * all && placed) out.push(c.start);
  });
  return out;
}

/** Fitted by `scripts/fit/reclaim.ts` (docs/reclaim.md). */
export const RECLAIM: ReclaimRule = { minWords: 8, minRun: 5, minCover: 0.5, minHost: 0.5, inside: true };
