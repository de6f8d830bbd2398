import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namesCompatible, normaliseOrcid } from './author-identity.js';

test('normaliseOrcid: bare and URL forms to the bare form, check digit verified (X included)', () => {
  assert.equal(normaliseOrcid('https://orcid.org/0000-0002-1825-0097'), '0000-0002-1825-0097');
  assert.equal(normaliseOrcid('orcid.org/0000-0002-1825-0097'), '0000-0002-1825-0097');
  assert.equal(normaliseOrcid(' 0000000218250097 '), '0000-0002-1825-0097');
  assert.equal(normaliseOrcid('https://orcid.org/0000-0002-1694-233x'), '0000-0002-1694-233X');
  assert.equal(normaliseOrcid('0000-0002-1825-0098'), undefined, 'wrong check digit');
  assert.equal(normaliseOrcid('0000-0002-1825'), undefined);
  assert.equal(normaliseOrcid('https://example.org/0000-0002-1825-0097'), undefined);
});

test('namesCompatible: same key, or same surname with initials agreeing with given names', () => {
  assert.ok(namesCompatible('E. Duflo', 'Esther Duflo'));
  assert.ok(namesCompatible('Cynthia Kinnan', 'Cynthia G. Kinnan'));
  assert.ok(namesCompatible('A. M. Turing', 'Alan Turing'));
  assert.ok(namesCompatible('Duflo, Esther', 'Esther Duflo'));
  assert.ok(!namesCompatible('R. Glennerster', 'Esther Duflo'));
  assert.ok(!namesCompatible('Milad Kazemi', 'Mehran Kazemi'));
  assert.ok(!namesCompatible('M. Kazemi', 'Kazemi'), 'a bare surname is not enough');
  assert.ok(!namesCompatible('', 'Esther Duflo'));
});
