import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEMS, type Problem, type ProblemCode } from '../schemas/problem.js';

export { PROBLEMS, type ProblemCode } from '../schemas/problem.js';

/** An error carrying a registered problem code; thrown by handlers, shaped by the error handler. */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly statusCode: number;
  readonly errors: Problem['errors'];
  constructor(code: ProblemCode, detail: string, errors?: Problem['errors']) {
    super(detail);
    this.code = code;
    this.statusCode = PROBLEMS[code].status;
    this.errors = errors;
  }
}

/** Builds the RFC 9457 body for a registered code. */
export function problem(
  code: ProblemCode,
  detail: string,
  request?: FastifyRequest,
  errors?: Problem['errors'],
): Problem {
  const { status, title } = PROBLEMS[code];
  const body: Problem = {
    type: `urn:article-diff:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    detail,
    code,
  };
  if (request) {
    body.instance = request.url;
    body.requestId = String(request.id);
  }
  if (errors?.length) body.errors = errors;
  return body;
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Maps Fastify's own error codes onto ours. Anything unknown with a 5xx status becomes INTERNAL_ERROR. */
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_PARTS_LIMIT: 'BODY_TOO_LARGE',
  FST_FILES_LIMIT: 'BODY_TOO_LARGE',
  FST_FIELDS_LIMIT: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'INVALID_REQUEST',
  FST_ERR_RATE_LIMIT: 'RATE_LIMITED',
  FST_INVALID_JSON_FIELD_ERROR: 'MALFORMED_BODY',
  FST_MP_PREMATURE_CLOSE: 'MALFORMED_BODY',
};

/**
 * busboy (under @fastify/multipart) rejects a malformed form (no or overlong boundary, truncated body, oversized
 * part headers) with plain `Error`s carrying no code or status: the client's fault, so a 400, not a 500.
 */
const MULTIPART_ERRORS = new RegExp(
  '^(?:Multipart: Boundary not found|Boundary required|Unexpected end of multipart data' +
    '|\\w+ terminated early due to unexpected end of multipart data|Overflow\\.|The needle cannot )',
);

/** Turns any error into a problem body; never leaks a stack or an internal message on a 5xx. */
export function toProblem(error: FastifyError & { errors?: Problem['errors'] }, request: FastifyRequest): Problem {
  if (error instanceof ProblemError) return problem(error.code, error.message, request, error.errors);
  if (error.validation) {
    const errors = error.validation.map((v) => {
      const missing = v.params as { missingProperty?: string; additionalProperty?: string } | undefined;
      const base = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
      const leaf = missing?.missingProperty ?? missing?.additionalProperty;
      const field = [error.validationContext, base, leaf].filter(Boolean).join('.');
      // ajv words these about the parent object ("must have required property 'text'"); the field is named already.
      const message =
        v.keyword === 'required'
          ? 'is required'
          : v.keyword === 'additionalProperties'
            ? 'is not an accepted field'
            : (v.message ?? 'is invalid');
      return { field, rule: v.keyword, message };
    });
    const detail = errors.map((e) => `${e.field} ${e.message} (${e.rule})`).join('; ');
    return problem('INVALID_REQUEST', detail, request, errors);
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return problem(mapped, error.message, request);
  if (MULTIPART_ERRORS.test(error.message ?? '')) {
    return problem(
      'MALFORMED_BODY',
      'The multipart/form-data body is malformed: missing or invalid boundary, or truncated.',
      request,
    );
  }
  if (error instanceof SyntaxError || error.statusCode === 400)
    return problem('MALFORMED_BODY', error.message, request);
  if (error.statusCode === 413) return problem('BODY_TOO_LARGE', error.message, request);
  if (error.statusCode === 415) return problem('UNSUPPORTED_MEDIA_TYPE', error.message, request);
  return problem(
    'INTERNAL_ERROR',
    'The service failed to answer this request. It has been logged with the request id.',
    request,
  );
}
