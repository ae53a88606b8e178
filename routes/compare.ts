import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { formSide, resolveArticle, attachExtractedText } from '../src/http/article-input.js';
import { FormatQuerySchema, MEDIA_TYPES, cspNonce, negotiateFormat, requestedWidth, sendResult } from '../src/http/formats.js';
import { CompareBodySchema } from '../src/schemas/article.js';
import { CompareResultSchema } from '../src/schemas/result.js';

const ARTICLE_FIELDS = ['outlet', 'title', 'url', 'published'];

/** `POST /v1/compare`: validate, call the core, answer. */
export default async function compareRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/v1/compare', {
    schema: {
      tags: ['compare'],
      summary: 'Compare an original article with a rewrite',
      description: 'JSON body, or multipart/form-data with `original` and `rewrite` (files or fields) and optional `original_outlet`, `rewrite_outlet`, `original_title`, `original_url`, …; `original_html`/`rewrite_html` for web pages. Answers JSON, or an HTML report (`Accept: text/html`), a terminal report (`text/plain`) or Markdown (`text/markdown`); `?format=` overrides Accept.',
      consumes: ['application/json', 'multipart/form-data'],
      body: CompareBodySchema,
      querystring: FormatQuerySchema,
      produces: ['application/json', 'text/html', 'text/plain', 'text/markdown'],
      response: {
        200: CompareResultSchema,
        400: { $ref: 'Problem#' },
        406: { $ref: 'Problem#' },
        413: { $ref: 'Problem#' },
        415: { $ref: 'Problem#' },
      },
    },
    preValidation: async (request) => {
      if (!request.isMultipart()) return;
      const form = (request.body ?? {}) as Record<string, unknown>;
      const body: Record<string, unknown> = {};
      for (const side of ['original', 'rewrite']) {
        const article = formSide(form, side, ARTICLE_FIELDS);
        if (article) body[side] = article;
      }
      request.body = body as typeof request.body;
    },
  }, async (request, reply) => {
    // Content negotiation and HTML extraction (issue #5): decide the format before the work, answer in it.
    const format = negotiateFormat(request);
    const extract = (html: string) => app.engine.extract(html);
    const [original, rewrite] = await Promise.all([
      resolveArticle(request.body.original, 'body.original', extract), resolveArticle(request.body.rewrite, 'body.rewrite', extract),
    ]);
    const render = { originalOutlet: original.input.outlet, rewriteOutlet: rewrite.input.outlet, width: requestedWidth(request) };
    if (app.engine.compareAs) {
      // Serialised or rendered in the worker (issue #6): a long document's answer is megabytes, too much to clone
      // and serialise on the event loop. Same JSON as the schema serialiser gives (test/http/engine.test.ts).
      const body = await app.engine.compareAs(original.input, rewrite.input, {
        format, render: { ...render, nonce: cspNonce(reply) }, withText: { original: original.extracted, rewrite: rewrite.extracted },
      });
      return reply.header('vary', 'Accept').type(`${MEDIA_TYPES[format]}; charset=utf-8`).send(body);
    }
    const result = await app.engine.compare(original.input, rewrite.input);
    attachExtractedText(result, 'original', original);
    attachExtractedText(result, 'rewrite', rewrite);
    return sendResult(reply, format, result, render);
  });
}
