import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { POSTINGS_CACHE_SIZE, PostingsCache } from './postings-cache.js';
import { loadSqliteDatabase } from './sqlite-driver.js';
import type {
  AddOutcome,
  ArticleMeta,
  ArticleStore,
  CandidateArticle,
  DerivationLink,
  ListPage,
  ListQuery,
  NewArticle,
} from './types.js';

/** Schema versions, applied in order at open (`PRAGMA user_version` says how many already are). */
const MIGRATIONS = [
  `CREATE TABLE articles (
     -- AUTOINCREMENT: a deleted article's seq is never reused, so a paging cursor never skips a newer article.
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     text TEXT NOT NULL,
     outlet TEXT, url TEXT, title TEXT, published TEXT, aliases TEXT,
     published_lo INTEGER, published_hi INTEGER,
     keys BLOB NOT NULL,
     stored_at TEXT NOT NULL
   );
   CREATE INDEX articles_outlet ON articles (outlet, seq);
   CREATE TABLE postings (key INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, seq)) WITHOUT ROWID;`,
  // Derivation links cached for the store's current generation (`DerivationLink` in types.ts), and the first
  // postings of keys held by more articles than a lookup reads (see `postings` below).
  `CREATE TABLE store_state (generation INTEGER NOT NULL);
   INSERT INTO store_state (generation) VALUES (0);
   CREATE TABLE links (id TEXT PRIMARY KEY, link TEXT NOT NULL) WITHOUT ROWID;
   CREATE TABLE common_postings (key INTEGER PRIMARY KEY, seqs BLOB NOT NULL);`,
];

export interface SqliteOptions {
  /** Directory of the database file (created if missing); `:memory:` for a throwaway store. */
  dataDir: string;
  now?: () => Date;
}

interface Row {
  seq: number;
  id: string;
  text: string;
  outlet: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  aliases: string | null;
  published_lo: number | null;
  published_hi: number | null;
  stored_at: string;
  chars: number;
}

/** Page cache of the connection, KiB. */
const CACHE_KIB = 128 * 1024;

const META_COLUMNS =
  'seq, id, outlet, url, title, published, aliases, published_lo, published_hi, stored_at, ' + 'length(text) AS chars';

/**
 * The embedded engine: one SQLite file in `dataDir` through better-sqlite3 (the build for
 * the running Node, see `sqlite-driver.ts`). WAL lets reads run beside the writer;
 * `synchronous = FULL` makes every commit durable before it returns (NORMAL would keep WAL commits only in the OS
 * cache until a checkpoint, and an acknowledged article could be lost with the machine).
 */
export function openSqliteStore(options: SqliteOptions): ArticleStore {
  const now = options.now ?? (() => new Date());
  let file = ':memory:';
  if (options.dataDir !== ':memory:') {
    mkdirSync(options.dataDir, { recursive: true });
    file = join(options.dataDir, 'articles.db');
  }
  const SqliteDatabase = loadSqliteDatabase();
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process (the CLI beside a server) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  // The postings index outgrows the default page cache (16 MB as better-sqlite3 builds SQLite) by 100k articles,
  // and every insert lands at a random key: a small cache re-reads most pages from disk on every batch.
  db.pragma(`cache_size = -${CACHE_KIB}`);
  migrate(db);

  const insert = db.prepare(`INSERT INTO articles (id, text, outlet, url, title, published, aliases, published_lo,
    published_hi, keys, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`);
  const insertPosting = db.prepare('INSERT OR IGNORE INTO postings (key, seq) VALUES (?, ?)');
  const byId = db.prepare(`SELECT ${META_COLUMNS}, text FROM articles WHERE id = ?`);
  const keysOf = db.prepare('SELECT seq, keys FROM articles WHERE id = ?');
  const deleteArticle = db.prepare('DELETE FROM articles WHERE seq = ?');
  const deletePosting = db.prepare('DELETE FROM postings WHERE key = ? AND seq = ?');
  // In seq order (the primary key's): a key's first postings change only when one of those articles is deleted.
  const postingsOf = db.prepare('SELECT seq FROM postings WHERE key = ? ORDER BY seq LIMIT ?').pluck();
  const commonOf = db.prepare('SELECT seqs FROM common_postings WHERE key = ?').pluck();
  const saveCommon = db.prepare('INSERT OR REPLACE INTO common_postings (key, seqs) VALUES (?, ?)');
  const forgetCommon = db.prepare('DELETE FROM common_postings WHERE key = ?');
  const countAll = db.prepare('SELECT count(*) FROM articles').pluck();
  const generationOf = db.prepare('SELECT generation FROM store_state').pluck();
  const linkOf = db.prepare('SELECT link FROM links WHERE id = ?').pluck();
  const saveLinkIfCurrent = db.prepare(`INSERT OR REPLACE INTO links (id, link)
    SELECT ?, ? WHERE (SELECT generation FROM store_state) = ?`);
  // Every link was computed against the store as it was: any write makes all of them possibly stale.
  const bumpGeneration = db.prepare('UPDATE store_state SET generation = generation + 1');
  const dropLinks = db.prepare('DELETE FROM links');
  const recent = new PostingsCache(POSTINGS_CACHE_SIZE);
  const written = () => {
    bumpGeneration.run();
    dropLinks.run();
  };

  const addAll = db.transaction((articles: NewArticle[]): AddOutcome[] => {
    const postings: [number, number][] = [];
    const outcomes = articles.map((a) => {
      const info = insert.run(
        a.id,
        a.text,
        a.outlet ?? null,
        a.url ?? null,
        a.title ?? null,
        a.published ?? null,
        a.aliases ? JSON.stringify(a.aliases) : null,
        a.range?.lo ?? null,
        a.range?.hi ?? null,
        encodeKeys(a.keys),
        now().toISOString(),
      );
      if (info.changes === 0) return { id: a.id, created: false };
      const seq = Number(info.lastInsertRowid);
      for (const key of a.keys) postings.push([key, seq]);
      return { id: a.id, created: true };
    });
    // In key order, a batch's postings fill neighbouring B-tree pages one after another instead of touching a
    // random page per posting.
    postings.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    for (const [key, seq] of postings) insertPosting.run(key, seq);
    if (outcomes.some((o) => o.created)) written();
    return outcomes;
  });

  const removeOne = db.transaction((id: string): boolean => {
    const row = keysOf.get(id) as { seq: number; keys: Buffer } | undefined;
    if (!row) return false;
    for (const key of decodeKeys(row.keys)) {
      deletePosting.run(key, row.seq);
      forgetCommon.run(key);
    }
    deleteArticle.run(row.seq);
    written();
    return true;
  });

  // A cache write need not be durable, only consistent: in WAL mode NORMAL does not wait for the disk at commit
  // (a crash may lose it, never an article committed before it, whose commit was synced), so a check does not
  // wait for a disk flush to remember what it found.
  const cacheWrite = (write: () => void) => {
    db.pragma('synchronous = NORMAL');
    try {
      write();
    } finally {
      db.pragma('synchronous = FULL');
    }
  };

  // Kept only while the store is at the generation the postings were read at: every delete, by any process, changes
  // it in its own transaction, so postings read at that generation are still the key's first ones and need not be
  // read again. Only a cache: a failure (another process holding the write lock too long) or a write since costs a
  // later lookup's time.
  const keepCommonAll = db.transaction((common: [number, number[]][], generation: number) => {
    if (generationOf.get() !== generation) return;
    for (const [key, seqs] of common) if (seqs[seqs.length - 1]! <= 0xffffffff) saveCommon.run(key, encodeSeqs(seqs));
  });
  const keepCommon = (common: [number, number[]][], generation: number) => {
    try {
      cacheWrite(() => keepCommonAll.immediate(common, generation));
    } catch {
      // Left uncached: the next lookup of these keys reads their postings again.
    }
  };

  return {
    engine: 'sqlite',
    async add(articles) {
      return addAll(articles);
    },
    async get(id) {
      const row = byId.get(id) as Row | undefined;
      return row ? { ...toMeta(row), text: row.text } : null;
    },
    async list(query) {
      return listPage(db, query);
    },
    async remove(id) {
      return removeOne(id);
    },
    async postings(keys, cap) {
      // A key held by more than `cap` articles is read as its first cap + 1 postings, which adds never change (new
      // articles take higher seqs): kept in one row, they are read as one blob instead of cap + 1 index rows. At
      // 100,000 articles these keys are a third of a check's postings rows.
      const generation = generationOf.get() as number;
      recent.at(generation);
      const out = new Map<number, readonly number[]>();
      const common: [number, number[]][] = [];
      for (const key of keys) {
        const cached = recent.get(key, cap);
        if (cached) {
          out.set(key, cached);
          continue;
        }
        const kept = commonOf.get(key) as Buffer | undefined;
        if (kept && kept.byteLength / 4 > cap) {
          const seqs = Array.from(decodeSeqs(kept).subarray(0, cap + 1));
          out.set(key, seqs);
          recent.set(key, cap, seqs);
          continue;
        }
        const seqs = postingsOf.all(key, cap + 1) as number[];
        out.set(key, seqs);
        recent.set(key, cap, seqs);
        if (seqs.length > cap) common.push([key, seqs]);
      }
      if (common.length > 0) keepCommon(common, generation);
      return out;
    },
    async bySeq(seqs) {
      if (seqs.length === 0) return [];
      const marks = seqs.map(() => '?').join(',');
      const rows = db
        .prepare(`SELECT ${META_COLUMNS}, text FROM articles WHERE seq IN (${marks})`)
        .all(...seqs) as Row[];
      return rows.map(toCandidate);
    },
    async count() {
      return countAll.get() as number;
    },
    async generation() {
      return generationOf.get() as number;
    },
    async links(ids, generation) {
      const out = new Map<string, DerivationLink>();
      // Read in one transaction: a write between the generation check and the reads would discard them.
      db.transaction(() => {
        if (generationOf.get() !== generation) return;
        for (const id of ids) {
          const link = linkOf.get(id) as string | undefined;
          if (link !== undefined) out.set(id, JSON.parse(link) as DerivationLink);
        }
      })();
      return out;
    },
    async saveLinks(links, generation) {
      if (links.size === 0) return;
      cacheWrite(
        db.transaction(() => {
          for (const [id, link] of links) saveLinkIfCurrent.run(id, JSON.stringify(link), generation);
        }),
      );
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    if (version < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

function listPage(db: Database.Database, q: ListQuery): ListPage {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.after !== undefined) {
    where.push('seq > ?');
    params.push(q.after);
  }
  if (q.outlet !== undefined) {
    where.push('outlet = ?');
    params.push(q.outlet);
  }
  if (q.since !== undefined) {
    where.push('published_lo >= ?');
    params.push(q.since);
  }
  if (q.until !== undefined) {
    where.push('published_lo < ?');
    params.push(q.until);
  }
  const sql = `SELECT ${META_COLUMNS} FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY seq LIMIT ?`;
  const rows = db.prepare(sql).all(...params, q.limit + 1) as Row[];
  const page = rows.slice(0, q.limit);
  return { articles: page.map(toMeta), next: rows.length > q.limit ? page[page.length - 1]!.seq : null };
}

function toMeta(row: Row): ArticleMeta {
  return {
    id: row.id,
    outlet: row.outlet,
    url: row.url,
    title: row.title,
    published: row.published,
    aliases: row.aliases ? (JSON.parse(row.aliases) as string[]) : null,
    chars: row.chars,
    storedAt: row.stored_at,
  };
}

function toCandidate(row: Row): CandidateArticle {
  const range =
    row.published_lo !== null && row.published_hi !== null ? { lo: row.published_lo, hi: row.published_hi } : null;
  return { ...toMeta(row), text: row.text, seq: row.seq, range };
}

/** Sequence numbers as uint32s (cached only below 2^32). */
function encodeSeqs(seqs: number[]): Buffer {
  return Buffer.from(new Uint32Array(seqs).buffer);
}

function decodeSeqs(blob: Buffer): Uint32Array {
  return new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}

/** Index keys as float64s: 52-bit integers are exact in them, and a blob is one column, not a row per key. */
function encodeKeys(keys: number[]): Buffer {
  return Buffer.from(new Float64Array(keys).buffer);
}

function decodeKeys(blob: Buffer): Float64Array {
  return new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}
