/**
 * The development corpora (PAN 2013 text alignment, STS-B news headlines, SemEval-2022 task 8 article pairs) read
 * from a directory outside the repository (their licences allow evaluation and development only), and scored
 * in-process with the logic of `shared/eval/score-corpora.mjs`: the same figures, without a server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AlignThresholds } from '../../src/core/align/align.js';
import type { ArticleInput, Claim, CompareResult } from '../../src/core/types.js';
import { pairScore, panGold } from './pan-pairs.js';

export type CompareFn = (original: ArticleInput, rewrite: ArticleInput) => CompareResult;

/** The corpora directory: `--corpora DIR`, else `ARTICLE_DIFF_CORPORA`, else `../shared/eval/corpora`. */
export function corporaDir(argv: string[] = process.argv): string {
  const i = argv.indexOf('--corpora');
  if (i >= 0 && argv[i + 1]) return argv[i + 1]!;
  return process.env.ARTICLE_DIFF_CORPORA ?? join('..', 'shared', 'eval', 'corpora');
}

/** The value after `--name` on the command line, else `fallback`. */
export function option(argv: string[], name: string, fallback: string): string {
  return argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback;
}

/** Threshold overrides given as `--set name=value,name=value` (for trying a variation before it goes into the fit). */
export function thresholdOverrides(argv: string[]): Partial<AlignThresholds> {
  const pairs = option(argv, '--set', '')
    .split(',')
    .filter(Boolean)
    .map((kv) => kv.split('='));
  return Object.fromEntries(pairs.map(([k, v]) => [k!, +v!])) as Partial<AlignThresholds>;
}

/** One PAN pair: source (sent as original), suspicious document (rewrite), reused passages on both sides. */
export interface PanPair {
  sub: string;
  source: string;
  suspicious: string;
  /** Reuse cases as UTF-16 spans: `[suspStart, suspEnd, srcStart, srcEnd]`. */
  cases: [number, number, number, number][];
}

/** Code-point offsets (PAN's) to UTF-16 offsets. */
function utf16Map(text: string): number[] {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return map;
}

export function readPan(dir: string, limitPerSub = Infinity): PanPair[] {
  const rows = readFileSync(join(dir, 'pairs_index.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'));
  const bySub = new Map<string, string[][]>();
  for (const r of rows) {
    const l = bySub.get(r[0]!) ?? [];
    l.push(r);
    bySub.set(r[0]!, l);
  }
  const out: PanPair[] = [];
  for (const [sub, list] of bySub) {
    for (const [, susp, src, ncases] of list.slice(0, limitPerSub)) {
      const suspicious = readFileSync(join(dir, 'susp', susp!), 'utf8');
      const source = readFileSync(join(dir, 'src', src!), 'utf8');
      const cases: PanPair['cases'] = [];
      if (+ncases! > 0) {
        const name = `${susp!.replace('.txt', '')}-${src!.replace('.txt', '')}.xml`;
        const xml = readFileSync(join(dir, sub, name), 'utf8');
        const sm = utf16Map(suspicious),
          om = utf16Map(source);
        for (const f of xml.match(/<feature[^>]*name="plagiarism"[^>]*>/g) ?? []) {
          const n = (k: string) => +(f.match(new RegExp(`${k}="(\\d+)"`))?.[1] ?? 0);
          const a = n('this_offset'),
            b = n('this_length'),
            c = n('source_offset'),
            d = n('source_length');
          cases.push([sm[a]!, sm[a + b]!, om[c]!, om[c + d]!]);
        }
      }
      out.push({ sub, source, suspicious, cases });
    }
  }
  return out;
}

export interface StsPair {
  gold: number;
  a: string;
  b: string;
}
export function readSts(file: string, limit = Infinity): StsPair[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'))
    .map((c) => ({ gold: +c[4]!, a: c[5] ?? '', b: c[6] ?? '' }))
    .filter((r) => r.a && r.b)
    .slice(0, limit);
}

function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    f = '',
    q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          f += '"';
          i++;
        } else q = false;
      } else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
    } else if (c !== '\r') f += c;
  }
  if (f || row.length) {
    row.push(f);
    rows.push(row);
  }
  return rows;
}

export interface SemevalPair {
  a: string;
  b: string;
  overall: number;
}
export function readSemeval(file: string, limit = Infinity): SemevalPair[] {
  const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const col = (n: string) => head!.indexOf(n);
  return rows
    .filter((r) => r.length === head!.length)
    .map((r) => ({ a: r[col('text1')]!, b: r[col('text2')]!, overall: +r[col('Overall')]! }))
    .filter((r) => r.a?.trim() && r.b?.trim())
    .slice(0, limit);
}

const ALIGNED = new Set(['kept', 'paraphrased']);
const SPACE = /\s/;

/** Share of a text's non-space characters in aligned claims, plain and weighted by each claim's similarity. */
export function alignedShares(text: string, claims: Claim[]): { aligned: number; weighted: number } {
  const w = new Float64Array(text.length),
    m = new Uint8Array(text.length);
  for (const c of claims) {
    if (!ALIGNED.has(c.status)) continue;
    for (let i = Math.max(0, c.start); i < Math.min(text.length, c.end); i++) {
      m[i] = 1;
      if (c.similarity > w[i]!) w[i] = c.similarity;
    }
  }
  let n = 0,
    a = 0,
    ws = 0;
  for (let i = 0; i < text.length; i++)
    if (!SPACE.test(text[i]!)) {
      n++;
      a += m[i]!;
      ws += w[i]!;
    }
  return { aligned: n ? a / n : 0, weighted: n ? ws / n : 0 };
}

export function pearson(x: number[], y: number[]): number {
  const n = x.length,
    mx = x.reduce((a, b) => a + b, 0) / n,
    my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : 0;
}

export interface PanFigures {
  pairs: number;
  withReuse: number;
  precision: number;
  recall: number;
  f1: number;
  negatives: number;
  independent: number;
}

/** PAN character precision / recall of the rewrite's aligned claims against the reused passages, macro over pairs. */
export function scorePan(pairs: PanPair[], run: CompareFn): Record<string, PanFigures> {
  const res: Record<string, PanFigures> = {};
  for (const p of pairs) {
    const out = run({ text: p.source }, { text: p.suspicious });
    const acc = (res[p.sub] ??= {
      pairs: 0,
      withReuse: 0,
      precision: 0,
      recall: 0,
      f1: 0,
      negatives: 0,
      independent: 0,
    });
    acc.pairs++;
    if (!p.cases.length) {
      acc.negatives++;
      if (out.summary.verdict === 'independent') acc.independent++;
      continue;
    }
    const { precision, recall } = pairScore(panGold(p), out.rewrite.claims);
    acc.withReuse++;
    acc.precision += precision;
    acc.recall += recall;
  }
  for (const a of Object.values(res))
    if (a.withReuse) {
      a.precision /= a.withReuse;
      a.recall /= a.withReuse;
      a.f1 = a.precision + a.recall ? (2 * a.precision * a.recall) / (a.precision + a.recall) : 0;
    }
  return res;
}

/** STS: Pearson of the mean similarity-weighted aligned share of both sides with the human score. */
export function scoreSts(pairs: StsPair[], run: CompareFn): number {
  const got = pairs.map((r) => {
    const out = run({ text: r.a }, { text: r.b });
    return (alignedShares(r.a, out.original.claims).weighted + alignedShares(r.b, out.rewrite.claims).weighted) / 2;
  });
  return pearson(
    pairs.map((r) => r.gold),
    got,
  );
}

/** SemEval: pairs rated unrelated (Overall ≥ 3.5) that come back independent. */
export function scoreSemeval(pairs: SemevalPair[], run: CompareFn): { far: number; independent: number } {
  let far = 0,
    independent = 0;
  for (const r of pairs) {
    if (r.overall < 3.5) continue;
    far++;
    if (run({ text: r.a }, { text: r.b }).summary.verdict === 'independent') independent++;
  }
  return { far, independent };
}

export interface CorporaFigures {
  pan: Record<string, PanFigures>;
  sts: number;
  semeval: { far: number; independent: number };
}

export function scoreCorpora(dir: string, run: CompareFn, limit = Infinity): CorporaFigures {
  return {
    pan: scorePan(readPan(join(dir, 'pan13-dev'), limit), run),
    sts: scoreSts(readSts(join(dir, 'stsb-dev-news.tsv'), limit), run),
    semeval: scoreSemeval(readSemeval(join(dir, 'semeval2022-task8-train-leads.csv'), limit), run),
  };
}

const pct = (x: number) => (100 * x).toFixed(1);
export function printCorpora(f: CorporaFigures): void {
  for (const [k, v] of Object.entries(f.pan)) {
    const pr = `(P ${pct(v.precision)} R ${pct(v.recall)}, ${v.withReuse} pairs)`;
    if (v.withReuse) console.log(`pan ${k.padEnd(28)} F1 ${pct(v.f1)}  ${pr}`);
    if (v.negatives) console.log(`pan ${k.padEnd(28)} independent ${v.independent}/${v.negatives}`);
  }
  console.log(`sts headlines pearson ${f.sts.toFixed(3)}`);
  console.log(`semeval unrelated called independent ${f.semeval.independent}/${f.semeval.far}`);
}

export function corporaAvailable(dir: string): boolean {
  try {
    readdirSync(join(dir, 'pan13-dev'));
    return true;
  } catch {
    return false;
  }
}
