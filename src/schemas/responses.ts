import { type TSchema, Type } from 'typebox';
import { FORMATS, type Format, MEDIA_TYPES } from './format.js';
import { codesOf, PROBLEMS, problemSchemaFor } from './problem.js';

/**
 * Route response declarations: every status a route answers, with its media types, so that the serialiser and the
 * OpenAPI document say the same thing. Errors are `application/problem+json` with the codes of their status.
 */

const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const RetryAfter = {
  'Retry-After': { type: 'integer', minimum: 0, description: 'Seconds to wait before retrying.' },
} as const;

/** What each error status means, in the document. */
const MEANING: Record<number, string> = {
  400: 'The request is invalid: `errors[]` names each field and the rule it broke.',
  401: 'An API key is required (`Authorization: Bearer …`): the service runs with `API_KEYS` set.',
  403: 'The API key is not one of the service’s keys.',
  404: 'No such route, or no such stored article.',
  405: 'The path exists but not with this method; `Allow` lists the methods it has.',
  406: 'None of the formats the `Accept` header allows can be produced.',
  413: 'The body is larger than the service accepts.',
  415: 'The body’s media type is not accepted, or a text field holds binary content.',
  429: 'Too many requests from this client.',
  500: 'The service failed; the request id is logged.',
  503:
    'Temporarily unable to answer (overloaded, a compare past its time budget, a replaced worker, not ready yet, ' +
    'shutting down); retry after `Retry-After` seconds.',
};

/** The form page a request that asked for HTML gets instead of problem JSON (the `GET /` forms post so). */
const FORM_PAGE = Type.String({
  description:
    'When the request asked for HTML (`?format=html` or `Accept: text/html`): the form page, the message ' +
    'above the form the request came from and that form filled with what was sent.',
});

/**
 * The problem responses of `statuses`, keyed by status. `formPage`: the route is a form's target, and a request for
 * HTML is answered with the form page (every status but 406, whose request accepts no HTML).
 */
export function problemResponses(statuses: number[], opts: { formPage?: boolean } = {}): Record<number, unknown> {
  return Object.fromEntries(
    statuses.map((status) => {
      const codes = codesOf(status)
        .map((c) => `\`${c}\` (${PROBLEMS[c].title.toLowerCase()})`)
        .join(', ');
      const page = opts.formPage && status !== 406 ? { 'text/html': { schema: FORM_PAGE } } : {};
      return [
        status,
        {
          description: `${MEANING[status] ?? 'Error.'} Codes: ${codes}.`,
          ...(status === 503 ? { headers: RetryAfter } : {}),
          content: { [PROBLEM_MEDIA_TYPE]: { schema: Type.Ref(`Problem${status}`) }, ...page },
        },
      ];
    }),
  );
}

/** A JSON answer of `schema`. */
export function jsonResponse(description: string, schema: TSchema) {
  return { description, content: { 'application/json': { schema } } };
}

/**
 * Shared schemas to register (`app.addSchema`) for `problemResponses`: one per error status an operation answers.
 * 405 belongs to no operation (a method the path does not have), so the document has no use for it.
 */
export const PROBLEM_STATUS_SCHEMAS = [...new Set(Object.values(PROBLEMS).map((p) => p.status))]
  .filter((status) => status !== 405)
  .sort((a, b) => a - b)
  .map((status) => problemSchemaFor(status));

const RENDERED: Record<Exclude<Format, 'json'>, string> = {
  text: 'The terminal report: a summary line, then one line per claim.',
  markdown: 'The Markdown report.',
  html: 'The self-contained HTML report.',
};

/** A 200 in every answer format: `json` with its schema, the rendered formats as strings. */
export function formatsResponse(description: string, json: TSchema) {
  return {
    description,
    content: Object.fromEntries(
      FORMATS.map((f) => [MEDIA_TYPES[f], { schema: f === 'json' ? json : Type.String({ description: RENDERED[f] }) }]),
    ),
  };
}
