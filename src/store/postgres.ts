import pg from 'pg';
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

/**
 * Schema versions, applied in order at start under an advisory lock, so instances started together neither race
 * nor apply one twice. `schema_migrations` records what is applied.
 */
const MIGRATIONS = [
  `CREATE TABLE articles (
     seq bigserial PRIMARY KEY,
     id text NOT NULL UNIQUE,
     text text NOT NULL,
     outlet text, url text, title text, published text, aliases jsonb,
     published_lo bigint, published_hi bigint,
     keys bigint[] NOT NULL,
     stored_at timestamptz NOT NULL
   );
   CREATE INDEX articles_outlet ON articles (outlet, seq);
   CREATE TABLE postings (key bigint NOT NULL, seq bigint NOT NULL, PRIMARY KEY (key, seq));`,
  // Derivation links cached for the store's current generation (`DerivationLink` in types.ts).
  `CREATE TABLE store_state (generation bigint NOT NULL);
   INSERT INTO store_state (generation) VALUES (0);
   CREATE TABLE links (id text PRIMARY KEY, link jsonb NOT NULL);`,
];

export interface PostgresOptions {
  connectionString: string;
  /** Schema holding the tables (created if missing): instances sharing one schema share one store. */
  schema: string;
  /** Connections in the pool. */
  poolSize?: number;
  now?: () => Date;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// int8 (sequence numbers, index keys < 2^53) as numbers, not pg's default strings.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8
      ? (v: string) => Number(v)
      : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format)) as typeof pg.types.getTypeParser,
};

interface Row {
  seq: number;
  id: string;
  text?: string;
  outlet: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  aliases: string[] | null;
  published_lo: number | null;
  published_hi: number | null;
  stored_at: Date;
  chars: number;
}

const META_COLUMNS =
  'seq, id, outlet, url, title, published, aliases, published_lo, published_hi, stored_at, ' + 'length(text) AS chars';

/** The PostgreSQL engine: a pooled `pg` client; migrations are applied before the store is handed out. */
export async function openPostgresStore(options: PostgresOptions): Promise<ArticleStore> {
  if (!SCHEMA_NAME.test(options.schema)) {
    throw new Error(`DATABASE_SCHEMA must match ${SCHEMA_NAME}, got "${options.schema}"`);
  }
  const now = options.now ?? (() => new Date());
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 8,
    options: `-c search_path=${options.schema}`,
    types,
  });
  // An idle client losing its connection (a database restart) must not take the process down; the pool replaces it.
  pool.on('error', () => {});
  try {
    await migrate(pool, options.schema);
  } catch (err) {
    await pool.end();
    throw err;
  }

  return {
    engine: 'postgres',
    async add(articles) {
      if (articles.length === 0) return [];
      return transaction(pool, async (client) => {
        // One statement for the batch's articles and one for its postings: a round trip per article (or per
        // posting) bounds ingest by latency, not by the server's work.
        const col = <T>(f: (a: NewArticle) => T) => articles.map(f);
        const res = await client.query<{ seq: number; id: string }>(
          `INSERT INTO articles (id, text, outlet, url,
            title, published, aliases, published_lo, published_hi, keys, stored_at)
          SELECT id, text, outlet, url, title, published, aliases::jsonb, lo, hi, keys::bigint[], $11
          FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
            $8::bigint[], $9::bigint[], $10::text[])
            AS b(id, text, outlet, url, title, published, aliases, lo, hi, keys)
          ON CONFLICT (id) DO NOTHING RETURNING seq, id`,
          [
            col((a) => a.id),
            col((a) => a.text),
            col((a) => a.outlet ?? null),
            col((a) => a.url ?? null),
            col((a) => a.title ?? null),
            col((a) => a.published ?? null),
            col((a) => (a.aliases ? JSON.stringify(a.aliases) : null)),
            col((a) => a.range?.lo ?? null),
            col((a) => a.range?.hi ?? null),
            col((a) => `{${a.keys.join(',')}}`),
            now(),
          ],
        );
        const seqOf = new Map(res.rows.map((r) => [r.id, r.seq]));
        const postings: [number, number][] = [];
        const out = articles.map((a): AddOutcome => {
          const seq = seqOf.get(a.id);
          // The same text twice in one batch: the first is the one stored.
          if (seq === undefined) return { id: a.id, created: false };
          seqOf.delete(a.id);
          for (const key of a.keys) postings.push([key, seq]);
          return { id: a.id, created: true };
        });
        postings.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        await client.query(
          `INSERT INTO postings (key, seq) SELECT * FROM unnest($1::bigint[], $2::bigint[])
          ON CONFLICT DO NOTHING`,
          [postings.map((p) => p[0]), postings.map((p) => p[1])],
        );
        if (out.some((o) => o.created)) await written(client);
        return out;
      });
    },
    async get(id) {
      const res = await pool.query<Row>(`SELECT ${META_COLUMNS}, text FROM articles WHERE id = $1`, [id]);
      const row = res.rows[0];
      return row ? { ...toMeta(row), text: row.text! } : null;
    },
    async list(query) {
      return listPage(pool, query);
    },
    async remove(id) {
      return transaction(pool, async (client) => {
        const res = await client.query<{ seq: number }>('DELETE FROM articles WHERE id = $1 RETURNING seq, keys', [id]);
        const row = res.rows[0] as { seq: number; keys: string[] } | undefined;
        if (!row) return false;
        await client.query('DELETE FROM postings WHERE key = ANY($1::bigint[]) AND seq = $2', [row.keys, row.seq]);
        await written(client);
        return true;
      });
    },
    async postings(keys, cap) {
      const out = new Map<number, number[]>(keys.map((k) => [k, []]));
      if (keys.length === 0) return out;
      const res = await pool.query<{ key: number; seq: number }>(
        `SELECT k.key, p.seq
        FROM unnest($1::bigint[]) AS k(key)
        CROSS JOIN LATERAL (SELECT seq FROM postings WHERE postings.key = k.key LIMIT $2) p`,
        [keys, cap + 1],
      );
      for (const r of res.rows) out.get(r.key)?.push(r.seq);
      return out;
    },
    async bySeq(seqs) {
      if (seqs.length === 0) return [];
      const res = await pool.query<Row>(`SELECT ${META_COLUMNS}, text FROM articles WHERE seq = ANY($1::bigint[])`, [
        seqs,
      ]);
      return res.rows.map(toCandidate);
    },
    async count() {
      const res = await pool.query<{ n: number }>('SELECT count(*)::int8 AS n FROM articles');
      return res.rows[0]!.n;
    },
    async generation() {
      const res = await pool.query<{ g: number }>('SELECT generation AS g FROM store_state');
      return res.rows[0]!.g;
    },
    async links(ids, generation) {
      const out = new Map<string, DerivationLink>();
      if (ids.length === 0) return out;
      // One statement, one snapshot: the links read belong to the generation read with them.
      const res = await pool.query<{ id: string; link: DerivationLink }>(
        `SELECT l.id, l.link FROM links l, store_state s WHERE l.id = ANY($1::text[]) AND s.generation = $2`,
        [ids, generation],
      );
      for (const r of res.rows) out.set(r.id, r.link);
      return out;
    },
    async saveLinks(links, generation) {
      if (links.size === 0) return;
      // FOR SHARE waits for a write in progress (it holds store_state's row until it commits) and then reads the
      // generation it committed, so a link computed before that write is never saved after it.
      await pool.query(
        `WITH s AS (SELECT generation FROM store_state FOR SHARE)
        INSERT INTO links (id, link) SELECT b.id, b.link::jsonb FROM unnest($1::text[], $2::text[]) AS b(id, link), s
        WHERE s.generation = $3 ON CONFLICT (id) DO UPDATE SET link = excluded.link`,
        [[...links.keys()], [...links.values()].map((l) => JSON.stringify(l)), generation],
      );
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Marks the store written: a new generation, and every cached derivation link dropped (computed against the store
 * as it was). Last in its transaction: the row lock on store_state serialises writers only from here to the commit.
 */
async function written(client: pg.PoolClient): Promise<void> {
  await client.query('UPDATE store_state SET generation = generation + 1');
  await client.query('DELETE FROM links');
}

async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  await transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`article-diff:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
      version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const res = await client.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${schema}.schema_migrations`);
    for (let v = res.rows[0]?.v ?? 0; v < MIGRATIONS.length; v++) {
      await client.query(`SET LOCAL search_path = ${schema}`);
      await client.query(MIGRATIONS[v]!);
      await client.query(`INSERT INTO ${schema}.schema_migrations (version) VALUES ($1)`, [v + 1]);
    }
  });
}

async function listPage(pool: pg.Pool, q: ListQuery): Promise<ListPage> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, v: string | number) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.after !== undefined) add('seq > ?', q.after);
  if (q.outlet !== undefined) add('outlet = ?', q.outlet);
  if (q.since !== undefined) add('published_lo >= ?', q.since);
  if (q.until !== undefined) add('published_lo < ?', q.until);
  params.push(q.limit + 1);
  const res = await pool.query<Row>(
    `SELECT ${META_COLUMNS} FROM articles
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT $${params.length}`,
    params,
  );
  const page = res.rows.slice(0, q.limit);
  return { articles: page.map(toMeta), next: res.rows.length > q.limit ? page[page.length - 1]!.seq : null };
}

function toMeta(row: Row): ArticleMeta {
  return {
    id: row.id,
    outlet: row.outlet,
    url: row.url,
    title: row.title,
    published: row.published,
    aliases: row.aliases,
    chars: Number(row.chars),
    storedAt: row.stored_at.toISOString(),
  };
}

function toCandidate(row: Row): CandidateArticle {
  const range =
    row.published_lo !== null && row.published_hi !== null ? { lo: row.published_lo, hi: row.published_hi } : null;
  return { ...toMeta(row), text: row.text!, seq: row.seq, range };
}
