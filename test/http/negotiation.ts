import t from 'tap';
import { testApp } from '../fixtures/app.js';
import { renderAppOptions } from '../fixtures/render-app.js';
import { smallPair } from '../fixtures/small-pair.js';

const cases: { name: string; accept?: string; query?: string; status: number; type: RegExp; body: RegExp }[] = [
  { name: 'no Accept gives JSON', status: 200, type: /^application\/json/, body: /^\{"summary":/ },
  { name: '*/* gives JSON', accept: '*/*', status: 200, type: /^application\/json/, body: /^\{"summary":/ },
  {
    name: 'application/json',
    accept: 'application/json',
    status: 200,
    type: /^application\/json/,
    body: /^\{"summary":/,
  },
  {
    name: 'a browser’s Accept gives the HTML report',
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    status: 200,
    type: /^text\/html; charset=utf-8/,
    body: /^<!doctype html>/,
  },
  {
    name: 'text/plain gives the terminal report',
    accept: 'text/plain',
    status: 200,
    type: /^text\/plain; charset=utf-8/,
    body: /^(WHOLLY|PARTIALLY) DERIVED \| coverage \d+%/,
  },
  { name: 'text/* prefers plain text', accept: 'text/*', status: 200, type: /^text\/plain/, body: /coverage/ },
  {
    name: 'text/markdown',
    accept: 'text/markdown',
    status: 200,
    type: /^text\/markdown; charset=utf-8/,
    body: /^# Copy Wire vs Daily Planet\n/,
  },
  {
    name: 'q-values are honoured',
    accept: 'text/html;q=0.5, text/markdown;q=0.9',
    status: 200,
    type: /^text\/markdown/,
    body: /^# /,
  },
  {
    name: '?format=text overrides Accept',
    accept: 'application/json',
    query: '?format=text',
    status: 200,
    type: /^text\/plain/,
    body: /coverage/,
  },
  { name: '?format=markdown', query: '?format=markdown', status: 200, type: /^text\/markdown/, body: /^# / },
  { name: '?format=html', query: '?format=html', status: 200, type: /^text\/html/, body: /^<!doctype html>/ },
  {
    name: '?format=json beats a text Accept',
    accept: 'text/plain',
    query: '?format=json',
    status: 200,
    type: /^application\/json/,
    body: /^\{/,
  },
  {
    name: 'unsupported Accept is a 406 problem',
    accept: 'image/png',
    status: 406,
    type: /^application\/problem\+json/,
    body: /"code":"NOT_ACCEPTABLE"/,
  },
  {
    name: 'unknown ?format is a 400 problem',
    query: '?format=pdf',
    status: 400,
    type: /^application\/problem\+json/,
    body: /"code":"INVALID_REQUEST".*querystring\.format/,
  },
];

// One app for the file: each app's worker pool loads its resources once.
const shared = await testApp(t, renderAppOptions);

t.test('POST /v1/compare negotiates its answer format', async (t) => {
  const app = shared;
  for (const c of cases) {
    const res = await app.inject({
      method: 'POST',
      url: `/v1/compare${c.query ?? ''}`,
      payload: smallPair,
      headers: c.accept ? { accept: c.accept } : {},
    });
    t.equal(res.statusCode, c.status, `${c.name}: status`);
    t.match(res.headers['content-type'], c.type, `${c.name}: content type`);
    t.match(res.body, c.body, `${c.name}: body`);
    if (c.status === 200) t.match(res.headers.vary, /Accept/i, `${c.name}: Vary: Accept`);
  }
});

t.test('the text report has one line per claim with markers and the word diff', async (t) => {
  const app = shared;
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: smallPair,
    headers: { accept: 'text/plain' },
  });
  const json = (await app.inject({ method: 'POST', url: '/v1/compare', payload: smallPair })).json();
  const lines = res.body
    .trimEnd()
    .split('\n')
    .filter((l) => /^(?:[=~+-]|! [or]\d)/.test(l));
  const rows = json.alignments.length + json.summary.counts.original.dropped + json.summary.counts.rewrite.added;
  t.equal(lines.length, rows, 'one line per aligned group, dropped and added claim');
  t.ok(
    lines.some((l) => /\[-.+?-\]\{\+.+?\+\}/.test(l)),
    'a paraphrase shows its word diff',
  );
});

t.test('the HTML answer carries the CSP nonces of its response', async (t) => {
  const app = shared;
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: smallPair,
    headers: { accept: 'text/html' },
  });
  const csp = String(res.headers['content-security-policy'] ?? '');
  const style = /<style nonce="([^"]+)">/.exec(res.body)?.[1],
    script = /<script nonce="([^"]+)">/.exec(res.body)?.[1];
  if (csp) {
    t.ok(style && csp.includes(`'nonce-${style}'`), 'style nonce is in the CSP');
    t.ok(script && csp.includes(`'nonce-${script}'`), 'script nonce is in the CSP');
  } else {
    t.equal(style, undefined, 'no CSP, no nonce');
  }
  t.match(res.body, /data-status="(kept|paraphrased)"/);
});
