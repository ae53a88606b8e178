import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';

/** Liveness: answers as long as the event loop turns. */
export default async function healthRoutes(app: FastifyInstance) {
  app.get('/health', {
    schema: {
      tags: ['service'],
      summary: 'Liveness check',
      response: { 200: Type.Object({ status: Type.Literal('ok'), uptime: Type.Number() }) },
    },
  }, async () => ({ status: 'ok' as const, uptime: process.uptime() }));
}
