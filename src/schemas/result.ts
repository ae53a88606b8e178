import { type Static, Type } from 'typebox';

/**
 * The answer of a compare. Every position is a UTF-16 `[start, end)` span into the text exactly as submitted
 * (wink-nlp style annotations over one text): `text.slice(start, end)` is the annotated text. These schemas are the
 * one description of the answer: the core's types, the response serialiser and the OpenAPI document come from them.
 */

const Offset = Type.Integer({ minimum: 0, description: 'UTF-16 offset into the side’s text' });
const Ratio = Type.Number({ minimum: 0, maximum: 1 });
const Count = Type.Integer({ minimum: 0 });

export const SIDES = ['original', 'rewrite'] as const;
export const ORIGINAL_STATUSES = ['kept', 'paraphrased', 'dropped'] as const;
export const REWRITE_STATUSES = ['kept', 'paraphrased', 'added'] as const;
export const CLAIM_STATUSES = ['kept', 'paraphrased', 'dropped', 'added'] as const;
export const ALIGNED_STATUSES = ['kept', 'paraphrased'] as const;
export const BOILERPLATE_KINDS = [
  'byline',
  'photo_credit',
  'timestamp',
  'read_more',
  'comment_form',
  'teaser_list',
  'category',
  'widget',
  'correction',
  'other',
] as const;
export const DIFF_OPS = ['equal', 'removed', 'added'] as const;
export const CHANGE_KINDS = [
  'number',
  'date',
  'person',
  'organization',
  'place',
  'entity',
  'role',
  'negation',
  'hedging',
  'modality',
] as const;
export const QUOTE_STATUSES = ['verbatim', 'altered', 'from_narration', 'not_in_original'] as const;
export const QUOTE_EDIT_KINDS = ['insertion', 'omission'] as const;
export const VERDICTS = ['wholly_derived', 'partially_derived', 'independent'] as const;

/** A `[start, end)` UTF-16 span into one side's submitted text. */
export const SpanSchema = Type.Object({ start: Offset, end: Offset });
const TextSpanFields = { start: Offset, end: Offset, text: Type.String() };
/** A span together with the text it covers (always `text.slice(start, end)`). */
export const TextSpanSchema = Type.Object(TextSpanFields);
const NullableTextSpan = Type.Union([TextSpanSchema, Type.Null()]);

export const SideEnum = Type.Enum(SIDES);
export const ClaimStatusEnum = Type.Enum(CLAIM_STATUSES);
export const OriginalStatusEnum = Type.Enum(ORIGINAL_STATUSES);
export const VerdictEnum = Type.Enum(VERDICTS);

/** A unit of content: one sentence (or a sentence fragment the aligner split off). */
export const ClaimSchema = Type.Object({
  id: Type.String({ description: '`o1`, `o2`, … on the original side; `r1`, `r2`, … on the rewrite side.' }),
  paragraph: Type.Integer({ minimum: 0, description: 'Index into the side’s `paragraphs`.' }),
  ...TextSpanFields,
  status: ClaimStatusEnum,
  matches: Type.Array(Type.String(), { description: 'Ids of claims on the other side that carry the same content.' }),
  similarity: Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'Best similarity to the matched claims (0 when unmatched).',
  }),
  carried: Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'Share of this claim’s content words carried to (or from) the other side.',
  }),
  alignments: Type.Array(Type.String(), { description: 'Alignment group ids this claim belongs to.' }),
  changed: Type.Boolean({
    description:
      'An alignment of this claim reports a changed fact, or it holds an altered quotation: a finding, ' +
      'never `kept`.',
  }),
});

export const ParagraphSchema = Type.Object({
  index: Type.Integer({ minimum: 0 }),
  start: Offset,
  end: Offset,
  claims: Type.Array(Type.String(), { description: 'Claim ids in this paragraph, in text order.' }),
  matches: Type.Array(Type.Integer({ minimum: 0 }), {
    description: 'Paragraph indexes on the other side that share at least one aligned claim.',
  }),
});

export const BoilerplateSchema = Type.Object({ ...TextSpanFields, kind: Type.Enum(BOILERPLATE_KINDS) });

export const SideResultSchema = Type.Object({
  text: Type.Optional(
    Type.String({
      description: 'The text the offsets refer to, when it was extracted from submitted HTML.',
    }),
  ),
  paragraphs: Type.Array(ParagraphSchema),
  claims: Type.Array(ClaimSchema),
  boilerplate: Type.Array(BoilerplateSchema),
});

/** One piece of a word-level diff: `equal`, `removed` (only in the original) or `added` (only in the rewrite). */
export const DiffPartSchema = Type.Object({ op: Type.Enum(DIFF_OPS), text: Type.String() });

/** A meaning-bearing difference inside an aligned group (not mere rewording). */
export const FactChangeSchema = Type.Object({
  kind: Type.Enum(CHANGE_KINDS),
  original: Type.Union([TextSpanSchema, Type.Null()], {
    description: 'What the original says, or null when the rewrite introduced it.',
  }),
  rewrite: Type.Union([TextSpanSchema, Type.Null()], {
    description: 'What the rewrite says, or null when the rewrite left it out.',
  }),
  note: Type.String({ description: 'A one-line explanation, e.g. `"two hours" became "40 minutes"`.' }),
});

export const AlignmentSchema = Type.Object({
  id: Type.String(),
  original: Type.Array(Type.String()),
  rewrite: Type.Array(Type.String()),
  status: Type.Enum(ALIGNED_STATUSES),
  similarity: Ratio,
  moved: Type.Boolean({ description: 'The group appears in a different relative order than in the original.' }),
  diff: Type.Array(DiffPartSchema),
  changes: Type.Array(FactChangeSchema),
});

export const QuoteStatusEnum = Type.Enum(QUOTE_STATUSES);

export const QuoteEditSchema = Type.Object({
  kind: Type.Enum(QUOTE_EDIT_KINDS),
  start: Offset,
  end: Offset,
  text: Type.String({ description: 'The bracketed insertion (`[happen]`) or the ellipsis.' }),
});

export const QuoteSchema = Type.Object({
  id: Type.String(),
  side: SideEnum,
  ...TextSpanFields,
  speaker: NullableTextSpan,
  status: Type.Union([QuoteStatusEnum, Type.Null()], {
    description: 'Rewrite side only; original-side quotes carry null.',
  }),
  source: Type.Union([TextSpanSchema, Type.Null()], {
    description: 'Where the words come from in the original (rewrite side), or null.',
  }),
  speakerChanged: Type.Boolean({ description: 'The source quotation has a different speaker.' }),
  edits: Type.Array(QuoteEditSchema),
  diff: Type.Array(DiffPartSchema),
  group: Type.Union([Type.String(), Type.Null()], {
    description: 'Pieces of one quotation checked separately share a group id.',
  }),
  nested: Type.Array(TextSpanSchema, { description: 'Single-quoted passages nested inside this quotation.' }),
});

export const AttributionSchema = Type.Object({
  credited: Type.Union([Type.Boolean(), Type.Null()], {
    description:
      'true: the rewrite credits the original’s outlet; false: it does not; null: credit not checked ' +
      '(the original’s outlet is unknown: give `outlet`, `aliases` or `url`, or send the page as `html`).',
  }),
  evidence: Type.Array(TextSpanSchema, { description: 'Spans in the rewrite that credit the original’s outlet.' }),
  names: Type.Array(Type.String(), { description: 'The names looked for (outlet, aliases, URL domain).' }),
  cited: Type.Array(TextSpanSchema, {
    description: 'Sources the rewrite credits in its own words ("citing Atlantic").',
  }),
});

const counts = <K extends readonly string[]>(keys: K) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Count])) as { [P in K[number]]: typeof Count });

export const SummarySchema = Type.Object({
  verdict: VerdictEnum,
  coverage: Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'Share of the original’s claim text carried into the rewrite.',
  }),
  containment: Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'Share of the rewrite’s claim text that comes from the original.',
  }),
  counts: Type.Object({ original: counts(ORIGINAL_STATUSES), rewrite: counts(REWRITE_STATUSES) }),
  attribution: AttributionSchema,
  quotes: counts([...QUOTE_STATUSES, 'dropped', 'speakerChanged'] as const),
  changedFacts: Count,
  flags: Type.Array(Type.String(), {
    description: 'Warnings a pipeline should not miss (e.g. "derived but uncredited").',
  }),
});

export const CompareResultSchema = Type.Object({
  summary: SummarySchema,
  original: SideResultSchema,
  rewrite: SideResultSchema,
  alignments: Type.Array(AlignmentSchema),
  quotes: Type.Array(QuoteSchema),
  droppedQuotes: Type.Array(Type.String(), {
    description: 'Quotations of the original that the rewrite does not carry.',
  }),
});

export type Span = Static<typeof SpanSchema>;
export type TextSpan = Static<typeof TextSpanSchema>;
export type Side = (typeof SIDES)[number];
export type OriginalStatus = (typeof ORIGINAL_STATUSES)[number];
export type RewriteStatus = (typeof REWRITE_STATUSES)[number];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type AlignedStatus = (typeof ALIGNED_STATUSES)[number];
export type BoilerplateKind = (typeof BOILERPLATE_KINDS)[number];
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export type Verdict = (typeof VERDICTS)[number];
export type Claim = Static<typeof ClaimSchema>;
export type Paragraph = Static<typeof ParagraphSchema>;
export type Boilerplate = Static<typeof BoilerplateSchema>;
export type SideResult = Static<typeof SideResultSchema>;
export type DiffPart = Static<typeof DiffPartSchema>;
export type FactChange = Static<typeof FactChangeSchema>;
export type Alignment = Static<typeof AlignmentSchema>;
export type QuoteEdit = Static<typeof QuoteEditSchema>;
export type Quote = Static<typeof QuoteSchema>;
export type Attribution = Static<typeof AttributionSchema>;
export type Summary = Static<typeof SummarySchema>;
export type CompareResult = Static<typeof CompareResultSchema>;
