import Fastify from 'fastify';
import t, { type Test } from 'tap';
import pressurePlugin from '../../../src/http/pressure.js';
import { ProblemError, sendProblem, toProblem } from '../../../src/http/problem.js';

/** A bare app with the pressure plugin, a /health route and a route that fails with a given problem. */
async function pressureApp(t: Test, sampleIntervalMs?: number) {
  const app = Fastify({ logger: false });
  app.setErrorHandler((error, request, reply) =>
    sendProblem(reply, toProblem(error as Parameters<typeof toProblem>[0], request)),
  );
  await app.register(pressurePlugin, { maxEventLoopDelayMs: 20, retryAfterSeconds: 7, sampleIntervalMs });
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/work', async () => ({ done: true }));
  app.get('/timeout', async () => {
    throw new ProblemError('COMPARE_TIMEOUT', 'too slow');
  });
  app.get('/bad', async () => {
    throw new ProblemError('INVALID_REQUEST', 'bad');
  });
  t.teardown(() => app.close());
  await app.ready();
  return app;
}

const block = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* busy */
  }
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

t.test(
  'while the event loop lags, requests are shed with 503 OVERLOADED + Retry-After, /health still answers',
  async (t) => {
    const app = await pressureApp(t, 200);
    t.equal((await app.inject('/work')).statusCode, 200, 'served while healthy');
    // A lagging event loop, as synchronous work on the main thread would cause: block 50 ms at a time (several
    // event-loop samples per 200 ms sampling interval) until under-pressure has seen it (bounded), then ask at once.
    const lag = () => (app as unknown as { memoryUsage(): { eventLoopDelay: number } }).memoryUsage().eventLoopDelay;
    const lagging = () => Number.isFinite(lag()) && lag() > 20;
    for (let i = 0; i < 100 && !lagging(); i++) {
      block(50);
      await new Promise((resolve) => setImmediate(resolve));
    }
    t.ok(lagging(), `event-loop delay seen by the sampler: ${lag().toFixed(0)} ms`);
    const shed = await app.inject('/work');
    t.equal(shed.statusCode, 503);
    t.match(shed.headers['content-type'], /application\/problem\+json/);
    t.equal(shed.headers['retry-after'], '7');
    t.match(shed.json(), { code: 'OVERLOADED', status: 503 });
    t.equal((await app.inject('/health')).statusCode, 200, 'liveness is never shed');
    // Once the loop is idle again, a sample clears the pressure. On a loaded machine timers run late and a sample
    // may still see lag, so this waits for as many samples as it takes (a pressure never cleared ends at tap's
    // per-file timeout).
    let res = shed;
    while (res.statusCode !== 200) {
      await sleep(50);
      res = await app.inject('/work');
    }
    t.equal(res.statusCode, 200, 'served again after recovery');
  },
);

t.test('every 503 carries Retry-After; other errors do not', async (t) => {
  const app = await pressureApp(t);
  const timeout = await app.inject('/timeout');
  t.equal(timeout.statusCode, 503);
  t.equal(timeout.headers['retry-after'], '7');
  const bad = await app.inject('/bad');
  t.equal(bad.statusCode, 400);
  t.notOk(bad.headers['retry-after']);
});

t.test('MAX_EVENT_LOOP_DELAY_MS=0 turns shedding off', async (t) => {
  const app = Fastify({ logger: false });
  await app.register(pressurePlugin, { maxEventLoopDelayMs: 0, sampleIntervalMs: 20 });
  app.get('/work', async () => ({ done: true }));
  t.teardown(() => app.close());
  await app.ready();
  block(300);
  await sleep(40);
  t.equal((await app.inject('/work')).statusCode, 200);
});
