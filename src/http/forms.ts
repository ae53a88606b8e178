import type { FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';

/**
 * Checks a body reshaped from a multipart form against the route's JSON schema, so that a form and a JSON body
 * meet the same rules (exactly one of text and html, length limits); the form itself was validated as a form first.
 * Failures are the validation errors of a JSON body, named by the JSON field.
 */
export function validateReshaped(request: FastifyRequest, schema: TSchema, body: Record<string, unknown>): unknown {
  const validate = request.compileValidationSchema(schema as object);
  if (validate(body)) return body;
  throw Object.assign(new Error('The form does not describe a valid request.'), {
    statusCode: 400,
    validation: validate.errors ?? [],
    validationContext: 'body',
  });
}
