import type BetterSqlite3 from 'better-sqlite3';

/** Rows per multi-row statement: 200 rows × up to 16 columns stays far below SQLite's 32,766 variables. */
const CHUNK = 200;

/**
 * Multi-row INSERTs with prepared statements cached per row count, so a batch of thousands
 * of rows costs a few dozen statement executions instead of one per row.
 */
export class MultiRowInsert {
  readonly #db: BetterSqlite3.Database;
  readonly #head: string;
  readonly #tail: string;
  readonly #row: string;
  readonly #width: number;
  readonly #cache = new Map<number, BetterSqlite3.Statement>();

  /** `INSERT INTO table (columns) VALUES … suffix`; `suffix` is e.g. `ON CONFLICT DO NOTHING`. */
  constructor(db: BetterSqlite3.Database, table: string, columns: readonly string[], suffix = '') {
    this.#db = db;
    this.#head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.#tail = suffix ? ` ${suffix}` : '';
    this.#row = `(${columns.map(() => '?').join(', ')})`;
    this.#width = columns.length;
  }

  /** Inserts `flat` (row-major values, `columns.length` per row); returns rows changed. */
  run(flat: unknown[]): number {
    const rows = flat.length / this.#width;
    let changed = 0;
    for (let r = 0; r < rows; r += CHUNK) {
      const n = Math.min(CHUNK, rows - r);
      changed += this.#stmt(n).run(flat.slice(r * this.#width, (r + n) * this.#width)).changes;
    }
    return changed;
  }

  #stmt(n: number): BetterSqlite3.Statement {
    let s = this.#cache.get(n);
    if (!s) {
      s = this.#db.prepare(this.#head + Array.from({ length: n }, () => this.#row).join(', ') + this.#tail);
      this.#cache.set(n, s);
    }
    return s;
  }
}

/** Runs `SELECT … WHERE column IN (…)` over `values` in chunks, with statements cached per size. */
export class ChunkedLookup<R> {
  readonly #db: BetterSqlite3.Database;
  readonly #sql: (placeholders: string) => string;
  readonly #cache = new Map<number, BetterSqlite3.Statement>();

  /** `sql` receives the placeholder list (`?, ?, ?`) to put inside `IN (…)`. */
  constructor(db: BetterSqlite3.Database, sql: (placeholders: string) => string) {
    this.#db = db;
    this.#sql = sql;
  }

  /** All rows matching any of `values`. */
  all(values: readonly unknown[]): R[] {
    const out: R[] = [];
    for (let i = 0; i < values.length; i += 500) {
      const part = values.slice(i, i + 500);
      let s = this.#cache.get(part.length);
      if (!s) {
        s = this.#db.prepare(this.#sql(part.map(() => '?').join(', ')));
        this.#cache.set(part.length, s);
      }
      for (const r of s.all(part) as R[]) out.push(r);
    }
    return out;
  }
}
