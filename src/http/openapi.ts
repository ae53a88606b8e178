import { packageVersion } from '../version.js';
import { BEARER_SCHEME } from './api-keys.js';

/**
 * The parts of the OpenAPI document that are not routes: @fastify/swagger adds every route's schemas (requests,
 * responses with their media types, problem codes) to this.
 */
export function openapiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'article-diff',
      version: packageVersion(),
      description:
        'Aligns an original article with a rewrite: what was kept, paraphrased, dropped or added; quotes, ' +
        'attribution and changed facts. Every error is an RFC 9457 problem (`application/problem+json`) with a ' +
        'stable `code`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'The instance serving this document.' }],
    // Comparing needs no key; the store's routes name the bearer scheme, required when `API_KEYS` is set.
    security: [],
    components: { securitySchemes: BEARER_SCHEME },
    tags: [
      { name: 'compare', description: 'Compare an original article with one or more rewrites.' },
      { name: 'store', description: 'Store articles, and find which stored article a new one came from.' },
      { name: 'service', description: 'Liveness, readiness and the editors’ form page.' },
    ],
  };
}
