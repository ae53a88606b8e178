import { performance } from 'node:perf_hooks';
import { diffWords } from 'diff';
import { type PairKind, syntheticPair } from './synthetic.js';

/**
 * One scaling measurement in its own process, so peak RSS (`maxRSS`) belongs to this run alone.
 * Usage: node dist/bench/scale-child.js <engine|diff> <words> <shared|unrelated> [capMs]
 * Prints one JSON line: { tool, words, kind, ms, timedOut, peakRssMb, baseRssMb, chars, claims? }.
 */
const [tool = 'engine', wordsArg = '1000', kindArg = 'shared', capArg = '10000'] = process.argv.slice(2);
const words = Number(wordsArg);
const kind = kindArg as PairKind;
const capMs = Number(capArg);
const pair = syntheticPair(words, kind);
const mb = (kb: number) => Math.round(kb / 1024);

if (tool === 'diff') {
  const base = process.resourceUsage().maxRSS;
  const start = performance.now();
  // `timeout` makes diffWords give up (and return undefined) instead of running quadratic work to the end.
  const parts = diffWords(pair.original, pair.rewrite, { timeout: capMs });
  const ms = performance.now() - start;
  report({ ms, timedOut: parts === undefined, baseRssMb: mb(base) });
} else {
  const { compare } = (await import('../src/default-comparer.js')).defaultComparer();
  // Warm up on a small pair so the figure is the steady-state cost, not JIT compilation.
  const warm = syntheticPair(1000, kind, 7);
  compare({ text: warm.original }, { text: warm.rewrite });
  const base = process.resourceUsage().maxRSS;
  const start = performance.now();
  const result = compare({ text: pair.original }, { text: pair.rewrite });
  const ms = performance.now() - start;
  report({
    ms,
    timedOut: false,
    baseRssMb: mb(base),
    claims: result.original.claims.length + result.rewrite.claims.length,
    alignments: result.alignments.length,
    verdict: result.summary.verdict,
  });
}

function report(extra: Record<string, unknown>) {
  const line = {
    tool,
    words,
    kind,
    chars: pair.original.length + pair.rewrite.length,
    ...extra,
    peakRssMb: mb(process.resourceUsage().maxRSS),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
