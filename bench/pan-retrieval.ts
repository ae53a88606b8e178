import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findSources, type SourceFinderDeps } from '../src/check/find-sources.js';
import { defaultComparer } from '../src/default-comparer.js';
import { prepareArticle } from '../src/retrieve/prepare.js';
import type { Rarity } from '../src/retrieve/signature.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { seedsDir } from './synthetic.js';

/**
 * Retrieval on the PAN 2013 dev pairs: every source document and the seeds stored, every suspicious document
 * checked. The pairs list which sources a suspicious document reuses; a document listed only in no-plagiarism
 * pairs reuses none of them. The listing covers the pairs of this subset only: a suspicious document may also
 * reuse a stored source that no pair names, which the figures count separately ("unlisted") rather than as right.
 */
export const PAN_DIR = join(seedsDir(), '../../shared/eval/corpora/pan13-dev');

export interface PanRow {
  subcorpus: string;
  documents: number;
  /** Documents whose first source is a listed true source / any derived source is listed / none is derived. */
  firstTrue: number;
  anyTrue: number;
  nothing: number;
  /** Documents whose first source is not listed but shares copied word runs (verbatim evidence). */
  firstUnlisted: number;
}

export interface PanResult {
  stored: number;
  rows: PanRow[];
  /** Over documents with reuse: first source a listed true source. */
  firstTrueShare: number;
  /** Over documents without reuse: any derived source found. */
  falseSourceShare: number;
  checkMs: { median: number; p95: number };
  missed: string[];
}

export async function panRetrieval(
  rarity: Rarity, dir = PAN_DIR, onProgress?: (done: number, total: number) => void,
): Promise<PanResult | null> {
  if (!existsSync(join(dir, 'pairs_index.tsv'))) return null;
  const pairs = readFileSync(join(dir, 'pairs_index.tsv'), 'utf8').trim().split('\n').slice(1)
    .map((l) => l.split('\t'));
  const store = openSqliteStore({ dataDir: ':memory:' });
  try {
    for (const f of readdirSync(join(dir, 'src')).sort()) {
      await store.add([prepareArticle({ text: readFileSync(join(dir, 'src', f), 'utf8'), title: f }, rarity)]);
    }
    for (const f of readdirSync(seedsDir()).filter((f) => f.endsWith('.txt')).sort()) {
      await store.add([prepareArticle({ text: readFileSync(join(seedsDir(), f), 'utf8'), title: f }, rarity)]);
    }
    const truth = new Map<string, { sources: Set<string>; subcorpus: string }>();
    for (const [sub, susp, src] of pairs as [string, string, string][]) {
      const entry = truth.get(susp) ?? { sources: new Set<string>(), subcorpus: 'none' };
      if (sub !== '01-no-plagiarism') {
        entry.sources.add(src);
        if (entry.subcorpus === 'none') entry.subcorpus = sub;
      }
      truth.set(susp, entry);
    }
    const deps: SourceFinderDeps = { store, rarity, compare: async (o, r) => defaultComparer().compare(o, r) };
    const rows = new Map<string, PanRow>();
    const times: number[] = [];
    const missed: string[] = [];
    let done = 0;
    for (const [susp, { sources, subcorpus }] of [...truth].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const text = readFileSync(join(dir, 'susp', susp), 'utf8');
      const started = performance.now();
      const answer = await findSources(deps, { text }, { limit: 5 });
      times.push(performance.now() - started);
      const row = rows.get(subcorpus)
        ?? { subcorpus, documents: 0, firstTrue: 0, anyTrue: 0, nothing: 0, firstUnlisted: 0 };
      row.documents++;
      const titles = answer.sources.map((s) => s.article.title ?? '');
      if (titles.length === 0) row.nothing++;
      if (titles[0] && sources.has(titles[0])) row.firstTrue++;
      else if (titles[0] && sources.size && answer.sources[0]!.verdict !== 'independent') row.firstUnlisted++;
      if (titles.some((t) => sources.has(t))) row.anyTrue++;
      if (sources.size && !(titles[0] && sources.has(titles[0]))) {
        missed.push(`${subcorpus}/${susp}: first ${titles[0] ?? 'none'}`);
      }
      rows.set(subcorpus, row);
      onProgress?.(++done, truth.size);
    }
    const list = [...rows.values()].sort((a, b) => (a.subcorpus < b.subcorpus ? -1 : 1));
    const reuse = list.filter((r) => r.subcorpus !== 'none');
    const none = list.find((r) => r.subcorpus === 'none');
    const sum = (rs: PanRow[], k: keyof PanRow) => rs.reduce((a, r) => a + (r[k] as number), 0);
    times.sort((a, b) => a - b);
    return {
      stored: await store.count(),
      rows: list,
      firstTrueShare: sum(reuse, 'firstTrue') / sum(reuse, 'documents'),
      falseSourceShare: none ? (none.documents - none.nothing) / none.documents : 0,
      checkMs: { median: times[Math.floor(times.length / 2)] ?? 0, p95: times[Math.floor(times.length * 0.95)] ?? 0 },
      missed,
    };
  } finally {
    await store.close();
  }
}
