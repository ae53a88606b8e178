/**
 * Flags that preload code or install module hooks: `--import`, `--require`/`-r`, `--loader` and
 * `--experimental-loader`, in their `--flag=value` and `--flag value` forms.
 */
const HOOK_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

const flagName = (arg: string) => (arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg);
const hasHook = (args: readonly string[]) => args.some((arg) => HOOK_FLAGS.has(flagName(arg)));

/** How a compare worker starts; `undefined` fields are inherited from the process. */
export interface WorkerStart {
  execArgv?: string[];
  env?: Record<string, string | undefined>;
}

/**
 * The Node flags and environment a compare worker starts with: the process's own, unless the process preloads code
 * or hooks modules (in its flags or in `NODE_OPTIONS`), and then none of its flags and no `NODE_OPTIONS`.
 *
 * A worker thread inherits `process.execArgv` and reads `NODE_OPTIONS`, so whatever the process preloads (a test
 * runner's coverage tracker, an APM agent, a TypeScript loader) hooks every module the worker loads too. The worker
 * runs compiled core code and answers plain data, which needs none of it. Under Node 20 the cost is large: hooks
 * registered with `module.register()` run on a separate hooks thread, each module load waits for a round trip to
 * it, and a worker's start takes about twice the CPU (`bench/worker-start.mjs`). The flags cannot merely be
 * filtered: an explicit list may not hold V8 or process-wide options (`--expose-gc`, `--max-old-space-size`), which
 * Node refuses there but silently leaves out of an inherited one, and the worker needs no other flag.
 */
export function workerStart(execArgv: readonly string[], env: Record<string, string | undefined>): WorkerStart {
  const start: WorkerStart = {};
  if (hasHook(execArgv)) start.execArgv = [];
  if (hasHook(env.NODE_OPTIONS?.split(/\s+/) ?? [])) {
    const { NODE_OPTIONS: _, ...rest } = env;
    start.env = rest;
  }
  return start;
}
