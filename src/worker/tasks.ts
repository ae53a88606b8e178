import type { Derivation } from '../core/compare.js';
import type { CompareResult } from '../core/types.js';
import { defaultComparer } from '../default-comparer.js';
import { ExtractError } from '../extract/article.js';
import { renderResult } from '../render/format.js';
import type { CompareTask, DeriveTask, ExtractAnswer, ExtractTask, WorkerTask } from './messages.js';

/**
 * What a worker does with a task, as plain functions: the worker entry runs them in a thread, the engine runs
 * them inline for tiny inputs (where a round trip to a worker costs more than the work).
 */
export function performTask(task: ExtractTask): Promise<ExtractAnswer>;
export function performTask(task: DeriveTask): Derivation;
export function performTask(task: CompareTask): CompareResult | string;
export function performTask(task: WorkerTask): CompareResult | string | Derivation | Promise<ExtractAnswer>;
export function performTask(task: WorkerTask): CompareResult | string | Derivation | Promise<ExtractAnswer> {
  if (task.kind === 'extract') return performExtract(task);
  if (task.kind === 'derive') return defaultComparer().derive(task.original, task.rewrite);
  return performCompare(task);
}

/** A compare, answered as the result object or, when `format` is set, as the serialised/rendered body. */
export function performCompare(task: CompareTask): CompareResult | string {
  const result = defaultComparer().compare(task.original, task.rewrite, task.limits);
  // Extracted text goes into the answer: the offsets refer to it, and the caller never saw it.
  if (task.withText?.original) result.original.text = task.original.text;
  if (task.withText?.rewrite) result.rewrite.text = task.rewrite.text;
  return task.format ? renderResult(result, task.format, task.render) : result;
}

/**
 * A web page's article; a page without one is an answer (`ok: false`), not an exception crossing threads. The
 * extractor is imported on the first page (a worker imports it at start, src/worker/compare-worker.ts).
 */
export async function performExtract(task: ExtractTask): Promise<ExtractAnswer> {
  const { extractArticle } = await import('../extract/html.js');
  try {
    return { ok: true, article: extractArticle(task.html) };
  } catch (err) {
    if (err instanceof ExtractError) return { ok: false, message: err.message };
    throw err;
  }
}
