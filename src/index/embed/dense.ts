import { seededRandom } from '../../core/random.js';
import { CholeskyDecomposition, EigenvalueDecomposition, inverse, Matrix } from 'ml-matrix';

/**
 * Dense helpers for the randomized SVD. Tall matrices (rows × l, l ≈ 266) are row-major
 * Float32Arrays handled by the tight loops here, with sums accumulated in doubles; the small
 * l × l steps (products, eigen-decompositions) are ml-matrix Matrices.
 */

/** A rows × cols matrix of standard normal values (Box–Muller over {@link seededRandom}). */
export function gaussianMatrix(rows: number, cols: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < out.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - random()));
    const t = 2 * Math.PI * random();
    out[i] = r * Math.cos(t);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

/**
 * Adds Σ x[i]ᵀ y[i] over rows `from … to - 1` (upper triangle only) into `g`: four rows and
 * two result rows per pass, so each load of y serves eight multiply-adds.
 */
function crossRows(x: Float32Array, y: Float32Array, from: number, to: number, l: number, g: Float64Array): void {
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const o0 = i * l, o1 = o0 + l, o2 = o1 + l, o3 = o2 + l;
    let a = 0;
    for (; a + 2 <= l; a += 2) {
      const p0 = x[o0 + a]!, p1 = x[o1 + a]!, p2 = x[o2 + a]!, p3 = x[o3 + a]!;
      const q0 = x[o0 + a + 1]!, q1 = x[o1 + a + 1]!, q2 = x[o2 + a + 1]!, q3 = x[o3 + a + 1]!;
      const ga = a * l, gb = ga + l;
      g[ga + a]! += p0 * y[o0 + a]! + p1 * y[o1 + a]! + p2 * y[o2 + a]! + p3 * y[o3 + a]!;
      for (let b = a + 1; b < l; b++) {
        const w0 = y[o0 + b]!, w1 = y[o1 + b]!, w2 = y[o2 + b]!, w3 = y[o3 + b]!;
        g[ga + b]! += p0 * w0 + p1 * w1 + p2 * w2 + p3 * w3;
        g[gb + b]! += q0 * w0 + q1 * w1 + q2 * w2 + q3 * w3;
      }
    }
    if (a < l) crossTail(x, y, i, i + 4, a, l, g);
  }
  crossTail(x, y, i, to, 0, l, g);
}

/** The plain loop of {@link crossRows} for rows `from … to - 1` and result rows `a0 …`. */
function crossTail(x: Float32Array, y: Float32Array, from: number, to: number, a0: number, l: number, g: Float64Array): void {
  for (let i = from; i < to; i++) {
    const o = i * l;
    for (let a = a0; a < l; a++) {
      const xa = x[o + a]!;
      const ga = a * l;
      for (let b = a; b < l; b++) g[ga + b]! += xa * y[o + b]!;
    }
  }
}

/**
 * `Xᵀ Y` for two rows × l matrices whose product is known to be symmetric (a Gram matrix
 * `Xᵀ X`, or `Zᵀ Aᵀ A Z`): only the upper triangle is summed, then mirrored.
 */
export function symmetricCross(x: Float32Array, y: Float32Array, rows: number, l: number): Matrix {
  const g = new Float64Array(l * l);
  crossRows(x, y, 0, rows, l, g);
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) g[a * l + b] = g[b * l + a]!;
  return toMatrix(g, l, l);
}

/**
 * `out = X · M` (X rows × l, M l × c, out rows × c); out may be X itself when c ≤ l. Two rows
 * of X and four of M per pass, so each load of M serves eight multiply-adds. With `upper`, M
 * is upper triangular and the zeros below its diagonal are skipped (half the work).
 */
export function multiplySmall(x: Float32Array, rows: number, l: number, small: Matrix, out: Float32Array = new Float32Array(rows * small.columns), upper = false): Float32Array {
  const c = small.columns;
  const m = toFlat(small);
  const acc0 = new Float64Array(c);
  const acc1 = new Float64Array(c);
  let i = 0;
  for (; i + 2 <= rows; i += 2) {
    acc0.fill(0);
    acc1.fill(0);
    const o = i * l, p = o + l;
    let a = 0;
    for (; a + 4 <= l; a += 4) {
      const x0 = x[o + a]!, x1 = x[o + a + 1]!, x2 = x[o + a + 2]!, x3 = x[o + a + 3]!;
      const y0 = x[p + a]!, y1 = x[p + a + 1]!, y2 = x[p + a + 2]!, y3 = x[p + a + 3]!;
      const m0 = a * c, m1 = m0 + c, m2 = m1 + c, m3 = m2 + c;
      for (let j = upper ? a : 0; j < c; j++) {
        const a0 = m[m0 + j]!, a1 = m[m1 + j]!, a2 = m[m2 + j]!, a3 = m[m3 + j]!;
        acc0[j]! += x0 * a0 + x1 * a1 + x2 * a2 + x3 * a3;
        acc1[j]! += y0 * a0 + y1 * a1 + y2 * a2 + y3 * a3;
      }
    }
    for (; a < l; a++) rowTail(x[o + a]!, x[p + a]!, m, a * c, upper ? a : 0, c, acc0, acc1);
    out.set(acc0, i * c);
    out.set(acc1, (i + 1) * c);
  }
  if (i < rows) {
    acc0.fill(0);
    for (let a = 0; a < l; a++) rowTail(x[i * l + a]!, 0, m, a * c, upper ? a : 0, c, acc0, acc1);
    out.set(acc0, i * c);
  }
  return out;
}

function rowTail(x0: number, y0: number, m: Float64Array, at: number, from: number, c: number, acc0: Float64Array, acc1: Float64Array): void {
  for (let j = from; j < c; j++) {
    acc0[j]! += x0 * m[at + j]!;
    acc1[j]! += y0 * m[at + j]!;
  }
}

/** A small row-major l × l array as an ml-matrix Matrix. */
export function toMatrix(g: Float64Array, rows: number, cols: number): Matrix {
  return new Matrix(Array.from({ length: rows }, (_, a) => Array.from(g.subarray(a * cols, a * cols + cols))));
}

/** An ml-matrix Matrix as a row-major Float64Array. */
export function toFlat(m: Matrix): Float64Array {
  return Float64Array.from(m.to1DArray());
}

/** Eigenvalues (descending) and eigenvectors (same order, as columns) of a small symmetric matrix. */
export function symmetricEigen(g: Matrix): { values: number[]; vectors: Matrix } {
  const evd = new EigenvalueDecomposition(g, { assumeSymmetric: true });
  const raw = evd.realEigenvalues;
  const order = raw.map((_, i) => i).sort((i, j) => raw[j]! - raw[i]! || i - j);
  return { values: order.map((i) => raw[i]!), vectors: evd.eigenvectorMatrix.subMatrixColumn(order) };
}

/** Relative size below which an eigenvalue counts as zero (its direction is dropped). */
export const RANK_TOLERANCE = 1e-10;

/**
 * For a Gram matrix `G = Yᵀ Y`, the matrix `M = W Λ^-1/2` (directions with a zero eigenvalue
 * get a zero column), so `Y · M` has orthonormal (or zero) columns spanning Y's range.
 * Rank-deficient input is fine, unlike a Cholesky factorisation.
 */
export function orthonormalizer(g: Matrix): Matrix {
  const { values, vectors } = symmetricEigen(g);
  const floor = Math.max(values[0] ?? 0, 0) * RANK_TOLERANCE;
  return vectors.mulRowVector(values.map((v) => (v > floor ? 1 / Math.sqrt(v) : 0)));
}

/** Smallest ratio of Cholesky pivots (min / max diagonal of L) accepted; below it the eigen route is used. */
const PIVOT_RATIO = 1e-6;

/**
 * Like {@link orthonormalizer}, but from a Cholesky factorisation `G = Rᵀ R` when G is
 * comfortably positive definite: `M = R^-1` is upper triangular, so applying it costs half as
 * much. Falls back to the eigen route (full M) for singular or ill-conditioned G.
 */
export function triangularOrthonormalizer(g: Matrix): { m: Matrix; upper: boolean } {
  const cholesky = new CholeskyDecomposition(g);
  if (cholesky.isPositiveDefinite()) {
    const lower = cholesky.lowerTriangularMatrix;
    const diagonal = lower.diag();
    if (Math.min(...diagonal) > PIVOT_RATIO * Math.max(...diagonal)) {
      const m = inverse(lower.transpose());
      for (let a = 1; a < m.rows; a++) for (let b = 0; b < a; b++) m.set(a, b, 0);
      return { m, upper: true };
    }
  }
  return { m: orthonormalizer(g), upper: false };
}
