import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

/** The better-sqlite3 `Database` class; both majors below share this API. */
export type SqliteDatabaseClass = typeof BetterSqlite3;

/**
 * Which better-sqlite3 build runs on a Node major. 12 wraps its objects in Node's raw `ObjectWrap`, whose
 * destructor on Node 22+ can run when no Node environment is current and then aborts the whole process
 * (WiseLibs/better-sqlite3#1515): a garbage-collected statement kills the server. 13 moved to Node-API and fixed
 * that, but segfaults on opening a database under Node 20 (WiseLibs/better-sqlite3#1514). So 13 where it works,
 * 12 (installed under the alias `better-sqlite3-node20`) on Node 20.
 */
export function sqlitePackageFor(nodeMajor: number): 'better-sqlite3' | 'better-sqlite3-node20' {
  return nodeMajor >= 22 ? 'better-sqlite3' : 'better-sqlite3-node20';
}

/**
 * Loads the better-sqlite3 build for the running Node (CommonJS packages, so through `require`). The Node 20 build
 * is an optional dependency compiled at install; where that failed, say what to do instead of a bare module error.
 */
export function loadSqliteDatabase(
  nodeMajor = Number(process.versions.node.split('.')[0]),
  load: (name: string) => unknown = createRequire(import.meta.url),
): SqliteDatabaseClass {
  const name = sqlitePackageFor(nodeMajor);
  try {
    return load(name) as SqliteDatabaseClass;
  } catch (error) {
    throw new Error(
      `The embedded store needs the package ${name} for Node ${nodeMajor}, and it could not be loaded ` +
        '(was it compiled at install?). Run on Node 22 or newer, or set DATABASE_URL to use PostgreSQL.',
      { cause: error },
    );
  }
}
