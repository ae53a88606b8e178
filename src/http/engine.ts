import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULTS } from '../config.js';
import { createEngine, type Engine, type EngineOptions, type PooledEngine, warmInline } from '../worker/pool.js';

export type { AnswerRequest, Engine, EngineOptions, EngineStats, PooledEngine } from '../worker/pool.js';

declare module 'fastify' {
  interface FastifyInstance {
    engine: Engine & Partial<Pick<PooledEngine, 'stats' | 'warmup'>>;
  }
}

/** Decorates `app.engine` with the worker pool's engine (`src/worker/pool.ts`) and closes the pool with the app. */
export default fp(
  async function enginePlugin(app: FastifyInstance, options: Partial<EngineOptions>) {
    const engine = createEngine({ logger: app.log, ...options });
    // Inline compares run on the main thread: load its resources (lexicon) now, at start-up, rather than inside the
    // first request. Done while the app is being built, i.e. before load shedding starts sampling the event loop,
    // so that start-up work is not mistaken for overload.
    if ((options.inlineMaxChars ?? DEFAULTS.inlineMaxChars) > 0) warmInline();
    app.decorate('engine', engine);
    app.addHook('onListen', async () => {
      await engine.warmup();
    });
    app.addHook('onClose', async () => {
      await engine.close();
    });
  },
  { name: 'engine' },
);
