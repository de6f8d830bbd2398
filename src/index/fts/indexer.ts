import type { Kysely } from 'kysely';
import type { Store } from '../../store/store.js';
import type { Database } from '../../store/tables.js';
import { clearState, readState, writeState } from '../search-state.js';
import { nameParts, trigrams } from './author-match.js';
import type { RefreshReport } from '../search-index.js';

/**
 * The refresh loop both keyword indexes share: walk the papers changed since the last refresh
 * in id order, a page at a time; hand each page to the engine's writer inside a transaction
 * that also records the author trigrams and the resume cursor. A killed refresh resumes after
 * its last committed page; the watermark (the newest `last_changed_at` seen when the walk
 * began, exclusive) advances only when the walk completes. Ingest stamps each batch with
 * millisecond times, and the CLI and jobs refresh after an ingest, not during one.
 */

/** A paper as the keyword index sees it. */
export interface IndexDoc {
  id: number;
  title: string;
  abstract: string;
  /** Author display names in order. */
  authors: string[];
}

/** Writes one page of documents into an engine's index, inside the given transaction. */
export type PageWriter = (tx: Kysely<Database>, docs: IndexDoc[]) => Promise<void>;

const PAGE = 2000;

interface Progress { target: string; after: number }

/** Indexes every paper changed since the watermark `name`, calling `write` per page. */
export async function refreshChanged(store: Store, name: string, write: PageWriter, onProgress?: (done: number, total: number) => void): Promise<RefreshReport> {
  const db = store.db;
  const since = (await readState(db, `${name}:watermark`)) ?? '';
  const saved = await readState(db, `${name}:progress`);
  const resume: Progress | null = saved ? (JSON.parse(saved) as Progress) : null;
  const top = await db.selectFrom('papers').select((eb) => eb.fn.max('last_changed_at').as('t')).executeTakeFirst();
  const target = resume?.target ?? top?.t ?? null;
  if (target === null) return { indexed: 0, authors: 0 };
  let after = resume?.after ?? 0;
  const total = await countChanged(db, since, after);
  let indexed = 0;
  let authors = 0;
  onProgress?.(0, total);
  for (;;) {
    const docs = await loadPage(db, since, after);
    if (docs.length === 0) break;
    after = docs.at(-1)!.id;
    await db.transaction().execute(async (tx) => {
      await write(tx, docs);
      authors += await writeAuthorGrams(tx, docs.map((d) => d.id));
      await writeState(tx, `${name}:progress`, JSON.stringify({ target, after } satisfies Progress));
    });
    indexed += docs.length;
    onProgress?.(indexed, total);
  }
  await db.transaction().execute(async (tx) => {
    await writeState(tx, `${name}:watermark`, target);
    await clearState(tx, `${name}:progress`);
  });
  return { indexed, authors };
}

async function countChanged(db: Kysely<Database>, since: string, after: number): Promise<number> {
  const row = await db.selectFrom('papers').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', '>', after).where('last_changed_at', '>', since).executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function loadPage(db: Kysely<Database>, since: string, after: number): Promise<IndexDoc[]> {
  const rows = await db.selectFrom('papers').select(['id', 'title', 'abstract'])
    .where('id', '>', after).where('last_changed_at', '>', since).orderBy('id').limit(PAGE).execute();
  if (rows.length === 0) return [];
  const names = await db.selectFrom('paper_authors').select(['paper_id', 'name'])
    .where('paper_id', 'in', rows.map((r) => r.id)).orderBy('paper_id').orderBy('position').execute();
  const byPaper = new Map<number, string[]>();
  for (const n of names) {
    const list = byPaper.get(n.paper_id);
    if (list) list.push(n.name); else byPaper.set(n.paper_id, [n.name]);
  }
  return rows.map((r) => ({ id: r.id, title: r.title, abstract: r.abstract, authors: byPaper.get(r.id) ?? [] }));
}

/**
 * Records the folded surnames of the authors of these papers, and the trigrams of surnames
 * not seen before (surnames repeat far more than authors: Wang, Li, Zhang…, so this writes
 * a fraction of a per-author trigram table). Returns the authors recorded.
 */
async function writeAuthorGrams(tx: Kysely<Database>, paperIds: number[]): Promise<number> {
  const authors = await tx.selectFrom('paper_authors').innerJoin('authors', 'authors.key', 'paper_authors.author_key')
    .select(['authors.key', 'authors.name']).distinct().where('paper_authors.paper_id', 'in', paperIds).execute();
  const rows = authors.map((a) => ({ surname: nameParts(a.name).surname, author_key: a.key })).filter((r) => r.surname.length > 0);
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.insertInto('author_surnames').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.columns(['surname', 'author_key']).doNothing()).execute();
  }
  const surnames = [...new Set(rows.map((r) => r.surname))];
  const known = new Set<string>();
  for (let i = 0; i < surnames.length; i += 1000) {
    const found = await tx.selectFrom('surname_grams').select('surname').distinct()
      .where('gram', 'in', surnames.slice(i, i + 1000).map((s) => `  ${s[0]}`)).where('surname', 'in', surnames.slice(i, i + 1000)).execute();
    for (const f of found) known.add(f.surname);
  }
  const grams = surnames.filter((s) => !known.has(s)).flatMap((surname) => trigrams(surname).map((gram) => ({ gram, surname })));
  for (let i = 0; i < grams.length; i += 1000) {
    await tx.insertInto('surname_grams').values(grams.slice(i, i + 1000)).onConflict((oc) => oc.columns(['gram', 'surname']).doNothing()).execute();
  }
  return rows.length;
}
