import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Matrix, QrDecomposition, SingularValueDecomposition } from 'ml-matrix';
import { gaussianMatrix } from './dense.js';
import { randomizedSvd } from './randomized-svd.js';
import { CsrBuilder, multiply, type Csr } from './sparse.js';

/** A rows × cols matrix with orthonormal columns (Q of a seeded Gaussian matrix). */
function orthonormal(rows: number, cols: number, seed: number): Matrix {
  const g = gaussianMatrix(rows, cols, seed);
  return new QrDecomposition(new Matrix(Array.from({ length: rows }, (_, i) => Array.from(g.subarray(i * cols, i * cols + cols))))).orthogonalMatrix.subMatrix(0, rows - 1, 0, cols - 1);
}

function toCsr(m: Matrix): Csr {
  const b = new CsrBuilder(m.columns);
  for (let i = 0; i < m.rows; i++) {
    const cols: number[] = [];
    const weights: number[] = [];
    for (let j = 0; j < m.columns; j++) if (m.get(i, j) !== 0) { cols.push(j); weights.push(m.get(i, j)); }
    b.addRow({ cols: Int32Array.from(cols), weights: Float32Array.from(weights), length: cols.length });
  }
  return b.build();
}

function rightMatrix(v: Float32Array, rows: number, k: number): Matrix {
  return new Matrix(Array.from({ length: rows }, (_, i) => Array.from(v.subarray(i * k, i * k + k))));
}

/** A = U diag(s) Vᵀ with known singular values. */
function lowRank(rows: number, cols: number, s: number[]): Matrix {
  const u = orthonormal(rows, s.length, 1);
  const v = orthonormal(cols, s.length, 2);
  return u.mulRowVector(s).mmul(v.transpose());
}

describe('randomizedSvd', () => {
  const sigma = [10, 7, 5, 3, 1];
  const a = lowRank(60, 40, sigma);
  const csr = toCsr(a);

  test('recovers the singular values of a known low-rank matrix', () => {
    const svd = randomizedSvd(csr, { rank: 5 });
    sigma.forEach((s, j) => assert.ok(Math.abs(svd.singularValues[j]! - s) < 1e-4 * s, `σ${j + 1} = ${svd.singularValues[j]} ≠ ${s}`));
  });

  test('reconstructs the matrix from its right singular vectors (A ≈ A·V·Vᵀ)', () => {
    const svd = randomizedSvd(csr, { rank: 5 });
    const v = rightMatrix(svd.rightVectors, 40, 5);
    const residual = Matrix.sub(a, a.mmul(v).mmul(v.transpose())).norm('frobenius') / a.norm('frobenius');
    assert.ok(residual < 1e-5, `relative residual ${residual}`);
    const av = rightMatrix(multiply(csr, svd.rightVectors, 5), 60, 5);
    for (let j = 0; j < 5; j++) assert.ok(Math.abs(av.getColumnVector(j).norm() - sigma[j]!) < 1e-3, 'A·vj has length σj');
  });

  test('returns orthonormal columns', () => {
    const svd = randomizedSvd(csr, { rank: 5 });
    const v = rightMatrix(svd.rightVectors, 40, 5);
    const gram = v.transpose().mmul(v);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) assert.ok(Math.abs(gram.get(i, j) - (i === j ? 1 : 0)) < 1e-5, `VᵀV[${i},${j}] = ${gram.get(i, j)}`);
  });

  test('asking for more than the rank gives zero singular values and zero columns, not NaN', () => {
    const svd = randomizedSvd(csr, { rank: 8 });
    assert.ok(svd.singularValues.slice(5).every((s) => s < 1e-6));
    assert.ok(svd.rightVectors.every(Number.isFinite));
    const v = rightMatrix(svd.rightVectors, 40, 8);
    for (let j = 5; j < 8; j++) assert.ok(v.getColumnVector(j).norm() < 1e-3);
  });

  test('matches a full SVD on a sparse full-rank matrix with a decaying spectrum', () => {
    const m = lowRank(80, 50, Array.from({ length: 30 }, (_, i) => 20 * 0.85 ** i));
    for (let i = 0; i < 80; i++) for (let j = 0; j < 50; j++) if ((i * 7 + j * 3) % 5 === 0) m.set(i, j, 0);
    const exact = new SingularValueDecomposition(m).diagonal;
    const svd = randomizedSvd(toCsr(m), { rank: 8, powerIterations: 2 });
    for (let j = 0; j < 8; j++) assert.ok(Math.abs(svd.singularValues[j]! - exact[j]!) < 0.01 * exact[j]!, `σ${j + 1}: ${svd.singularValues[j]} vs ${exact[j]}`);
  });

  test('is deterministic for a seed, and the seed only changes round-off', () => {
    const one = randomizedSvd(csr, { rank: 5, seed: 7 });
    assert.deepEqual(randomizedSvd(csr, { rank: 5, seed: 7 }).rightVectors, one.rightVectors);
    const other = randomizedSvd(csr, { rank: 5, seed: 8 });
    for (let i = 0; i < one.rightVectors.length; i++) assert.ok(Math.abs(other.rightVectors[i]! - one.rightVectors[i]!) < 1e-4, 'signs are fixed, so vectors agree');
  });
});
