/**
 * PAN 2013 scoring for fits that replay many variations of one stage (`edge-split.ts`, `reclaim.ts`, `shred.ts`):
 * each pair's gold read once, each variation's per-pair character scores kept, and the sub-corpus figures of any
 * subset of pairs (a cross-validation fold) taken from them without comparing again. `scorePan` counts the same way.
 */
import type { Claim } from '../../src/core/types.js';
import type { PanPair } from './corpora.js';

/** Per-pair character precision and recall of the rewrite's aligned claims against the reused passages. */
export interface PairScore {
  precision: number;
  recall: number;
}
/** Figures per sub-corpus: macro precision and recall over its pairs, and the F1 of those means. */
export type Figures = Record<string, PairScore & { f1: number }>;

/** A pair's reused characters (1) and other non-space characters (0); -1 for whitespace, which is not scored. */
export function panGold(p: PanPair): Int8Array {
  const g = new Int8Array(p.suspicious.length);
  for (let i = 0; i < g.length; i++) g[i] = /\s/.test(p.suspicious[i]!) ? -1 : 0;
  for (const [s, e] of p.cases) for (let i = s; i < e; i++) if (g[i]! >= 0) g[i] = 1;
  return g;
}

/** Character precision and recall of the aligned (kept or paraphrased) claims of the rewrite against `gold`. */
export function pairScore(gold: Int8Array, claims: readonly Claim[]): PairScore {
  const pred = new Uint8Array(gold.length);
  for (const c of claims) if (c.status === 'kept' || c.status === 'paraphrased') pred.fill(1, c.start, c.end);
  let g = 0,
    q = 0,
    both = 0;
  for (let i = 0; i < gold.length; i++) {
    if (gold[i]! < 0) continue;
    g += gold[i]!;
    q += pred[i]!;
    both += gold[i]! & pred[i]!;
  }
  return { precision: q ? both / q : 0, recall: g ? both / g : 0 };
}

/** Sub-corpus figures of the pairs `keep` picks, from their scores (`scores[k]` is `pairs[k]`'s). */
export function subcorpusFigures(pairs: PanPair[], scores: PairScore[], keep: (k: number) => boolean): Figures {
  const acc: Record<string, { n: number; precision: number; recall: number; f1: number }> = {};
  scores.forEach((x, k) => {
    if (!keep(k)) return;
    const a = (acc[pairs[k]!.sub] ??= { n: 0, precision: 0, recall: 0, f1: 0 });
    a.n++;
    a.precision += x.precision;
    a.recall += x.recall;
  });
  const out: Figures = {};
  for (const [sub, a] of Object.entries(acc)) {
    const precision = a.precision / a.n,
      recall = a.recall / a.n;
    out[sub] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  }
  return out;
}

/** The mean F1 over sub-corpora: what a fit maximises (each sub-corpus counts once, whatever its size). */
export function meanF1(f: Figures): number {
  const v = Object.values(f);
  return v.reduce((a, x) => a + x.f1, 0) / v.length;
}

/** A share as a percentage with one decimal. */
export const pct = (x: number) => (100 * x).toFixed(1);

/** One line of figures for a report: `no-obfuscation 93.5 (P 90.4 R 96.8) · …`. */
export const figuresRow = (f: Figures) =>
  Object.entries(f)
    .map(([s, v]) => `${s.slice(3)} ${pct(v.f1)} (P ${pct(v.precision)} R ${pct(v.recall)})`)
    .join(' · ');

/** A function of a variation computed once per variation object (the grids hold each variation once). */
export function perVariation<T, V>(f: (t: T) => V): (t: T) => V {
  const m = new Map<T, V>();
  return (t) => {
    let v = m.get(t);
    if (v === undefined) m.set(t, (v = f(t)));
    return v;
  };
}
