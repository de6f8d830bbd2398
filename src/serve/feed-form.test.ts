import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../core/errors.js';
import { feedFormRedirect, parseFeedForm } from './feed-form.js';

test('each submit button picks its own field', () => {
  const q = { date: '2025-03-18', week: '2025-W12', month: '2025-03', category: 'cs.LG' };
  assert.equal(feedFormRedirect({ ...q, kind: 'daily' }), '/daily/2025-03-18?category=cs.LG');
  assert.equal(feedFormRedirect({ ...q, kind: 'weekly' }), '/weekly/2025-W12?category=cs.LG');
  assert.equal(feedFormRedirect({ ...q, kind: 'monthly', category: '' }), '/monthly/2025-03');
});

test('an empty field means the latest period; no kind means daily', () => {
  assert.equal(feedFormRedirect({ kind: 'weekly', week: '' }), '/weekly');
  assert.equal(feedFormRedirect({}), '/');
});

test('bad input is a ValidationError naming the field', () => {
  const bad: [Record<string, string>, string][] = [
    [{ kind: 'yearly' }, 'kind'],
    [{ kind: 'daily', date: '2025-02-30' }, 'date'],
    [{ kind: 'weekly', week: '2025-W54' }, 'week'],
    [{ kind: 'monthly', month: '2025-13' }, 'month'],
    [{ kind: 'daily', date: '//evil.example' }, 'date'],
    [{ category: 'cs.NOPE' }, 'category'],
  ];
  for (const [query, field] of bad) {
    assert.throws(() => parseFeedForm(query), (err: unknown) => err instanceof ValidationError && err.field === field, JSON.stringify(query));
  }
});

test('leap days and 53-week years are real periods', () => {
  assert.equal(feedFormRedirect({ kind: 'daily', date: '2024-02-29' }), '/daily/2024-02-29');
  assert.equal(feedFormRedirect({ kind: 'weekly', week: '2026-W53' }), '/weekly/2026-W53');
  assert.throws(() => parseFeedForm({ kind: 'weekly', week: '2025-W53' }), ValidationError);
});
