import type { CompareResult } from '../core/types.js';
import type { Format } from '../schemas/format.js';
import { type HtmlOptions, renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderText, type TextOptions } from './text.js';

export type { Format };

/**
 * A compare result as the body of an answer in `format`. Pure, so it runs in the compare worker: a long
 * document's answer is megabytes, and serialising or rendering it on the event loop would stall every other
 * request. The routes and the CLI both render through it. JSON is `JSON.stringify` of the result, whose keys follow
 * the contract's order.
 */
export function renderResult(result: CompareResult, format: Format, opts: HtmlOptions & TextOptions = {}): string {
  switch (format) {
    case 'json':
      return JSON.stringify(result);
    case 'text':
      return renderText(result, opts);
    case 'markdown':
      return renderMarkdown(result, opts);
    case 'html':
      return renderHtml(result, opts);
  }
}
