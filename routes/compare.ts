import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { attachExtractedText, formSide, resolveArticle } from '../src/http/article-input.js';
import { cspNonce, negotiateFormat, requestedWidth, sendResult } from '../src/http/formats.js';
import { validateReshaped } from '../src/http/forms.js';
import { ARTICLE_META_FIELDS, type CompareBody, CompareBodySchema } from '../src/schemas/article.js';
import { CompareFormSchema } from '../src/schemas/form.js';
import { FormatQuerySchema, MEDIA_TYPES } from '../src/schemas/format.js';
import { formatsResponse, problemResponses } from '../src/schemas/responses.js';
import { CompareResultSchema } from '../src/schemas/result.js';

/** `POST /v1/compare`: validate, call the core, answer. */
export default async function compareRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/compare',
    {
      schema: {
        operationId: 'compare',
        tags: ['compare'],
        summary: 'Compare an original article with a rewrite',
        description:
          'A JSON body, or a multipart form with `original` and `rewrite` (files or fields) and optional ' +
          '`original_outlet`, `rewrite_outlet`, `original_title`, `original_url`, …; `original_html`/`rewrite_html` ' +
          'for web pages. Answers JSON, or an HTML report (`Accept: text/html`), a terminal report (`text/plain`) or ' +
          'Markdown (`text/markdown`); `?format=` overrides Accept. Texts are UTF-8.',
        body: {
          content: {
            'application/json': { schema: CompareBodySchema },
            'multipart/form-data': { schema: CompareFormSchema },
          },
        },
        querystring: FormatQuerySchema,
        response: {
          200: formatsResponse('The comparison, in the negotiated format.', CompareResultSchema),
          ...problemResponses([400, 401, 403, 406, 413, 415, 429, 500, 503], { formPage: true }),
        },
      },
      preHandler: async (request) => {
        if (!request.isMultipart()) return;
        const form = request.body as unknown as Record<string, unknown>;
        const body: Record<string, unknown> = {};
        for (const side of ['original', 'rewrite']) {
          const article = formSide(form, side, ARTICLE_META_FIELDS);
          if (article) body[side] = article;
        }
        request.body = validateReshaped(request, CompareBodySchema, body) as typeof request.body;
      },
    },
    async (request, reply) => {
      const format = negotiateFormat(request);
      const { original: originalBody, rewrite: rewriteBody } = request.body as CompareBody;
      const extract = (html: string) => app.engine.extract(html);
      const [original, rewrite] = await Promise.all([
        resolveArticle(originalBody, 'body.original', extract),
        resolveArticle(rewriteBody, 'body.rewrite', extract),
      ]);
      const render = {
        originalOutlet: original.input.outlet,
        rewriteOutlet: rewrite.input.outlet,
        width: requestedWidth(request),
      };
      if (app.engine.compareAs) {
        // Serialised or rendered in the worker: a long document's answer is megabytes, too much to clone and serialise
        // on the event loop. Same JSON as the schema serialiser gives (test/http/engine/pool.ts).
        const body = await app.engine.compareAs(original.input, rewrite.input, {
          format,
          render: { ...render, nonce: cspNonce(reply) },
          withText: { original: original.extracted, rewrite: rewrite.extracted },
        });
        return reply.header('vary', 'Accept').type(`${MEDIA_TYPES[format]}; charset=utf-8`).send(body);
      }
      const result = await app.engine.compare(original.input, rewrite.input);
      attachExtractedText(result, 'original', original);
      attachExtractedText(result, 'rewrite', rewrite);
      return sendResult(reply, format, result, render);
    },
  );
}
