/**
 * The contract of the pure core. Every position is a UTF-16 `[start, end)` span into the text exactly as
 * submitted (wink-nlp style annotations over one text): `text.slice(start, end)` is the annotated text.
 * The HTTP schemas in `src/http/schemas.ts` mirror these types; keep them in step.
 */

/** A `[start, end)` UTF-16 span into one side's submitted text. */
export interface Span {
  start: number;
  end: number;
}

/** A span together with the text it covers (a convenience for consumers; always `text.slice(start, end)`). */
export interface TextSpan extends Span {
  text: string;
}

export type Side = 'original' | 'rewrite';

/** One article as given to the core. */
export interface ArticleInput {
  text: string;
  outlet?: string | undefined;
  /** Other names the outlet is known by ("Atlantic", "theatlantic.com"). */
  aliases?: string[] | undefined;
  title?: string | undefined;
  url?: string | undefined;
  published?: string | undefined;
}

export type OriginalStatus = 'kept' | 'paraphrased' | 'dropped';
export type RewriteStatus = 'kept' | 'paraphrased' | 'added';
export type ClaimStatus = OriginalStatus | RewriteStatus;
export type AlignedStatus = 'kept' | 'paraphrased';

/** A unit of content: one sentence (or a sentence fragment the aligner split off). */
export interface Claim extends TextSpan {
  /** `o1`, `o2`, … on the original side; `r1`, `r2`, … on the rewrite side. */
  id: string;
  /** Index into the side's `paragraphs`. */
  paragraph: number;
  status: ClaimStatus;
  /** Ids of claims on the other side that carry the same content. */
  matches: string[];
  /** Best similarity to the matched claims, 0..1 (0 when unmatched). */
  similarity: number;
  /** Share of this claim's content words carried to (or from) the other side, 0..1. */
  carried: number;
  /** Alignment group ids this claim belongs to. */
  alignments: string[];
  /** An alignment it belongs to reports a changed fact, or it holds an altered quotation: a finding, never kept. */
  changed: boolean;
}

export interface Paragraph extends Span {
  index: number;
  /** Claim ids in this paragraph, in text order. */
  claims: string[];
  /** Paragraph indexes on the other side that share at least one aligned claim. */
  matches: number[];
}

export type BoilerplateKind =
  | 'byline'
  | 'photo_credit'
  | 'timestamp'
  | 'read_more'
  | 'comment_form'
  | 'teaser_list'
  | 'category'
  | 'widget'
  | 'correction'
  | 'other';

export interface Boilerplate extends TextSpan {
  kind: BoilerplateKind;
}

export interface SideResult {
  /** The text the offsets refer to (the submitted text, or the text extracted from submitted HTML). */
  text?: string;
  paragraphs: Paragraph[];
  claims: Claim[];
  boilerplate: Boilerplate[];
}

/** One piece of a word-level diff: `equal`, `removed` (only in the original) or `added` (only in the rewrite). */
export interface DiffPart {
  op: 'equal' | 'removed' | 'added';
  text: string;
}

export type ChangeKind = 'number' | 'date' | 'person' | 'organization' | 'place' | 'entity' | 'role' | 'negation' | 'hedging'
  | 'modality';

/** A meaning-bearing difference inside an aligned group (not mere rewording). */
export interface FactChange {
  kind: ChangeKind;
  /** What the original says (span into the original text), or null when the rewrite introduced it. */
  original: TextSpan | null;
  /** What the rewrite says (span into the rewrite text), or null when the rewrite left it out. */
  rewrite: TextSpan | null;
  /** A one-line human explanation, e.g. `"two hours" became "40 minutes"`. */
  note: string;
}

export interface Alignment {
  id: string;
  original: string[];
  rewrite: string[];
  status: AlignedStatus;
  similarity: number;
  /** The group appears in a different relative order than in the original. */
  moved: boolean;
  diff: DiffPart[];
  changes: FactChange[];
}

export type QuoteStatus = 'verbatim' | 'altered' | 'from_narration' | 'not_in_original';

export interface QuoteEdit {
  kind: 'insertion' | 'omission';
  /** The bracketed insertion (`[happen]`) or the ellipsis, as a span into the quote's side. */
  start: number;
  end: number;
  text: string;
}

export interface Quote extends TextSpan {
  id: string;
  side: Side;
  speaker: TextSpan | null;
  /** Rewrite side only; original-side quotes carry `null`. */
  status: QuoteStatus | null;
  /** Where the words come from in the original (rewrite side), or null. */
  source: TextSpan | null;
  /** Speaker of the source quotation when it differs from this quote's speaker. */
  speakerChanged: boolean;
  edits: QuoteEdit[];
  diff: DiffPart[];
  /** Pieces of one quotation checked separately (stitched from different sources) share a group id; else null. */
  group: string | null;
  /** Single-quoted passages nested inside this quotation (‘bloodbath’), as spans into the quote's side. */
  nested: TextSpan[];
}

export interface Attribution {
  credited: boolean;
  /** Spans in the rewrite that credit the original's outlet. */
  evidence: TextSpan[];
  /** The names that were looked for (outlet, aliases, URL domain). */
  names: string[];
}

export type Verdict = 'wholly_derived' | 'partially_derived' | 'independent';

export interface Summary {
  verdict: Verdict;
  /** Share of the original's claim text carried into the rewrite, 0..1. */
  coverage: number;
  /** Share of the rewrite's claim text that comes from the original, 0..1. */
  containment: number;
  counts: {
    original: Record<OriginalStatus, number>;
    rewrite: Record<RewriteStatus, number>;
  };
  attribution: Attribution;
  quotes: Record<QuoteStatus, number> & { dropped: number; speakerChanged: number };
  changedFacts: number;
  /** Human-readable warnings that a pipeline should not miss (e.g. "derived but uncredited"). */
  flags: string[];
}

export interface CompareResult {
  summary: Summary;
  original: SideResult;
  rewrite: SideResult;
  alignments: Alignment[];
  quotes: Quote[];
  /** Quotations of the original that the rewrite does not carry. */
  droppedQuotes: string[];
}

/** Explicit resource limits of one compare; the core stops work at these rather than running away. */
export interface CompareLimits {
  /** Maximum characters per side. */
  maxChars: number;
  /**
   * Longest edit script (in words) a word diff explores, passed to `diff`'s `maxEditLength`: bounds each diff at
   * O((N+M)·D) and, unlike a wall-clock `timeout`, gives the same answer whatever the machine's load.
   */
  maxDiffEdits: number;
  /** Maximum candidate pairs scored per rewrite claim. */
  maxCandidatesPerClaim: number;
}

export const DEFAULT_LIMITS: CompareLimits = {
  maxChars: 2_000_000,
  maxDiffEdits: 400,
  maxCandidatesPerClaim: 40,
};
