// @ts-check
// The ingest floor: the least work any snapshot ingest must do on a backend. Stream-reads the
// JSON-lines file (fs.createReadStream + readline, as the CLI's line reader does), JSON.parses
// each line, and inserts (id, title, abstract, authors, categories, comments, first_listed) as
// text into a table with no indexes and no primary key, 2000 rows per transaction.
//
//   node bench/floor.mjs sqlite   <file.jsonl> <database file>
//   node bench/floor.mjs postgres <file.jsonl> <postgres url (search_path set to a fresh schema)>
//
// Prints {"rows": N} on stdout. Plain JavaScript so no TypeScript loader is in the measurement;
// run it through bench/rss-wrapper.mjs to get its peak RSS.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

const BATCH = 2000;
const COLUMNS = ['id', 'title', 'abstract', 'authors', 'categories', 'comments', 'first_listed'];
const CREATE = `CREATE TABLE floor_papers (${COLUMNS.map((c) => `${c} text`).join(', ')})`;

const [backend, file, target] = process.argv.slice(2);
if (!backend || !file || !target || !['sqlite', 'postgres'].includes(backend)) {
  process.stderr.write('usage: node bench/floor.mjs sqlite|postgres <file.jsonl> <db file | postgres url>\n');
  process.exit(2);
}

/** @param {unknown} v */
const text = (v) => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Batches of rows, each row the seven columns as text.
 * @returns {AsyncGenerator<(string | null)[][]>}
 */
async function* batches() {
  const lines = createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  /** @type {(string | null)[][]} */
  let rows = [];
  for await (const line of lines) {
    if (line === '') continue;
    const o = JSON.parse(line);
    rows.push(COLUMNS.map((c) => text(o[c])));
    if (rows.length >= BATCH) { yield rows; rows = []; }
  }
  if (rows.length > 0) yield rows;
}

let total = 0;
if (backend === 'sqlite') {
  const db = new BetterSqlite3(target);
  // The same pragmas as src/store/sqlite/sqlite-store.ts.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  db.exec(CREATE);
  const insert = db.prepare(`INSERT INTO floor_papers VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  const write = db.transaction((/** @type {(string | null)[][]} */ rows) => { for (const r of rows) insert.run(r); });
  for await (const rows of batches()) { write(rows); total += rows.length; }
  db.close();
} else {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    await client.query(CREATE);
    const insert = `INSERT INTO floor_papers SELECT * FROM unnest(${COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(', ')})`;
    for await (const rows of batches()) {
      // One statement per batch: its own transaction.
      await client.query(insert, COLUMNS.map((_, i) => rows.map((r) => r[i])));
      total += rows.length;
    }
  } finally {
    await client.end();
  }
}
process.stdout.write(`${JSON.stringify({ rows: total })}\n`);
