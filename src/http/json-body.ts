import type { FastifyInstance } from 'fastify';
import { describeInvalidByte, invalidUtf8Offset } from '../input/text-bytes.js';
import { ProblemError } from './problem.js';

/**
 * The JSON body parser. Fastify's own decodes the bytes leniently (invalid UTF-8 becomes U+FFFD, and claims full
 * of "��" follow) and answers a body with a `__proto__` key as "not valid JSON". This one refuses invalid UTF-8
 * naming the field and the byte, and refuses prototype keys saying so. Registered in place of the default.
 */
export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    try {
      done(null, parseJsonBody(body));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}

export function parseJsonBody(bytes: Buffer): unknown {
  if (bytes.length === 0) throw new ProblemError('MALFORMED_BODY', 'The body is empty; send a JSON object.');
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    const field = ['body', ...jsonPathAt(bytes.subarray(0, bad).toString('utf8'))].join('.');
    const why = describeInvalidByte(bytes, bad);
    throw new ProblemError('INVALID_ENCODING', `${field}: ${why} (byte ${bad} of the body).`, [
      { field, rule: 'utf8', message: `${why} (byte ${bad} of the body)` },
    ]);
  }
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ProblemError('MALFORMED_BODY', `The body is not valid JSON: ${(err as Error).message}.`);
  }
  // Only texts that mention the keys are walked (the common body never is).
  if (text.includes('"__proto__"') || text.includes('"constructor"')) refusePrototypeKeys(value);
  return value;
}

/**
 * `__proto__` (and `constructor.prototype`) keys: harmless in the parsed object, but any consumer that copies it with
 * assignment would change an object's prototype. Refused by name, iteratively (bodies may nest deeply).
 */
function refusePrototypeKeys(root: unknown): void {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: 'body' }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      const field = `${path}.${key}`;
      const proto =
        key === '__proto__' ||
        (key === 'constructor' && typeof child === 'object' && child !== null && Object.hasOwn(child, 'prototype'));
      if (proto) {
        const message =
          `the key "${key === '__proto__' ? '__proto__' : 'constructor.prototype'}" is refused: it could ` +
          'change object prototypes in whatever copies this body; remove or rename it';
        throw new ProblemError('INVALID_REQUEST', `${field}: ${message}.`, [{ field, rule: 'prototypeKey', message }]);
      }
      stack.push({ value: child, path: field });
    }
  }
}

/** The key path (object keys, array indexes) at the end of a JSON text's prefix: where the next byte belongs. */
export function jsonPathAt(prefix: string): string[] {
  const stack: { key: string | number; object: boolean; expectKey: boolean }[] = [];
  let i = 0;
  while (i < prefix.length) {
    const c = prefix[i];
    if (c === '"') {
      let j = i + 1;
      while (j < prefix.length && prefix[j] !== '"') j += prefix[j] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      // Inside this string: a value belongs to its key; a key being written belongs to the object that holds it.
      if (j >= prefix.length)
        return (top?.object && top.expectKey ? stack.slice(0, -1) : stack).map((s) => String(s.key));
      if (top?.object && top.expectKey) {
        try {
          top.key = JSON.parse(prefix.slice(i, j + 1)) as string;
        } catch {
          top.key = prefix.slice(i + 1, j);
        }
        top.expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (c === '{') stack.push({ key: '', object: true, expectKey: true });
    else if (c === '[') stack.push({ key: 0, object: false, expectKey: false });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack.at(-1);
      if (top?.object) top.expectKey = true;
      else if (top) top.key = Number(top.key) + 1;
    }
    i++;
  }
  return stack.map((s) => String(s.key));
}
