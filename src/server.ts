import closeWithGrace from 'close-with-grace';
import { type Config, loadConfig } from './config.js';
import { buildApp } from './http/app.js';

/**
 * Entry point: `npm start`. Configuration comes from the environment (README "Configuration").
 *
 * Shutdown (SIGTERM/SIGINT, e.g. `docker stop` or a rolling deploy): close-with-grace calls `app.close()`,
 * which stops listening at once, answers requests arriving on kept-alive sockets with 503 SHUTTING_DOWN +
 * `Connection: close` (load balancers retry them elsewhere), lets in-flight requests finish, runs `onClose` hooks (the
 * worker pool), then exits 0. If that takes longer than `SHUTDOWN_GRACE_MS` the process exits 1 anyway. An
 * uncaught exception or unhandled rejection takes the same path with exit status 1 (a supervisor restarts
 * us), logged at level fatal first.
 */
let config: Config;
try {
  config = loadConfig();
} catch (err) {
  // Misconfiguration: say which variable, not a stack trace.
  process.stderr.write(`article-diff: ${(err as Error).message}\n`);
  process.exit(2);
}

const app = await buildApp({ config });

closeWithGrace(
  {
    delay: config.shutdownGraceMs,
    logger: { error: (msg: unknown) => app.log.fatal({ detail: String(msg) }, 'shutdown problem') },
  },
  async ({ signal, err }) => {
    if (err) app.log.fatal({ err }, 'uncaught exception or unhandled rejection: closing');
    else app.log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    await app.close();
    app.log.info('closed');
  },
);

try {
  await app.listen({ port: config.port, host: config.host });
} catch (err) {
  app.log.fatal({ err }, 'could not start');
  process.exit(1);
}
