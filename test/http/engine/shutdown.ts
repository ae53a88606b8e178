import type { AddressInfo } from 'node:net';
import net from 'node:net';
import t from 'tap';
import { buildApp } from '../../../src/http/app.js';
import { faults } from '../../fixtures/faults.js';
import { until } from '../../fixtures/until.js';

/** Reads raw HTTP/1.1 from a socket until it closes. */
const readAll = (socket: net.Socket) =>
  new Promise<string>((resolve) => {
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => {
      data += c;
    });
    socket.on('close', () => resolve(data));
  });

t.test(
  'a request pipelined behind an in-flight compare during shutdown gets 503 SHUTTING_DOWN as a problem',
  async (t) => {
    // A compare that hangs until its 1 s budget ends, in the pool when the close begins.
    const app = await buildApp({
      logger: false,
      pluginTimeoutMs: 0,
      config: { rateLimitMax: 0, maxEventLoopDelayMs: 0, compareTimeoutMs: 1000, inlineMaxChars: 0 },
      engine: { faults },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    await app.engine.warmup?.();
    const { port } = app.server.address() as AddressInfo;
    const body = JSON.stringify({ original: { text: 'SIMULATE_HANG' }, rewrite: { text: 'Talks resume Monday.' } });
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const received = readAll(socket);
    socket.write(
      `POST /v1/compare HTTP/1.1\r\nHost: x\r\nContent-Type:` +
        ` application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    await until(() => app.engine.stats?.().pooled === 1);
    const closed = app.close();
    // The next request arrives on the kept-alive socket while the compare is still in flight and the close has begun.
    await new Promise((r) => setTimeout(r, 10));
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    await closed;
    const raw = await received;
    const responses = raw.split(/(?=HTTP\/1\.1 \d{3})/);
    t.equal(responses.length, 2, 'two answers on the socket');
    t.match(
      responses[0],
      /^HTTP\/1\.1 503[\s\S]*"code":"COMPARE_TIMEOUT"/,
      'the in-flight compare was answered (its budget ended) before the socket closed',
    );
    t.match(responses[1], /^HTTP\/1\.1 503/);
    t.match(responses[1], /content-type: application\/problem\+json/i);
    t.match(responses[1], /connection: close/i);
    t.match(responses[1], /retry-after: 1/i);
    t.match(responses[1], /"code":"SHUTTING_DOWN"/);
  },
);

t.test('a text/plain body is an unsupported media type, not a missing field', async (t) => {
  const app = await buildApp({ logger: false, pluginTimeoutMs: 0 });
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    headers: { 'content-type': 'text/plain' },
    payload: 'two texts?',
  });
  t.equal(res.statusCode, 415);
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.equal(res.json().code, 'UNSUPPORTED_MEDIA_TYPE');
});
