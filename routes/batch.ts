import type { FastifyError, FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { CompareResult } from '../src/core/types.js';
import { attachExtractedText, formSide, resolveArticle } from '../src/http/article-input.js';
import { FormatQuerySchema, cspNonce, negotiateFormat } from '../src/http/formats.js';
import { toProblem } from '../src/http/problem.js';
import { ArticleSchema, CompareResultSchema, type Problem } from '../src/http/schemas.js';
import { renderBatchHtml, renderBatchMarkdown, renderBatchText, type BatchView } from '../src/render/batch.js';
import { BATCH_MAX_REWRITES } from '../src/render/form.js';
import { buildMatrix, outletLabels } from '../src/render/matrix.js';

const ARTICLE_FIELDS = ['outlet', 'title', 'url', 'published'];

/**
 * Multipart batch (the `GET /` page, curl `-F`): `original` (+ `original_outlet`, `original_type`…) and
 * `rewrite_1` … `rewrite_N` (+ `rewrite_N_outlet`, `rewrite_N_type`, or `rewrite_N_html`), in N order.
 * Blank rewrite slots of the form are skipped.
 */
export function formBatch(form: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const original = formSide(form, 'original', ARTICLE_FIELDS);
  if (original) body.original = original;
  const slots = new Set<number>();
  for (const key of Object.keys(form)) {
    const m = /^rewrite_(\d{1,3})(_html)?$/.exec(key);
    if (m && typeof form[key] === 'string' && /\S/.test(form[key])) slots.add(Number(m[1]));
  }
  body.rewrites = [...slots].sort((a, b) => a - b).map((n) => formSide(form, `rewrite_${n}`, ARTICLE_FIELDS));
  return body;
}

const Ratio = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);

const BatchBodySchema = Type.Object({
  original: ArticleSchema,
  rewrites: Type.Array(ArticleSchema, { minItems: 1, maxItems: BATCH_MAX_REWRITES, description: `1 to ${BATCH_MAX_REWRITES} rewrites, each with its \`outlet\`.` }),
}, { additionalProperties: false });

const MatrixSchema = Type.Object({
  outlets: Type.Array(Type.Object({
    index: Type.Integer({ minimum: 0 }), outlet: Type.String(), ok: Type.Boolean(),
    verdict: Type.Union([Type.String(), Type.Null()]), coverage: Ratio, containment: Ratio,
    credited: Type.Union([Type.Boolean(), Type.Null()]),
  })),
  claims: Type.Array(Type.Object({
    id: Type.String(), start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }), text: Type.String(),
    paragraph: Type.Integer({ minimum: 0 }),
    statuses: Type.Array(Type.Union([Type.String(), Type.Null()])),
    kept: Type.Array(Type.String()), paraphrased: Type.Array(Type.String()), dropped: Type.Array(Type.String()),
    changed: Type.Array(Type.String(), { description: 'Outlets whose rewrite of this claim says something else (a changed fact or quotation)' }),
  })),
  credited: Type.Array(Type.String()),
  derivedUncredited: Type.Array(Type.String()),
  failed: Type.Array(Type.String()),
}, { description: 'Per original claim, which outlets kept, paraphrased or dropped it; which outlets credit the source.' });

const { $id: _id, ...ResultShape } = CompareResultSchema as typeof CompareResultSchema & { $id?: string };

/**
 * `POST /v1/compare/batch` (issue #5): one original against up to `BATCH_MAX_REWRITES` outlets. Each
 * rewrite is compared independently through `app.engine` (concurrently: the engine's worker pool runs
 * them in parallel); a failing rewrite becomes a problem object in its slot and does not sink the others.
 */
export default async function batchRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/v1/compare/batch', {
    schema: {
      tags: ['compare'],
      summary: `Compare one original with up to ${BATCH_MAX_REWRITES} rewrites`,
      description: '`results[]` follows the order of `rewrites`; each entry is a full compare result, or a problem object when that rewrite failed. `matrix` lines the outlets up claim by claim. Accept/`?format=` as for /v1/compare (HTML gives the batch view).',
      consumes: ['application/json', 'multipart/form-data'],
      body: BatchBodySchema,
      querystring: FormatQuerySchema,
      produces: ['application/json', 'text/html', 'text/plain', 'text/markdown'],
      response: {
        200: Type.Object({
          results: Type.Array(Type.Union([Type.Object(ResultShape.properties), Type.Ref('Problem')])),
          matrix: MatrixSchema,
        }),
        400: { $ref: 'Problem#' },
        406: { $ref: 'Problem#' },
        413: { $ref: 'Problem#' },
      },
    },
    preValidation: async (request) => {
      if (request.isMultipart()) request.body = formBatch((request.body ?? {}) as Record<string, unknown>) as typeof request.body;
    },
  }, async (request, reply) => {
    const format = negotiateFormat(request);
    const extract = (html: string) => app.engine.extract(html);
    const original = await resolveArticle(request.body.original, 'body.original', extract);
    const outlets: (string | undefined)[] = request.body.rewrites.map((r) => r.outlet);
    const settled = await Promise.allSettled(request.body.rewrites.map(async (body, i) => {
      const rewrite = await resolveArticle(body, `body.rewrites.${i}`, extract);
      outlets[i] = rewrite.input.outlet;
      const result = await app.engine.compare(original.input, rewrite.input);
      attachExtractedText(result, 'original', original);
      return attachExtractedText(result, 'rewrite', rewrite);
    }));
    const results: (CompareResult | Problem)[] = settled.map((s) => {
      if (s.status === 'fulfilled') return s.value;
      const p = toProblem(s.reason as FastifyError, request);
      if (p.status >= 500) request.log.error({ err: s.reason }, 'batch rewrite failed');
      return p;
    });
    const labels = outletLabels(outlets);
    const matrix = buildMatrix(results.map((r) => ('summary' in r ? r : null)), labels);
    reply.header('vary', 'Accept');
    const view: BatchView = { originalOutlet: original.input.outlet, matrix, results: results.map((r) => ('summary' in r ? r : { title: r.title, detail: r.detail })) };
    if (format === 'html') return reply.type('text/html; charset=utf-8').send(renderBatchHtml(view, { nonce: cspNonce(reply) }));
    if (format === 'text') return reply.type('text/plain; charset=utf-8').send(renderBatchText(view));
    if (format === 'markdown') return reply.type('text/markdown; charset=utf-8').send(renderBatchMarkdown(view));
    return { results, matrix };
  });
}
