import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { ArticleStore } from './types.js';

export interface StoreConfig {
  /** Embedded store directory (`DATA_DIR`). */
  dataDir: string;
  /** PostgreSQL connection (`DATABASE_URL`); when set it wins over `dataDir`. */
  databaseUrl: string;
  /** PostgreSQL schema (`DATABASE_SCHEMA`). */
  databaseSchema: string;
}

/** Opens the configured engine: PostgreSQL when a database URL is given, else the embedded SQLite file. */
export async function openStore(config: StoreConfig): Promise<ArticleStore> {
  if (config.databaseUrl) {
    return openPostgresStore({ connectionString: config.databaseUrl, schema: config.databaseSchema });
  }
  return openSqliteStore({ dataDir: config.dataDir });
}
