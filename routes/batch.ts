import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { CompareResult } from '../src/core/types.js';
import { attachExtractedText, formSide, resolveArticle } from '../src/http/article-input.js';
import { cspNonce, negotiateFormat, requestedWidth } from '../src/http/formats.js';
import { validateReshaped } from '../src/http/forms.js';
import { toProblem } from '../src/http/problem.js';
import { type BatchView, renderBatchHtml, renderBatchMarkdown, renderBatchText } from '../src/render/batch.js';
import { buildMatrix, outletLabels } from '../src/render/matrix.js';
import { ARTICLE_META_FIELDS } from '../src/schemas/article.js';
import { BATCH_MAX_REWRITES, type BatchBody, BatchBodySchema, BatchResultSchema } from '../src/schemas/batch.js';
import { BatchFormSchema } from '../src/schemas/form.js';
import { FormatQuerySchema } from '../src/schemas/format.js';
import type { Problem } from '../src/schemas/problem.js';
import { formatsResponse, problemResponses } from '../src/schemas/responses.js';

/**
 * Multipart batch (the `GET /` page, curl `-F`): `original` (+ `original_outlet`, `original_type`…) and
 * `rewrite_1` … `rewrite_N` (+ `rewrite_N_outlet`, `rewrite_N_type`, or `rewrite_N_html`), in N order.
 * Blank rewrite slots of the form are skipped.
 */
export function formBatch(form: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const original = formSide(form, 'original', ARTICLE_META_FIELDS);
  if (original) body.original = original;
  const slots = new Set<number>();
  for (const key of Object.keys(form)) {
    const m = /^rewrite_(\d{1,3})(_html)?$/.exec(key);
    if (m && typeof form[key] === 'string' && /\S/.test(form[key])) slots.add(Number(m[1]));
  }
  body.rewrites = [...slots].sort((a, b) => a - b).map((n) => formSide(form, `rewrite_${n}`, ARTICLE_META_FIELDS));
  return body;
}

/**
 * `POST /v1/compare/batch`: one original against up to `BATCH_MAX_REWRITES` outlets. Each
 * rewrite is compared independently through `app.engine` (concurrently: the engine's worker pool runs
 * them in parallel); a failing rewrite becomes a problem object in its slot and does not sink the others.
 */
export default async function batchRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/v1/compare/batch',
    {
      schema: {
        operationId: 'compareBatch',
        tags: ['compare'],
        summary: `Compare one original with up to ${BATCH_MAX_REWRITES} rewrites`,
        description:
          '`results[]` follows the order of `rewrites`; each entry is a full compare result, or a problem ' +
          'object when that rewrite failed. `matrix` lines the outlets up claim by claim. Accept/`?format=` as for ' +
          '`POST /v1/compare` (HTML gives the batch view).',
        body: {
          content: {
            'application/json': { schema: BatchBodySchema },
            'multipart/form-data': { schema: BatchFormSchema },
          },
        },
        querystring: FormatQuerySchema,
        response: {
          200: formatsResponse('The batch, in the negotiated format.', BatchResultSchema),
          ...problemResponses([400, 401, 403, 406, 413, 415, 429, 500, 503], { formPage: true }),
        },
      },
      preHandler: async (request) => {
        if (!request.isMultipart()) return;
        const body = formBatch(request.body as unknown as Record<string, unknown>);
        request.body = validateReshaped(request, BatchBodySchema, body) as typeof request.body;
      },
    },
    async (request, reply) => {
      const format = negotiateFormat(request);
      const extract = (html: string) => app.engine.extract(html);
      const batch = request.body as BatchBody;
      const original = await resolveArticle(batch.original, 'body.original', extract);
      const outlets: (string | undefined)[] = batch.rewrites.map((r) => r.outlet);
      const settled = await Promise.allSettled(
        batch.rewrites.map(async (body, i) => {
          const rewrite = await resolveArticle(body, `body.rewrites.${i}`, extract);
          outlets[i] = rewrite.input.outlet;
          const result = await app.engine.compare(original.input, rewrite.input);
          attachExtractedText(result, 'original', original);
          return attachExtractedText(result, 'rewrite', rewrite);
        }),
      );
      const results: (CompareResult | Problem)[] = settled.map((s) => {
        if (s.status === 'fulfilled') return s.value;
        const p = toProblem(s.reason as FastifyError, request);
        if (p.status >= 500) request.log.error({ err: s.reason }, 'batch rewrite failed');
        return p;
      });
      const labels = outletLabels(outlets);
      const matrix = buildMatrix(
        results.map((r) => ('summary' in r ? r : null)),
        labels,
      );
      reply.header('vary', 'Accept');
      const view: BatchView = {
        originalOutlet: original.input.outlet,
        matrix,
        results: results.map((r) => ('summary' in r ? r : { title: r.title, detail: r.detail })),
      };
      const width = requestedWidth(request);
      if (format === 'html') {
        return reply.type('text/html; charset=utf-8').send(renderBatchHtml(view, { nonce: cspNonce(reply) }));
      }
      if (format === 'text') return reply.type('text/plain; charset=utf-8').send(renderBatchText(view, { width }));
      if (format === 'markdown')
        return reply.type('text/markdown; charset=utf-8').send(renderBatchMarkdown(view, { width }));
      return { results, matrix };
    },
  );
}
