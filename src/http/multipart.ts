import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { decodeText, TextBytesError } from '../input/text-bytes.js';
import { ProblemError } from './problem.js';

/**
 * `multipart/form-data` for curl users (`-F original=@a.txt -F rewrite=@b.txt`) and the `GET /` page. Files and
 * fields become strings under the text rule of `src/input/text-bytes.ts` (UTF-8, or a 400/415 naming the field);
 * routes validate the flat form with its own schema, then reshape it into their JSON body.
 */
export default fp(
  async function multipartPlugin(app: FastifyInstance, opts: { bodyLimit: number }) {
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: opts.bodyLimit, fieldSize: opts.bodyLimit, files: 20, fields: 50, parts: 70 },
      // Field values arrive as Latin-1, i.e. one character per byte, so that their bytes can be checked (below) rather
      // than decoded leniently by busboy into U+FFFD. Browsers and curl send fields without a charset of their own.
      defCharset: 'latin1',
      async onFile(part: MultipartFile) {
        (part as MultipartFile & { value: unknown }).value = await part.toBuffer();
      },
    } as Parameters<typeof multipart>[1]);
    app.addHook('preValidation', async (request) => {
      if (!request.isMultipart() || !request.body || typeof request.body !== 'object') return;
      const form = request.body as Record<string, unknown>;
      for (const [name, value] of Object.entries(form)) {
        // A field that declared a charset of its own was decoded by busboy already (characters past U+00FF show it).
        if (Buffer.isBuffer(value)) form[name] = partText(name, value);
        else if (typeof value === 'string' && !/[^\u0000-\u00ff]/.test(value))
          form[name] = partText(name, Buffer.from(value, 'latin1'));
      }
    });
  },
  { name: 'multipart-text' },
);

function partText(field: string, bytes: Buffer): string {
  try {
    return decodeText(bytes);
  } catch (err) {
    if (!(err instanceof TextBytesError)) throw err;
    const name = `body.${field}`;
    const where = err.byteOffset === undefined ? '' : ` (byte ${err.byteOffset} of the part)`;
    throw new ProblemError(
      err.kind === 'encoding' ? 'INVALID_ENCODING' : 'BINARY_CONTENT',
      `${name}: ${err.message}${where}.`,
      [{ field: name, rule: err.kind === 'encoding' ? 'utf8' : 'text', message: `${err.message}${where}` }],
    );
  }
}
