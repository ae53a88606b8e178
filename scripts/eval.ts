/**
 * `npm run eval`: scores the engine in-process on the cases in `test/fixtures/eval/` with the logic of
 * `shared/eval/score.mjs` (aligned-F1 per side, label accuracy, boilerplate removed, links F1, verdict; for
 * cases without gold units, the share of rewrite claims aligned). `--json` prints the figures as JSON.
 * The regression test `test/eval-regression.test.ts` pins these figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleInput, CompareResult } from '../src/core/types.js';
import { defaultComparer } from '../src/default-comparer.js';
import { packageRoot } from '../src/version.js';
import { type CorporaFigures, corporaAvailable, corporaDir, printCorpora, scoreCorpora } from './fit/corpora.js';

/** How a case is compared (the engine as configured, or a variant being fitted). */
export type CompareFn = (original: ArticleInput, rewrite: ArticleInput) => CompareResult;

/** The engine as the service runs it. */
const engineCompare: CompareFn = (o, r) => defaultComparer().compare(o, r);

interface Unit {
  id: string;
  start: number;
  end: number;
  role?: string;
  label?: string;
  accept?: string[];
  to?: string[];
}
interface Case {
  name: string;
  verdict?: string;
  source_outlet?: string;
  rewrite_outlet?: string;
  source: { text: string; units?: Unit[] };
  rewrite: { text: string; units?: Unit[] };
}
interface Span {
  start: number;
  end: number;
}
type Claim = Span & { id: string; status: string; matches: string[] };

export interface SideFigures {
  alignedF1: number;
  precision: number;
  recall: number;
  labelAccuracy: number;
  boilerplateRemoved: number | null;
  wrong: string[];
}
export interface CaseFigures {
  name: string;
  ms: number;
  verdict: { gold: string | null; got: string };
  original?: SideFigures;
  rewrite?: SideFigures;
  linksF1?: number;
  alignedShare?: number;
}

const ALIGNED = new Set(['kept', 'paraphrased']);
const EXCLUDED_ROLES = new Set(['title', 'note', 'boilerplate']);
const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

function claimFor(unit: Unit, claims: Claim[]): Claim | null {
  let best: Claim | null = null,
    bestLen = 0;
  for (const c of claims) {
    const o = overlap(unit, c);
    if (o > bestLen) {
      best = c;
      bestLen = o;
    }
  }
  return bestLen >= 0.3 * (unit.end - unit.start) ? best : null;
}

function unitFor(claim: Span, units: Unit[]): Unit | null {
  let best: Unit | null = null,
    bestLen = 0;
  for (const u of units) {
    if (EXCLUDED_ROLES.has(u.role ?? '')) continue;
    const o = overlap(u, claim);
    if (o > bestLen) {
      best = u;
      bestLen = o;
    }
  }
  return best;
}

function f1(tp: number, fp: number, fn: number) {
  const p = tp + fp ? tp / (tp + fp) : 1,
    r = tp + fn ? tp / (tp + fn) : 1;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function scoreSide(units: Unit[], claims: Claim[]): SideFigures {
  let tp = 0,
    fp = 0,
    fn = 0,
    labelOk = 0,
    labelN = 0,
    bpOk = 0,
    bpN = 0;
  const wrong: string[] = [];
  for (const u of units) {
    const claim = claimFor(u, claims);
    const pred = claim ? claim.status : 'none';
    if (u.role === 'boilerplate') {
      bpN++;
      if (!claim) bpOk++;
      continue;
    }
    if (EXCLUDED_ROLES.has(u.role ?? '') || !u.label) continue;
    const ok = [u.label, ...(u.accept ?? [])];
    labelN++;
    if (ok.includes(pred)) labelOk++;
    else wrong.push(`${u.id}: gold ${ok.join('|')}, got ${pred}`);
    const goldAligned = ALIGNED.has(u.label),
      predAligned = ALIGNED.has(pred);
    if (ok.some((l) => ALIGNED.has(l) !== goldAligned)) continue;
    if (goldAligned && predAligned) tp++;
    else if (goldAligned) fn++;
    else if (predAligned) fp++;
  }
  const a = f1(tp, fp, fn);
  return {
    alignedF1: a.f1,
    precision: a.precision,
    recall: a.recall,
    labelAccuracy: labelN ? labelOk / labelN : 1,
    boilerplateRemoved: bpN ? bpOk / bpN : null,
    wrong,
  };
}

function scoreLinks(c: Case, out: CompareResult): number {
  const su = c.source.units ?? [],
    ru = c.rewrite.units ?? [];
  const gold = new Set<string>(),
    strong = new Set<string>();
  const byId = Object.fromEntries(ru.map((u) => [u.id, u]));
  for (const u of su)
    for (const t of u.to ?? []) {
      gold.add(`${u.id}>${t}`);
      if ((byId[t]?.to ?? []).includes(u.id)) strong.add(`${u.id}>${t}`);
    }
  for (const u of ru) for (const t of u.to ?? []) gold.add(`${t}>${u.id}`);
  const rw = Object.fromEntries(out.rewrite.claims.map((x) => [x.id, x]));
  const pred = new Set<string>();
  for (const oc of out.original.claims)
    for (const m of oc.matches) {
      const rc = rw[m];
      if (!rc) continue;
      const a = unitFor(oc, su),
        b = unitFor(rc, ru);
      if (a && b) pred.add(`${a.id}>${b.id}`);
    }
  let tp = 0;
  for (const p of pred) if (gold.has(p)) tp++;
  let found = 0;
  for (const s of strong) if (pred.has(s)) found++;
  const precision = pred.size ? tp / pred.size : 1,
    recall = strong.size ? found / strong.size : 1;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Scores one case in-process. */
export function scoreCase(c: Case, run: CompareFn = engineCompare): CaseFigures {
  const t0 = performance.now();
  const out = run({ text: c.source.text, outlet: c.source_outlet }, { text: c.rewrite.text, outlet: c.rewrite_outlet });
  const r: CaseFigures = {
    name: c.name,
    ms: Math.round(performance.now() - t0),
    verdict: { gold: c.verdict ?? null, got: out.summary.verdict },
  };
  if (c.source.units?.length && c.rewrite.units?.length) {
    r.original = scoreSide(c.source.units, out.original.claims);
    r.rewrite = scoreSide(c.rewrite.units, out.rewrite.claims);
    r.linksF1 = scoreLinks(c, out);
  } else {
    const rw = out.rewrite.claims;
    r.alignedShare = rw.length ? rw.filter((x) => ALIGNED.has(x.status)).length / rw.length : 0;
  }
  return r;
}

/** The directory of the eval cases, in the repository (never a compiled copy under `dist/`). */
export function casesDir(): string {
  return join(fileURLToPath(packageRoot()), 'test', 'fixtures', 'eval');
}

/** Scores every case of `dir` (sorted by file name). */
export function runEval(dir = casesDir(), run: CompareFn = engineCompare): CaseFigures[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('pinned'))
    .sort()
    .map((f) => {
      const c = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Case;
      c.name ??= f.replace(/\.json$/, '');
      return scoreCase(c, run);
    });
}

/** The figures a regression test pins: per case, higher-is-better figures and the aligned share (lower is better
 *  for independent cases). */
export type Pinned = Record<string, { verdict?: string; higher: Record<string, number>; alignedShare?: number }>;

/** The key of the dev corpora's figures among the pinned cases. */
export const CORPORA_PIN = 'dev-corpora';

/** The dev corpora's figures, flat and higher-is-better: PAN F1 per sub-corpus, the share of unrelated pairs
 *  called independent, STS Pearson. */
export function corporaPins(f: CorporaFigures): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(f.pan)) {
    if (v.withReuse) out[`pan ${k} F1`] = v.f1;
    if (v.negatives) out[`pan ${k} independent`] = v.independent / v.negatives;
  }
  out['sts headlines pearson'] = f.sts;
  out['semeval unrelated independent'] = f.semeval.independent / Math.max(1, f.semeval.far);
  return out;
}

/** The dev corpora scored with the engine, or null when they are not at `corporaDir()`. */
export function runCorpora(dir = corporaDir(), run: CompareFn = engineCompare): CorporaFigures | null {
  return corporaAvailable(dir) ? scoreCorpora(dir, run) : null;
}

/** Reduces eval results to the pinned figures (rounded to 0.1 percentage point). */
export function pinnedFigures(results: CaseFigures[], corpora: CorporaFigures | null = null): Pinned {
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const out: Pinned = {};
  for (const r of results) {
    const higher: Record<string, number> = {};
    if (r.original && r.rewrite) {
      higher['original.alignedF1'] = r3(r.original.alignedF1);
      higher['rewrite.alignedF1'] = r3(r.rewrite.alignedF1);
      higher['original.labelAccuracy'] = r3(r.original.labelAccuracy);
      higher['rewrite.labelAccuracy'] = r3(r.rewrite.labelAccuracy);
      higher.linksF1 = r3(r.linksF1 ?? 0);
    }
    // Independent cases: the aligned share must stay low; sibling cases (no gold): it must stay high.
    const independent = r.verdict.gold === 'independent';
    if (r.alignedShare !== undefined && !independent) higher.alignedShare = r3(r.alignedShare);
    out[r.name] = {
      ...(r.verdict.gold ? { verdict: r.verdict.got } : {}),
      higher,
      ...(r.alignedShare !== undefined && independent ? { alignedShare: r3(r.alignedShare) } : {}),
    };
  }
  if (corpora) {
    out[CORPORA_PIN] = { higher: Object.fromEntries(Object.entries(corporaPins(corpora)).map(([k, v]) => [k, r3(v)])) };
  }
  return out;
}

const pct = (x: number | null | undefined) => (x == null ? '  -  ' : (100 * x).toFixed(1).padStart(5));

/** Prints the figures as score.mjs does. */
export function printFigures(results: CaseFigures[], verbose: boolean): void {
  for (const r of results) {
    console.log(`\n== ${r.name}  (${r.ms} ms)  verdict gold=${r.verdict.gold ?? '-'} got=${r.verdict.got}`);
    if (r.alignedShare !== undefined) {
      console.log(`   aligned share of rewrite claims: ${pct(r.alignedShare)}%`);
      continue;
    }
    for (const side of ['original', 'rewrite'] as const) {
      const s = r[side]!;
      console.log(
        `   ${side.padEnd(8)} aligned-F1 ${pct(s.alignedF1)}  (P ${pct(s.precision)} R` +
          ` ${pct(s.recall)})  label-acc ${pct(s.labelAccuracy)}  boilerplate-removed` +
          ` ${pct(s.boilerplateRemoved)}`,
      );
    }
    console.log(`   links    F1 ${pct(r.linksF1)}`);
    if (verbose) for (const w of [...r.original!.wrong, ...r.rewrite!.wrong]) console.log(`     - ${w}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = runEval();
  const dir = corporaDir(),
    corpora = runCorpora(dir);
  if (process.argv.includes('--json')) console.log(JSON.stringify({ cases: results, corpora }, null, 1));
  else {
    printFigures(results, process.argv.includes('--verbose'));
    console.log(`\n== dev corpora (${dir})`);
    if (corpora) printCorpora(corpora);
    else console.log('   not found: pass --corpora DIR or set ARTICLE_DIFF_CORPORA');
  }
}
