import t from 'tap';
import { DEFAULTS, loadConfig } from '../../src/config.js';

t.test('engine settings come from the environment with documented defaults', async (t) => {
  const d = loadConfig({});
  t.match(d, {
    workers: 0,
    compareTimeoutMs: 10_000,
    inlineMaxChars: DEFAULTS.inlineMaxChars,
    compareQueueMax: 64,
    maxEventLoopDelayMs: 1000,
  });
  const c = loadConfig({
    WORKERS: '3',
    COMPARE_TIMEOUT_MS: '2500',
    INLINE_MAX_CHARS: '0',
    COMPARE_QUEUE_MAX: '5',
    MAX_EVENT_LOOP_DELAY_MS: '0',
  });
  t.match(c, { workers: 3, compareTimeoutMs: 2500, inlineMaxChars: 0, compareQueueMax: 5, maxEventLoopDelayMs: 0 });
});

t.test('invalid engine settings fail fast, naming the variable', async (t) => {
  const cases: [string, string][] = [
    ['WORKERS', '-1'],
    ['WORKERS', 'two'],
    ['COMPARE_TIMEOUT_MS', '10'],
    ['COMPARE_TIMEOUT_MS', '1.5'],
    ['INLINE_MAX_CHARS', '-5'],
    ['COMPARE_QUEUE_MAX', 'lots'],
    ['MAX_EVENT_LOOP_DELAY_MS', '-1'],
  ];
  for (const [name, value] of cases)
    t.throws(() => loadConfig({ [name]: value }), new RegExp(name), `${name}=${value}`);
});
