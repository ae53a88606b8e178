import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { DEFAULTS, loadConfig } from '../../src/config.js';
import { type BuildOptions, buildApp } from '../../src/http/app.js';

/** Security headers, CSP nonces, CORS and rate limiting. */

const body = {
  original: { text: 'The council approved the budget.' },
  rewrite: { text: 'The council passed the budget.' },
};

/** An app with one extra HTML page that uses the CSP nonces the way the report does. */
async function appWithPage(t: Test, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = await buildApp({ logger: false, pluginTimeoutMs: 0, ...options });
  t.teardown(() => app.close());
  app.get('/test-page', async (_request, reply) => {
    const { style, script } = reply.cspNonce;
    return reply
      .type('text/html')
      .send(`<style nonce="${style}">p{color:red}</style><script nonce="${script}">1</script><p>x</p>`);
  });
  await app.ready();
  return app;
}

function directives(header: string | string[] | number | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of String(header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

t.test('HTML pages get a strict CSP whose nonces match the page, fresh per response', async (t) => {
  const app = await appWithPage(t);
  const a = await app.inject({ method: 'GET', url: '/test-page' });
  const b = await app.inject({ method: 'GET', url: '/test-page' });
  t.equal(a.statusCode, 200);
  const csp = directives(a.headers['content-security-policy']);
  const styleNonce = /<style nonce="([0-9a-f]+)"/.exec(a.body)?.[1];
  const scriptNonce = /<script nonce="([0-9a-f]+)"/.exec(a.body)?.[1];
  t.ok(styleNonce && scriptNonce, 'the page received nonces');
  t.ok(csp.get('style-src')?.includes(`'nonce-${styleNonce}'`), 'style-src allows the page style nonce');
  t.ok(csp.get('script-src')?.includes(`'nonce-${scriptNonce}'`), 'script-src allows the page script nonce');
  for (const d of ['script-src', 'style-src', 'default-src']) {
    t.notOk(
      csp.get(d)?.some((v) => /unsafe-inline|unsafe-eval|\*|https?:/.test(v)),
      `${d} has no unsafe-inline, eval or wildcard`,
    );
  }
  t.same(csp.get('script-src-attr'), ["'none'"], 'no inline event handlers');
  t.same(csp.get('style-src-attr'), ["'none'"], 'no style attributes');
  t.same(csp.get('object-src'), ["'none'"]);
  t.same(csp.get('frame-ancestors'), ["'none'"], 'cannot be framed (clickjacking)');
  t.same(csp.get('base-uri'), ["'none'"]);
  t.notOk(csp.has('upgrade-insecure-requests'), 'works on a plain-HTTP intranet host');
  t.not(a.headers['content-security-policy'], b.headers['content-security-policy'], 'nonces differ per response');
  t.equal(a.headers['x-content-type-options'], 'nosniff');
  t.equal(a.headers['x-frame-options'], 'SAMEORIGIN');
  t.equal(a.headers['referrer-policy'], 'no-referrer');
  t.equal(a.headers['x-powered-by'], undefined);
  t.equal(a.headers['cache-control'], 'no-store', 'articles and reports are not kept in shared caches');
});

t.test('API answers and problems carry the security headers too', async (t) => {
  const app = await appWithPage(t);
  for (const res of [
    await app.inject({ method: 'POST', url: '/v1/compare', payload: body }),
    await app.inject({ method: 'POST', url: '/v1/compare', payload: { original: {} } }),
    await app.inject({ method: 'GET', url: '/nope' }),
  ]) {
    t.equal(res.headers['x-content-type-options'], 'nosniff', `${res.statusCode}`);
    t.ok(res.headers['content-security-policy'], `${res.statusCode} has a CSP`);
  }
});

t.test('/docs gets a CSP that lets swagger-ui run: same-origin scripts only, no inline script', async (t) => {
  const app = await appWithPage(t);
  const page = await app.inject({ method: 'GET', url: '/docs/' });
  t.equal(page.statusCode, 200);
  const csp = directives(page.headers['content-security-policy']);
  t.same(csp.get('script-src'), ["'self'"], 'swagger-ui scripts come from /docs/static');
  t.ok(csp.get('style-src')?.includes("'self'"), 'swagger-ui.css allowed');
  t.same(csp.get('object-src'), ["'none'"]);
  // Every script the page loads is same-origin, so script-src 'self' is enough.
  for (const src of page.body.matchAll(/<script src="([^"]+)"/g))
    t.notMatch(src[1], /^(https?:)?\/\//, `${src[1]} is same-origin`);
  t.notMatch(page.body, /<script>(?!\s*<\/script>)/, 'no inline script');
  const asset = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
  t.equal(asset.statusCode, 200);
});

t.test('CORS is off by default: no allow-origin for any origin', async (t) => {
  const app = await appWithPage(t);
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: body,
    headers: { origin: 'https://desk.example.org' },
  });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['access-control-allow-origin'], undefined);
});

t.test('CORS_ORIGINS lets the listed newsroom front ends in, and only them', async (t) => {
  const app = await appWithPage(t, {
    config: loadConfig({ CORS_ORIGINS: 'https://desk.example.org, http://localhost:5173' }),
  });
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/v1/compare',
    headers: {
      origin: 'https://desk.example.org',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });
  t.equal(preflight.statusCode, 204);
  t.equal(preflight.headers['access-control-allow-origin'], 'https://desk.example.org');
  t.match(preflight.headers['access-control-allow-methods'], /POST/);
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: body,
    headers: { origin: 'http://localhost:5173' },
  });
  t.equal(res.headers['access-control-allow-origin'], 'http://localhost:5173');
  t.match(res.headers['access-control-expose-headers'], /x-request-id/, 'front ends can read the request id');
  const other = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: body,
    headers: { origin: 'https://evil.example' },
  });
  t.equal(other.headers['access-control-allow-origin'], undefined, 'an unlisted origin gets no allow-origin');
});

t.test('CORS_ORIGINS=* allows any origin', async (t) => {
  const app = await appWithPage(t, { config: loadConfig({ CORS_ORIGINS: '*' }) });
  const res = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://anything.example' } });
  t.equal(res.headers['access-control-allow-origin'], '*');
});

t.test('rate limiting is off by default', async (t) => {
  const app = await appWithPage(t);
  t.equal(DEFAULTS.rateLimitMax, 0);
  for (let i = 0; i < 30; i++) {
    const res = await app.inject({ method: 'POST', url: '/v1/compare', payload: body });
    if (res.statusCode !== 200) t.fail(`request ${i} answered ${res.statusCode}`);
  }
  const res = await app.inject({ method: 'GET', url: '/health' });
  t.equal(res.headers['x-ratelimit-limit'], undefined);
});

t.test('RATE_LIMIT_MAX: a 429 RATE_LIMITED problem per client, others unaffected, /health exempt', async (t) => {
  const app = await appWithPage(t, { config: loadConfig({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' }) });
  const from = (ip: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/compare',
      payload: body,
      remoteAddress: ip,
      headers: { 'x-request-id': 'rl-1' },
    });
  const codes = [];
  for (let i = 0; i < 4; i++) codes.push((await from('10.0.0.1')).statusCode);
  t.same(codes, [200, 200, 200, 429]);
  const limited = await from('10.0.0.1');
  t.equal(limited.statusCode, 429);
  t.match(limited.headers['content-type'], /^application\/problem\+json/);
  t.match(limited.json(), { code: 'RATE_LIMITED', status: 429, requestId: 'rl-1' });
  t.match(limited.json().detail, /retry in/);
  t.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After says when');
  t.equal(limited.headers['x-ratelimit-limit'], '3');
  t.equal((await from('10.0.0.2')).statusCode, 200, 'another client is not limited');
  for (let i = 0; i < 5; i++) {
    const health = await app.inject({ method: 'GET', url: '/health', remoteAddress: '10.0.0.1' });
    if (health.statusCode !== 200) t.fail(`/health limited: ${health.statusCode}`);
  }
});

t.test('TRUST_PROXY: the limit applies per X-Forwarded-For client behind a proxy', async (t) => {
  const app = await appWithPage(t, { config: loadConfig({ RATE_LIMIT_MAX: '1', TRUST_PROXY: 'true' }) });
  const via = (client: string) =>
    app.inject({
      method: 'GET',
      url: '/docs/json',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': client },
    });
  t.equal((await via('203.0.113.5')).statusCode, 200);
  t.equal((await via('203.0.113.5')).statusCode, 429);
  t.equal((await via('198.51.100.7')).statusCode, 200, 'a different client behind the same proxy');
});

t.test('configuration: bad security settings fail fast naming the variable', async (t) => {
  t.throws(() => loadConfig({ CORS_ORIGINS: 'desk.example.org' }), /CORS_ORIGINS/);
  t.throws(() => loadConfig({ RATE_LIMIT_MAX: '-1' }), /RATE_LIMIT_MAX/);
  t.throws(() => loadConfig({ RATE_LIMIT_WINDOW_MS: '10' }), /RATE_LIMIT_WINDOW_MS/);
  t.throws(() => loadConfig({ TRUST_PROXY: 'maybe' }), /TRUST_PROXY/);
  t.throws(() => loadConfig({ SHUTDOWN_GRACE_MS: 'soon' }), /SHUTDOWN_GRACE_MS/);
  t.match(loadConfig({}), {
    corsOrigins: [],
    rateLimitMax: 0,
    rateLimitWindowMs: 60_000,
    trustProxy: false,
    shutdownGraceMs: 10_000,
  });
  t.match(loadConfig({ TRUST_PROXY: '1', SHUTDOWN_GRACE_MS: '2500' }), { trustProxy: true, shutdownGraceMs: 2500 });
  t.throws(() => loadConfig({ REQUEST_TIMEOUT_MS: '0' }), /REQUEST_TIMEOUT_MS/);
});

t.test(
  'slow clients: a whole request must arrive within REQUEST_TIMEOUT_MS (Fastify alone sets no limit)',
  async (t) => {
    const app = await appWithPage(t);
    t.equal(app.server.requestTimeout, 120_000, 'default 2 minutes');
    const tight = await appWithPage(t, { config: loadConfig({ REQUEST_TIMEOUT_MS: '5000' }) });
    t.equal(tight.server.requestTimeout, 5000);
  },
);
