import type { Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { AuthorMatch } from '../search-index.js';
import { nameParts, scoreName, trigrams } from './author-match.js';

/** Most candidate surnames, and authors, scored per lookup. */
const SURNAMES = 50;
const CANDIDATES = 300;

/**
 * Typo- and accent-tolerant author lookup, shared by both keyword indexes: candidate surnames
 * share at least 40% of the queried surname's trigrams; their authors are scored by
 * {@link scoreName} and ranked by score, then by number of papers.
 */
export async function lookupAuthors(db: Kysely<Database>, name: string, limit = 10): Promise<AuthorMatch[]> {
  const query = nameParts(name);
  if (query.surname.length < 2) return [];
  const grams = trigrams(query.surname);
  const surnames = await db.selectFrom('surname_grams').select(['surname', (eb) => eb.fn.countAll<number>().as('n')])
    .where('gram', 'in', grams).groupBy('surname')
    .having((eb) => eb.fn.countAll(), '>=', Math.max(1, Math.ceil(grams.length * 0.4)))
    .orderBy('n', 'desc').orderBy('surname').limit(SURNAMES).execute();
  if (surnames.length === 0) return [];
  const candidates = await db.selectFrom('author_surnames').select('author_key')
    .where('surname', 'in', surnames.map((s) => s.surname)).limit(CANDIDATES * 20).execute();
  const keys = candidates.map((c) => c.author_key);
  if (keys.length === 0) return [];
  const names = await db.selectFrom('authors').select(['key', 'name']).where('key', 'in', keys).execute();
  const scored = names.map((a) => ({ key: a.key, name: a.name, score: scoreName(query, a.name) })).filter((a) => a.score > 0);
  if (scored.length === 0) return [];
  const counts = await db.selectFrom('paper_authors').select(['author_key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('author_key', 'in', scored.map((s) => s.key)).groupBy('author_key').execute();
  const papers = new Map(counts.map((c) => [c.author_key, Number(c.n)]));
  return scored.map((s) => ({ ...s, papers: papers.get(s.key) ?? 0 }))
    .sort((a, b) => b.score - a.score || b.papers - a.papers || a.key.localeCompare(b.key))
    .slice(0, limit);
}
