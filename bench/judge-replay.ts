import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bySourceRank, type JudgedCandidate } from '../src/check/find-sources.js';
import type { Rarity } from '../src/retrieve/signature.js';
import { words } from '../src/retrieve/words.js';
import {
  PAN_DIR,
  type PanOptions,
  type PanOutcome,
  panRetrieval,
  SCATTERED_RUN_WORDS,
  SCATTERED_RUNS,
  VERBATIM_RUN,
} from './pan-retrieval.js';
import { sharedRunCount, sharesRun } from './verbatim-runs.js';

/**
 * The candidates each PAN document's check compared, with what the benchmark knows of each (listed as its source,
 * or sharing a verbatim run): another judge is replayed on them without a compare. Which candidates a check
 * compares does not depend on the judge, nor does their order (`find-sources.ts`), so a replay answers the first
 * source the check would have answered; only the chain links, which the benchmark does not score, are left out.
 */
export interface ReplayCandidate extends JudgedCandidate {
  listed: boolean;
  verbatim: boolean;
  /** Unlisted, not verbatim, sharing SCATTERED_RUNS short runs (as the benchmark counts). */
  scattered: boolean;
}

export interface ReplayDocument {
  document: string;
  subcorpus: string;
  candidates: ReplayCandidate[];
}

/** One benchmark run (with `options`' judge), its compared candidates recorded. */
export async function recordCandidates(
  rarity: Rarity,
  options: PanOptions = {},
): Promise<{ documents: ReplayDocument[]; outcomes: PanOutcome[] }> {
  const dir = options.dir ?? PAN_DIR;
  const seen = new Map<string, JudgedCandidate[]>();
  const r = await panRetrieval(rarity, {
    ...options,
    observe: (d, j) => seen.set(d, [...(seen.get(d) ?? []), j]),
  });
  if (!r) throw new Error(`no PAN corpus at ${dir}`);
  const listedOf = new Map<string, Set<string>>();
  for (const l of readFileSync(join(dir, 'pairs_index.tsv'), 'utf8').trim().split('\n').slice(1)) {
    const [sub, susp, src, cases] = l.split('\t') as [string, string, string, string];
    if (sub !== '01-no-plagiarism' && Number(cases) > 0) listedOf.set(susp, (listedOf.get(susp) ?? new Set()).add(src));
  }
  const stored = new Set(readdirSync(join(dir, 'src')));
  const srcWords = new Map<string, string[]>();
  const wordsOf = (f: string) => {
    let ws = srcWords.get(f);
    if (!ws) srcWords.set(f, (ws = words(readFileSync(join(dir, 'src', f), 'utf8'))));
    return ws;
  };
  const documents = r.outcomes.map((o) => {
    const listed = listedOf.get(o.document) ?? new Set<string>();
    const checked = words(readFileSync(join(dir, 'susp', o.document), 'utf8'));
    const candidates = (seen.get(o.document) ?? []).map((j) => {
      const title = j.article.title ?? '';
      const isListed = listed.has(title);
      // As the benchmark counts: an unlisted PAN source (not a seed) of a document with reuse.
      const verbatim =
        !isListed && listed.size > 0 && stored.has(title) && sharesRun(checked, wordsOf(title), VERBATIM_RUN);
      const scattered =
        !isListed &&
        !verbatim &&
        listed.size > 0 &&
        stored.has(title) &&
        sharedRunCount(checked, wordsOf(title), SCATTERED_RUN_WORDS) >= SCATTERED_RUNS;
      return { ...j, listed: isListed, verbatim, scattered };
    });
    return { document: o.document, subcorpus: o.subcorpus, candidates };
  });
  return { documents, outcomes: r.outcomes };
}

/**
 * The benchmark's outcome of a document under another judge (`isSource`, told each candidate's place among those
 * compared): its first source, as the check ranks.
 */
export function replay(doc: ReplayDocument, isSource: (c: ReplayCandidate, i: number) => boolean): PanOutcome {
  const sources = doc.candidates.filter(isSource).sort(bySourceRank);
  const first = sources[0];
  return {
    document: doc.document,
    subcorpus: doc.subcorpus,
    firstListed: first?.listed ?? false,
    firstVerbatim: first?.verbatim ?? false,
    firstScattered: first?.scattered ?? false,
    found: first !== undefined,
  };
}
