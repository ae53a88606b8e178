/**
 * A bounded memo of per-text work (segmentation and claim terms: the one wink read of a text, a quarter of a
 * compare's time). Newsroom use compares one original with many rewrites — the batch route, a pipeline checking
 * each new article against the day's sources — so the original's analysis is reused instead of recomputed.
 *
 * It changes no answer: the analysis is a pure function of the text (wink's reads were made independent of a
 * process's history for this reason, test/core/tokens-read.test.ts), and cached values are never mutated once
 * computed. compare.ts's analyses also carry per-text memos filled lazily by the first compare that needs them
 * (the journalism checks' quotations and fact items, the lexicon ranks of the text's terms): each part is again
 * a pure function of the text, written once, and results hand out copies, never the memoised objects.
 * Least-recently-used entries are evicted once the cached texts total more than the cache's character budget.
 */
export class AnalysisCache<T> {
  private readonly entries = new Map<string, T>();
  private chars = 0;
  hits = 0;
  misses = 0;

  /**
   * @param maxChars total length of the cached texts (memory is roughly 100 bytes per character of analysis)
   * @param maxEntryChars longer texts are not cached (a report of millions of characters would evict everything
   *   else and is rarely compared twice)
   */
  constructor(
    readonly maxChars: number,
    readonly maxEntryChars: number,
  ) {}

  /** The cached value for `text`, or `compute(text)` (cached when the text is short enough). */
  get(text: string, compute: (text: string) => T): T {
    const hit = this.entries.get(text);
    if (hit !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(text);
      this.entries.set(text, hit);
      this.hits++;
      return hit;
    }
    this.misses++;
    const value = compute(text);
    if (text.length > this.maxEntryChars || this.maxChars <= 0) return value;
    this.entries.set(text, value);
    this.chars += text.length;
    for (const key of this.entries.keys()) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(key);
      this.chars -= key.length;
    }
    return value;
  }

  /** Number of cached texts. */
  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
    this.hits = this.misses = 0;
  }
}

/** Character budget of the compare's text-analysis cache: ~40 articles of 5,000 words (~20–30 MB). */
export const ANALYSIS_CACHE_CHARS = 1_200_000;
/** Texts longer than this (~25,000 words) are analysed afresh each time. */
export const ANALYSIS_CACHE_ENTRY_CHARS = 150_000;
