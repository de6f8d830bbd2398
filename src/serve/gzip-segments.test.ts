import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { seededRandom } from '../core/random.js';
import { gzipBody, plainBody, segmentBody } from './gzip-segments.js';

const HOLE = '@@hole@@';

function roundTrip(body: string, fill: string): void {
  const s = segmentBody(body, HOLE);
  const expected = body.replaceAll(HOLE, fill);
  assert.equal(plainBody(s, fill).toString('utf8'), expected);
  assert.equal(gunzipSync(Buffer.concat(gzipBody(s, fill))).toString('utf8'), expected);
}

test('a segmented body gunzips to the page with every hole filled', () => {
  roundTrip(`<html>${'<p>Schrödinger — αβγ</p>'.repeat(4000)}<input value="${HOLE}">${'<footer/>'.repeat(10)}</html>`, 'tok3n_-abc');
  roundTrip(`${HOLE}middle${HOLE}`, 'x');
  roundTrip(HOLE, 'only a hole');
  roundTrip('no hole at all', 'unused');
  roundTrip(`${HOLE}${HOLE}${HOLE}`, '');
});

test('random bodies and fills round-trip (seeded)', () => {
  const rand = seededRandom(7);
  const pick = (n: number) => Array.from({ length: n }, () => String.fromCharCode(32 + Math.floor(rand() * 2000))).join('');
  for (let i = 0; i < 50; i++) {
    const pieces = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(Math.floor(rand() * 3000)));
    roundTrip(pieces.join(HOLE), pick(Math.floor(rand() * 60)));
  }
});

test('the compressed body is much smaller than the page, and a hole text over 64 KiB is refused', () => {
  const page = `<main>${'<article class="card">Attention is all you need</article>'.repeat(2000)}${HOLE}</main>`;
  const s = segmentBody(page, HOLE);
  assert.ok(Buffer.concat(gzipBody(s, 'token')).length * 20 < Buffer.byteLength(page));
  assert.throws(() => gzipBody(s, 'x'.repeat(70_000)), /limited to 65535 bytes/);
});
