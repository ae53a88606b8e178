import type { Claim, CompareResult, Quote, Side } from '../core/types.js';
import { citedNames, creditState } from './summary-phrases.js';

/**
 * What an editor must look at, before the claim-by-claim rows: the credit, quotation problems and changed facts,
 * each with a human label and the claim it sits in, so every view can list them first and link to the claim.
 */

export type FindingKind =
  | 'credited'
  | 'uncredited'
  | 'credit_unchecked'
  | 'altered_quote'
  | 'quote_from_narration'
  | 'quote_not_in_original'
  | 'quote_speaker_changed'
  | 'changed_fact';

export interface Finding {
  kind: FindingKind;
  /** Problems are what "problems only" keeps; the rest (a credit found, a credit not checked) is information. */
  problem: boolean;
  /** A human label ("Altered quotation"), never a code. */
  label: string;
  /** What was found, in words: the quotation, the fact's note, the credit's words. */
  detail: string;
  /** The side and claim the finding points at (null when it is about the whole rewrite). */
  side: Side;
  claim: string | null;
}

/** Human labels of the `summary.flags` codes, for views that show a flag (the JSON keeps the codes). */
export const FLAG_LABELS: Record<string, string> = {
  derived_uncredited: 'Derived but uncredited',
  credit_not_checked: 'Credit not checked',
  altered_quote: 'Altered quotation',
  quote_from_narration: 'Narration turned into a quotation',
  quote_not_in_original: 'Quotation not in the original',
  quote_speaker_changed: 'Quotation given to another speaker',
  changed_facts: 'Changed facts',
};

const QUOTE_FINDINGS: { kind: FindingKind; label: string; holds: (q: Quote) => boolean }[] = [
  { kind: 'altered_quote', label: 'Altered quotation', holds: (q) => q.status === 'altered' },
  {
    kind: 'quote_from_narration',
    label: 'Narration turned into a quotation',
    holds: (q) => q.status === 'from_narration',
  },
  {
    kind: 'quote_not_in_original',
    label: 'Quotation not in the original',
    holds: (q) => q.status === 'not_in_original',
  },
  { kind: 'quote_speaker_changed', label: 'Quotation given to another speaker', holds: (q) => q.speakerChanged },
];

/** A quotation in curly quotes (its own marks, when the span has them, are not doubled). */
const quoted = (s: string) =>
  `“${s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["“”„«»]|["“”«»]$/g, '')}”`;

/** The claim of `side` whose span holds `offset` (null inside boilerplate or between claims). */
export function claimAt(result: CompareResult, side: Side, offset: number): Claim | null {
  return result[side].claims.find((c) => c.start <= offset && offset < c.end) ?? null;
}

/** The findings of a result: credit first, then quotation problems, then changed facts; each kind in text order. */
export function findings(result: CompareResult, opts: { originalOutlet?: string | undefined } = {}): Finding[] {
  const out: Finding[] = [];
  const a = result.summary.attribution;
  const source = opts.originalOutlet ?? a.names[0] ?? 'the original';
  const at = (side: Side, offset: number | undefined) =>
    offset === undefined ? null : (claimAt(result, side, offset)?.id ?? null);
  switch (creditState(result)) {
    case 'credited':
      out.push({
        kind: 'credited',
        problem: false,
        label: `Credits ${source}`,
        detail: a.evidence.map((e) => quoted(e.text)).join(', '),
        side: 'rewrite',
        claim: at('rewrite', a.evidence[0]?.start),
      });
      break;
    case 'uncredited':
      out.push({
        kind: 'uncredited',
        problem: true,
        label: 'Derived but uncredited',
        detail:
          `the rewrite is ${result.summary.verdict.replace('_', ' ')} from the original` +
          ` and never credits ${source}`,
        side: 'rewrite',
        claim: null,
      });
      break;
    case 'unchecked': {
      const cited = citedNames(result);
      out.push({
        kind: 'credit_unchecked',
        problem: false,
        label: 'Credit not checked',
        detail:
          'the original’s outlet is unknown (give its outlet or URL)' +
          (cited.length ? `; the rewrite cites ${cited.join(', ')}` : ''),
        side: 'rewrite',
        claim: at('rewrite', a.cited[0]?.start),
      });
      break;
    }
    case 'none':
      break;
  }
  const rewriteQuotes = result.quotes.filter((q) => q.side === 'rewrite').sort((x, y) => x.start - y.start);
  const originalQuotes = result.quotes.filter((q) => q.side === 'original');
  for (const f of QUOTE_FINDINGS) {
    for (const q of rewriteQuotes) {
      if (!f.holds(q)) continue;
      let detail = quoted(q.text);
      if (f.kind === 'altered_quote' && q.source) detail += ` — the original has ${quoted(q.source.text)}`;
      if (f.kind === 'quote_speaker_changed') {
        const was =
          q.source && originalQuotes.find((o) => o.start <= q.source!.start && q.source!.end <= o.end)?.speaker;
        if (q.speaker) detail += ` — given to ${q.speaker.text}`;
        if (was) detail += `, said by ${was.text} in the original`;
      }
      out.push({ kind: f.kind, problem: true, label: f.label, detail, side: 'rewrite', claim: at('rewrite', q.start) });
    }
  }
  for (const al of result.alignments) {
    for (const c of al.changes) {
      const side: Side = c.rewrite ? 'rewrite' : 'original';
      const span = c.rewrite ?? c.original;
      out.push({
        kind: 'changed_fact',
        problem: true,
        label: 'Changed fact',
        detail: c.note,
        side,
        claim: at(side, span?.start) ?? al[side][0] ?? null,
      });
    }
  }
  return out;
}
