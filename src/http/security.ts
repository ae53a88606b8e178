import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemError } from './problem.js';

export interface SecurityOptions {
  /** Browser origins allowed to call the API; `['*']` = any; `[]` = no CORS headers at all. */
  corsOrigins: string[];
  /** Requests per client per window; 0 = rate limiting off. */
  rateLimitMax: number;
  rateLimitWindowMs: number;
}

/**
 * The CSP of the service's own HTML pages (report, upload form). Strict: same-origin resources only, no
 * inline event handlers or `style=` attributes, and inline `<style>`/`<script>` only with the per-response
 * nonce that helmet adds (`reply.cspNonce.style` / `.script`, `enableCSPNonces`). `useDefaults: false` so
 * helmet does not add `upgrade-insecure-requests`, which would break the pages on a plain-HTTP intranet host.
 */
export const PAGE_CSP = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  styleSrcAttr: ["'none'"],
};

/**
 * swagger-ui (`/docs`) loads its bundle, CSS and initializer from `/docs/static/` (no inline script), but at run
 * time it injects a `<style>` element (seen as a `style-src-elem` violation in Chromium under PAGE_CSP) and React
 * sets inline styles, so `/docs` allows inline styles; scripts stay same-origin only. Checked in a real browser
 * by test/browser/docs.ts.
 */
export const DOCS_CSP = {
  ...PAGE_CSP,
  styleSrc: ["'self'", "'unsafe-inline'"],
  styleSrcAttr: ["'unsafe-inline'"],
};

/** Headers a browser client may read on a cross-origin answer. */
const EXPOSED_HEADERS = [
  'x-request-id',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];

/**
 * Security headers (@fastify/helmet with a nonce CSP), CORS for newsroom front ends (@fastify/cors) and a
 * per-client rate limit (@fastify/rate-limit, answering a 429 RATE_LIMITED problem). Register it before any
 * route: helmet and rate-limit attach to routes as they are declared (`onRoute`).
 */
export default fp(
  async function securityPlugin(app: FastifyInstance, opts: SecurityOptions) {
    // Runs before helmet's own onRoute hook (registered below), which turns `routeOptions.helmet` into config.
    app.addHook('onRoute', (route: RouteOptions & { helmet?: unknown }) => {
      if (route.url.startsWith('/docs') && route.helmet === undefined) {
        route.helmet = { enableCSPNonces: false, contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } };
      }
    });
    await app.register(helmet, {
      enableCSPNonces: true,
      contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP },
    });
    app.addHook('onSend', async (_request, reply) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    });

    if (opts.corsOrigins.length) {
      await app.register(cors, {
        origin: opts.corsOrigins.includes('*') ? '*' : opts.corsOrigins,
        methods: ['GET', 'POST'],
        allowedHeaders: ['content-type', 'accept', 'x-request-id'],
        exposedHeaders: EXPOSED_HEADERS,
        maxAge: 600,
        strictPreflight: true,
      });
    }

    if (opts.rateLimitMax > 0) {
      await app.register(rateLimit, {
        global: true,
        max: opts.rateLimitMax,
        timeWindow: opts.rateLimitWindowMs,
        // Load balancers and orchestrators poll liveness; limiting them would turn a busy client into an outage.
        allowList: (request) => request.routeOptions.url === '/health',
        errorResponseBuilder: (_request, ctx) =>
          new ProblemError(
            'RATE_LIMITED',
            `More than ${ctx.max} requests in ${Math.round(opts.rateLimitWindowMs / 1000)} s from this client;` +
              ` retry in ${ctx.after}.`,
          ),
      });
    }
  },
  { name: 'security' },
);
