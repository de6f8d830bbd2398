import type pg from 'pg';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import copyStreams from 'pg-copy-streams';

/** A value COPY can carry: text, a number, or null. */
export type CopyValue = string | number | null;

/**
 * Streams rows into `table (columns)` with `COPY … FROM STDIN` (text format), PostgreSQL's
 * fastest way in: no per-row statement, no parameter parsing. Values are escaped as the text
 * format requires (backslash, tab, newline, carriage return; `\N` for null).
 */
export async function copyRows(client: pg.PoolClient, table: string, columns: readonly string[], rows: readonly CopyValue[][]): Promise<void> {
  if (rows.length === 0) return;
  const sink = client.query(copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(encode(rows)), sink);
}

function* encode(rows: readonly CopyValue[][]): Generator<string> {
  let buf = '';
  for (const row of rows) {
    buf += row.map(escape).join('\t') + '\n';
    if (buf.length > 1 << 20) { yield buf; buf = ''; }
  }
  if (buf) yield buf;
}

function escape(v: CopyValue | undefined): string {
  // undefined must become NULL too; joined as-is it would be an empty string.
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : v;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
