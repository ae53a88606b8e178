import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import articleRoutes from '../../routes/articles.js';
import bulkRoutes from '../../routes/articles-bulk.js';
import batchRoutes from '../../routes/batch.js';
import checkRoutes from '../../routes/check.js';
import compareRoutes from '../../routes/compare.js';
import healthRoutes from '../../routes/health.js';
import uiRoutes from '../../routes/ui.js';
import { type Config, DEFAULTS } from '../config.js';
import { createLogger, type DestinationStream } from '../logger.js';
import { PROBLEM_STATUS_SCHEMAS } from '../schemas/responses.js';
import type { ArticleStore } from '../store/types.js';
import apiKeysPlugin from './api-keys.js';
import enginePlugin, { type EngineOptions } from './engine.js';
import { htmlForm, sendFormError } from './form-errors.js';
import { registerJsonBody } from './json-body.js';
import multipartPlugin from './multipart.js';
import { openapiDocument } from './openapi.js';
import pressurePlugin from './pressure.js';
import { problem, sendProblem, toProblem } from './problem.js';
import securityPlugin from './security.js';
import storePlugin from './store.js';

export interface BuildOptions {
  config?: Partial<Config>;
  /** The log level and where lines go (stdout by default), or `false` for no log; tests pass `false`. */
  logger?: false | { level?: string; stream?: DestinationStream };
  /** TEST ONLY: simulated worker faults (crash, hang, throw) and a budget timer the test expires itself. */
  engine?: Pick<EngineOptions, 'faults' | 'budgetTimer'>;
  /** TEST ONLY: an article store opened (and closed) by the caller instead of the configured one. */
  store?: ArticleStore;
  /**
   * How long a plugin may take to start (fastify's `pluginTimeout`, 10 s by default); 0: no limit. Tests on a
   * shared, loaded machine pass 0: how busy the machine is must not fail a test (tap's file timeout ends a hang).
   */
  pluginTimeoutMs?: number;
}

/**
 * ajv's logger: ajv 8 still honours `unicode: false` (limitLength.js) but warns on stderr, as plain text before
 * the first JSON log line, that the option is deprecated. That one warning is expected (the option is chosen on
 * purpose, and a test fails if ajv stops honouring it); every other message goes to the console as ajv's own
 * logger would send it.
 */
export const ajvLogger = {
  log: console.log.bind(console),
  warn: (...args: unknown[]) => {
    if (!String(args[0]).startsWith('DEPRECATED: option unicode.')) console.warn(...args);
  },
  error: console.error.bind(console),
};

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * Builds the application (fastify/demo style: the app is a plugin tree; `listen` is the caller's business).
 * Tests call this and use `app.inject`; `src/server.ts` calls it and listens.
 */
export async function buildApp(options: BuildOptions = {}): Promise<FastifyInstance> {
  const config: Config = { ...DEFAULTS, ...options.config };
  const loggerInstance: FastifyBaseLogger | undefined =
    options.logger === false
      ? undefined
      : createLogger({ level: options.logger?.level ?? config.logLevel }, options.logger?.stream);
  const app = Fastify({
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    ...(options.pluginTimeoutMs !== undefined && { pluginTimeout: options.pluginTimeoutMs }),
    // Fastify's default is no limit at all: a client trickling bytes would hold a connection forever.
    requestTimeout: config.requestTimeoutMs,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // unicode: false: string lengths in UTF-16 units, the unit of the core's limits and offsets (with ajv's default,
    // code points, astral characters let a text past `maxChars` that the core then cut; counting code points also
    // walked every character of every text, a visible share of the event loop's busy time under load).
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: false,
        allErrors: true,
        unicode: false,
        logger: ajvLogger,
      },
    },
    // Fastify's own closing answer is a plain JSON 503; ours (below) is a registered problem like every other error.
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // During shutdown, requests still arriving on kept-alive sockets get 503 SHUTTING_DOWN with `Connection: close`
  // and `Retry-After` (a load balancer retries them on another instance), while in-flight requests finish.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close').header('retry-after', '1');
    return sendProblem(
      reply,
      problem('SHUTTING_DOWN', 'The service is shutting down; retry on another instance.', request),
    );
  });
  // Fastify parses text/plain bodies by default, which made a plain-text POST a 400 about a missing field; no
  // route takes one (a compare needs two texts), so it is refused as an unsupported media type instead.
  app.removeContentTypeParser('text/plain');
  registerJsonBody(app);

  for (const schema of PROBLEM_STATUS_SCHEMAS) app.addSchema(schema);
  const { corsOrigins, rateLimitMax, rateLimitWindowMs } = config;
  await app.register(securityPlugin, { corsOrigins, rateLimitMax, rateLimitWindowMs });

  await app.register(swagger, {
    openapi: openapiDocument(),
    // Shared schemas keep their own names in the document (`Problem400`), not `def-N`.
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(multipartPlugin, { bodyLimit: config.bodyLimit });
  const { workers, compareTimeoutMs, inlineMaxChars, compareQueueMax } = config;
  await app.register(enginePlugin, { workers, compareTimeoutMs, inlineMaxChars, compareQueueMax, ...options.engine });
  await app.register(pressurePlugin, { maxEventLoopDelayMs: config.maxEventLoopDelayMs });
  await app.register(apiKeysPlugin, { keys: config.apiKeys });
  const { dataDir, databaseUrl, databaseSchema } = config;
  await app.register(storePlugin, { dataDir, databaseUrl, databaseSchema, store: options.store });

  app.setErrorHandler((error, request, reply) => {
    const body = toProblem(error as Parameters<typeof toProblem>[0], request);
    // 503s are deliberate (shedding, time budget, a replaced worker): warn, so error lines mean real failures.
    if (body.status === 503) request.log.warn({ code: body.code, detail: body.detail }, 'request shed');
    else if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code, detail: body.detail }, 'request rejected');
    const form = htmlForm(request);
    return form ? sendFormError(reply, request, form, body) : sendProblem(reply, body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // A known path asked with a method it does not have: 405 and the methods it has (RFC 9110), not a 404.
    const allowed = METHODS.filter((method) => app.hasRoute({ method, url: path }));
    if (allowed.length) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(
        reply,
        problem(
          'METHOD_NOT_ALLOWED',
          `${path} does not take ${request.method}; it takes ` + `${allowed.join(', ')}.`,
          request,
        ),
      );
    }
    return sendProblem(reply, problem('NOT_FOUND', `No route for ${request.method} ${path}`, request));
  });

  await app.register(healthRoutes);
  await app.register(compareRoutes);
  await app.register(batchRoutes);
  await app.register(uiRoutes);
  await app.register(articleRoutes);
  await app.register(bulkRoutes, {
    maxLines: config.bulkMaxLines,
    maxBytes: config.bulkMaxBytes,
    maxLineBytes: config.bodyLimit,
  });
  await app.register(checkRoutes);
  return app;
}
