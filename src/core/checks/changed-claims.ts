import type { Alignment, Claim, DiffPart, Quote, SideResult } from '../types.js';

/**
 * Which claims say something else than their counterpart: a claim is `changed` when an alignment it belongs to
 * reports a changed fact, or when it holds an altered quotation (the rewrite's quotation, or the original's words
 * it was altered from).
 */
export function changedClaimIds(
  alignments: Alignment[],
  quotes: Quote[],
  original: SideResult,
  rewrite: SideResult,
): Set<string> {
  const changed = new Set<string>();
  for (const a of alignments) if (a.changes.length) for (const id of [...a.original, ...a.rewrite]) changed.add(id);
  const holds = (claims: Claim[], start: number, end: number) => {
    for (const c of claims) if (c.start < end && start < c.end) changed.add(c.id);
  };
  for (const q of quotes) {
    if (q.side !== 'rewrite' || q.status !== 'altered' || !wordsChanged(q.diff)) continue;
    holds(rewrite.claims, q.start, q.end);
    if (q.source) holds(original.claims, q.source.start, q.source.end);
  }
  return changed;
}

/**
 * A side with its claims marked `changed`. A changed claim is never `kept`: kept means the same words and the same
 * meaning, so a near-verbatim claim with a name replaced or a negation dropped counts as paraphrased.
 */
export function markChanged(side: SideResult, changed: Set<string>): SideResult {
  const claims = side.claims.map((c) => {
    const isChanged = changed.has(c.id);
    return { ...c, changed: isChanged, status: isChanged && c.status === 'kept' ? ('paraphrased' as const) : c.status };
  });
  return { ...side, claims };
}

/** An alignment holding a changed claim is paraphrased, not kept. */
export function alignmentStatus(a: Alignment, changed: Set<string>): Alignment['status'] {
  return a.status === 'kept' && [...a.original, ...a.rewrite].some((id) => changed.has(id)) ? 'paraphrased' : a.status;
}

/**
 * Whether an altered quotation's diff changes the speaker's words: words removed or added once case, punctuation
 * and bracketed editorial insertions ("If it doesn’t [happen]" / "if it doesn’t") are set aside.
 */
export function wordsChanged(diff: DiffPart[]): boolean {
  const count = new Map<string, number>();
  for (const p of diff) {
    if (p.op === 'equal') continue;
    for (const w of p.text
      .replace(/\[[^\]]*\]/g, ' ')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []) {
      count.set(w, (count.get(w) ?? 0) + (p.op === 'added' ? 1 : -1));
    }
  }
  return [...count.values()].some((n) => n !== 0);
}
