import { gaussianMatrix, multiplySmall, orthonormalizer, RANK_TOLERANCE, symmetricCross, symmetricEigen, triangularOrthonormalizer } from './dense.js';
import { multiplyGram, type Csr } from './sparse.js';

/** Options of {@link randomizedSvd}. */
export interface SvdOptions {
  /** Singular triplets wanted (k). */
  rank: number;
  /** Extra random directions (p); the range finder works with l = k + p. @default 10 */
  oversampling?: number;
  /** Power iterations (q), each re-orthonormalised. @default 1 */
  powerIterations?: number;
  /** Seed of the Gaussian test matrix. @default 42 */
  seed?: number;
  /** Called after each step with (steps done, steps in all). */
  onStep?: (done: number, total: number) => void;
}

/** The top-k right singular vectors and singular values of a sparse matrix. */
export interface TruncatedSvd {
  /** k. */
  rank: number;
  /** σ1 ≥ σ2 ≥ … ≥ σk ≥ 0. */
  singularValues: Float64Array;
  /** cols × k row-major; column j is the j-th right singular vector (zero when σj is 0). */
  rightVectors: Float32Array;
}

/**
 * Truncated SVD of A (rows × cols) by a randomized range finder (Halko, Martinsson & Tropp
 * 2011, Algorithms 4.4 and 5.1), written on the column side so every tall dense matrix is
 * cols × l: with Z = Ω (a seeded Gaussian test matrix), q times T = AᵀA·Z and Z = orth(T);
 * then T = AᵀA·Z, Q = A·Z·M is the orthonormal range basis (M from the Gram matrix ZᵀT = (AZ)ᵀ(AZ)),
 * Bᵀ = AᵀQ = T·M, and the eigen-decomposition of B·Bᵀ = Mᵀ(TᵀT)M = WΛWᵀ gives σ = √λ and
 * the right singular vectors T·M·W·Λ^-1/2. The middle product A·Z is never stored. Signs are
 * fixed so each vector's largest entry is positive.
 */
export function randomizedSvd(a: Csr, options: SvdOptions): TruncatedSvd {
  const k = Math.max(0, Math.min(options.rank, a.rows, a.cols));
  if (k === 0) return { rank: 0, singularValues: new Float64Array(0), rightVectors: new Float32Array(0) };
  const l = Math.min(k + (options.oversampling ?? 10), a.cols);
  const q = options.powerIterations ?? 1;
  const total = 2 * q + 3;
  let done = 0;
  const step = () => options.onStep?.(++done, total);
  const z = gaussianMatrix(a.cols, l, options.seed ?? 42);
  const t = new Float32Array(a.cols * l);
  for (let i = 0; i < q; i++) {
    multiplyGram(a, z, l, t);
    step();
    const { m, upper } = triangularOrthonormalizer(symmetricCross(t, t, a.cols, l));
    multiplySmall(t, a.cols, l, m, z, upper);
    step();
  }
  multiplyGram(a, z, l, t);
  step();
  const m = orthonormalizer(symmetricCross(z, t, a.cols, l));
  const h = m.transpose().mmul(symmetricCross(t, t, a.cols, l)).mmul(m);
  step();
  const { values, vectors } = symmetricEigen(h);
  const floor = Math.max(values[0] ?? 0, 0) * RANK_TOLERANCE;
  const singularValues = Float64Array.from(values.slice(0, k), (v) => (v > floor ? Math.sqrt(v) : 0));
  const scale = Array.from(singularValues, (s) => (s > 0 ? 1 / s : 0));
  const coefficients = m.mmul(vectors.subMatrix(0, l - 1, 0, k - 1)).mulRowVector(scale);
  // Written over z (k ≤ l columns per row), so only two cols × l matrices are ever alive.
  const rightVectors = multiplySmall(t, a.cols, l, coefficients, z).subarray(0, a.cols * k);
  fixSigns(rightVectors, a.cols, k);
  step();
  return { rank: k, singularValues, rightVectors };
}

/** Flips each column of a rows × k matrix so its largest-magnitude entry is positive. */
function fixSigns(v: Float32Array, rows: number, k: number): void {
  for (let j = 0; j < k; j++) {
    let best = 0;
    for (let i = 0; i < rows; i++) if (Math.abs(v[i * k + j]!) > Math.abs(best)) best = v[i * k + j]!;
    if (best < 0) for (let i = 0; i < rows; i++) v[i * k + j] = -v[i * k + j]!;
  }
}
