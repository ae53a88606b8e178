import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { cspNonce } from '../src/http/formats.js';
import { renderFormPage } from '../src/render/form.js';
import { problemResponses } from '../src/schemas/responses.js';

/**
 * The site icon: a side-by-side diff (browsers ask for /favicon.ico on every page; the answer is an SVG). Each `\` at
 * a line's end continues the line: the SVG has no newlines.
 */
export const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\
<rect width="32" height="32" rx="6" fill="#1d1d1f"/><rect x="5" y="7" width="9" height="3" fill="#f7c1c4"/>\
<rect x="18" y="7" width="9" height="3" fill="#b9e6c5"/><rect x="5" y="14" width="9" height="3" fill="#fff"/>\
<rect x="18" y="14" width="9" height="3" fill="#fff"/><rect x="5" y="21" width="9" height="3" fill="#f7c1c4"/>\
<rect x="18" y="21" width="9" height="3" fill="#b9e6c5"/></svg>`;

/** `GET /`: the editors' page (paste or upload two articles, get the HTML report). */
export default async function uiRoutes(app: FastifyInstance) {
  for (const url of ['/favicon.ico', '/favicon.svg']) {
    app.get(url, { schema: { hide: true } }, async (_request, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON),
    );
  }
  app.get(
    '/',
    {
      schema: {
        operationId: 'formPage',
        tags: ['service'],
        summary: 'The comparison form (HTML)',
        response: {
          200: { description: 'The page.', content: { 'text/html': { schema: Type.String() } } },
          ...problemResponses([429, 500, 503]),
        },
      },
    },
    async (_request, reply) => reply.type('text/html; charset=utf-8').send(renderFormPage({ nonce: cspNonce(reply) })),
  );
}
