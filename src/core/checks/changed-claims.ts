import type { Claim, CompareResult, DiffPart } from '../types.js';

/**
 * Which claims say something else than their counterpart: a claim is `changed` when an alignment it belongs to
 * reports a changed fact, or when it holds an altered quotation (the rewrite's quotation, or the original's words
 * it was altered from). A changed claim is never `kept`: kept means the same words and the same meaning, so a
 * near-verbatim claim with a name replaced or a negation dropped is counted as paraphrased, and its alignment too.
 */
export function markChangedClaims(result: CompareResult): void {
  const changed = new Set<string>();
  for (const a of result.alignments) if (a.changes.length) for (const id of [...a.original, ...a.rewrite]) changed.add(id);
  const holds = (claims: Claim[], start: number, end: number) => {
    for (const c of claims) if (c.start < end && start < c.end) changed.add(c.id);
  };
  for (const q of result.quotes) {
    if (q.side !== 'rewrite' || q.status !== 'altered' || !wordsChanged(q.diff)) continue;
    holds(result.rewrite.claims, q.start, q.end);
    if (q.source) holds(result.original.claims, q.source.start, q.source.end);
  }
  const { counts } = result.summary;
  for (const [claims, side] of [[result.original.claims, counts.original], [result.rewrite.claims, counts.rewrite]] as const) {
    for (const c of claims) {
      c.changed = changed.has(c.id);
      if (c.changed && c.status === 'kept') { c.status = 'paraphrased'; side.kept--; side.paraphrased++; }
    }
  }
  for (const a of result.alignments) if (a.status === 'kept' && [...a.original, ...a.rewrite].some((id) => changed.has(id))) a.status = 'paraphrased';
}

/**
 * Whether an altered quotation's diff changes the speaker's words: words removed or added once case, punctuation
 * and bracketed editorial insertions ("If it doesn’t [happen]" / "if it doesn’t") are set aside.
 */
export function wordsChanged(diff: DiffPart[]): boolean {
  const count = new Map<string, number>();
  for (const p of diff) {
    if (p.op === 'equal') continue;
    for (const w of p.text.replace(/\[[^\]]*\]/g, ' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      count.set(w, (count.get(w) ?? 0) + (p.op === 'added' ? 1 : -1));
    }
  }
  return [...count.values()].some((n) => n !== 0);
}
