import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FormError, renderFormPage, type SlotValues } from '../render/form.js';
import type { Problem } from '../schemas/problem.js';
import { cspNonce, negotiateFormat } from './formats.js';

/**
 * A compare asked for as HTML (the `GET /` forms post with `?format=html`) that fails is answered with the form
 * page, the message above the form that was sent and the form filled with what was sent, instead of problem JSON
 * that a browser shows raw. The status stays the problem's; clients asking for JSON still get problem JSON.
 */

const FORM_ROUTES: Record<string, FormError['form']> = { '/v1/compare': 'one', '/v1/compare/batch': 'many' };

/** The form a failed request came from, when it asked for an HTML answer; else null. */
export function htmlForm(request: FastifyRequest): FormError['form'] | null {
  const form = request.method === 'POST' ? FORM_ROUTES[request.url.split('?')[0]!] : undefined;
  if (!form) return null;
  try {
    return negotiateFormat(request) === 'html' ? form : null;
  } catch {
    return null;
  }
}

/** An article of a (possibly invalid) body as form values: whatever of it is there and has the right type. */
function slot(article: unknown): SlotValues | undefined {
  if (!article || typeof article !== 'object') return undefined;
  const a = article as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const html = str(a.html);
  return { text: html ?? str(a.text), html: html !== undefined, outlet: str(a.outlet) };
}

/** A slot of a multipart form as sent: `<slot>` (or `<slot>_html`), `<slot>_outlet`, `<slot>_type`. */
function flatSlot(form: Record<string, unknown>, slot: string): SlotValues | undefined {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const text = str(form[slot]) ?? str(form[`${slot}_html`]);
  const outlet = str(form[`${slot}_outlet`]);
  if (text === undefined && outlet === undefined) return undefined;
  return { text, outlet, html: form[`${slot}_html`] !== undefined || form[`${slot}_type`] === 'html' };
}

/**
 * What the request held, by form slot: the multipart form as sent (it failed its own validation), or reshaped
 * into `{original, rewrite}` / `{original, rewrites}` (it failed later), or a JSON body of that shape.
 */
export function formValues(body: unknown): Record<string, SlotValues> {
  const values: Record<string, SlotValues> = {};
  if (!body || typeof body !== 'object') return values;
  const b = body as Record<string, unknown>;
  const put = (key: string, v: SlotValues | undefined) => {
    if (v) values[key] = v;
  };
  if (Object.keys(b).some((k) => /^(?:original|rewrite(?:_\d{1,3})?)(?:_\w+)?$/.test(k) && typeof b[k] === 'string')) {
    for (const key of Object.keys(b)) {
      const slot = /^(original|rewrite(?:_\d{1,2})?)(?:_(?:html|outlet|type))?$/.exec(key)?.[1];
      if (slot && !values[slot] && (slot === 'original' || slot === 'rewrite' || Number(slot.slice(8)) <= 10))
        put(slot, flatSlot(b, slot));
    }
    return values;
  }
  put('original', slot(b.original));
  put('rewrite', slot(b.rewrite));
  if (Array.isArray(b.rewrites))
    for (const [i, r] of b.rewrites.slice(0, 10).entries()) put(`rewrite_${i + 1}`, slot(r));
  return values;
}

/** A validated field's name as the form labels it: "body.rewrites.1.text" → "Rewrite 2". */
export function fieldLabel(field: string): string {
  const m = /^body\.(original|rewrite|rewrites\.(\d+))(?:\.(\w+))?/.exec(field);
  if (!m) return field;
  const side = m[1] === 'original' ? 'Original' : m[2] !== undefined ? `Rewrite ${Number(m[2]) + 1}` : 'Rewrite';
  return m[3] === 'outlet' ? `${side} outlet` : side;
}

/** Validation rules as an editor would say them. */
const RULE_WORDS: Record<string, string> = {
  minLength: 'the text is empty',
  pattern: 'the text is empty',
  required: 'missing',
  oneOf: 'missing',
  minItems: 'missing',
};

/** The validation errors in the form's words, one line per field. */
function humanErrors(errors: NonNullable<Problem['errors']>): { field: string; message: string }[] {
  const out = new Map<string, string>();
  for (const e of errors) {
    const label = fieldLabel(e.field);
    if (!out.has(label)) out.set(label, RULE_WORDS[e.rule] ?? e.message);
  }
  return [...out].map(([field, message]) => ({ field, message }));
}

/** Sends the form page for a failed compare (see the module comment). */
export function sendFormError(
  reply: FastifyReply,
  request: FastifyRequest,
  form: FormError['form'],
  problem: Problem,
): FastifyReply {
  const error: FormError = {
    form,
    title: problem.title,
    detail: problem.detail,
    code: problem.code,
    status: problem.status,
    errors: problem.errors && humanErrors(problem.errors),
    values: formValues(request.body),
  };
  return reply
    .code(problem.status)
    .type('text/html; charset=utf-8')
    .send(renderFormPage({ nonce: cspNonce(reply), error }));
}
