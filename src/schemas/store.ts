import { type Static, Type } from 'typebox';
import { CHAIN_DEPTH } from '../check/find-sources.js';
import { ArticleSchema } from './article.js';
import { FormatQuerySchema } from './format.js';
import { CompareResultSchema } from './result.js';

/** Schemas of the article store and `POST /v1/check`: validation, types and the OpenAPI document. */

const Credited = Type.Union([Type.Boolean(), Type.Null()], {
  description:
    'Whether the checked article credits the source; null when the source’s outlet is unknown (not checked).',
});
const Ratio = Type.Number({ minimum: 0, maximum: 1 });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const ArticleIdSchema = Type.String({
  pattern: '^[0-9a-f]{24}$',
  description: 'Content fingerprint: the same text (after normalisation) has the same id.',
});

export const ArticleMetaSchema = Type.Object({
  id: ArticleIdSchema,
  outlet: Nullable(Type.String()),
  url: Nullable(Type.String()),
  title: Nullable(Type.String()),
  published: Nullable(Type.String()),
  aliases: Type.Union([Type.Array(Type.String()), Type.Null()]),
  chars: Type.Integer({ minimum: 0, description: 'Length of the stored text (UTF-16 units).' }),
  storedAt: Type.String({ description: 'When it was stored (ISO 8601).' }),
});

export const StoredArticleSchema = Type.Object({ ...ArticleMetaSchema.properties, text: Type.String() });

/** `POST /v1/articles` and each line of a bulk ingest: an article as `/v1/compare` takes one. */
export const NewArticleBodySchema = ArticleSchema;

export const IdParamsSchema = Type.Object({ id: ArticleIdSchema });

const DateParam = Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' });

export const ListQuerySchema = Type.Object(
  {
    outlet: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    since: Type.Optional({ ...DateParam, description: 'Published on or after (undated articles are left out).' }),
    until: Type.Optional({ ...DateParam, description: 'Published on or before (undated articles are left out).' }),
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,16}$', description: '`next` of the previous page.' })),
    limit: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,3}$', description: 'Articles per page, 1–200 (default 50).' }),
    ),
  },
  { additionalProperties: false },
);

export const ListResultSchema = Type.Object({
  articles: Type.Array(ArticleMetaSchema),
  next: Type.Union([Type.String(), Type.Null()], { description: 'Cursor of the next page; null on the last.' }),
});

export const CHECK_MAX_SOURCES = 20;

export const CheckBodySchema = Type.Object(
  {
    ...ArticleSchema.properties,
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: CHECK_MAX_SOURCES,
        description: 'Most sources answered (default 5).',
      }),
    ),
  },
  { additionalProperties: false, oneOf: [{ required: ['text'] }, { required: ['html'] }] },
);

const Flag = Type.Union([Type.Literal('true'), Type.Literal('false')]);

export const CheckQuerySchema = Type.Object(
  {
    ...FormatQuerySchema.properties,
    full: Type.Optional({ ...Flag, description: 'Add each source’s full compare result.' }),
    nearMisses: Type.Optional({ ...Flag, description: 'Also answer compared candidates judged independent.' }),
  },
  { additionalProperties: false },
);

/** The check's verdict: the compare's, or `partially_derived` for a passage of the source carried into a longer one. */
const VerdictSchema = Type.Union([
  Type.Literal('wholly_derived'),
  Type.Literal('partially_derived'),
  Type.Literal('independent'),
]);

const SourceArticleSchema = Type.Object({
  id: ArticleIdSchema,
  outlet: Nullable(Type.String()),
  url: Nullable(Type.String()),
  title: Nullable(Type.String()),
  published: Nullable(Type.String()),
});

/** The chain back to the first article, nested as deep as it is followed (a fixed depth: no recursive schema). */
function derivedLink(depth: number): ReturnType<typeof Type.Union> {
  const next = depth > 1 ? derivedLink(depth - 1) : Type.Null();
  return Type.Union(
    [
      Type.Object({
        article: SourceArticleSchema,
        verdict: VerdictSchema,
        credited: Credited,
        derivedFrom: next,
      }),
      Type.Null(),
    ],
    { description: 'The stored article this one itself derives from, if any.' },
  );
}

const { $id: _id, ...ResultShape } = CompareResultSchema as typeof CompareResultSchema & { $id?: string };

export const SourceSchema = Type.Object({
  article: SourceArticleSchema,
  verdict: VerdictSchema,
  coverage: { ...Ratio, description: 'Share of the source carried into the checked article.' },
  containment: { ...Ratio, description: 'Share of the checked article derived from the source.' },
  credited: Credited,
  score: Type.Integer({
    minimum: 0,
    description: 'Ranking score: claims of the checked article aligned to this source.',
  }),
  derivedFrom: derivedLink(CHAIN_DEPTH),
  result: Type.Optional(Type.Object(ResultShape.properties, { description: 'The full compare (`?full=true`).' })),
});

export const CheckResultSchema = Type.Object({
  sources: Type.Array(SourceSchema, { description: 'Most likely source first.' }),
  compared: Type.Integer({ minimum: 0, description: 'Stored articles compared with it.' }),
  stored: Type.Integer({ minimum: 0, description: 'Articles in the store.' }),
});

export const StoreStatusSchema = Type.Object({
  engine: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  articles: Type.Integer({ minimum: 0 }),
});

export type CheckBody = Static<typeof CheckBodySchema>;
export type ListQueryParams = Static<typeof ListQuerySchema>;
