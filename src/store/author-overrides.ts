import type { AuthorName } from '../core/paper.js';
import type { PreparedRecord } from './paper-row.js';

/**
 * Admin author-identity overrides (migration 0006, `author_key_overrides`) that ingest applies
 * when it writes authorships, so a merge or split survives a re-ingest of the paper. A row with
 * no `arxiv_id` is an alias (a merge: every authorship keyed `from_key` becomes `to_key`); a row
 * with one applies to that paper only (a split). Rows replay in id order, like the log.
 */

/** One `author_key_overrides` row as the batch writers read it. */
export interface OverrideRow {
  id: number;
  from_key: string;
  to_key: string;
  arxiv_id: string | null;
}

/** The query both batch writers run once per batch (the table holds only admin changes, so it is small). */
export const OVERRIDES_SQL = 'SELECT id, from_key, to_key, arxiv_id FROM author_key_overrides ORDER BY id';

/** Resolves a name key on a paper through the overrides, in the order they were made. */
export class AuthorOverrides {
  readonly #byFrom = new Map<string, OverrideRow[]>();

  /** @param rows Override rows, any order. */
  constructor(rows: readonly OverrideRow[]) {
    for (const r of [...rows].sort((a, b) => Number(a.id) - Number(b.id))) {
      const list = this.#byFrom.get(r.from_key) ?? this.#byFrom.set(r.from_key, []).get(r.from_key)!;
      list.push(r);
    }
  }

  /** Whether there is nothing to apply. */
  get empty(): boolean {
    return this.#byFrom.size === 0;
  }

  /** The key an authorship keyed `key` on `arxivId` gets after every override made since. */
  resolve(arxivId: string, key: string): string {
    let cur = key, after = 0;
    for (let hops = 0; hops < 1000; hops++) {
      const next = this.#byFrom.get(cur)?.find((r) => Number(r.id) > after && (r.arxiv_id === null || r.arxiv_id === arxivId));
      if (!next) return cur;
      cur = next.to_key;
      after = Number(next.id);
    }
    return cur;
  }

  /** A paper's authors with their keys resolved (the same array when nothing changes). */
  authors(arxivId: string, authors: AuthorName[]): AuthorName[] {
    if (this.empty) return authors;
    return authors.map((a) => {
      const key = this.resolve(arxivId, a.key);
      return key === a.key ? a : { ...a, key };
    });
  }
}

/** Batch rows with each record's author keys resolved through `rows` (the input itself when there are none). */
export function withOverrides<T extends [PreparedRecord, number]>(rows: readonly OverrideRow[], batch: T[]): T[] {
  if (rows.length === 0) return batch;
  const o = new AuthorOverrides(rows);
  return batch.map(([p, id]) => [{ ...p, record: { ...p.record, authors: o.authors(p.record.arxivId, p.record.authors) } }, id] as T);
}
