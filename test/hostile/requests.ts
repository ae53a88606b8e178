import t from 'tap';
import { DEFAULT_LIMITS } from '../../src/core/types.js';
import { ajvLogger } from '../../src/http/app.js';
import { multipartBody, testApp } from '../fixtures/app.js';
import { noBudget } from '../fixtures/budget.js';

/**
 * Hostile request shapes: each gets a problem+json answer naming the field and the rule, with a
 * registered code and the request id, and nothing about the internals (stack frames, file paths, library
 * names). Cases already covered in test/http/compare.ts (empty/whitespace text, `text: 42`, an extra
 * field in `original`, truncated JSON, 413, XML) are not repeated here.
 */

const ok = { text: 'The council approved the budget on Monday.' };
const INTERNALS = /node_modules|\.(?:js|ts):\d+|\n\s+at |ajv|secure-json-parse|fastify|TypeError|RangeError/i;

interface Case {
  name: string;
  payload: string | Buffer;
  contentType?: string;
  status: number;
  code: string;
  /** Every one of these `field:rule` pairs must be named in `errors`. */
  errors?: string[];
}

const json = (v: unknown) => JSON.stringify(v);
const B = '----hostile-boundary';

const cases: Case[] = [
  {
    name: 'empty object',
    payload: '{}',
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.original:required', 'body.rewrite:required'],
  },
  {
    name: 'article without text',
    payload: json({ original: { outlet: 'X' }, rewrite: ok }),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.original.text:required'],
  },
  {
    name: 'article given as a string',
    payload: json({ original: 'plain text', rewrite: ok }),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.original:type'],
  },
  {
    name: 'article given as an array',
    payload: json({ original: ok, rewrite: [ok] }),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.rewrite:type'],
  },
  {
    name: 'text is null',
    payload: json({ original: { text: null }, rewrite: ok }),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.original.text:type'],
  },
  {
    name: 'text is an object',
    payload: json({ original: ok, rewrite: { text: { value: 'x' } } }),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.rewrite.text:type'],
  },
  {
    name: 'outlet is a number',
    payload: json({ original: { ...ok, outlet: 7 }, rewrite: ok }),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.original.outlet:type'],
  },
  {
    name: 'aliases is a string',
    payload: json({ original: { ...ok, aliases: 'Atlantic' }, rewrite: ok }),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.original.aliases:type'],
  },
  {
    name: 'too many aliases',
    payload: json({ original: { ...ok, aliases: Array.from({ length: 21 }, (_, i) => `a${i}`) }, rewrite: ok }),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.original.aliases:maxItems'],
  },
  {
    name: 'outlet over its length limit',
    payload: json({ original: { ...ok, outlet: 'x'.repeat(201) }, rewrite: ok }),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.original.outlet:maxLength'],
  },
  {
    name: 'extra top-level field',
    payload: json({ original: ok, rewrite: ok, mode: 'fast' }),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.mode:additionalProperties'],
  },
  {
    name: 'every error at once',
    payload: json({ original: { text: '' }, rewrite: { text: 1, x: 2 } }),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.original.text:minLength', 'body.rewrite.text:type', 'body.rewrite.x:additionalProperties'],
  },
  {
    name: 'body is a JSON array',
    payload: json([ok, ok]),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body:type'],
  },
  {
    name: 'body is a JSON string',
    payload: json('compare these'),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body:type'],
  },
  { name: 'body is JSON null', payload: 'null', status: 400, code: 'INVALID_REQUEST' },
  { name: 'plain text sent as JSON', payload: 'The council approved the budget.', status: 400, code: 'MALFORMED_BODY' },
  { name: 'empty body sent as JSON', payload: '', status: 400, code: 'MALFORMED_BODY' },
  {
    name: 'JSON with trailing garbage',
    payload: `${json({ original: ok, rewrite: ok })} and more`,
    status: 400,
    code: 'MALFORMED_BODY',
  },
  { name: 'single-quoted pseudo-JSON', payload: "{'original': {'text': 'x'}}", status: 400, code: 'MALFORMED_BODY' },
  {
    name: 'invalid UTF-8 bytes',
    payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    status: 400,
    code: 'INVALID_ENCODING',
    errors: ['body:utf8'],
  },
  {
    name: '__proto__ key',
    payload: '{"original":{"text":"a b"},"rewrite":{"text":"a b"},"__proto__":{"polluted":true}}',
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.__proto__:prototypeKey'],
  },
  {
    name: 'nested __proto__ key',
    payload: '{"original":{"text":"a b","__proto__":{"polluted":true}},"rewrite":{"text":"a b"}}',
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.original.__proto__:prototypeKey'],
  },
  {
    name: 'constructor.prototype key',
    payload: '{"original":{"text":"a b"},"rewrite":{"text":"a b"},"constructor":{"prototype":{"polluted":true}}}',
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.constructor:prototypeKey'],
  },
  {
    name: 'plain "constructor" key',
    payload: '{"original":{"text":"a b","constructor":"x"},"rewrite":{"text":"a b"}}',
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.original.constructor:additionalProperties'],
  },
  {
    name: 'deeply nested arrays',
    payload: `{"original":{"text":"a","title":${'['.repeat(100_000)}${']'.repeat(100_000)}},"rewrite":{"text":"b"}}`,
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.original.title:type'],
  },
  {
    name: 'very deeply nested objects',
    payload: `{"original":${'{"a":'.repeat(500_000)}1${'}'.repeat(500_000)},"rewrite":{"text":"b"}}`,
    status: 400,
    code: 'INVALID_REQUEST',
  },
  // Fastify parses text/plain into a string by default; the schema then names the rule it breaks.
  // Pages shaped to make Readability run for minutes on the request thread are refused up front (400).
  {
    name: 'HTML nested 50,000 deep',
    payload: json({ original: { html: `${'<div>'.repeat(50_000)}x${'</div>'.repeat(50_000)}` }, rewrite: ok }),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.original.html:extract'],
  },
  {
    name: 'HTML with 10,000 sibling paragraphs',
    payload: json({ original: ok, rewrite: { html: '<p>The council met.</p>'.repeat(10_000) } }),
    status: 400,
    code: 'INVALID_REQUEST',
    errors: ['body.rewrite.html:extract'],
  },
  {
    name: 'both text and html',
    payload: json({ original: { text: 'a b', html: '<p>a b</p>' }, rewrite: ok }),
    status: 400,
    code: 'INVALID_REQUEST',
  },
  {
    name: 'text/plain body (a compare takes two texts)',
    contentType: 'text/plain',
    payload: 'The council approved the budget.',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'url-encoded form',
    contentType: 'application/x-www-form-urlencoded',
    payload: 'original=a&rewrite=b',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'made-up content type',
    contentType: 'application/vnd.evil+json; charset=utf-7',
    payload: json({ original: ok, rewrite: ok }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'multipart without a boundary',
    contentType: 'multipart/form-data',
    payload: 'original=a',
    status: 400,
    code: 'MALFORMED_BODY',
  },
  {
    name: 'multipart with a 300-character boundary',
    contentType: `multipart/form-data; boundary=${'b'.repeat(300)}`,
    payload: `--${'b'.repeat(300)}\r\n`,
    status: 400,
    code: 'MALFORMED_BODY',
  },
  {
    name: 'multipart that is not multipart',
    contentType: `multipart/form-data; boundary=${B}`,
    payload: 'garbage garbage',
    status: 400,
    code: 'MALFORMED_BODY',
  },
  {
    name: 'truncated multipart',
    contentType: `multipart/form-data; boundary=${B}`,
    payload: `--${B}\r\nContent-Disposition: form-data; name="original"\r\n\r\nHello there`,
    status: 400,
    code: 'MALFORMED_BODY',
  },
  {
    name: 'multipart field declared JSON but not JSON',
    contentType: `multipart/form-data; boundary=${B}`,
    payload:
      `--${B}\r\nContent-Disposition: form-data; name="original"\r\nContent-Type:` +
      ` application/json\r\n\r\n{bad\r\n--${B}--\r\n`,
    status: 400,
    code: 'MALFORMED_BODY',
  },
  {
    name: 'multipart __proto__ field',
    contentType: `multipart/form-data; boundary=${B}`,
    payload: `--${B}\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n--${B}--\r\n`,
    status: 400,
    code: 'MALFORMED_BODY',
  },
];

// One app answers every case (each case is one request; building an app per case cost most of this file's time).
// No time budget and no event-loop shedding: these cases are about refusals, and a busy machine must not turn them
// into 503s.
const shared = await testApp(t, { config: { maxEventLoopDelayMs: 0 }, engine: noBudget });

for (const c of cases) {
  t.test(`${c.status} ${c.code}: ${c.name}`, async (t) => {
    const app = shared;
    const res = await app.inject({
      method: 'POST',
      url: '/v1/compare',
      payload: c.payload,
      headers: { 'content-type': c.contentType ?? 'application/json', 'x-request-id': 'hostile-1' },
    });
    t.equal(res.statusCode, c.status, res.body.slice(0, 300));
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    const body = res.json();
    t.equal(body.code, c.code);
    t.equal(body.status, c.status);
    t.equal(body.requestId, 'hostile-1', 'the error body carries the request id');
    t.type(body.detail, 'string');
    t.notMatch(res.body, INTERNALS, 'nothing about the internals leaks');
    for (const want of c.errors ?? []) {
      const [field, rule] = want.split(':');
      t.ok(
        body.errors?.some((e: { field: string; rule: string }) => e.field === field && e.rule === rule),
        `names ${field} and rule ${rule}: ${JSON.stringify(body.errors)}`,
      );
    }
    t.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
  });
}

t.test('the detail reads as a sentence per field: "body.rewrite is required (required)"', async (t) => {
  const app = shared;
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: { original: { text: 'x', colour: 'red' } },
  });
  const body = res.json();
  t.match(body.detail, /body\.rewrite is required \(required\)/);
  t.match(body.detail, /body\.original\.colour is not an accepted field \(additionalProperties\)/);
  const has = (want: { field: string; rule: string; message: string }) =>
    body.errors.some((e: typeof want) => e.field === want.field && e.rule === want.rule && e.message === want.message);
  t.ok(
    has({ field: 'body.original.colour', rule: 'additionalProperties', message: 'is not an accepted field' }),
    JSON.stringify(body.errors),
  );
  t.ok(has({ field: 'body.rewrite', rule: 'required', message: 'is required' }), JSON.stringify(body.errors));
});

t.test('413 for a body over the default 5 MB limit, before any parsing', async (t) => {
  const app = shared;
  const big = json({ original: { text: 'word '.repeat(1_100_000) }, rewrite: ok });
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: big,
    headers: { 'content-type': 'application/json' },
  });
  t.equal(res.statusCode, 413);
  t.match(res.json(), { code: 'BODY_TOO_LARGE', status: 413 });
});

t.test('400 for a text longer than the core analyses, rather than a silently cut answer', async (t) => {
  const app = shared;
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: { original: { text: 'ab '.repeat(700_000) }, rewrite: ok },
  });
  t.equal(res.statusCode, 400);
  t.match(res.json(), { code: 'INVALID_REQUEST', errors: [{ field: 'body.original.text', rule: 'maxLength' }] });
});

t.test(
  'the text limit counts UTF-16 units, as the core does: astral characters cannot slip a text past it',
  async (t) => {
    const app = shared;
    // 2,000,000 code points but 2,000,001 UTF-16 units: the core would cut the last unit off, so the request is
    // refused.
    const text = `${'ab '.repeat(666_666)}a😀`;
    t.equal([...text].length, DEFAULT_LIMITS.maxChars);
    t.equal(text.length, DEFAULT_LIMITS.maxChars + 1);
    const res = await app.inject({ method: 'POST', url: '/v1/compare', payload: { original: { text }, rewrite: ok } });
    t.equal(res.statusCode, 400);
    t.match(res.json(), { code: 'INVALID_REQUEST', errors: [{ field: 'body.original.text', rule: 'maxLength' }] });
  },
);

t.test('413 when content-length announces more than the limit', async (t) => {
  const app = await testApp(t, { config: { bodyLimit: 4096 } });
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: json({ original: ok, rewrite: ok }),
    headers: { 'content-type': 'application/json', 'content-length': '999999' },
  });
  t.equal(res.statusCode, 413);
  t.equal(res.json().code, 'BODY_TOO_LARGE');
});

t.test('multipart: an unknown extra field is named, as in JSON', async (t) => {
  const app = shared;
  const form = multipartBody({
    original: { value: 'A b c.' },
    rewrite: { value: 'A b c.' },
    original_colour: { value: 'red' },
  });
  const res = await app.inject({ method: 'POST', url: '/v1/compare', ...form });
  t.equal(res.statusCode, 400, res.body.slice(0, 200));
  t.match(res.json(), {
    code: 'INVALID_REQUEST',
    errors: [{ field: 'body.original_colour', rule: 'additionalProperties' }],
  });
});

t.test('unknown paths answer 404 problem+json, not HTML', async (t) => {
  const app = shared;
  for (const [method, url] of [
    ['GET', '/v1/compare/../../etc/passwd'],
    ['GET', '/%00'],
    ['DELETE', '/v2/compare'],
  ] as const) {
    const res = await app.inject({ method, url });
    t.equal(res.statusCode, 404, `${method} ${url}`);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.notMatch(res.body, INTERNALS);
  }
});

t.test(
  'building the app prints nothing outside the JSON logs (ajv warns about the UTF-16 option only to itself)',
  async (t) => {
    const printed: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    };
    try {
      await testApp(t);
    } finally {
      console.warn = warn;
    }
    t.same(printed, []);
    // Other warnings still reach the console.
    const seen: string[] = [];
    console.warn = (...args: unknown[]) => {
      seen.push(String(args[0]));
    };
    try {
      ajvLogger.warn('strict mode: unknown keyword');
      ajvLogger.warn('DEPRECATED: option unicode. "minLength"/"maxLength" account for unicode characters by default.');
    } finally {
      console.warn = warn;
    }
    t.same(seen, ['strict mode: unknown keyword']);
  },
);
