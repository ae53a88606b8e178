import type { ArticleInput, CompareLimits } from '../core/types.js';

/**
 * What the engine (main thread) and the compare worker exchange. Kept apart from the worker entry so that
 * importing these types never loads the worker (and its resources) into the main thread.
 */

/** Faults a test can ask a worker to simulate (only honoured when the pool was created with `allowFaults`). */
export type Fault = 'crash' | 'hang' | 'throw';

/** One unit of work posted to the pool. */
export interface CompareTask {
  original: ArticleInput;
  rewrite: ArticleInput;
  limits?: CompareLimits | undefined;
  fault?: Fault | undefined;
  /** Answer with the result already serialised as JSON (spares the main thread a multi-MB clone + serialisation). */
  json?: boolean | undefined;
}

/** What the engine passes as `workerData` when it creates the pool. */
export interface CompareWorkerData {
  allowFaults?: boolean;
}

/** `type` of the message a worker posts once its resources are loaded and warm. */
export const WORKER_LOADED = 'compare-worker-loaded';

/** The message a worker posts once loaded, with how long loading took. */
export interface WorkerLoaded {
  type: typeof WORKER_LOADED;
  threadId: number;
  loadMs: number;
}
