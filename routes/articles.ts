import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { resolveArticle } from '../src/http/article-input.js';
import { ProblemError } from '../src/http/problem.js';
import { assertStorable } from '../src/http/store.js';
import { dateRange } from '../src/retrieve/dates.js';
import { prepareArticle } from '../src/retrieve/prepare.js';
import { jsonResponse, problemResponses } from '../src/schemas/responses.js';
import {
  ArticleMetaSchema,
  IdParamsSchema,
  ListQuerySchema,
  ListResultSchema,
  NewArticleBodySchema,
  StoredArticleSchema,
} from '../src/schemas/store.js';

const PAGE_DEFAULT = 50;
const PAGE_MAX = 200;
const security = [{ bearerAuth: [] }];

/** The article store: add one, read one, list by outlet and date (cursor paging), delete. */
export default async function articleRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/v1/articles',
    {
      schema: {
        tags: ['store'],
        security,
        summary: 'Store an article',
        description:
          '`text` or `html` (extracted as for /v1/compare). 201 when stored, 200 with the same `id` when ' +
          'the same text (after normalisation) is already stored. Answered once committed.',
        body: NewArticleBodySchema,
        operationId: 'addArticle',
        response: {
          200: jsonResponse('The same text was already stored: its id.', ArticleMetaSchema),
          201: jsonResponse('Stored and committed.', ArticleMetaSchema),
          ...problemResponses([400, 401, 403, 413, 415, 429, 500, 503]),
        },
      },
    },
    async (request, reply) => {
      const { input } = await resolveArticle(request.body, 'body', (html) => app.engine.extract(html));
      assertStorable(input.text, 'body');
      const store = await app.articleStore();
      const article = prepareArticle(input, app.rarity);
      const [outcome] = await store.add([article]);
      const stored = await store.get(article.id);
      if (!stored) {
        throw new ProblemError('ARTICLE_NOT_FOUND', `Article ${article.id} was deleted while it was being stored.`);
      }
      const { text: _text, ...meta } = stored;
      return reply
        .code(outcome!.created ? 201 : 200)
        .header('location', `/v1/articles/${article.id}`)
        .send(meta);
    },
  );

  app.get(
    '/v1/articles/:id',
    {
      schema: {
        tags: ['store'],
        security,
        summary: 'A stored article with its text',
        params: IdParamsSchema,
        operationId: 'getArticle',
        response: {
          200: jsonResponse('The stored article.', StoredArticleSchema),
          ...problemResponses([401, 403, 404, 429, 500, 503]),
        },
      },
    },
    async (request) => {
      const article = await (await app.articleStore()).get(request.params.id);
      if (!article) throw notFound(request.params.id);
      return article;
    },
  );

  app.delete(
    '/v1/articles/:id',
    {
      schema: {
        tags: ['store'],
        security,
        summary: 'Delete a stored article',
        description: 'After a 204 the article is neither served nor found as a source.',
        params: IdParamsSchema,
        operationId: 'deleteArticle',
        response: { 204: { description: 'Deleted.' }, ...problemResponses([401, 403, 404, 429, 500, 503]) },
      },
    },
    async (request, reply) => {
      if (!(await (await app.articleStore()).remove(request.params.id))) throw notFound(request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/articles',
    {
      schema: {
        tags: ['store'],
        security,
        summary: 'List stored articles',
        description:
          `Oldest stored first, ${PAGE_DEFAULT} a page (at most ${PAGE_MAX}); ` +
          'pass `next` as `cursor` for the next page.',
        querystring: ListQuerySchema,
        operationId: 'listArticles',
        response: {
          200: jsonResponse('One page of stored articles.', ListResultSchema),
          ...problemResponses([400, 401, 403, 429, 500, 503]),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const limit = q.limit === undefined ? PAGE_DEFAULT : Number(q.limit);
      if (limit < 1 || limit > PAGE_MAX) {
        throw new ProblemError('INVALID_REQUEST', `querystring.limit must be 1–${PAGE_MAX}`, [
          { field: 'querystring.limit', rule: 'range', message: `must be 1–${PAGE_MAX}` },
        ]);
      }
      const since = dateParam(q.since, 'since')?.lo;
      const until = dateParam(q.until, 'until')?.hi;
      const page = await (await app.articleStore()).list({
        outlet: q.outlet,
        since,
        until,
        after: q.cursor === undefined ? undefined : Number(q.cursor),
        limit,
      });
      return { articles: page.articles, next: page.next === null ? null : String(page.next) };
    },
  );
}

function notFound(id: string): ProblemError {
  return new ProblemError('ARTICLE_NOT_FOUND', `No stored article has id ${id}.`);
}

function dateParam(value: string | undefined, name: string) {
  if (value === undefined) return undefined;
  const range = dateRange(value);
  if (!range) {
    throw new ProblemError('INVALID_REQUEST', `querystring.${name} is not a calendar date`, [
      { field: `querystring.${name}`, rule: 'date', message: 'is not a calendar date' },
    ]);
  }
  return range;
}
