import type { CompareResult, OriginalStatus } from '../core/types.js';
import type { BatchMatrix, BatchOutlet, MatrixClaim } from '../schemas/batch.js';

/** The matrix's shapes are declared once, with the batch route's response (`src/schemas/batch.ts`). */
export type { BatchMatrix, BatchOutlet, MatrixClaim };

/** Unique column labels: the outlet names, `rewrite N` for unnamed ones, `name (N)` for repeats. */
export function outletLabels(outlets: (string | undefined)[]): string[] {
  const seen = new Map<string, number>();
  return outlets.map((o, i) => {
    const base = o?.trim() || `rewrite ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${i + 1})`;
  });
}

/**
 * The one-original-many-outlets matrix: for every claim of the original, which outlets kept,
 * paraphrased or dropped it, and which outlets credited the source. The original's claims are the same in
 * every result (segmentation is deterministic); a claim is matched by id and span, and a result that does
 * not have it (or failed) contributes `null`.
 */
export function buildMatrix(results: (CompareResult | null)[], labels: string[]): BatchMatrix {
  const outlets: BatchOutlet[] = results.map((r, index) => ({
    index,
    outlet: labels[index] ?? `rewrite ${index + 1}`,
    ok: r !== null,
    verdict: r?.summary.verdict ?? null,
    coverage: r?.summary.coverage ?? null,
    containment: r?.summary.containment ?? null,
    credited: r ? r.summary.attribution.credited : null,
  }));
  const base = results.find((r): r is CompareResult => r !== null);
  const lookups = results.map((r) => (r ? new Map(r.original.claims.map((c) => [c.id, c])) : null));
  const claims: MatrixClaim[] = (base?.original.claims ?? []).map((c) => {
    const own = lookups.map((m) => {
      const x = m?.get(c.id);
      return x && x.start === c.start && x.end === c.end ? x : null;
    });
    const statuses = own.map((x) => (x ? (x.status as OriginalStatus) : null));
    const who = (s: OriginalStatus) => outlets.filter((_, i) => statuses[i] === s).map((o) => o.outlet);
    return {
      id: c.id,
      start: c.start,
      end: c.end,
      text: c.text,
      paragraph: c.paragraph,
      statuses,
      kept: who('kept'),
      paraphrased: who('paraphrased'),
      dropped: who('dropped'),
      changed: outlets.filter((_, i) => own[i]?.changed).map((o) => o.outlet),
    };
  });
  return {
    outlets,
    claims,
    credited: outlets.filter((o) => o.credited === true).map((o) => o.outlet),
    derivedUncredited: outlets
      .filter((o) => o.ok && o.credited === false && o.verdict !== 'independent')
      .map((o) => o.outlet),
    failed: outlets.filter((o) => !o.ok).map((o) => o.outlet),
  };
}
