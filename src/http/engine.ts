import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { compare } from '../core/compare.js';
import type { ArticleInput, CompareResult } from '../core/types.js';

/** How routes run a compare. Routes never call the core directly, so where it runs can change here. */
export interface Engine {
  compare(original: ArticleInput, rewrite: ArticleInput): Promise<CompareResult>;
}

declare module 'fastify' {
  interface FastifyInstance {
    engine: Engine;
  }
}

/** Runs compares in-process (issue #6 moves large ones to a worker pool behind this same interface). */
export default fp(async function enginePlugin(app: FastifyInstance) {
  app.decorate('engine', {
    async compare(original: ArticleInput, rewrite: ArticleInput) {
      return compare(original, rewrite);
    },
  } satisfies Engine);
}, { name: 'engine' });
