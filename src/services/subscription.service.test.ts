import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testBackends, type TestStore } from '../../test/support/test-store.js';
import { subscribePending } from './subscription.service.js';

/** Pending subscriptions on SQLite and PostgreSQL: validation, case-insensitive idempotency. */
const backends = await testBackends();
const NOW = new Date('2026-03-01T12:00:00Z');

for (const backend of backends) {
  describe(`subscribePending: ${backend.name}`, { skip: backend.skip }, () => {
    let t: TestStore;
    before(async () => { t = await backend.create(); });
    after(async () => { await t?.dispose(); });

    test('the first sign-up of an address is new; any later spelling of it is not, and changes nothing', async () => {
      assert.deepEqual(await subscribePending(t.store, '  Grace.Hopper@Example.ORG ', ['cs.PL', 'cs.SE', 'cs.PL'], NOW), { status: 'pending', new: true });
      assert.deepEqual(await subscribePending(t.store, 'grace.hopper@example.org', ['cs.LG'], new Date('2026-04-01T00:00:00Z')), { status: 'pending', new: false });
      assert.deepEqual(await subscribePending(t.store, 'GRACE.HOPPER@EXAMPLE.ORG', [], NOW), { status: 'pending', new: false });
      assert.deepEqual(await t.store.subscriptions.findByEmail('grace.hopper@example.org'),
        { email: 'Grace.Hopper@Example.ORG', categories: ['cs.PL', 'cs.SE'], status: 'pending', createdAt: NOW.toISOString() });
      assert.deepEqual(await subscribePending(t.store, 'ada@example.org', [], NOW), { status: 'pending', new: true });
    });

    test('a bad address or an unknown category is a ValidationError naming the field, and stores nothing', async () => {
      for (const email of ['', 'nope', 'a@b', 'two@@example.org', 'spaces in@example.org', `${'x'.repeat(250)}@example.org`]) {
        await assert.rejects(subscribePending(t.store, email, [], NOW), { code: 'invalid_input', status: 400, field: 'email' }, email);
      }
      await assert.rejects(subscribePending(t.store, 'new@example.org', ['cs.LG', 'cs.XX'], NOW), { code: 'invalid_input', field: 'categories' });
      assert.equal(await t.store.subscriptions.findByEmail('new@example.org'), undefined);
    });
  });
}
