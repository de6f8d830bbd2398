import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalize } from '../embedder.js';
import { exactTopK, nearestExact } from './exact.js';

test('exactTopK over dataset slices agrees with brute force, nearest first', () => {
  const d = 12;
  let s = 7;
  const rnd = () => { s = (s + 0x6d2b79f5) | 0; let t = Math.imul(s ^ (s >>> 15), 1 | s); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5; };
  const rows = Array.from({ length: 500 }, () => normalize(Float32Array.from({ length: d }, rnd)));
  const queries = Array.from({ length: 20 }, () => normalize(Float32Array.from({ length: d }, rnd)));
  const flat = (vs: Float32Array[]) => { const m = new Float32Array(vs.length * d); vs.forEach((v, i) => m.set(v, i * d)); return m; };
  const stored = rows.map((vector, paperId) => ({ paperId, vector }));
  const want = queries.map((q) => nearestExact(stored, q, 10).map((h) => h.key));
  assert.deepEqual(exactTopK(flat(rows), flat(queries), d, 10, { sliceRows: 37 }), want);
  assert.deepEqual(exactTopK(flat(rows), flat(queries), d, 10), want);
  assert.deepEqual(exactTopK(flat(rows.slice(0, 4)), flat(queries.slice(0, 1)), d, 3, { sliceRows: 3 }), [nearestExact(stored.slice(0, 4), queries[0]!, 3).map((h) => h.key)]);
});
