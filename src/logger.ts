import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * The one logger of the server, its compare workers and the CLI: pino, JSON lines. Fastify is given this instance
 * (`loggerInstance`) and adds its request serialisers to it.
 */
export function createLogger(
  options: { level?: string | undefined; name?: string | undefined } = {},
  stream?: DestinationStream,
): Logger {
  return pino({ level: options.level ?? 'info', ...(options.name ? { name: options.name } : {}) }, stream);
}

export type { DestinationStream, Logger };
export { pino };
