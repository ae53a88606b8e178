import { Type, type TSchema } from 'typebox';
import { ARTICLE_META_FIELDS, ArticleHtmlSchema, ArticleInputSchema } from './article.js';

/**
 * The multipart forms (curl `-F`, the `GET /` page) as they really are: flat fields, one per part. An article is
 * `<side>` (text, or a web page when `<side>_type=html`) or `<side>_html` (a web page), plus `<side>_outlet`,
 * `<side>_title`, `<side>_url`, `<side>_published`. Built from the article schema, so both forms keep its limits.
 * Any other field is refused, as in JSON.
 */
const meta = ArticleInputSchema.properties;

const sideText = (side: string) => Type.String({
  minLength: 1, pattern: '\\S',
  description: `The ${side} article: plain text (a file, \`-F ${side}=@a.txt\`, or a field), or a web page when `
    + `\`${side}_type\` is \`html\`. UTF-8.`,
});
const sideType = Type.Enum(['text', 'html'], { description: 'What the article field holds (the form’s choice).' });

function sideFields(side: string): Record<string, TSchema> {
  const fields: Record<string, TSchema> = {
    [side]: Type.Optional(sideText(side)),
    [`${side}_html`]: Type.Optional(ArticleHtmlSchema),
    [`${side}_type`]: Type.Optional(sideType),
  };
  for (const f of ARTICLE_META_FIELDS) fields[`${side}_${f}`] = meta[f];
  return fields;
}

export const CompareFormSchema = Type.Object({ ...sideFields('original'), ...sideFields('rewrite') }, {
  additionalProperties: false,
  description: 'Flat form fields: `original` (or `original_html`) and `rewrite` (or `rewrite_html`) are required.',
});

/** A batch form: the original's fields and, for N = 1, 2, …, the fields of `rewrite_N`; blank slots are skipped. */
export const BatchFormSchema = Type.Object(sideFields('original'), {
  additionalProperties: false,
  patternProperties: {
    '^rewrite_\\d{1,3}$': Type.String({ description: 'The Nth rewrite (text, or a page with `rewrite_N_type=html`).' }),
    '^rewrite_\\d{1,3}_html$': Type.String({ description: 'The Nth rewrite as a web page.' }),
    '^rewrite_\\d{1,3}_type$': sideType,
    [`^rewrite_\\d{1,3}_(${ARTICLE_META_FIELDS.join('|')})$`]: Type.String({ maxLength: 2000 }),
  },
  description: 'Flat form fields: `original` (or `original_html`) and one or more `rewrite_N` (or `rewrite_N_html`).',
});
