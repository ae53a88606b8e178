import { type TSchema, Type } from 'typebox';
import { ARTICLE_META_FIELDS, ArticleHtmlSchema, ArticleInputSchema } from './article.js';
import { BATCH_MAX_REWRITES } from './batch.js';

/**
 * The multipart forms (curl `-F`, the `GET /` page) as they really are: flat fields, one per part. An article is
 * `<side>` (text, or a web page when `<side>_type=html`) or `<side>_html` (a web page), plus `<side>_outlet`,
 * `<side>_title`, `<side>_url`, `<side>_published`. Built from the article schema, so both forms keep its limits.
 * Any other field is refused, as in JSON.
 */
const meta = ArticleInputSchema.properties;

const sideText = (side: string) =>
  Type.String({
    minLength: 1,
    pattern: '\\S',
    description:
      `The ${side} article: plain text (a file, \`-F ${side}=@a.txt\`, or a field), or a web page when ` +
      `\`${side}_type\` is \`html\`. UTF-8.`,
  });
const sideType = Type.Enum(['text', 'html'], { description: 'What the article field holds (the form’s choice).' });

function sideFields(side: string, text: TSchema = sideText(side)): Record<string, TSchema> {
  const fields: Record<string, TSchema> = {
    [side]: Type.Optional(text),
    [`${side}_html`]: Type.Optional(ArticleHtmlSchema),
    [`${side}_type`]: Type.Optional(sideType),
  };
  for (const f of ARTICLE_META_FIELDS) fields[`${side}_${f}`] = meta[f];
  return fields;
}

/** A rewrite slot of the batch form: the page sends its blank slots too (skipped), so its text may be empty. */
const optionalSide = (side: string) =>
  sideFields(
    side,
    Type.String({
      description: `A rewrite (text, or a web page when \`${side}_type\` is \`html\`); blank when the slot is unused.`,
    }),
  );

export const CompareFormSchema = Type.Object(
  { ...sideFields('original'), ...sideFields('rewrite') },
  {
    additionalProperties: false,
    description: 'Flat form fields: `original` (or `original_html`) and `rewrite` (or `rewrite_html`) are required.',
  },
);

/**
 * A batch form: the original's fields and the fields of `rewrite_1` … `rewrite_N` (N up to the batch's limit: the
 * page numbers its slots so); blank slots are skipped. Listed one by one, as the document cannot carry a pattern.
 */
export const BatchFormSchema = Type.Object(
  {
    ...sideFields('original'),
    ...Object.assign({}, ...Array.from({ length: BATCH_MAX_REWRITES }, (_, i) => optionalSide(`rewrite_${i + 1}`))),
  },
  {
    additionalProperties: false,
    description:
      'Flat form fields: `original` (or `original_html`) and one or more `rewrite_N` (or `rewrite_N_html`), ' +
      `N from 1 to ${BATCH_MAX_REWRITES}.`,
  },
);
