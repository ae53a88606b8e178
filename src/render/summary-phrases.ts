import type { CompareResult, Verdict } from '../core/types.js';

/** Names and options every renderer accepts. */
export interface RenderOptions {
  originalOutlet?: string | undefined;
  rewriteOutlet?: string | undefined;
  /** Columns the text and Markdown reports wrap to (default 100); the HTML report ignores it. */
  width?: number | undefined;
}

export const VERDICT_LABELS: Record<Verdict, string> = {
  wholly_derived: 'wholly derived',
  partially_derived: 'partially derived',
  independent: 'independent',
};

/** A ratio as a whole percentage ("62%"). */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** True when the rewrite is derived from the original (wholly or partially) and was checked and found not to credit
 *  it. */
export function derivedUncredited(result: CompareResult): boolean {
  return result.summary.verdict !== 'independent' && result.summary.attribution.credited === false;
}

/**
 * The credit state every human view shows: `credited`, `uncredited` (derived and no credit: the loud one), `none`
 * (independent and no credit: nothing to credit) or `unchecked` (the original's outlet is unknown).
 */
export type CreditState = 'credited' | 'uncredited' | 'none' | 'unchecked';

export function creditState(result: CompareResult): CreditState {
  const credited = result.summary.attribution.credited;
  if (credited === null) return 'unchecked';
  if (credited) return 'credited';
  return derivedUncredited(result) ? 'uncredited' : 'none';
}

/** The names the rewrite cites as its sources, each once. */
export function citedNames(result: CompareResult): string[] {
  return [...new Set(result.summary.attribution.cited.map((c) => c.text))];
}

/** The credit line: who credited whom, the loud warning when a derived rewrite credits no one, or "not checked". */
export function creditLine(result: CompareResult, opts: RenderOptions): string {
  const source = opts.originalOutlet ?? result.summary.attribution.names[0] ?? 'the original';
  const cited = citedNames(result);
  switch (creditState(result)) {
    case 'credited':
      return `credits ${source}`;
    case 'uncredited':
      return `DERIVED BUT UNCREDITED: no credit to ${source} found`;
    case 'none':
      return `no credit to ${source} found`;
    case 'unchecked':
      return (
        "credit not checked (original's outlet unknown)" +
        (cited.length ? `; the rewrite cites ${cited.join(', ')}` : '')
      );
  }
}

/** Counts as a short phrase: "original 12 kept · 5 paraphrased · 3 dropped". */
export function countsLine(result: CompareResult): { original: string; rewrite: string } {
  const o = result.summary.counts.original,
    r = result.summary.counts.rewrite;
  return {
    original: `${o.kept} kept · ${o.paraphrased} paraphrased · ${o.dropped} dropped`,
    rewrite: `${r.kept} kept · ${r.paraphrased} paraphrased · ${r.added} added`,
  };
}

/** Quote and fact findings as short phrases, only the non-zero ones. */
export function findingsLine(result: CompareResult): string[] {
  const q = result.summary.quotes;
  const out: string[] = [];
  const add = (n: number, what: string) => {
    if (n) out.push(`${n} ${what}`);
  };
  add(q.altered, q.altered === 1 ? 'altered quote' : 'altered quotes');
  add(q.from_narration, 'quote(s) made from narration');
  add(q.not_in_original, 'quote(s) not in the original');
  add(q.dropped, q.dropped === 1 ? 'dropped quote' : 'dropped quotes');
  add(q.speakerChanged, 'quote(s) with a changed speaker');
  add(result.summary.changedFacts, result.summary.changedFacts === 1 ? 'changed fact' : 'changed facts');
  return out;
}
