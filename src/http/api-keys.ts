import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemError } from './problem.js';

/** The OpenAPI security scheme the `/v1` routes name when keys are configured. */
export const BEARER_SCHEME = {
  bearerAuth: { type: 'http', scheme: 'bearer', description: 'One of `API_KEYS`.' },
} as const;

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * API keys (`API_KEYS`): when any is configured, every `/v1` route needs `Authorization: Bearer KEY` — 401
 * UNAUTHORIZED without one, 403 FORBIDDEN with an unknown one. Keys are compared as SHA-256 digests in constant
 * time, so response timing does not reveal how much of a guess was right. Liveness, readiness, the docs and the
 * upload page stay open.
 */
export default fp(
  async function apiKeysPlugin(app: FastifyInstance, opts: { keys: string[] }) {
    if (opts.keys.length === 0) return;
    const accepted = opts.keys.map(digest);
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/v1/')) return;
      const header = request.headers.authorization ?? '';
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!m) {
        reply.header('www-authenticate', 'Bearer');
        throw new ProblemError('UNAUTHORIZED', 'This route needs an API key: send `Authorization: Bearer KEY`.');
      }
      const given = digest(m[1]!);
      if (!accepted.some((k) => timingSafeEqual(k, given))) {
        throw new ProblemError('FORBIDDEN', 'The API key is not one of the configured keys.');
      }
    });
  },
  { name: 'api-keys' },
);
