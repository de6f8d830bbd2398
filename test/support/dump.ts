import { sql } from 'kysely';
import type { Store } from '../../src/store/store.js';

/**
 * A canonical, order-independent dump of everything ingest writes, minus what legitimately
 * differs between two equivalent runs (ingest timestamps, internal ids, run bookkeeping).
 * Two stores with equal dumps hold the same data.
 */
export async function canonicalDump(store: Store): Promise<Record<string, unknown[]>> {
  const q = async (text: string) => (await sql.raw<Record<string, unknown>>(text).execute(store.db)).rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
  return {
    papers: await q(`SELECT arxiv_id, title, abstract, comments, journal_ref, doi, license, report_no, primary_category, published,
      first_listed, latest_version, source_updated, content_hash FROM papers ORDER BY arxiv_id`),
    versions: await q(`SELECT p.arxiv_id, v.version, v.created_at FROM paper_versions v JOIN papers p ON p.id = v.paper_id ORDER BY p.arxiv_id, v.version`),
    authors: await q(`SELECT key, name FROM authors ORDER BY key`),
    authorships: await q(`SELECT p.arxiv_id, a.position, a.author_key, a.name FROM paper_authors a JOIN papers p ON p.id = a.paper_id ORDER BY p.arxiv_id, a.position`),
    categories: await q(`SELECT p.arxiv_id, c.category, c.position FROM paper_categories c JOIN papers p ON p.id = c.paper_id ORDER BY p.arxiv_id, c.position`),
    citations: await q(`SELECT citing, cited, source FROM citations ORDER BY citing, cited, source`),
    counts: await q(`SELECT paper, source, count, retrieved_at FROM citation_counts ORDER BY paper, source`),
  };
}
