import t from 'tap';
import { multipartBody, testApp } from '../fixtures/app.js';
import { noBudget } from '../fixtures/budget.js';

/**
 * The edges of the contract: methods a path does not have, bytes that are not UTF-8 text, forms with fields the
 * service does not take. Each answer is a problem that names what was refused and where.
 */

// Refusals, not load: no time budget and no event-loop shedding, so a busy machine cannot turn them into 503s.
const app = await testApp(t, { config: { maxEventLoopDelayMs: 0 }, engine: noBudget });
const ok = { text: 'The council approved the budget on Monday.' };
const B = '----edge-boundary';

/** A multipart body whose parts are raw bytes (a file part when `filename` is given). */
function rawForm(parts: { name: string; bytes: Buffer; filename?: string }[]) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${B}\r\nContent-Disposition: ${disposition}\r\n${p.filename ? 'Content-Type: text/plain\r\n' : ''}\r\n`,
      ),
    );
    chunks.push(p.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${B}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${B}` } };
}

t.test('405 with Allow for a method a known path does not have (404 stays for unknown paths)', async (t) => {
  const table = [
    ['DELETE', '/health', 'GET, HEAD'],
    ['POST', '/ready', 'GET, HEAD'],
    ['PUT', '/v1/compare', 'POST'],
    ['GET', '/v1/compare', 'POST'],
    ['PATCH', '/v1/compare/batch', 'POST'],
    ['DELETE', '/', 'GET, HEAD'],
  ] as const;
  for (const [method, url, allow] of table) {
    const res = await app.inject({ method, url });
    t.equal(res.statusCode, 405, `${method} ${url}`);
    t.equal(res.headers.allow, allow);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.match(res.json(), { code: 'METHOD_NOT_ALLOWED', detail: new RegExp(`takes ${allow}`) });
  }
  t.equal((await app.inject({ method: 'DELETE', url: '/nowhere' })).statusCode, 404);
});

t.test('invalid UTF-8 in JSON: 400 naming the field and the byte offset, never U+FFFD claims', async (t) => {
  const head = Buffer.from('{"original":{"text":"The caf');
  const body = Buffer.concat([head, Buffer.from([0xe9]), Buffer.from(` opened."},"rewrite":${JSON.stringify(ok)}}`)]);
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: body,
    headers: { 'content-type': 'application/json' },
  });
  t.equal(res.statusCode, 400);
  t.match(res.json(), {
    code: 'INVALID_ENCODING',
    errors: [
      {
        field: 'body.original.text',
        rule: 'utf8',
        message: new RegExp(`0xE9 .*Latin-1/Windows-1252.*byte ${head.length} of the body`),
      },
    ],
  });
  const inRewrite = Buffer.concat([
    Buffer.from(`{"original":${JSON.stringify(ok)},"rewrite":{"outlet":"X","text":"a `),
    Buffer.from([0xc3, 0x28]),
    Buffer.from(' b"}}'),
  ]);
  const second = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: inRewrite,
    headers: { 'content-type': 'application/json' },
  });
  t.match(second.json(), { code: 'INVALID_ENCODING', errors: [{ field: 'body.rewrite.text' }] });
});

t.test('invalid UTF-8 in a multipart file or field: 400 naming the field and the byte in its part', async (t) => {
  const latin1 = Buffer.from('The caf\xe9 opened on Monday.', 'latin1');
  const file = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    ...rawForm([
      { name: 'original', bytes: latin1, filename: 'a.txt' },
      { name: 'rewrite', bytes: Buffer.from(ok.text), filename: 'b.txt' },
    ]),
  });
  t.equal(file.statusCode, 400);
  t.match(file.json(), {
    code: 'INVALID_ENCODING',
    errors: [{ field: 'body.original', rule: 'utf8', message: /byte 7 of the part/ }],
  });
  const field = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    ...rawForm([
      { name: 'original', bytes: Buffer.from(ok.text) },
      { name: 'rewrite', bytes: latin1 },
    ]),
  });
  t.match(field.json(), {
    code: 'INVALID_ENCODING',
    errors: [{ field: 'body.rewrite', message: /byte 7 of the part/ }],
  });
  const utf8 = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    ...rawForm([
      { name: 'original', bytes: Buffer.from('The café opened on Monday, the mayor said.'), filename: 'a.txt' },
      { name: 'rewrite', bytes: Buffer.from('The café opened Monday, said the mayor.') },
    ]),
  });
  t.equal(utf8.statusCode, 200, 'UTF-8 files and fields are read as they are');
  t.match(utf8.json().original.claims[0].text, /café/);
});

t.test('binary content where text is expected: 415 naming the field', async (t) => {
  const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3e, 0x00]);
  const upload = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    ...rawForm([
      { name: 'original', bytes: Buffer.from(ok.text), filename: 'a.txt' },
      { name: 'rewrite', bytes: elf, filename: 'b.bin' },
    ]),
  });
  t.equal(upload.statusCode, 415);
  t.match(upload.json(), { code: 'BINARY_CONTENT', errors: [{ field: 'body.rewrite', message: /NUL/ }] });
  const controls = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: {
      original: ok,
      rewrite: { text: `a ${'\u0001\u0002\u0003'.repeat(5)} b` },
    },
  });
  t.equal(controls.statusCode, 415);
  t.match(controls.json(), {
    code: 'BINARY_CONTENT',
    errors: [{ field: 'body.rewrite.text', message: /control characters/ }],
  });
  const nul = await app.inject({
    method: 'POST',
    url: '/v1/compare/batch',
    payload: { original: ok, rewrites: [{ html: '<p>a\u0000</p>' }] },
  });
  t.equal(nul.statusCode, 200, 'in a batch, one rewrite failing does not sink the batch');
  t.match(nul.json().results[0], { code: 'BINARY_CONTENT', errors: [{ field: 'body.rewrites.0.html' }] });
});

t.test('unknown multipart fields are refused like unknown JSON fields, in both routes', async (t) => {
  const typo = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    ...multipartBody({
      original: { value: ok.text, filename: 'a.txt' },
      rewrte: { value: ok.text, filename: 'b.txt' },
    }),
  });
  t.equal(typo.statusCode, 400);
  t.match(typo.json(), {
    errors: [{ field: 'body.rewrte', rule: 'additionalProperties', message: 'is not an accepted field' }],
  });
  const batch = await app.inject({
    method: 'POST',
    url: '/v1/compare/batch',
    ...multipartBody({
      original: { value: ok.text },
      rewrite_1: { value: ok.text },
      rewrite_1_colour: { value: 'red' },
    }),
  });
  t.equal(batch.statusCode, 400);
  t.match(batch.json(), { errors: [{ field: 'body.rewrite_1_colour', rule: 'additionalProperties' }] });
  const both = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    ...multipartBody({
      original: { value: ok.text },
      original_html: { value: '<p>x</p>' },
      rewrite: { value: ok.text },
    }),
  });
  t.equal(both.statusCode, 400, "a form meets the JSON body's rules too: text or html, not both");
});

t.test('a __proto__ key is refused by name: the message says what is refused and why', async (t) => {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    headers: { 'content-type': 'application/json' },
    payload: `{"original":${JSON.stringify(ok)},"rewrite":{"text":"a b","__proto__":{"x":1}}}`,
  });
  t.equal(res.statusCode, 400);
  const body = res.json();
  t.notMatch(body.detail, /not valid JSON/);
  t.match(body.detail, /body\.rewrite\.__proto__: the key "__proto__" is refused: it could change object prototypes/);
});
