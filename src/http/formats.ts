import Negotiator from 'negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { CompareResult } from '../core/types.js';
import { renderResult, type Format } from '../render/format.js';
import type { Nonce } from '../render/html.js';
import type { RenderOptions } from '../render/summary.js';
import { ProblemError } from './problem.js';
import { DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH, clampWidth } from '../render/wrap.js';

/**
 * Content negotiation for compare answers (issue #5): JSON for tools, an HTML report for editors, a compact
 * text report for curl and Markdown for tickets and chat. `?format=` wins over `Accept`; no Accept and
 * `*\/*` give JSON; an Accept that allows none of them gets a 406 NOT_ACCEPTABLE problem.
 */
export type { Format };

export const MEDIA_TYPES: Record<Format, string> = {
  json: 'application/json',
  text: 'text/plain',
  html: 'text/html',
  markdown: 'text/markdown',
};
/** In preference order for wildcards: `*\/*` → JSON, `text/*` → plain text. */
const OFFERED = ['application/json', 'text/plain', 'text/html', 'text/markdown'];
const BY_MEDIA = new Map(Object.entries(MEDIA_TYPES).map(([f, m]) => [m, f as Format]));

/** The `?format=` query parameter, shared by every route that answers a compare result. */
export const FormatQuerySchema = Type.Object({
  format: Type.Optional(Type.Union(Object.keys(MEDIA_TYPES).map((f) => Type.Literal(f)), {
    description: 'Answer format; overrides the Accept header. json | text | markdown | html.',
  })),
  // A string: query values arrive as text and the validator does not coerce types.
  width: Type.Optional(Type.String({
    pattern: '^\\d{1,4}$',
    description: `Columns the text and Markdown reports wrap to, ${MIN_WIDTH} to ${MAX_WIDTH} (default ${DEFAULT_WIDTH}).`,
  })),
});

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
  if (!accept || !accept.trim()) return 'json';
  const best = new Negotiator({ headers: { accept } }).mediaType(OFFERED);
  if (!best) {
    throw new ProblemError('NOT_ACCEPTABLE', `Cannot answer with ${accept}; available: ${OFFERED.join(', ')} (or ?format=json|text|markdown|html).`);
  }
  return BY_MEDIA.get(best) ?? 'json';
}

/** The CSP nonces @fastify/helmet put on the reply (when the security plugin is registered). */
export function cspNonce(reply: FastifyReply): Nonce | undefined {
  const n = (reply as unknown as { cspNonce?: Partial<Nonce> }).cspNonce;
  return n?.script && n.style ? { script: n.script, style: n.style } : undefined;
}

/** Sends a compare result in the negotiated format (JSON goes through the route's response schema). */
export function sendResult(reply: FastifyReply, format: Format, result: CompareResult, opts: RenderOptions): FastifyReply | CompareResult {
  reply.header('vary', 'Accept');
  if (format === 'json') return result;
  return reply.type(`${MEDIA_TYPES[format]}; charset=utf-8`).send(renderResult(result, format, { ...opts, nonce: cspNonce(reply) }));
}
