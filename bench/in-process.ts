import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { median, percentile } from './stats.js';
import { seedsDir } from './synthetic.js';

export interface InProcessResult {
  /** Start-up cost: importing the core (modules, wink-nlp model) plus loading the lexicon (word vectors). */
  startupMs: number;
  importMs: number;
  lexiconMs: number;
  /** The first compare (lazily loaded resources, cold JIT). */
  firstMs: number;
  iterations: number;
  /** Warm, each text analysed afresh (the analysis cache cleared before every compare): the cost of new texts. */
  medianMs: number;
  p99Ms: number;
  meanMs: number;
  /** CPU time of the process per fresh compare, median (all threads: the compare and V8's parallel GC helpers).
   *  Wall time on a shared machine also counts other processes' turns on the cores; CPU time mostly does not. */
  cpuMedianMs: number;
  /** Warm, the same pair again: both texts' analyses come from the cache (one original against many rewrites). */
  cachedMedianMs: number;
  /** As `cpuMedianMs`, for the cached compare. */
  cachedCpuMedianMs: number;
  /** Of a fresh compare: wink-nlp's read of both texts alone (tokens, sentences, POS, lemmas), median. What a text
   *  never seen before costs at the least, whatever the rest of the pipeline does. */
  readMedianMs: number;
  cachedP99Ms: number;
  /** Worker pool of the service: time until every worker has loaded its resources. */
  poolStartupMs: number;
  poolThreads: number;
  /** The same pair through the pool, one at a time (main thread ↔ worker round trip included). */
  pooledMedianMs: number;
}

export const seed = (file: string) => readFileSync(seedsDir() + file, 'utf8');

/** Benchmark 1: seed 001 (The Atlantic) vs seed 000 (Caliber.Az) in-process, after `warmup` rounds (a fresh and a
 *  cached compare each). */
export async function benchInProcess(iterations: number, warmup: number): Promise<InProcessResult> {
  const original = { text: seed('001_d2036ec9883e01fd.txt'), outlet: 'The Atlantic' };
  const rewrite = { text: seed('000_c90c4d7f5878e1c4.txt'), outlet: 'Caliber.Az' };
  let t = performance.now();
  const { createComparer } = await import('../src/core/compare.js');
  const importMs = performance.now() - t;
  t = performance.now();
  const { defaultLexicon } = await import('../src/lexicon/vectors.js');
  const { defaultAntonyms } = await import('../src/lexicon/antonyms.js');
  const { defaultPairModel } = await import('../src/lexicon/pair-model.js');
  const { compare, analyses } = createComparer({
    lexicon: defaultLexicon(),
    antonyms: defaultAntonyms(),
    pairModel: defaultPairModel(),
  });
  const lexiconMs = performance.now() - t;
  const startupMs = importMs + lexiconMs;
  t = performance.now();
  compare(original, rewrite);
  const firstMs = performance.now() - t;
  // Warm-up as measured: a fresh and a cached compare per round. V8 optimises the per-text code only after it has
  // run ~150 times: the medians of successive fifties of fresh compares after 30 cached ones were 24.9, 18.4, 15.4,
  // 13.2 ms, level from there; with too short a warm-up the figure measures the compiler, not the compare.
  for (let i = 0; i < warmup; i++) {
    analyses.clear();
    compare(original, rewrite);
    compare(original, rewrite);
  }
  const times: number[] = [],
    cached: number[] = [],
    cpu: number[] = [],
    cachedCpu: number[] = [];
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  for (let i = 0; i < iterations; i++) {
    analyses.clear();
    let c = process.cpuUsage();
    t = performance.now();
    compare(original, rewrite);
    times.push(performance.now() - t);
    cpu.push(cpuMs(c));
    c = process.cpuUsage();
    t = performance.now();
    compare(original, rewrite);
    cached.push(performance.now() - t);
    cachedCpu.push(cpuMs(c));
  }

  // The read each fresh compare starts with, as segmentation does it (paragraph wraps joined, one read a text).
  const { nlpView, readTokens, textNlp } = await import('../src/core/segment/nlp.js');
  const nlp = textNlp();
  const { paragraphSpans } = await import('../src/core/segment/paragraphs.js');
  const views = [original.text, rewrite.text].map((text) => nlpView(text, paragraphSpans(text)));
  const reads: number[] = [];
  for (let i = 0; i < iterations; i++) {
    t = performance.now();
    for (const view of views) readTokens(view, nlp);
    reads.push(performance.now() - t);
  }

  const { createEngine } = await import('../src/worker/pool.js');
  const engine = createEngine({ inlineMaxChars: 0 });
  t = performance.now();
  await engine.warmup();
  const poolStartupMs = performance.now() - t;
  const pooled: number[] = [];
  // The workers' code is optimised only after ~100 compares each (V8 tiers up as functions get hot): warm them
  // first, or the figure measures the compiler rather than the round trip.
  const warm = Math.min(iterations, 50) * 4;
  for (let i = 0; i < Math.min(iterations, 50) + warm; i++) {
    t = performance.now();
    await engine.compare(original, rewrite);
    if (i >= warm) pooled.push(performance.now() - t);
  }
  const poolThreads = engine.stats().threads;
  await engine.close();
  return {
    startupMs,
    importMs,
    lexiconMs,
    firstMs,
    iterations,
    medianMs: median(times),
    p99Ms: percentile(times, 99),
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    cpuMedianMs: median(cpu),
    cachedMedianMs: median(cached),
    cachedCpuMedianMs: median(cachedCpu),
    readMedianMs: median(reads),
    cachedP99Ms: percentile(cached, 99),
    poolStartupMs,
    poolThreads,
    pooledMedianMs: median(pooled),
  };
}
