import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { findSources } from '../src/check/find-sources.js';
import type { ArticleInput } from '../src/core/types.js';
import { resolveArticle } from '../src/http/article-input.js';
import { cspNonce, MEDIA_TYPES, negotiateFormat } from '../src/http/formats.js';
import { renderSourcesHtml, renderSourcesMarkdown, renderSourcesText } from '../src/render/sources.js';
import { formatsResponse, problemResponses } from '../src/schemas/responses.js';
import { CheckBodySchema, CheckQuerySchema, CheckResultSchema } from '../src/schemas/store.js';

const DEFAULT_SOURCES = 5;

/** `POST /v1/check`: what, of everything stored, the submitted article came from. */
export default async function checkRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/check',
    {
      schema: {
        tags: ['store'],
        security: [{ bearerAuth: [] }],
        summary: 'Find the sources of an article among the stored ones',
        description:
          'Candidates come from the store’s index (shared word runs and rare terms); the best few are compared ' +
          'with it, through the same workers as /v1/compare. Only articles not published after this one (when ' +
          'both dates are known) and never the same text. Sources whose verdict is `independent` are left out unless ' +
          '`?nearMisses=true`. Accept/`?format=` as for /v1/compare; the HTML report lists the sources with a ' +
          'side-by-side per source.',
        body: CheckBodySchema,
        querystring: CheckQuerySchema,
        operationId: 'check',
        response: {
          200: formatsResponse('The sources found, most likely first, in the negotiated format.', CheckResultSchema),
          ...problemResponses([400, 401, 403, 406, 413, 415, 429, 500, 503]),
        },
      },
    },
    async (request, reply) => {
      const format = negotiateFormat(request);
      const { limit, ...article } = request.body;
      const { input } = await resolveArticle(article, 'body', (html) => app.engine.extract(html));
      const store = await app.articleStore();
      const deps = {
        store,
        rarity: app.rarity,
        compare: (o: ArticleInput, r: ArticleInput) => app.engine.compare(o, r),
        derive: (o: ArticleInput, r: ArticleInput) => app.engine.derive(o, r),
      };
      const answer = await findSources(deps, input, {
        limit: limit ?? DEFAULT_SOURCES,
        nearMisses: request.query.nearMisses === 'true',
        // The HTML report shows each source side by side, which needs the full compare.
        full: request.query.full === 'true' || format === 'html',
      });
      reply.header('vary', 'Accept');
      if (format === 'json') return answer;
      const body =
        format === 'html'
          ? renderSourcesHtml(answer, { outlet: input.outlet, nonce: cspNonce(reply) })
          : format === 'markdown'
            ? renderSourcesMarkdown(answer)
            : renderSourcesText(answer);
      return reply.type(`${MEDIA_TYPES[format]}; charset=utf-8`).send(body);
    },
  );
}
