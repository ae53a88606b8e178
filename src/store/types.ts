import type { Verdict } from '../core/types.js';
import type { DateRange } from '../retrieve/dates.js';

/**
 * The storage interface: articles and the candidate index's postings, behind one contract with two real engines
 * (`sqlite.ts`, embedded, the default; `postgres.ts`, shared by several instances). Every write resolves only once
 * it is committed: an acknowledged article survives a crash.
 */

/** An article's metadata as listed and served. */
export interface ArticleMeta {
  id: string;
  outlet: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  aliases: string[] | null;
  /** Length of the text in UTF-16 units. */
  chars: number;
  /** When it was stored (ISO 8601). */
  storedAt: string;
}

export interface StoredArticle extends ArticleMeta {
  text: string;
}

/** A stored article as a check reads it: with its sequence number and publication interval. */
export interface CandidateArticle extends StoredArticle {
  seq: number;
  range: DateRange | null;
}

/** An article ready to store: its id (content fingerprint), index keys and publication interval computed. */
export interface NewArticle {
  id: string;
  text: string;
  outlet?: string | undefined;
  url?: string | undefined;
  title?: string | undefined;
  published?: string | undefined;
  aliases?: string[] | undefined;
  range: DateRange | null;
  keys: number[];
}

export interface AddOutcome {
  id: string;
  /** False when an article with the same id (the same text) was already stored: nothing was written. */
  created: boolean;
}

export interface ListQuery {
  outlet?: string | undefined;
  /** Epoch ms: articles whose publication interval starts at or after / before this. Undated ones are left out. */
  since?: number | undefined;
  until?: number | undefined;
  /** Sequence number of the last article of the previous page. */
  after?: number | undefined;
  limit: number;
}

export interface ListPage {
  articles: ArticleMeta[];
  /** Sequence number to pass as `after` for the next page; null on the last page. */
  next: number | null;
}

/**
 * What a stored article itself derives from, as a check's chain found it (`check/find-sources.ts`), kept so the
 * next check following the same article reads it instead of comparing again. Valid only for the store's state it
 * was computed in: every write (add or remove) discards all links, so a cached link never names a deleted article
 * and never misses a source stored since.
 */
export interface DerivationLink {
  /**
   * The candidates it was chosen among (ids, the compared ones and the rest of their window): a chain that must
   * exclude one of them could choose otherwise, so it looks again.
   */
  considered: string[];
  source: { id: string; verdict: Verdict; credited: boolean | null } | null;
}

export type EngineName = 'sqlite' | 'postgres';

export interface ArticleStore {
  readonly engine: EngineName;
  /** Stores the articles in one transaction, resolving once it is committed; outcomes in input order. */
  add(articles: NewArticle[]): Promise<AddOutcome[]>;
  get(id: string): Promise<StoredArticle | null>;
  list(query: ListQuery): Promise<ListPage>;
  /** Deletes an article and its postings; false when there was none. */
  remove(id: string): Promise<boolean>;
  /** For each key, the sequence numbers of the articles holding it, at most `cap + 1` of them. */
  postings(keys: readonly number[], cap: number): Promise<Map<number, readonly number[]>>;
  /** The stored articles with these sequence numbers (deleted ones are absent). */
  bySeq(seqs: readonly number[]): Promise<CandidateArticle[]>;
  count(): Promise<number>;
  /** The store's state: changes with every write that adds or removes an article. */
  generation(): Promise<number>;
  /** The cached derivation link of each of these articles that has one for the current `generation`. */
  links(ids: readonly string[], generation: number): Promise<Map<string, DerivationLink>>;
  /** Caches these links (by article id) in one commit, unless the store was written since `generation`. */
  saveLinks(links: ReadonlyMap<string, DerivationLink>, generation: number): Promise<void>;
  close(): Promise<void>;
}
