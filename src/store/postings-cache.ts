/**
 * The postings lists a store read lately, for the store's state they were read in. Checks in a row look up many of
 * the same keys (the common terms of the news, a running story's names), and the longer a key's list, the more
 * likely another check reads it again: at 100,000 articles a check reads ~50,000 postings, nearly half of them
 * lists an earlier check read. Any write (an add or a remove, by this instance or another sharing the database)
 * changes the store's generation, and a cache at another generation is emptied before use: a list is only ever
 * served for the state it was read in. Least-recently-used lists go once the cached postings exceed the budget.
 *
 * Lists are handed out as stored: readers must not change them.
 */
export class PostingsCache {
  private readonly lists = new Map<number, { cap: number; seqs: readonly number[] }>();
  private postings = 0;
  private generation: number | undefined;

  constructor(readonly maxPostings: number) {}

  /** Empties the cache unless it holds lists of this generation of the store. */
  at(generation: number): void {
    if (generation === this.generation) return;
    this.lists.clear();
    this.postings = 0;
    this.generation = generation;
  }

  /** The list of `key` read with this `cap`, if cached. */
  get(key: number, cap: number): readonly number[] | undefined {
    const hit = this.lists.get(key);
    if (!hit || hit.cap !== cap) return undefined;
    // Map keeps insertion order: re-inserting marks the list as most recently used.
    this.lists.delete(key);
    this.lists.set(key, hit);
    return hit.seqs;
  }

  set(key: number, cap: number, seqs: readonly number[]): void {
    const old = this.lists.get(key);
    if (old) this.postings -= old.seqs.length;
    this.lists.delete(key);
    if (seqs.length > this.maxPostings) return;
    this.lists.set(key, { cap, seqs });
    this.postings += seqs.length;
    for (const [k, { seqs: evicted }] of this.lists) {
      if (this.postings <= this.maxPostings) break;
      this.lists.delete(k);
      this.postings -= evicted.length;
    }
  }

  /** Postings cached. */
  get size(): number {
    return this.postings;
  }
}

/** Postings the embedded store keeps read (~16 MB as JavaScript arrays). */
export const POSTINGS_CACHE_SIZE = 2_000_000;
