import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * Files of a persisted ANN index: where they live, how they are written atomically, and the
 * checksum that keeps a damaged file away from the native loader (which can abort the whole
 * process on garbage instead of throwing).
 */

/** A file's length and CRC-32. */
export interface FileDigest {
  bytes: number;
  crc32: number;
}

/** The index file and its JSON sidecar for a model, in `dir`. */
export function indexPaths(dir: string, modelId: string): { index: string; sidecar: string } {
  const base = join(dir, safeName(modelId));
  return { index: `${base}.usearch`, sidecar: `${base}.usearch.json` };
}

/** A file-name-safe form of a model id; ids that needed changes get a hash suffix so two never collide. */
export function safeName(modelId: string): string {
  const safe = modelId.replace(/[^A-Za-z0-9._-]/g, '_');
  if (safe === modelId && !safe.startsWith('.')) return safe;
  return `${safe.replace(/^\.+/, '_')}-${createHash('sha256').update(modelId).digest('hex').slice(0, 10)}`;
}

/** Length and CRC-32 of a file, read as a stream (bounded memory). */
export async function digestFile(path: string): Promise<FileDigest> {
  let crc = 0;
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    crc = crc32(chunk as Buffer, crc);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, crc32: crc };
}

/** Flushes a file's data to disk. */
export async function fsyncFile(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  try { await fh.sync(); } finally { await fh.close(); }
}

/** Moves a finished temp file over `path` after flushing it, so readers see the old or the new file, never part of one. */
export async function commitFile(tmp: string, path: string): Promise<void> {
  try {
    await fsyncFile(tmp);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Writes `text` to `path` atomically (temp file in the same directory, fsync, rename). */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = tempName(path);
  const fh = await open(tmp, 'w');
  try { await fh.writeFile(text, 'utf8'); } finally { await fh.close(); }
  await commitFile(tmp, path);
}

/** A temp name beside `path`, unique to this process. */
export function tempName(path: string): string {
  return `${path}.tmp-${process.pid}-${Date.now().toString(36)}`;
}
