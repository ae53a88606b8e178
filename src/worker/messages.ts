import type { ArticleInput, CompareLimits } from '../core/types.js';
import type { ExtractedArticle } from '../extract/article.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Format } from '../render/format.js';
import type { HtmlOptions } from '../render/html.js';

/**
 * What the engine (main thread) and the compare worker exchange. Kept apart from the worker entry so that
 * importing these types never loads the worker (and its resources) into the main thread.
 */

/** Faults a test can ask a worker to simulate (only honoured when the pool was created with `allowFaults`). */
export type Fault = 'crash' | 'hang' | 'throw';

/** One compare posted to the pool. */
export interface CompareTask {
  kind?: 'compare' | undefined;
  original: ArticleInput;
  rewrite: ArticleInput;
  limits?: CompareLimits | undefined;
  fault?: Fault | undefined;
  /**
   * Answer with the result already serialised (JSON) or rendered (text, Markdown, HTML report) in the worker:
   * spares the main thread a multi-MB structured clone plus the serialisation or rendering.
   */
  format?: Format | undefined;
  /** Names and CSP nonces for the rendered formats. */
  render?: HtmlOptions | undefined;
  /** Sides whose text was extracted from HTML: the answer carries that text (its offsets refer to it). */
  withText?: { original?: boolean | undefined; rewrite?: boolean | undefined } | undefined;
}

/** A compare answered by its derivation figures alone (`Comparer.derive`): what a check needs of most candidates. */
export interface DeriveTask {
  kind: 'derive';
  original: ArticleInput;
  rewrite: ArticleInput;
  fault?: Fault | undefined;
}

/** Article extraction from a web page, posted to the pool (Readability over linkedom takes seconds on big pages). */
export interface ExtractTask {
  kind: 'extract';
  html: string;
}

/** A page's article, or why it has none (an `ExtractError` does not survive the thread boundary as a class). */
export type ExtractAnswer = { ok: true; article: ExtractedArticle } | { ok: false; message: string };

export type WorkerTask = CompareTask | DeriveTask | ExtractTask;

/** What the engine passes as `workerData` when it creates the pool. */
export interface CompareWorkerData {
  allowFaults?: boolean;
  /** The main thread's lexicon: its arrays are shared memory, so every worker uses that one copy. */
  lexicon?: Lexicon | null;
}

/** `type` of the message a worker posts once its resources are loaded and warm. */
export const WORKER_LOADED = 'compare-worker-loaded';

/** The message a worker posts once loaded, with how long loading took. */
export interface WorkerLoaded {
  type: typeof WORKER_LOADED;
  threadId: number;
  loadMs: number;
  /** Whose lexicon the worker compares with: the parent's shared one, one it read itself, or none (not built). */
  lexicon: 'shared' | 'own' | 'none';
}
