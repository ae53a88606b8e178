import { type Static, Type } from 'typebox';
import { ArticleSchema } from './article.js';
import { ProblemSchema } from './problem.js';
import { CompareResultSchema, OriginalStatusEnum, VerdictEnum } from './result.js';

/** Largest number of rewrites one batch accepts. */
export const BATCH_MAX_REWRITES = 10;

export const BatchBodySchema = Type.Object(
  {
    original: ArticleSchema,
    rewrites: Type.Array(ArticleSchema, {
      minItems: 1,
      maxItems: BATCH_MAX_REWRITES,
      description: `1 to ${BATCH_MAX_REWRITES} rewrites, each with its \`outlet\`.`,
    }),
  },
  { additionalProperties: false },
);

const Ratio = Type.Number({ minimum: 0, maximum: 1 });

/** One rewrite of a batch, as a column of the matrix. */
export const BatchOutletSchema = Type.Object({
  index: Type.Integer({ minimum: 0, description: 'Position in the request’s `rewrites`.' }),
  outlet: Type.String({ description: 'The rewrite’s outlet, or `rewrite N`; unique within the batch.' }),
  ok: Type.Boolean(),
  verdict: Type.Union([VerdictEnum, Type.Null()]),
  coverage: Type.Union([Ratio, Type.Null()]),
  containment: Type.Union([Ratio, Type.Null()]),
  credited: Type.Union([Type.Boolean(), Type.Null()]),
});

/** One claim of the original, as a row of the matrix. */
export const MatrixClaimSchema = Type.Object({
  id: Type.String(),
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 0 }),
  text: Type.String(),
  paragraph: Type.Integer({ minimum: 0 }),
  statuses: Type.Array(Type.Union([OriginalStatusEnum, Type.Null()]), {
    description: 'Status per outlet, in `outlets` order (null when that rewrite failed).',
  }),
  kept: Type.Array(Type.String()),
  paraphrased: Type.Array(Type.String()),
  dropped: Type.Array(Type.String()),
  changed: Type.Array(Type.String(), {
    description: 'Outlets whose rewrite of this claim says something else (a changed fact or quotation).',
  }),
});

export const BatchMatrixSchema = Type.Object(
  {
    outlets: Type.Array(BatchOutletSchema),
    claims: Type.Array(MatrixClaimSchema),
    credited: Type.Array(Type.String(), { description: 'Outlets whose rewrite credits the original.' }),
    derivedUncredited: Type.Array(Type.String(), {
      description: 'Outlets whose rewrite is derived from the original but does not credit it.',
    }),
    failed: Type.Array(Type.String(), { description: 'Outlets whose compare failed (a problem in `results[]`).' }),
  },
  {
    description: 'Per original claim, which outlets kept, paraphrased or dropped it; which outlets credit the source.',
  },
);

export const BatchResultSchema = Type.Object({
  results: Type.Array(
    Type.Union([CompareResultSchema, Type.Omit(ProblemSchema, []) /* inlined: the union cannot hold a shared $id */]),
    {
      description: 'In the order of `rewrites`: a compare result, or the problem of a rewrite that failed.',
    },
  ),
  matrix: BatchMatrixSchema,
});

export type BatchBody = Static<typeof BatchBodySchema>;
export type BatchOutlet = Static<typeof BatchOutletSchema>;
export type MatrixClaim = Static<typeof MatrixClaimSchema>;
export type BatchMatrix = Static<typeof BatchMatrixSchema>;
export type BatchResult = Static<typeof BatchResultSchema>;
