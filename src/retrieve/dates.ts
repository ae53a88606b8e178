/**
 * Publication dates as the interval they name: "2025-08" is all of August, "2025-05-22" the whole day (UTC), a
 * full timestamp one instant. Partial dates are common in archives; treating "2025-08" as its first instant would
 * make a story of 31 August look older than one of 1 August.
 */
export interface DateRange {
  /** Epoch ms of the first instant the date can mean. */
  lo: number;
  /** Epoch ms just after the last instant it can mean. */
  hi: number;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The interval of a `published` value, or null when absent or unreadable (then no date rule applies). */
export function dateRange(published: string | null | undefined): DateRange | null {
  const s = published?.trim();
  if (!s) return null;
  const m = PARTIAL.exec(s);
  if (m) {
    const y = Number(m[1]),
      mo = m[2] ? Number(m[2]) - 1 : null,
      d = m[3] ? Number(m[3]) : null;
    if (mo !== null && (mo < 0 || mo > 11)) return null;
    if (d !== null && (d < 1 || d > 31)) return null;
    if (mo === null) return { lo: Date.UTC(y, 0, 1), hi: Date.UTC(y + 1, 0, 1) };
    if (d === null) return { lo: Date.UTC(y, mo, 1), hi: Date.UTC(y, mo + 1, 1) };
    const lo = Date.UTC(y, mo, d);
    return new Date(lo).getUTCDate() === d ? { lo, hi: lo + 86_400_000 } : null;
  }
  const t = Date.parse(s);
  return Number.isFinite(t) ? { lo: t, hi: t + 1 } : null;
}

/**
 * Whether an article of date `source` can be a source of one of date `checked`: unless it certainly appeared
 * later. Same-day (or same-month, for month dates) stories stay candidates: the dates cannot order them.
 */
export function mayPrecede(source: DateRange | null, checked: DateRange | null): boolean {
  return source === null || checked === null || source.lo < checked.hi;
}
