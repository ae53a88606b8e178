import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ProblemError } from '../src/http/problem.js';
import { problemResponses } from '../src/schemas/responses.js';
import { StoreStatusSchema } from '../src/schemas/store.js';

/** Liveness (`/health`) and readiness (`/ready`). */
export default async function healthRoutes(app: FastifyInstance) {
  app.get(
    '/health',
    {
      schema: {
        operationId: 'health',
        tags: ['service'],
        summary: 'Liveness check',
        description:
          'Answers as long as the event loop turns, even while every compare worker is busy or still loading.',
        response: {
          200: {
            description: 'The process is alive.',
            content: {
              'application/json': {
                schema: Type.Object({
                  status: Type.Literal('ok'),
                  uptime: Type.Number({ minimum: 0, description: 'Seconds.' }),
                }),
              },
            },
          },
          ...problemResponses([429, 500, 503]),
        },
      },
    },
    async () => ({ status: 'ok' as const, uptime: process.uptime() }),
  );

  // The server listens before its compare workers have loaded their resources (wink model, word vectors), so
  // that liveness probes pass during start-up; a compare sent then waits for a worker. A load balancer that routes
  // only to ready instances asks here: 503 NOT_READY (with Retry-After) until every worker has loaded, and 503 like
  // every route while overloaded or shutting down.
  app.get(
    '/ready',
    {
      schema: {
        operationId: 'ready',
        tags: ['service'],
        summary: 'Readiness check',
        description:
          'Ready once every compare worker has loaded at start-up (and while at least one can take a ' +
          'compare) and the article store answers (its engine and articles held); 503 `NOT_READY` before, ' +
          '`STORE_UNAVAILABLE` without the store, 503 `OVERLOADED` / `SHUTTING_DOWN` when shedding or closing.',
        response: {
          200: {
            description: 'Ready to compare.',
            content: {
              'application/json': {
                schema: Type.Object({
                  status: Type.Literal('ready'),
                  workers: Type.Object({ size: Type.Integer({ minimum: 0 }), ready: Type.Integer({ minimum: 0 }) }),
                  store: StoreStatusSchema,
                }),
              },
            },
          },
          ...problemResponses([429, 500, 503]),
        },
      },
    },
    async () => {
      // An engine without a pool (a test double) has nothing to wait for. After start-up a worker replaced (after a
      // crash or a compare past its budget) reloads while the others serve: still ready, not flapping.
      const stats = app.engine.stats?.() ?? { size: 0, ready: 0, loadMs: [] };
      if (stats.loadMs.length < stats.size || (stats.size > 0 && stats.ready === 0)) {
        throw new ProblemError(
          'NOT_READY',
          `${stats.ready} of ${stats.size} compare workers have loaded their resources; retry shortly.`,
        );
      }
      // The article store answers too (STORE_UNAVAILABLE otherwise): an instance that cannot reach it cannot serve.
      const store = await app.articleStore();
      return {
        status: 'ready' as const,
        workers: { size: stats.size, ready: stats.ready },
        store: { engine: store.engine, articles: await store.count() },
      };
    },
  );
}
