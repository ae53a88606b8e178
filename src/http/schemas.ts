import { Type, type Static } from 'typebox';
import { DEFAULT_LIMITS } from '../core/types.js';

/**
 * TypeBox schemas: the single source of request validation, response serialization, TypeScript types
 * and the OpenAPI document. They mirror `src/core/types.ts`.
 */

const Offset = Type.Integer({ minimum: 0, description: 'UTF-16 offset into the side’s text' });
const Ratio = Type.Number({ minimum: 0, maximum: 1 });

export const ArticleSchema = Type.Object(
  {
    // maxLength: the core analyses at most `maxChars` per side; past it, a clear 400 beats a silently cut text.
    text: Type.Optional(Type.String({ minLength: 1, maxLength: DEFAULT_LIMITS.maxChars, pattern: '\\S', description: 'The article as plain text (paragraphs separated by blank lines). Exactly one of `text` and `html`.' })),
    html: Type.Optional(Type.String({ minLength: 1, pattern: '\\S', description: 'The article as a web page: the body is extracted with Readability and the extracted text is returned in the answer’s `text` (offsets refer to it). Exactly one of `text` and `html`.' })),
    outlet: Type.Optional(Type.String({ maxLength: 200, description: 'Publishing outlet, e.g. "The Atlantic".' })),
    aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20, description: 'Other names of the outlet ("Atlantic").' })),
    title: Type.Optional(Type.String({ maxLength: 1000 })),
    url: Type.Optional(Type.String({ maxLength: 2000 })),
    published: Type.Optional(Type.String({ maxLength: 100 })),
  },
  // Exactly one of `text` and `html` (issue #5).
  { additionalProperties: false, oneOf: [{ required: ['text'] }, { required: ['html'] }] },
);

export const CompareBodySchema = Type.Object(
  {
    original: ArticleSchema,
    rewrite: ArticleSchema,
  },
  { additionalProperties: false },
);

const TextSpanFields = { start: Offset, end: Offset, text: Type.String() };
const TextSpanSchema = Type.Object(TextSpanFields);

const ClaimSchema = Type.Object({
  id: Type.String(),
  paragraph: Type.Integer({ minimum: 0 }),
  ...TextSpanFields,
  status: Type.Union([Type.Literal('kept'), Type.Literal('paraphrased'), Type.Literal('dropped'), Type.Literal('added')]),
  matches: Type.Array(Type.String()),
  similarity: Ratio,
  carried: Ratio,
  alignments: Type.Array(Type.String()),
  changed: Type.Boolean({ description: 'An alignment of this claim reports a changed fact, or it holds an altered quotation' }),
});

const ParagraphSchema = Type.Object({
  index: Type.Integer({ minimum: 0 }),
  start: Offset,
  end: Offset,
  claims: Type.Array(Type.String()),
  matches: Type.Array(Type.Integer({ minimum: 0 })),
});

const BoilerplateSchema = Type.Object({ ...TextSpanFields, kind: Type.String() });

const SideSchema = Type.Object({
  text: Type.Optional(Type.String()),
  paragraphs: Type.Array(ParagraphSchema),
  claims: Type.Array(ClaimSchema),
  boilerplate: Type.Array(BoilerplateSchema),
});

const DiffPartSchema = Type.Object({
  op: Type.Union([Type.Literal('equal'), Type.Literal('removed'), Type.Literal('added')]),
  text: Type.String(),
});

const ChangeKindSchema = Type.Union([
  Type.Literal('number'), Type.Literal('date'), Type.Literal('person'), Type.Literal('organization'), Type.Literal('place'),
  Type.Literal('entity'), Type.Literal('role'), Type.Literal('negation'), Type.Literal('hedging'), Type.Literal('modality'),
]);

const FactChangeSchema = Type.Object({
  kind: ChangeKindSchema,
  original: Type.Union([TextSpanSchema, Type.Null()]),
  rewrite: Type.Union([TextSpanSchema, Type.Null()]),
  note: Type.String(),
});

const AlignmentSchema = Type.Object({
  id: Type.String(),
  original: Type.Array(Type.String()),
  rewrite: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('kept'), Type.Literal('paraphrased')]),
  similarity: Ratio,
  moved: Type.Boolean(),
  diff: Type.Array(DiffPartSchema),
  changes: Type.Array(FactChangeSchema),
});

const QuoteStatusSchema = Type.Union([
  Type.Literal('verbatim'), Type.Literal('altered'), Type.Literal('from_narration'), Type.Literal('not_in_original'),
]);

const QuoteSchema = Type.Object({
  id: Type.String(),
  side: Type.Union([Type.Literal('original'), Type.Literal('rewrite')]),
  ...TextSpanFields,
  speaker: Type.Union([TextSpanSchema, Type.Null()]),
  status: Type.Union([QuoteStatusSchema, Type.Null()]),
  source: Type.Union([TextSpanSchema, Type.Null()]),
  speakerChanged: Type.Boolean(),
  edits: Type.Array(Type.Object({ kind: Type.String(), start: Offset, end: Offset, text: Type.String() })),
  diff: Type.Array(DiffPartSchema),
  group: Type.Union([Type.String(), Type.Null()], { description: 'Pieces of one quotation checked separately share a group id.' }),
  nested: Type.Array(TextSpanSchema, { description: 'Single-quoted passages nested inside this quotation.' }),
});

const count = (keys: string[]) => Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer({ minimum: 0 })])));

const SummarySchema = Type.Object({
  verdict: Type.Union([Type.Literal('wholly_derived'), Type.Literal('partially_derived'), Type.Literal('independent')]),
  coverage: Ratio,
  containment: Ratio,
  counts: Type.Object({
    original: count(['kept', 'paraphrased', 'dropped']),
    rewrite: count(['kept', 'paraphrased', 'added']),
  }),
  attribution: Type.Object({
    credited: Type.Boolean(),
    evidence: Type.Array(TextSpanSchema),
    names: Type.Array(Type.String()),
  }),
  quotes: count(['verbatim', 'altered', 'from_narration', 'not_in_original', 'dropped', 'speakerChanged']),
  changedFacts: Type.Integer({ minimum: 0 }),
  flags: Type.Array(Type.String()),
});

export const CompareResultSchema = Type.Object(
  {
    summary: SummarySchema,
    original: SideSchema,
    rewrite: SideSchema,
    alignments: Type.Array(AlignmentSchema),
    quotes: Type.Array(QuoteSchema),
    droppedQuotes: Type.Array(Type.String()),
  },
  { $id: 'CompareResult' },
);

/** RFC 9457 problem details, with a stable machine-readable `code` and the request id. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), rule: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem' },
);

export type CompareBody = Static<typeof CompareBodySchema>;
export type Problem = Static<typeof ProblemSchema>;
