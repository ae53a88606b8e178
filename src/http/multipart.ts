import fp from 'fastify-plugin';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

const decoder = new TextDecoder('utf-8');

/**
 * `multipart/form-data` for curl users (`-F original=@a.txt -F rewrite=@b.txt`). Files and fields are
 * attached to the body as UTF-8 strings; routes reshape the flat form into their JSON body shape before
 * validation, so one TypeBox schema validates both content types.
 */
export default fp(async function multipartPlugin(app: FastifyInstance, opts: { bodyLimit: number }) {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: opts.bodyLimit, fieldSize: opts.bodyLimit, files: 20, fields: 50, parts: 70 },
    async onFile(part: MultipartFile) {
      (part as MultipartFile & { value: unknown }).value = decoder.decode(await part.toBuffer());
    },
  });
}, { name: 'multipart-text' });

/** Reads `prefix` and `prefix_field` keys of a flat form into `{ text, field… }` (only the keys present). */
export function formArticle(form: Record<string, unknown>, prefix: string, fields: string[]): Record<string, unknown> | undefined {
  const text = form[prefix];
  if (text === undefined) return undefined;
  const article: Record<string, unknown> = { text };
  for (const f of fields) {
    const v = form[`${prefix}_${f}`];
    if (v !== undefined) article[f] = v;
  }
  return article;
}
