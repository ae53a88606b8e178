/**
 * Service configuration from the environment, with documented defaults (see README "Configuration").
 * Parsed once at start-up; invalid values fail fast with a message naming the variable.
 */
export interface Config {
  port: number;
  host: string;
  logLevel: string;
  /** Maximum request body in bytes (JSON or multipart). */
  bodyLimit: number;
  /** Origins allowed to call the API from a browser (`CORS_ORIGINS`, comma-separated; `*` = any; empty = CORS off). */
  corsOrigins: string[];
  /** Requests per client per window (`RATE_LIMIT_MAX`); 0 turns rate limiting off (the default, for local use). */
  rateLimitMax: number;
  /** Rate-limit window in milliseconds (`RATE_LIMIT_WINDOW_MS`). */
  rateLimitWindowMs: number;
  /** Trust `X-Forwarded-For` from a reverse proxy (`TRUST_PROXY`), so rate limits apply per real client. */
  trustProxy: boolean;
  /** On SIGTERM/SIGINT: milliseconds to finish in-flight requests before exiting anyway (`SHUTDOWN_GRACE_MS`). */
  shutdownGraceMs: number;
  /** Time a client has to send a whole request (`REQUEST_TIMEOUT_MS`): slow-loris connections are cut (408). */
  requestTimeoutMs: number;
  /** Compare worker threads (`WORKERS`); 0 = one per CPU core (`os.availableParallelism()`). */
  workers: number;
  /** Time budget of one compare in milliseconds (`COMPARE_TIMEOUT_MS`), queueing included; past it: 503
   *  COMPARE_TIMEOUT. */
  compareTimeoutMs: number;
  /** Compares whose two texts total at most this many characters run on the main thread while no compare is in the
   *  pool (`INLINE_MAX_CHARS`; 0 = never). */
  inlineMaxChars: number;
  /** Compares allowed to wait for a free worker (`COMPARE_QUEUE_MAX`); more are shed with 503 OVERLOADED. */
  compareQueueMax: number;
  /** Event-loop delay in ms above which requests are shed with 503 OVERLOADED (`MAX_EVENT_LOOP_DELAY_MS`; 0 = off). */
  maxEventLoopDelayMs: number;
  /** Embedded article store directory (`DATA_DIR`); unused when `DATABASE_URL` is set. */
  dataDir: string;
  /** PostgreSQL article store (`DATABASE_URL`); several instances may share it. Empty = the embedded store. */
  databaseUrl: string;
  /** PostgreSQL schema of the store's tables (`DATABASE_SCHEMA`). */
  databaseSchema: string;
  /** API keys (`API_KEYS`, comma-separated); when any is set every `/v1` route needs `Authorization: Bearer KEY`. */
  apiKeys: string[];
  /** Most lines (`BULK_MAX_LINES`) and bytes (`BULK_MAX_BYTES`) of one bulk ingest. */
  bulkMaxLines: number;
  bulkMaxBytes: number;
}

export const DEFAULTS: Config = {
  port: 3000,
  host: '0.0.0.0',
  logLevel: 'info',
  bodyLimit: 5 * 1024 * 1024,
  corsOrigins: [],
  rateLimitMax: 0,
  rateLimitWindowMs: 60_000,
  trustProxy: false,
  shutdownGraceMs: 10_000,
  requestTimeoutMs: 120_000,
  workers: 0,
  compareTimeoutMs: 10_000,
  // A sentence pair (~300 characters) compares in a few ms, less than a worker round trip; anything longer goes to
  // the pool so the main thread is never blocked for long (measured: bench/results.json, bench/README.md).
  inlineMaxChars: 300,
  compareQueueMax: 64,
  maxEventLoopDelayMs: 1_000,
  dataDir: './data',
  databaseUrl: '',
  databaseSchema: 'article_diff',
  apiKeys: [],
  bulkMaxLines: 100_000,
  bulkMaxBytes: 1024 * 1024 * 1024,
};

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Reads the configuration from `env` (defaults to `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`${name} must be an integer in [${min}, ${max}], got "${raw}"`);
    return n;
  };
  const logLevel = env.LOG_LEVEL || DEFAULTS.logLevel;
  if (!LOG_LEVELS.has(logLevel))
    throw new Error(`LOG_LEVEL must be one of ${[...LOG_LEVELS].join(', ')}, got "${logLevel}"`);
  return {
    port: int('PORT', DEFAULTS.port, 0, 65535),
    host: env.HOST || DEFAULTS.host,
    logLevel,
    bodyLimit: int('BODY_LIMIT', DEFAULTS.bodyLimit, 1024, 1024 * 1024 * 1024),
    corsOrigins: origins(env.CORS_ORIGINS),
    rateLimitMax: int('RATE_LIMIT_MAX', DEFAULTS.rateLimitMax, 0, 1_000_000),
    rateLimitWindowMs: int('RATE_LIMIT_WINDOW_MS', DEFAULTS.rateLimitWindowMs, 1000, 24 * 3600_000),
    trustProxy: bool('TRUST_PROXY', env.TRUST_PROXY, DEFAULTS.trustProxy),
    shutdownGraceMs: int('SHUTDOWN_GRACE_MS', DEFAULTS.shutdownGraceMs, 100, 600_000),
    requestTimeoutMs: int('REQUEST_TIMEOUT_MS', DEFAULTS.requestTimeoutMs, 100, 3_600_000),
    workers: int('WORKERS', DEFAULTS.workers, 0, 256),
    compareTimeoutMs: int('COMPARE_TIMEOUT_MS', DEFAULTS.compareTimeoutMs, 100, 600_000),
    inlineMaxChars: int('INLINE_MAX_CHARS', DEFAULTS.inlineMaxChars, 0, 1_000_000),
    compareQueueMax: int('COMPARE_QUEUE_MAX', DEFAULTS.compareQueueMax, 0, 100_000),
    maxEventLoopDelayMs: int('MAX_EVENT_LOOP_DELAY_MS', DEFAULTS.maxEventLoopDelayMs, 0, 600_000),
    dataDir: env.DATA_DIR || DEFAULTS.dataDir,
    databaseUrl: env.DATABASE_URL ?? DEFAULTS.databaseUrl,
    databaseSchema: env.DATABASE_SCHEMA || DEFAULTS.databaseSchema,
    apiKeys: (env.API_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    bulkMaxLines: int('BULK_MAX_LINES', DEFAULTS.bulkMaxLines, 1, 100_000_000),
    bulkMaxBytes: int('BULK_MAX_BYTES', DEFAULTS.bulkMaxBytes, 1024, 2 ** 40),
  };
}

/** `CORS_ORIGINS`: comma-separated origins (`https://desk.example.org`) or `*`; each must be an http(s) origin. */
function origins(raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of list) {
    if (o !== '*' && !/^https?:\/\/[^/\s]+$/.test(o))
      throw new Error(`CORS_ORIGINS entries must be "*" or an origin like https://example.org, got "${o}"`);
  }
  return list;
}

function bool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}
