import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { formArticle } from '../src/http/multipart.js';
import { CompareBodySchema, CompareResultSchema } from '../src/http/schemas.js';

const ARTICLE_FIELDS = ['outlet', 'title', 'url', 'published'];

/** `POST /v1/compare`: validate, call the core, answer. */
export default async function compareRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/v1/compare', {
    schema: {
      tags: ['compare'],
      summary: 'Compare an original article with a rewrite',
      description: 'JSON body, or multipart/form-data with `original` and `rewrite` (files or fields) and optional `original_outlet`, `rewrite_outlet`, `original_title`, `original_url`, …',
      consumes: ['application/json', 'multipart/form-data'],
      body: CompareBodySchema,
      response: {
        200: CompareResultSchema,
        400: { $ref: 'Problem#' },
        413: { $ref: 'Problem#' },
        415: { $ref: 'Problem#' },
      },
    },
    preValidation: async (request) => {
      if (!request.isMultipart()) return;
      const form = (request.body ?? {}) as Record<string, unknown>;
      const body: Record<string, unknown> = {};
      for (const side of ['original', 'rewrite']) {
        const article = formArticle(form, side, ARTICLE_FIELDS);
        if (article) body[side] = article;
      }
      request.body = body as typeof request.body;
    },
  }, async (request) => app.engine.compare(request.body.original, request.body.rewrite));
}
