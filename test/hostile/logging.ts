import { Writable } from 'node:stream';
import t from 'tap';
import { buildApp } from '../../src/http/app.js';

/**
 * Request ids in every log line and every error body: an operator holding a problem body's
 * `requestId` finds every log line of that request, and a 5xx's internals are in the log, not the answer.
 */

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n'))
        if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

t.test('every log line of a request carries its id, which is also in the header and the error body', async (t) => {
  const { lines, stream } = capture();
  const app = await buildApp({
    logger: { level: 'info', stream },
    pluginTimeoutMs: 0,
    config: { maxEventLoopDelayMs: 0 },
  });
  t.teardown(() => app.close());
  app.get('/boom', async () => {
    throw new Error('db password hunter2 at /srv/app/secret.ts:12');
  });
  await app.ready();

  const bad = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: { original: { text: '' } },
    headers: { 'x-request-id': 'req-bad-1' },
  });
  const boom = await app.inject({ method: 'GET', url: '/boom' });
  const forged = await app.inject({
    method: 'GET',
    url: '/health',
    headers: { 'x-request-id': 'x\nfake log line {"level":60}' },
  });

  t.equal(bad.headers['x-request-id'], 'req-bad-1', 'a sane caller-given id is kept');
  t.equal(bad.json().requestId, 'req-bad-1');
  const boomId = String(boom.headers['x-request-id']);
  t.match(boomId, /^[0-9a-f-]{36}$/, 'otherwise a UUID is generated');
  t.equal(boom.json().requestId, boomId);
  t.notMatch(boom.body, /hunter2|secret\.ts/, 'the 5xx body holds no internals');
  t.notMatch(String(forged.headers['x-request-id']), /\n|fake/, 'a forged id with a newline is replaced, not echoed');

  const requestLines = lines.filter((l) => 'req' in l || 'res' in l || 'err' in l || 'code' in l);
  t.ok(requestLines.length >= 6, `request log lines captured (${requestLines.length})`);
  t.same(
    requestLines.filter((l) => typeof l.reqId !== 'string'),
    [],
    'every request log line has a reqId',
  );
  const badLines = lines.filter((l) => l.reqId === 'req-bad-1');
  t.ok(
    badLines.some((l) => l.msg === 'request rejected' && l.code === 'INVALID_REQUEST'),
    'the rejection is logged under the request id',
  );
  const boomLines = lines.filter((l) => l.reqId === boomId);
  t.ok(
    boomLines.some((l) => (l.level as number) >= 50 && JSON.stringify(l.err).includes('hunter2')),
    'the 5xx internals are in the log, under the id',
  );
});
