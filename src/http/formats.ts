import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import type { CompareResult } from '../core/types.js';
import { renderResult } from '../render/format.js';
import type { Nonce } from '../render/html.js';
import type { RenderOptions } from '../render/summary-phrases.js';
import { clampWidth } from '../render/wrap.js';
import { type Format, MEDIA_TYPES } from '../schemas/format.js';
import { ProblemError } from './problem.js';

/**
 * Content negotiation for compare answers: JSON for tools, an HTML report for editors, a compact
 * text report for curl and Markdown for tickets and chat. `?format=` wins over `Accept`; no Accept and
 * `*\/*` give JSON; an Accept that allows none of them gets a 406 NOT_ACCEPTABLE problem.
 */
export { type Format, FormatQuerySchema, MEDIA_TYPES } from '../schemas/format.js';

/** In preference order for wildcards: `*\/*` → JSON, `text/*` → plain text. */
const OFFERED = ['application/json', 'text/plain', 'text/html', 'text/markdown'];
const BY_MEDIA = new Map(Object.entries(MEDIA_TYPES).map(([f, m]) => [m, f as Format]));

/** The `?width=` of a request as a number within the accepted range (the default when absent). */
export function requestedWidth(request: FastifyRequest): number {
  const w = (request.query as { width?: unknown } | undefined)?.width;
  return clampWidth(typeof w === 'string' ? Number(w) : undefined);
}

/** Picks the answer format of a request, or throws NOT_ACCEPTABLE. */
export function negotiateFormat(request: FastifyRequest): Format {
  const q = (request.query as { format?: unknown } | undefined)?.format;
  if (typeof q === 'string' && q in MEDIA_TYPES) return q as Format;
  const accept = request.headers.accept;
  if (!accept?.trim()) return 'json';
  const best = new Negotiator({ headers: { accept } }).mediaType(OFFERED);
  if (!best) {
    throw new ProblemError(
      'NOT_ACCEPTABLE',
      `Cannot answer with ${accept}; available: ${OFFERED.join(', ')} (or ?format=json|text|markdown|html).`,
    );
  }
  return BY_MEDIA.get(best) ?? 'json';
}

/** The CSP nonces @fastify/helmet put on the reply (when the security plugin is registered). */
export function cspNonce(reply: FastifyReply): Nonce | undefined {
  const n = (reply as unknown as { cspNonce?: Partial<Nonce> }).cspNonce;
  return n?.script && n.style ? { script: n.script, style: n.style } : undefined;
}

/** Sends a compare result in the negotiated format (JSON goes through the route's response schema). */
export function sendResult(
  reply: FastifyReply,
  format: Format,
  result: CompareResult,
  opts: RenderOptions,
): FastifyReply | CompareResult {
  reply.header('vary', 'Accept');
  if (format === 'json') return result;
  return reply
    .type(`${MEDIA_TYPES[format]}; charset=utf-8`)
    .send(renderResult(result, format, { ...opts, nonce: cspNonce(reply) }));
}
