import { defaultLexicon } from '../src/lexicon/vectors.js';
import { rarityFromRanks, rarityWithoutLexicon } from '../src/retrieve/signature.js';
import { type PanResult, panRetrieval, SCATTERED_RUN_WORDS, SCATTERED_RUNS, VERBATIM_RUN } from './pan-retrieval.js';
import { fmt, table } from './stats.js';
import { type ScaleStep, storeScale } from './store-scale.js';

/** Targets of the article store on this machine (embedded engine). */
export const STORE_TARGETS = { panFirstTrue: 0.97, panFalseSource: 0.02, ingestPerSec: 200, checkP95Ms: 250 };

export interface StoreBenchOptions {
  quick: boolean;
  retrieval: boolean;
  scale: boolean;
  /** `--store-sizes=1000,10000,100000`, `--store-engines=sqlite,postgres`, `--database-url=…` */
  args: string[];
}

const arg = (args: string[], name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

/** Sections 5 (PAN retrieval) and 6 (store scale) of `npm run bench`: prints tables, returns the figures. */
export interface StoreBenchResult {
  retrieval?: PanResult | null;
  scale?: ScaleStep[];
}

export async function benchStore(opts: StoreBenchOptions): Promise<StoreBenchResult> {
  const lexicon = defaultLexicon();
  const rarity = lexicon ? rarityFromRanks(lexicon.rank, lexicon.size) : rarityWithoutLexicon;
  const out: StoreBenchResult = {};
  const T = STORE_TARGETS;
  if (opts.retrieval) {
    const r = await panRetrieval(rarity);
    // Per-document outcomes are for fitting (scripts/fit-passage.ts), not for the record.
    out.retrieval = r && { ...r, outcomes: [] };
    console.log(
      '\n## 5. Find the source: PAN 2013 dev pairs (every source document and the seeds stored, ' +
        'every suspicious document checked)\n',
    );
    if (!r) console.log('PAN corpus not found: skipped.');
    else {
      const heads = [
        'subcorpus',
        'documents',
        'first source listed',
        'a listed source found',
        'first source unlisted',
        `of which sharing ${VERBATIM_RUN} words verbatim`,
        `else ${SCATTERED_RUNS} runs of ${SCATTERED_RUN_WORDS} words`,
        'nothing found',
      ];
      console.log(
        table(
          heads,
          r.rows.map((row) => [
            row.subcorpus,
            row.documents,
            row.firstTrue,
            row.anyTrue,
            row.firstUnlisted,
            row.firstVerbatim,
            row.firstScattered,
            row.nothing,
          ]),
        ),
      );
      console.log(
        `\nfirst source a true source (listed, sharing ${VERBATIM_RUN} words verbatim, or sharing ` +
          `${SCATTERED_RUNS} runs of ${SCATTERED_RUN_WORDS} words: obfuscated copying): ` +
          `${fmt(r.firstReusedShare * 100)}% of documents with reuse ` +
          `(target >= ${T.panFirstTrue * 100}%: ${mark(r.firstReusedShare >= T.panFirstTrue)}); ` +
          `listed or verbatim: ${fmt(r.firstVerifiedShare * 100)}%; a listed source: ${fmt(r.firstTrueShare * 100)}%`,
      );
      console.log(
        `a derived source for documents without reuse: ${fmt(r.falseSourceShare * 100)}% ` +
          `(target <= ${T.panFalseSource * 100}%: ${mark(r.falseSourceShare <= T.panFalseSource)})`,
      );
      console.log(
        `check time (${r.stored} stored, compares in process): median ${fmt(r.checkMs.median, 0)} ms, ` +
          `p95 ${fmt(r.checkMs.p95, 0)} ms`,
      );
    }
  }
  if (opts.scale) {
    const sizes = (arg(opts.args, 'store-sizes') ?? (opts.quick ? '1000,10000' : '1000,10000,100000'))
      .split(',')
      .map(Number);
    const engines = (arg(opts.args, 'store-engines') ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
    const postgresUrl =
      arg(opts.args, 'database-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const steps: ScaleStep[] = [];
    for (const engine of engines) {
      try {
        const checks = opts.quick ? 10 : 40;
        const onProgress = (line: string) => console.error(line);
        steps.push(...(await storeScale(engine, { sizes, checks, rarity, postgresUrl, onProgress })));
      } catch (err) {
        console.log(`${engine}: skipped (${(err as Error).message})`);
      }
    }
    out.scale = steps;
    console.log(
      '\n## 6. Store scale: synthetic news-like articles, ingest in batches of 500, checks half derived, ' +
        'half new\n',
    );
    const heads = [
      'engine',
      'articles',
      'ingest/s (CPU)',
      'check p50/p95/p99 ms',
      'check CPU p50/p95 ms',
      'index lookup p95 ms',
      'bytes/article',
      'RSS MB',
      'source first',
      'load',
      'targets',
    ];
    const trio = (x: { p50: number; p95: number; p99: number }) =>
      `${fmt(x.p50, 0)} / ${fmt(x.p95, 0)} / ${fmt(x.p99, 0)}`;
    console.log(
      table(
        heads,
        steps.map((s) => [
          s.engine,
          s.articles,
          `${fmt(s.ingestPerSec, 0)} (${fmt(s.ingestCpuPerSec, 0)})`,
          trio(s.check),
          `${fmt(s.checkCpu.p50, 0)} / ${fmt(s.checkCpu.p95, 0)}`,
          fmt(s.lookup.p95, 1),
          fmt(s.bytesPerArticle, 0),
          fmt(s.rssMb, 0),
          s.foundFirst,
          fmt(s.load, 1),
          s.engine === 'sqlite'
            ? `ingest ${mark(s.ingestPerSec >= T.ingestPerSec)}, p95 ${mark(s.check.p95 <= T.checkP95Ms)}`
            : '',
        ]),
      ),
    );
  }
  return out;
}
