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
}

export const DEFAULTS: Config = {
  port: 3000,
  host: '0.0.0.0',
  logLevel: 'info',
  bodyLimit: 5 * 1024 * 1024,
};

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Reads the configuration from `env` (defaults to `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer in [${min}, ${max}], got "${raw}"`);
    return n;
  };
  const logLevel = env.LOG_LEVEL || DEFAULTS.logLevel;
  if (!LOG_LEVELS.has(logLevel)) throw new Error(`LOG_LEVEL must be one of ${[...LOG_LEVELS].join(', ')}, got "${logLevel}"`);
  return {
    port: int('PORT', DEFAULTS.port, 0, 65535),
    host: env.HOST || DEFAULTS.host,
    logLevel,
    bodyLimit: int('BODY_LIMIT', DEFAULTS.bodyLimit, 1024, 1024 * 1024 * 1024),
  };
}
