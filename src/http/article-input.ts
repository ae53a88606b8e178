import type { ArticleInput, CompareResult, Side } from '../core/types.js';
import { ExtractError, type ExtractedArticle } from '../extract/article.js';
import { binaryReason } from '../input/text-bytes.js';
import type { ArticleBody } from '../schemas/article.js';
import { ProblemError } from './problem.js';

export interface ResolvedArticle {
  input: ArticleInput;
  /** True when `text` was extracted from submitted HTML (the answer then returns it in `<side>.text`). */
  extracted: boolean;
}

/**
 * Turns a submitted article into the core's input: HTML goes through Readability by way of `extract` (the
 * engine's, which runs it in a worker thread); the page's site name and title fill `outlet`/`title` when the caller
 * gave none. Binary content (a NUL, mostly control characters) is a 415 and extraction failures are 400s, each
 * naming the field.
 */
export async function resolveArticle(
  body: ArticleBody,
  field: string,
  extract: (html: string) => Promise<ExtractedArticle>,
): Promise<ResolvedArticle> {
  const { html, text, ...rest } = body;
  const binary = binaryReason(text ?? html ?? '');
  if (binary) {
    const name = `${field}.${text === undefined ? 'html' : 'text'}`;
    throw new ProblemError('BINARY_CONTENT', `${name}: ${binary}.`, [{ field: name, rule: 'text', message: binary }]);
  }
  if (html === undefined) return { input: { ...rest, text: text ?? '' }, extracted: false };
  try {
    const page = await extract(html);
    return {
      input: { ...rest, text: page.text, outlet: rest.outlet ?? page.siteName, title: rest.title ?? page.title },
      extracted: true,
    };
  } catch (err) {
    if (!(err instanceof ExtractError)) throw err;
    throw new ProblemError('INVALID_REQUEST', `${field}.html: ${err.message}`, [
      { field: `${field}.html`, rule: 'extract', message: err.message },
    ]);
  }
}

/** Puts the extracted text into the answer so its offsets can be read against it. */
export function attachExtractedText(result: CompareResult, side: Side, article: ResolvedArticle): CompareResult {
  if (article.extracted) result[side].text = article.input.text;
  return result;
}

/**
 * Reads one article of a multipart form (curl `-F`, the `GET /` page): `<side>` holds text, or
 * `<side>_html` holds a web page, or `<side>` with `<side>_type=html` (the page's "this is HTML" choice).
 */
export function formSide(
  form: Record<string, unknown>,
  side: string,
  fields: readonly string[],
): Record<string, unknown> | undefined {
  const html = form[`${side}_html`];
  const hasText = form[side] !== undefined;
  const asHtml = html !== undefined || (hasText && form[`${side}_type`] === 'html');
  if (!hasText && html === undefined) return undefined;
  const article: Record<string, unknown> = {};
  if (hasText && !asHtml) article.text = form[side];
  if (asHtml) article.html = html ?? form[side];
  if (hasText && html !== undefined) article.text = form[side];
  for (const f of fields) {
    const v = form[`${side}_${f}`];
    if (v !== undefined && v !== '') article[f] = v;
  }
  return article;
}
