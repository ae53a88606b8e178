/** Small statistics helpers for the benchmark and the load scripts. */

/** The p-th percentile (0..100) of the finite `values` by the nearest-rank method (NaN when there are none). */
export function percentile(values: number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (values: number[]) => percentile(values, 50);

/**
 * Growth exponent k of `time ≈ c · size^k`: the least-squares slope of log(time) on log(size).
 * k ≈ 1 is linear, k ≈ 2 quadratic. NaN with fewer than two usable points.
 */
export function growthExponent(points: { size: number; value: number }[]): number {
  const pts = points
    .filter((p) => p.size > 0 && p.value > 0)
    .map((p) => ({ x: Math.log(p.size), y: Math.log(p.value) }));
  if (pts.length < 2) return NaN;
  const mx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
  const my = pts.reduce((s, p) => s + p.y, 0) / pts.length;
  const sxx = pts.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = pts.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  return sxx ? sxy / sxx : NaN;
}

/** Fixed-width text table. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
