/**
 * Labelled claim pairs for fitting the pair model: every candidate pair the core features (similarity at
 * FEATURE_FLOOR or above) on each development case, with what the gold says of it:
 * - PAN 2013: a pair is the same content when the rewrite claim lies in a reused passage and the original claim in
 *   that case's source passage, at about the same relative place in it (summaries: anywhere in it); otherwise not.
 *   Pairs without reuse: none is.
 * - STS-B headlines (the train file): the human score / 5, a soft label.
 * - SemEval-2022 pairs rated unrelated (Overall ≥ 3.5) and the independent seed pairs: none is.
 * - The development pair: its gold links (units' `to`).
 * Every row keeps its case (`group`) so that cross-validation never splits a compare between folds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompareResources, FeaturedPair } from '../../src/core/match/pair-beliefs.js';
import type { ArticleInput, Claim, CompareResult } from '../../src/core/types.js';
import { readPan, readSemeval, readSts } from './corpora.js';

export type CompareWith = (o: ArticleInput, r: ArticleInput, resources: CompareResources) => CompareResult;

export interface PairRows {
  corpus: string[];
  group: number[];
  x: Float64Array[];
  y: number[];
}

/** Within a reuse case, an original and a rewrite claim at relative places this far apart are not counterparts. */
const PLACE_SLACK = 0.2;

const overlap = (a: { start: number; end: number }, s: number, e: number) =>
  Math.max(0, Math.min(a.end, e) - Math.max(a.start, s));
const mid = (c: Claim) => (c.start + c.end) / 2;

export function collectRows(corpora: string, casesDir: string, run: CompareWith, limit = Infinity): PairRows {
  const rows: PairRows = { corpus: [], group: [], x: [], y: [] };
  let group = 0;
  type Label = (out: CompareResult, p: FeaturedPair) => number;
  const add = (corpus: string, o: ArticleInput, r: ArticleInput, label: Label) => {
    let seen: readonly FeaturedPair[] = [];
    const out = run(o, r, {
      observePairs: (ps) => {
        seen = ps;
      },
    });
    for (const p of seen) {
      rows.corpus.push(corpus);
      rows.group.push(group);
      rows.x.push(p.features);
      rows.y.push(label(out, p));
    }
    group++;
  };
  for (const pair of readPan(join(corpora, 'pan13-dev'), limit)) {
    const summary = pair.sub.startsWith('05');
    add(`pan-${pair.sub.slice(3)}`, { text: pair.source }, { text: pair.suspicious }, (out, p) => {
      const oc = out.original.claims[p.oi]!,
        rc = out.rewrite.claims[p.ri]!;
      for (const [ss, se, os, oe] of pair.cases) {
        const inCase =
          overlap(rc, ss, se) >= 0.5 * (rc.end - rc.start) && overlap(oc, os, oe) >= 0.5 * (oc.end - oc.start);
        if (!inCase) continue;
        if (summary) return 1;
        const place = Math.abs((mid(oc) - os) / Math.max(1, oe - os) - (mid(rc) - ss) / Math.max(1, se - ss));
        if (place <= PLACE_SLACK) return 1;
      }
      return 0;
    });
  }
  for (const s of readSts(join(corpora, 'stsb-train-news.tsv'), limit)) {
    add('sts-train', { text: s.a }, { text: s.b }, () => s.gold / 5);
  }
  for (const s of readSemeval(join(corpora, 'semeval2022-task8-train-leads.csv'), limit)) {
    if (s.overall >= 3.5) add('semeval-unrelated', { text: s.a }, { text: s.b }, () => 0);
  }
  for (const f of readdirSync(casesDir)
    .filter((n) => n.endsWith('.json') && !n.startsWith('pinned'))
    .sort()) {
    const c = JSON.parse(readFileSync(join(casesDir, f), 'utf8')) as EvalCase;
    if (c.verdict === 'independent') {
      add('seeds-independent', { text: c.source.text }, { text: c.rewrite.text }, () => 0);
      continue;
    }
    if (!c.source.units || !c.rewrite.units) continue;
    const gold = new Set<string>();
    for (const u of c.source.units) for (const t of u.to ?? []) gold.add(`${u.id}>${t}`);
    for (const u of c.rewrite.units) for (const t of u.to ?? []) gold.add(`${t}>${u.id}`);
    add('dev-pair', { text: c.source.text }, { text: c.rewrite.text }, (out, p) => {
      const a = unitOf(out.original.claims[p.oi]!, c.source.units!);
      const b = unitOf(out.rewrite.claims[p.ri]!, c.rewrite.units!);
      return a && b && gold.has(`${a}>${b}`) ? 1 : 0;
    });
  }
  return rows;
}

interface Unit {
  id: string;
  start: number;
  end: number;
  role?: string;
  to?: string[];
}
interface EvalSide {
  text: string;
  units?: Unit[];
}
interface EvalCase {
  verdict?: string;
  source: EvalSide;
  rewrite: EvalSide;
}

function unitOf(c: Claim, units: Unit[]): string | null {
  let best: string | null = null,
    most = 0;
  for (const u of units) {
    if (u.role === 'title' || u.role === 'note' || u.role === 'boilerplate') continue;
    const o = overlap(c, u.start, u.end);
    if (o > most) {
      most = o;
      best = u.id;
    }
  }
  return best;
}
