import { CholeskyDecomposition, Matrix } from 'ml-matrix';

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares, Cholesky solves via ml-matrix), with the held-out measures the impact score reports:
 * ROC AUC (with its Hanley–McNeil standard error), Brier score and reliability bins. Pure.
 */

/** A fitted model: `p = σ(bias + w · x)` on standardised features. */
export interface LogisticModel {
  bias: number;
  weights: number[];
  /** Feature means and standard deviations used to standardise inputs. */
  means: number[];
  scales: number[];
}

/** Options of {@link fitLogistic}. */
export interface FitOptions {
  /** L2 penalty on the weights (not the bias), in units of the summed log-loss. @default 1 */
  l2?: number;
  /** @default 25 */
  maxIterations?: number;
  /** Stop when the largest Newton step falls below this. @default 1e-6 */
  tolerance?: number;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Fits a model to rows `x` (equal length) and 0/1 labels `y`. */
export function fitLogistic(x: readonly number[][], y: readonly number[], options: FitOptions = {}): LogisticModel {
  const n = x.length;
  if (n === 0 || n !== y.length) throw new RangeError('fitLogistic: need as many labels as rows, and at least one');
  const d = x[0]!.length;
  const means = new Array<number>(d).fill(0), scales = new Array<number>(d).fill(0);
  for (const r of x) for (let j = 0; j < d; j++) means[j]! += r[j]! / n;
  for (const r of x) for (let j = 0; j < d; j++) scales[j]! += (r[j]! - means[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scales[j] = Math.sqrt(scales[j]!) || 1;
  const z = x.map((r) => [1, ...r.map((v, j) => (v - means[j]!) / scales[j]!)]);
  const l2 = options.l2 ?? 1;
  const beta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < (options.maxIterations ?? 25); it++) {
    const hd = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    const g = new Array<number>(d + 1).fill(0);
    for (let i = 0; i < n; i++) {
      const zi = z[i]!;
      const p = sigmoid(dot(beta, zi));
      const w = Math.max(p * (1 - p), 1e-10), e = y[i]! - p;
      for (let a = 0; a <= d; a++) {
        g[a]! += e * zi[a]!;
        const wa = w * zi[a]!, row = hd[a]!;
        for (let b = a; b <= d; b++) row[b]! += wa * zi[b]!;
      }
    }
    for (let a = 0; a <= d; a++) for (let b = 0; b < a; b++) hd[a]![b] = hd[b]![a]!;
    for (let a = 1; a <= d; a++) { hd[a]![a]! += l2; g[a]! -= l2 * beta[a]!; }
    const step = new CholeskyDecomposition(new Matrix(hd)).solve(Matrix.columnVector(g)).to1DArray();
    let biggest = 0;
    for (let a = 0; a <= d; a++) { beta[a]! += step[a]!; biggest = Math.max(biggest, Math.abs(step[a]!)); }
    if (biggest < (options.tolerance ?? 1e-6)) break;
  }
  return { bias: beta[0]!, weights: beta.slice(1), means, scales };
}

/** The model's probability for one row. */
export function predictLogistic(model: LogisticModel, row: readonly number[]): number {
  let s = model.bias;
  for (let j = 0; j < model.weights.length; j++) s += model.weights[j]! * (row[j]! - model.means[j]!) / model.scales[j]!;
  return sigmoid(s);
}

/** ROC AUC: the chance a random positive scores above a random negative (ties count half); null without both classes. */
export function auc(scores: readonly number[], labels: readonly number[]): number | null {
  const order = scores.map((s, i) => ({ s, y: labels[i]! })).sort((a, b) => a.s - b.s);
  let pos = 0, neg = 0, rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.s === order[i]!.s) j++;
    const mid = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) if (order[t]!.y) { pos++; rankSum += mid; } else neg++;
    i = j + 1;
  }
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Hanley–McNeil (1982) standard error of an AUC with `pos` positives and `neg` negatives. */
export function aucStandardError(a: number, pos: number, neg: number): number {
  const q1 = a / (2 - a), q2 = (2 * a * a) / (1 + a);
  return Math.sqrt((a * (1 - a) + (pos - 1) * (q1 - a * a) + (neg - 1) * (q2 - a * a)) / (pos * neg));
}

/** One reliability bin: predictions in [lo, hi), their mean and the observed positive rate. */
export interface ReliabilityBin {
  lo: number;
  hi: number;
  count: number;
  meanPredicted: number | null;
  observed: number | null;
}

/** Reliability (calibration) table over `bins` equal-width bins of predicted probability. */
export function reliabilityBins(probs: readonly number[], labels: readonly number[], bins = 10): ReliabilityBin[] {
  const out = Array.from({ length: bins }, (_, b) => ({ lo: b / bins, hi: (b + 1) / bins, count: 0, sumP: 0, sumY: 0 }));
  probs.forEach((p, i) => { const b = out[Math.min(bins - 1, Math.floor(p * bins))]!; b.count++; b.sumP += p; b.sumY += labels[i]!; });
  return out.map((b) => ({ lo: b.lo, hi: b.hi, count: b.count, meanPredicted: b.count ? b.sumP / b.count : null, observed: b.count ? b.sumY / b.count : null }));
}

/** Mean squared error of probabilities against 0/1 labels. */
export function brierScore(probs: readonly number[], labels: readonly number[]): number {
  return probs.reduce((s, p, i) => s + (p - labels[i]!) ** 2, 0) / Math.max(1, probs.length);
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
