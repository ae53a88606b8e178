import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { cspNonce } from '../src/http/formats.js';
import { renderFormPage } from '../src/render/form.js';
import { problemResponses } from '../src/schemas/responses.js';

/** `GET /`: the editors' page (paste or upload two articles, get the HTML report). */
export default async function uiRoutes(app: FastifyInstance) {
  app.get('/', {
    schema: {
      operationId: 'formPage',
      tags: ['service'],
      summary: 'The comparison form (HTML)',
      response: {
        200: { description: 'The page.', content: { 'text/html': { schema: Type.String() } } },
        ...problemResponses([429, 500, 503]),
      },
    },
  }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderFormPage({ nonce: cspNonce(reply) })));
}
