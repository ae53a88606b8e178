import { type Static, Type } from 'typebox';

/**
 * Every error the service answers with has a stable `code` registered here, an HTTP status and a title.
 * Clients switch on `code`; the `detail` text may improve over time.
 */
export const PROBLEMS = {
  INVALID_REQUEST: { status: 400, title: 'Invalid request' },
  MALFORMED_BODY: { status: 400, title: 'Malformed request body' },
  INVALID_ENCODING: { status: 400, title: 'Text is not valid UTF-8' },
  BINARY_CONTENT: { status: 415, title: 'Binary content where text was expected' },
  UNAUTHORIZED: { status: 401, title: 'API key required' },
  FORBIDDEN: { status: 403, title: 'API key not accepted' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ARTICLE_NOT_FOUND: { status: 404, title: 'No such article' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  NOT_ACCEPTABLE: { status: 406, title: 'Not acceptable' },
  BODY_TOO_LARGE: { status: 413, title: 'Request body too large' },
  BULK_TOO_LARGE: { status: 413, title: 'Bulk ingest past its line or byte limit' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL_ERROR: { status: 500, title: 'Internal server error' },
  OVERLOADED: { status: 503, title: 'Service overloaded' },
  COMPARE_TIMEOUT: { status: 503, title: 'Compare took too long' },
  COMPARE_FAILED: { status: 503, title: 'Compare worker failed' },
  SHUTTING_DOWN: { status: 503, title: 'Service shutting down' },
  NOT_READY: { status: 503, title: 'Service not ready' },
  STORE_UNAVAILABLE: { status: 503, title: 'Article store unavailable' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;
export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];

/** The codes answered with `status`. */
export function codesOf(status: number): ProblemCode[] {
  return PROBLEM_CODES.filter((c) => PROBLEMS[c].status === status);
}

export const ProblemFieldErrorSchema = Type.Object({
  field: Type.String({ description: 'The request field, e.g. `body.original.text`.' }),
  rule: Type.String({ description: 'The rule it broke, e.g. `required`, `maxLength`, `utf8`.' }),
  message: Type.String(),
});

const problemFields = (codes: readonly ProblemCode[]) => ({
  type: Type.String({ description: 'A URN naming the problem type: `urn:article-diff:problem:<code>`.' }),
  title: Type.String(),
  status: Type.Integer({ minimum: 400, maximum: 599 }),
  detail: Type.String({ description: 'What went wrong with this request, for a person.' }),
  code: Type.Enum(codes as ProblemCode[], { description: 'Stable machine-readable code; switch on this.' }),
  instance: Type.Optional(Type.String({ description: 'The request path.' })),
  requestId: Type.Optional(Type.String({ description: 'Also in the `x-request-id` response header.' })),
  errors: Type.Optional(Type.Array(ProblemFieldErrorSchema)),
});

/** RFC 9457 problem details, with a stable machine-readable `code` and the request id. */
export const ProblemSchema = Type.Object(problemFields(PROBLEM_CODES), { $id: 'Problem' });

/** The problem answered with one status: its `code` is one of that status's codes. */
export function problemSchemaFor(status: number) {
  return Type.Object(problemFields(codesOf(status)), { $id: `Problem${status}` });
}

export type Problem = Static<typeof ProblemSchema>;
