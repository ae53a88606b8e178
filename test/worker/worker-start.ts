import { Worker } from 'node:worker_threads';
import t from 'tap';
import { workerStart } from '../../src/worker/worker-start.js';

const HOOK = 'data:text/javascript,';

t.test('a compare worker starts without preloads and module hooks, and otherwise as the process', async (t) => {
  const cases: [string, string[], string | undefined, boolean, boolean][] = [
    // name, execArgv, NODE_OPTIONS, flags dropped, NODE_OPTIONS dropped
    ['no flags', [], undefined, false, false],
    ['memory and diagnostics flags', ['--max-old-space-size=4096', '--enable-source-maps'], undefined, false, false],
    ['--expose-gc, a V8 flag a worker may not be given explicitly', ['--expose-gc'], undefined, false, false],
    ['--import=URL', ['--import=file:///x/hooks.mjs'], undefined, true, false],
    ['--import URL', ['--import', 'file:///x/hooks.mjs'], undefined, true, false],
    ['--require with --expose-gc', ['--require', './agent.cjs', '--expose-gc'], undefined, true, false],
    ['-r', ['-r', './agent.cjs'], undefined, true, false],
    ['--loader', ['--loader=ts-node/esm'], undefined, true, false],
    ['--experimental-loader', ['--experimental-loader', './l.mjs'], undefined, true, false],
    ['a value that merely mentions a hook', ['--title=--import'], undefined, false, false],
    ['NODE_OPTIONS without hooks', [], '--max-old-space-size=4096 --no-warnings', false, false],
    ['NODE_OPTIONS with a preload', [], '--no-warnings  --import=/opt/apm/register.mjs', false, true],
    ['both', ['-r', 'a.cjs'], '-r b.cjs', true, true],
  ];
  for (const [name, argv, nodeOptions, flagsDropped, optionsDropped] of cases) {
    const env = { PATH: '/usr/bin', NODE_OPTIONS: nodeOptions };
    const start = workerStart(argv, env);
    t.same(start.execArgv, flagsDropped ? [] : undefined, `${name}: flags`);
    t.same(start.env, optionsDropped ? { PATH: '/usr/bin' } : undefined, `${name}: environment`);
  }
});

t.test('Node accepts the start for a worker, and the worker of a hooked process runs without the hooks', async (t) => {
  for (const argv of [['--expose-gc'], ['--import', HOOK], []]) {
    const worker = new Worker(
      'const { parentPort } = require("node:worker_threads"); parentPort.postMessage([process.execArgv, process.env.NODE_OPTIONS])',
      { eval: true, ...workerStart(argv, { ...process.env, NODE_OPTIONS: `--import=${HOOK}` }) },
    );
    const [execArgv, nodeOptions] = await new Promise<[string[], string | undefined]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    t.equal(nodeOptions, undefined, `no NODE_OPTIONS preload in the worker (process flags ${JSON.stringify(argv)})`);
    if (argv.includes('--import')) t.same(execArgv, [], 'no preload flag in the worker');
    else t.same(execArgv, process.execArgv, `the worker of a process started with ${JSON.stringify(argv)} inherits`);
  }
});
