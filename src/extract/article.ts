/**
 * What article extraction answers and how it fails, without the extractor: the HTTP layer, the pool and the CLI
 * name these on every start, while the extractor itself (readability over linkedom, some 200 modules) loads only
 * where a page is extracted (src/extract/html.ts).
 */

export interface ExtractedArticle {
  /** Plain text: the title (when readability found one and the body does not start with it), then the body. */
  text: string;
  title?: string | undefined;
  byline?: string | undefined;
  siteName?: string | undefined;
  publishedTime?: string | undefined;
  /** False when readability found no article and the page's visible body text was used instead. */
  readable: boolean;
}

export interface ExtractLimits {
  /** Readability gives up on pages with more elements than this (it throws; we report a 4xx). */
  maxElements: number;
  /**
   * Deepest element nesting accepted. Readability over linkedom is super-linear in depth, on the request thread,
   * so a hostile page nested a thousand deep would hold it for long; real article pages nest well under 100.
   */
  maxDepth: number;
  /** Most children of one element accepted (Readability's cost grows faster than linearly with a flat list). */
  maxChildren: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = { maxElements: 200_000, maxDepth: 150, maxChildren: 2_000 };

/** Thrown when a page holds no article text, or is too big to parse within the limits. */
export class ExtractError extends Error {
  override name = 'ExtractError';
}
