import { type Static, Type } from 'typebox';
import { DEFAULT_LIMITS } from './limits.js';

/** What an article says about itself besides its text: the same fields in a request and in the core's input. */
const ArticleMetaFields = {
  outlet: Type.Optional(Type.String({ maxLength: 200, description: 'Publishing outlet, e.g. "The Atlantic".' })),
  aliases: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
      maxItems: 20,
      description: 'Other names of the outlet ("Atlantic", "theatlantic.com").',
    }),
  ),
  title: Type.Optional(Type.String({ maxLength: 1000 })),
  url: Type.Optional(
    Type.String({ maxLength: 2000, description: 'Where the article was published; its domain counts as credit.' }),
  ),
  published: Type.Optional(Type.String({ maxLength: 100 })),
};

/** The fields an article may carry besides `text`/`html`, in the order the multipart form names them. */
export const ARTICLE_META_FIELDS = ['outlet', 'title', 'url', 'published'] as const;

// maxLength: the core analyses at most `maxChars` per side; past it, a clear 400 beats a silently cut text.
export const ArticleTextSchema = Type.String({
  minLength: 1,
  maxLength: DEFAULT_LIMITS.maxChars,
  pattern: '\\S',
  description: 'The article as plain text (paragraphs separated by blank lines). Exactly one of `text` and `html`.',
});
export const ArticleHtmlSchema = Type.String({
  minLength: 1,
  pattern: '\\S',
  description:
    'The article as a web page: the body is extracted with Readability and the extracted text is returned in ' +
    'the answer’s `text` (offsets refer to it). Exactly one of `text` and `html`.',
});

/** One article as a request gives it: plain `text` or a web page as `html`, exactly one of them. */
export const ArticleSchema = Type.Object(
  { text: Type.Optional(ArticleTextSchema), html: Type.Optional(ArticleHtmlSchema), ...ArticleMetaFields },
  { additionalProperties: false, oneOf: [{ required: ['text'] }, { required: ['html'] }] },
);

/** One article as given to the core: always text (HTML has been extracted by then). */
export const ArticleInputSchema = Type.Object({ text: Type.String(), ...ArticleMetaFields });

export const CompareBodySchema = Type.Object(
  { original: ArticleSchema, rewrite: ArticleSchema },
  { additionalProperties: false },
);

export type ArticleBody = Static<typeof ArticleSchema>;
export type ArticleInput = Static<typeof ArticleInputSchema>;
export type CompareBody = Static<typeof CompareBodySchema>;
