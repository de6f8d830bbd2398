import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorKey, decodeTexName, joinNameParts, splitAuthorList } from './author-name.js';

test('TeX accents and letters decode, in and out of braces', () => {
  assert.equal(decodeTexName("P\\'eter E. Frenkel"), 'Péter E. Frenkel');
  assert.equal(decodeTexName('R. Tom\\`as'), 'R. Tomàs');
  assert.equal(decodeTexName('{\\"O}zg\\"{u}r \\v{S}ar'), 'Özgür Šar');
  assert.equal(decodeTexName('Mikkel {\\O}bro'), 'Mikkel Øbro');
  assert.equal(decodeTexName('Gro{\\ss}e'), 'Große');
  assert.equal(decodeTexName('J\\{=}anis'), 'Jānis');
  assert.equal(decodeTexName('Plain Name'), 'Plain Name');
});

test('keys fold accents and case, reorder "Family, Given", and keep given names apart', () => {
  assert.equal(authorKey('Milad Kazemi'), 'milad-kazemi');
  assert.equal(authorKey('Kazemi, Milad'), 'milad-kazemi');
  assert.equal(authorKey('C.-P. Yuan'), 'c-p-yuan');
  assert.equal(authorKey('Zoë Ångström'), 'zoe-angstrom');
  assert.equal(authorKey('Łukasz Øbro'), 'lukasz-obro');
  assert.equal(authorKey("Bal\\'azs"), 'balazs');
  assert.notEqual(authorKey('Mehran Kazemi'), authorKey('Milad Kazemi'));
  assert.equal(authorKey('Martin Luther King, Jr.'), 'martin-luther-king-jr');
  assert.equal(authorKey(';'), '');
});

test('author lists split on commas, "and", the serial comma, and drop "et al."', () => {
  assert.deepEqual(splitAuthorList('C. Itzykson and J.-B. Zuber'), ['C. Itzykson', 'J.-B. Zuber']);
  assert.deepEqual(splitAuthorList('A. One, B. Two, and C. Three'), ['A. One', 'B. Two', 'C. Three']);
  assert.deepEqual(splitAuthorList('A. One (MIT), B. Two (CERN, Geneva)'), ['A. One', 'B. Two']);
  assert.deepEqual(splitAuthorList('A. One, B. Two, et al.'), ['A. One', 'B. Two']);
  assert.deepEqual(splitAuthorList('J. Smith, Jr. and A. Etal'), ['J. Smith, Jr.', 'A. Etal']);
  assert.equal(joinNameParts('Balázs', 'C.', ''), 'C. Balázs');
});
