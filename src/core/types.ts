/**
 * The contract of the pure core: its input, its answer and its limits. The shapes are declared once, as TypeBox
 * schemas in `src/schemas/` (which also validate requests, serialise responses and make the OpenAPI document);
 * these are the types derived from them, under the names the core uses.
 */
export type { ArticleInput } from '../schemas/article.js';
export { type CompareLimits, DEFAULT_LIMITS } from '../schemas/limits.js';
export type {
  AlignedStatus,
  Alignment,
  Attribution,
  Boilerplate,
  BoilerplateKind,
  ChangeKind,
  Claim,
  ClaimStatus,
  CompareResult,
  DiffPart,
  FactChange,
  OriginalStatus,
  Paragraph,
  Quote,
  QuoteEdit,
  QuoteStatus,
  RewriteStatus,
  Side,
  SideResult,
  Span,
  Summary,
  TextSpan,
  Verdict,
} from '../schemas/result.js';
