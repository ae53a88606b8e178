import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { problem } from './problem.js';

export interface PressureOptions {
  /** Event-loop delay (ms) above which requests are shed; 0 turns the check off. */
  maxEventLoopDelayMs: number;
  /** Seconds a shed client is told to wait (`Retry-After`). */
  retryAfterSeconds?: number;
  /** How often the event loop is sampled, in ms (under-pressure's default when unset). */
  sampleIntervalMs?: number | undefined;
}

/** Paths that must answer even under pressure: an orchestrator's liveness probe must not kill a busy service. */
const ALWAYS_SERVED = new Set(['/health']);

/**
 * Load shedding: @fastify/under-pressure samples the event loop; while it lags more than the limit,
 * requests are answered at once with 503 OVERLOADED and `Retry-After` instead of queueing behind the backlog.
 * Every other 503 (COMPARE_TIMEOUT, COMPARE_FAILED, OVERLOADED from a full worker queue) also gets
 * `Retry-After`, since each of them is temporary by definition.
 */
export default fp(
  async function pressurePlugin(app: FastifyInstance, options: PressureOptions) {
    const retryAfter = options.retryAfterSeconds ?? 5;
    if (options.maxEventLoopDelayMs > 0) {
      await app.register(underPressure, {
        maxEventLoopDelay: options.maxEventLoopDelayMs,
        retryAfter,
        ...(options.sampleIntervalMs ? { sampleInterval: options.sampleIntervalMs } : {}),
        pressureHandler: (request, reply, type, value) => {
          if (ALWAYS_SERVED.has(request.url.split('?')[0] ?? '')) return undefined;
          // under-pressure reports Infinity when a sampling interval had no event-loop sample at all (the loop was
          // busy for the whole interval, e.g. loading resources at start-up). That says nothing about the loop
          // *now* — the request is being handled — so it is treated as "not measured" rather than shedding a
          // whole interval of traffic after a one-off stall; a loop that keeps lagging yields finite samples.
          if (!Number.isFinite(Number(value))) return undefined;
          const level = Math.round(Number(value) || 0);
          const detail = `The service is overloaded (${type}: ${level}); retry after ${retryAfter} s.`;
          reply.code(503).header('retry-after', String(retryAfter)).type('application/problem+json; charset=utf-8');
          // under-pressure sends a non-null return value as the reply (and skips the route); its typings say void.
          return problem('OVERLOADED', detail, request) as unknown as undefined;
        },
      });
    }
    app.addHook('onSend', async (_request, reply, payload) => {
      if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', String(retryAfter));
      return payload;
    });
  },
  { name: 'pressure' },
);
