import { authorKey } from '../core/author-name.js';
import { ValidationError } from '../core/errors.js';
import { AuthorOverrides } from '../store/author-overrides.js';
import { disjointGroups } from '../rank/author-groups.js';
import { withNoveltyTables, type NoveltyDb } from '../store/novelty-impact.tables.js';
import type { Store } from '../store/store.js';

/**
 * Author identity beyond the normalised name key: admin merges and splits that rewrite the
 * authorships' `author_key` (so profile, counts and h-index follow at once), each logged in
 * `author_identity_log` with exactly the rows it changed so it can be reverted; and a suggested
 * split of a key whose papers fall into groups with disjoint co-authors and categories.
 * Materialised per-author metrics must be recomputed for the keys each change returns.
 * Each merge and split also records `author_key_overrides` rows (migration 0006) that ingest
 * applies when it rewrites a paper's authorships, so the change survives a re-ingest; a revert
 * deletes them and moves back every authorship they produced, including later ingests'.
 */

/** One authorship moved by a change: (paper, position) and its key before. */
interface MovedRow { paperId: number; position: number; from: string; to: string }

/** The result of a merge, split or revert: the log entry and every author key whose metrics changed. */
export interface IdentityChange {
  logId: number;
  moved: number;
  affectedKeys: string[];
}

/** Merges `sources` into `target`: their authorships take the target key; ORCID/S2 ids carry over when the target has none. */
export async function mergeAuthors(store: Store, target: string, sources: readonly string[], actor: string, now = new Date()): Promise<IdentityChange> {
  const from = [...new Set(sources)].filter((k) => k !== target);
  if (from.length === 0) throw new ValidationError('authors merge', 'give at least one key other than the target');
  await mustExist(store, [target, ...from]);
  return store.db.transaction().execute(async (trx) => {
    const db = withNoveltyTables(trx);
    const rows = await db.selectFrom('paper_authors').select(['paper_id', 'position', 'author_key']).where('author_key', 'in', from).execute();
    const moved = rows.map((r) => ({ paperId: Number(r.paper_id), position: Number(r.position), from: r.author_key, to: target }));
    const ids = await db.selectFrom('authors').select(['orcid', 's2_author_id']).where('key', 'in', from).execute();
    const t = await db.selectFrom('authors').select(['orcid', 's2_author_id']).where('key', '=', target).executeTakeFirstOrThrow();
    const orcid = t.orcid ?? ids.find((r) => r.orcid)?.orcid ?? null, s2 = t.s2_author_id ?? ids.find((r) => r.s2_author_id)?.s2_author_id ?? null;
    await db.updateTable('authors').set({ orcid, s2_author_id: s2 }).where('key', '=', target).execute();
    const change = await apply(db, 'merge', actor, now, moved, { target, sources: from, before: { orcid: t.orcid, s2AuthorId: t.s2_author_id } });
    await db.insertInto('author_key_overrides').values(from.map((k) => ({ log_id: change.logId, from_key: k, to_key: target, arxiv_id: null }))).execute();
    return change;
  });
}

/** Moves the authorships of `paperIds` (arXiv ids) under `key` to `newKey` (default `<key>~N`), named like the original. */
export async function splitAuthor(store: Store, key: string, paperIds: readonly string[], actor: string, opts: { newKey?: string; now?: Date } = {}): Promise<IdentityChange & { newKey: string }> {
  await mustExist(store, [key]);
  return store.db.transaction().execute(async (trx) => {
    const db = withNoveltyTables(trx);
    const rows = await db.selectFrom('paper_authors').innerJoin('papers', 'papers.id', 'paper_authors.paper_id')
      .select(['paper_authors.paper_id as paper_id', 'paper_authors.position as position', 'papers.arxiv_id as arxiv_id'])
      .where('paper_authors.author_key', '=', key).where('papers.arxiv_id', 'in', paperIds.length ? [...paperIds] : ['']).execute();
    const missing = paperIds.filter((id) => !rows.some((r) => r.arxiv_id === id));
    if (missing.length) throw new ValidationError('authors split', `not papers of ${key}: ${missing.join(', ')}`);
    let newKey = opts.newKey;
    for (let n = 2; !newKey; n++) if (!(await db.selectFrom('authors').select('key').where('key', '=', `${key}~${n}`).executeTakeFirst())) newKey = `${key}~${n}`;
    const name = (await db.selectFrom('authors').select('name').where('key', '=', key).executeTakeFirstOrThrow()).name;
    await db.insertInto('authors').values({ key: newKey, name, orcid: null, s2_author_id: null }).onConflict((oc) => oc.column('key').doNothing()).execute();
    const moved = rows.map((r) => ({ paperId: Number(r.paper_id), position: Number(r.position), from: key, to: newKey! }));
    const change = await apply(db, 'split', actor, opts.now ?? new Date(), moved, { key, newKey, papers: paperIds });
    const overrides = [...new Set(rows.map((r) => r.arxiv_id))].map((a) => ({ log_id: change.logId, from_key: key, to_key: newKey!, arxiv_id: a }));
    if (overrides.length) await db.insertInto('author_key_overrides').values(overrides).execute();
    return { ...change, newKey };
  });
}

/** Reverts a logged merge or split (moves its rows back); the revert is logged too. */
export async function revertIdentityChange(store: Store, logId: number, actor: string, now = new Date()): Promise<IdentityChange> {
  return store.db.transaction().execute(async (trx) => {
    const db = withNoveltyTables(trx);
    const entry = await db.selectFrom('author_identity_log').selectAll().where('id', '=', logId).executeTakeFirst();
    if (!entry) throw new ValidationError('authors revert', `no identity change #${logId}`);
    if (entry.reverted_by !== null) throw new ValidationError('authors revert', `#${logId} was already reverted by #${entry.reverted_by}`);
    const logged = (JSON.parse(entry.detail) as { moved: MovedRow[] }).moved.map((m) => ({ ...m, from: m.to, to: m.from }));
    await db.deleteFrom('author_key_overrides').where('log_id', '=', logId).execute();
    const moved = await revertRows(db, logged);
    const change = await apply(db, 'revert', actor, now, moved, { reverts: logId });
    await db.updateTable('author_identity_log').set({ reverted_by: change.logId }).where('id', '=', logId).execute();
    return change;
  });
}

/** The identity log, newest first. */
export async function identityLog(store: Store, limit = 50): Promise<{ id: number; at: string; actor: string; action: string; detail: unknown; revertedBy: number | null }[]> {
  const rows = await withNoveltyTables(store.db).selectFrom('author_identity_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: Number(r.id), at: r.at, actor: r.actor, action: r.action, detail: JSON.parse(r.detail), revertedBy: r.reverted_by === null ? null : Number(r.reverted_by) }));
}

/** Groups of a key's papers (arXiv ids) with pairwise disjoint co-authors and categories; one group means no split is suggested. */
export async function suggestSplit(store: Store, key: string): Promise<string[][]> {
  const rows = await store.db.selectFrom('paper_authors as mine').innerJoin('papers', 'papers.id', 'mine.paper_id')
    .leftJoin('paper_authors as other', (j) => j.onRef('other.paper_id', '=', 'mine.paper_id').on('other.author_key', '<>', key))
    .select(['papers.id as id', 'papers.arxiv_id as arxiv', 'other.author_key as co']).where('mine.author_key', '=', key).execute();
  const cats = await store.db.selectFrom('paper_categories').select(['paper_id', 'category'])
    .where('paper_id', 'in', rows.length ? [...new Set(rows.map((r) => Number(r.id)))] : [-1]).execute();
  const papers = new Map<number, { id: number; arxiv: string; coauthors: string[]; categories: string[] }>();
  for (const r of rows) {
    const p = papers.get(Number(r.id)) ?? papers.set(Number(r.id), { id: Number(r.id), arxiv: r.arxiv, coauthors: [], categories: [] }).get(Number(r.id))!;
    if (r.co) p.coauthors.push(r.co);
  }
  for (const c of cats) papers.get(Number(c.paper_id))?.categories.push(c.category);
  return disjointGroups([...papers.values()]).map((g) => g.map((id) => papers.get(id)!.arxiv).sort());
}

/**
 * The authorships a revert moves, once the change's overrides are deleted: its logged rows that
 * still hold the key the change gave them, and any other authorship under that key or a key a
 * later override carried it on to (a re-ingest or a later merge) whose key ingest would now
 * write differently; each of those goes to its name key resolved through the remaining overrides.
 */
async function revertRows(db: NoveltyDb, logged: MovedRow[]): Promise<MovedRow[]> {
  const rows = await db.selectFrom('author_key_overrides').select(['id', 'from_key', 'to_key', 'arxiv_id']).execute();
  const overrides = new AuthorOverrides(rows);
  const keys = new Set(logged.map((m) => m.from));
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) if (keys.has(r.from_key) && !keys.has(r.to_key)) { keys.add(r.to_key); grew = true; }
  }
  if (keys.size === 0) return [];
  const current = await db.selectFrom('paper_authors').innerJoin('papers', 'papers.id', 'paper_authors.paper_id')
    .select(['paper_authors.paper_id as paper_id', 'paper_authors.position as position', 'paper_authors.author_key as key', 'paper_authors.name as name', 'papers.arxiv_id as arxiv'])
    .where('paper_authors.author_key', 'in', [...keys]).execute();
  const byPos = new Map(current.map((r) => [`${r.paper_id}:${r.position}`, r]));
  const still = logged.filter((m) => byPos.get(`${m.paperId}:${m.position}`)?.key === m.from);
  const done = new Set(still.map((m) => `${m.paperId}:${m.position}`));
  const later = current.filter((r) => !done.has(`${r.paper_id}:${r.position}`))
    .map((r) => ({ paperId: Number(r.paper_id), position: Number(r.position), from: r.key, to: overrides.resolve(r.arxiv, authorKey(r.name)) }))
    .filter((m) => m.to !== m.from && m.to !== '');
  return [...still, ...later];
}

async function apply(db: NoveltyDb, action: string, actor: string, now: Date, moved: MovedRow[], detail: object): Promise<IdentityChange> {
  for (const m of moved) {
    await db.updateTable('paper_authors').set({ author_key: m.to }).where('paper_id', '=', m.paperId).where('position', '=', m.position).where('author_key', '=', m.from).execute();
  }
  // Keep the typo-tolerant author lookup pointing at the keys that now hold the papers.
  const pairs = [...new Set(moved.map((m) => `${m.from}\t${m.to}`))].map((p) => p.split('\t') as [string, string]);
  for (const [from, to] of pairs) {
    const surnames = await db.selectFrom('author_surnames').select('surname').where('author_key', '=', from).execute();
    if (surnames.length) await db.insertInto('author_surnames').values(surnames.map((s) => ({ surname: s.surname, author_key: to }))).onConflict((oc) => oc.columns(['surname', 'author_key']).doNothing()).execute();
    const left = await db.selectFrom('paper_authors').select('paper_id').where('author_key', '=', from).limit(1).executeTakeFirst();
    if (!left) await db.deleteFrom('author_surnames').where('author_key', '=', from).execute();
  }
  const row = await db.insertInto('author_identity_log')
    .values({ at: now.toISOString(), actor, action, detail: JSON.stringify({ ...detail, moved }), reverted_by: null }).returning('id').executeTakeFirstOrThrow();
  return { logId: Number(row.id), moved: moved.length, affectedKeys: [...new Set(moved.flatMap((m) => [m.from, m.to]))].sort() };
}

async function mustExist(store: Store, keys: string[]): Promise<void> {
  const found = new Set((await store.db.selectFrom('authors').select('key').where('key', 'in', keys).execute()).map((r) => r.key));
  const missing = keys.filter((k) => !found.has(k));
  if (missing.length) throw new ValidationError('authors', `unknown author key(s): ${missing.join(', ')}`);
}
