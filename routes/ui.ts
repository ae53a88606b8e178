import type { FastifyInstance } from 'fastify';
import { cspNonce } from '../src/http/formats.js';
import { renderFormPage } from '../src/render/form.js';

/** `GET /`: the editors' page (paste or upload two articles, get the HTML report). */
export default async function uiRoutes(app: FastifyInstance) {
  app.get('/', {
    schema: { tags: ['service'], summary: 'The comparison form (HTML)', produces: ['text/html'] },
  }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(renderFormPage({ nonce: cspNonce(reply) })));
}
