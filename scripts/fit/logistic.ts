/**
 * Weighted logistic regression with soft labels (0..1), fitted by Newton's method (IRLS) with an L2 penalty on
 * standardised features, and the measures its cross-validation reports. Small and dependency-free: a dozen features
 * and ~10⁵ rows take a few Newton steps.
 */
export interface Logistic {
  mean: number[];
  scale: number[];
  coef: number[];
  intercept: number;
}

export function fitLogistic(x: Float64Array[], y: number[], w: number[], l2 = 1, steps = 25): Logistic {
  const d = x[0]!.length,
    n = x.length;
  const mean = new Array<number>(d).fill(0),
    scale = new Array<number>(d).fill(0);
  let wt = 0;
  for (let i = 0; i < n; i++) {
    wt += w[i]!;
    for (let j = 0; j < d; j++) mean[j]! += w[i]! * x[i]![j]!;
  }
  for (let j = 0; j < d; j++) mean[j]! /= wt;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) scale[j]! += w[i]! * (x[i]![j]! - mean[j]!) ** 2;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]! / wt) || 1;
  const z = x.map((r) => [1, ...Array.from(r, (v, j) => (v - mean[j]!) / scale[j]!)]);
  const beta = new Array<number>(d + 1).fill(0);
  for (let step = 0; step < steps; step++) {
    const g = new Array<number>(d + 1).fill(0);
    const h = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const zi = z[i]!;
      let s = 0;
      for (let j = 0; j <= d; j++) s += beta[j]! * zi[j]!;
      const p = 1 / (1 + Math.exp(-s)),
        r = w[i]! * (p - y[i]!),
        q = w[i]! * p * (1 - p);
      for (let j = 0; j <= d; j++) {
        g[j]! += r * zi[j]!;
        const hj = h[j]!;
        for (let k = 0; k <= j; k++) hj[k]! += q * zi[j]! * zi[k]!;
      }
    }
    for (let j = 1; j <= d; j++) {
      g[j]! += l2 * beta[j]!;
      h[j]![j]! += l2;
    }
    for (let j = 0; j <= d; j++) for (let k = j + 1; k <= d; k++) h[j]![k] = h[k]![j]!;
    const delta = solve(h, g);
    let moved = 0;
    for (let j = 0; j <= d; j++) {
      beta[j]! -= delta[j]!;
      moved = Math.max(moved, Math.abs(delta[j]!));
    }
    if (moved < 1e-7) break;
  }
  return { mean, scale, coef: beta.slice(1), intercept: beta[0]! };
}

export function predict(m: Logistic, x: Float64Array): number {
  let s = m.intercept;
  for (let j = 0; j < m.coef.length; j++) s += m.coef[j]! * ((x[j]! - m.mean[j]!) / m.scale[j]!);
  return 1 / (1 + Math.exp(-s));
}

/** Gaussian elimination with partial pivoting (h is symmetric positive definite: the penalised Hessian). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length,
    m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / piv;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * out[k]!;
    out[r] = s / (m[r]![r]! || 1e-12);
  }
  return out;
}

/** Area under the ROC curve of scores against labels (a label ≥ 0.5 counts as positive). */
export function auc(score: number[], y: number[]): number {
  const idx = score.map((_, i) => i).sort((a, b) => score[a]! - score[b]!);
  let pos = 0,
    neg = 0,
    rankSum = 0;
  for (let k = 0; k < idx.length; ) {
    let j = k;
    while (j + 1 < idx.length && score[idx[j + 1]!] === score[idx[k]!]) j++;
    for (let t = k; t <= j; t++)
      if (y[idx[t]!]! >= 0.5) {
        pos++;
        rankSum += (k + j) / 2 + 1;
      } else neg++;
    k = j + 1;
  }
  return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : NaN;
}

/** Mean log loss (soft labels). */
export function logLoss(p: number[], y: number[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(1 - 1e-9, Math.max(1e-9, p[i]!));
    s -= y[i]! * Math.log(q) + (1 - y[i]!) * Math.log(1 - q);
  }
  return s / Math.max(1, p.length);
}
