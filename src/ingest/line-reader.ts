import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/** A text file read line by line, with how far through the (possibly compressed) file it is. */
export interface LineFile {
  /** Lines without their terminator. */
  lines: AsyncIterable<string>;
  /** Fraction of the file's bytes read so far (0..1); compressed bytes for gzip files. */
  fraction(): number;
  /** Stops reading and releases the file (when a consumer stops before the end). */
  close(): void;
}

/** True when the file starts with the gzip magic bytes (1f 8b), whatever its name. */
export function isGzipFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(2);
    return readSync(fd, buf, 0, 2, 0) === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a plain or gzipped text file as a stream of lines. Memory stays flat however large
 * the file is: only one read buffer and the current line are held.
 */
export function openLineFile(path: string): LineFile {
  const size = statSync(path).size;
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const text: Readable = isGzipFile(path) ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (err) => text.destroy(err));
  return {
    lines: splitLines(text),
    fraction: () => (size === 0 ? 1 : Math.min(1, raw.bytesRead / size)),
    close: () => { text.destroy(); raw.destroy(); },
  };
}

/**
 * Splits a byte stream into lines (LF or CRLF). Unlike readline's async iterator, it pulls
 * the stream only as fast as the consumer takes lines, so a slow consumer cannot make it
 * buffer the file in memory. It splits bytes and decodes each line on its own (a newline byte
 * never occurs inside a multi-byte UTF-8 sequence), which is about four times faster than
 * decoding whole chunks with a StringDecoder and slicing the text.
 */
export async function* splitLines(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let rest: Buffer | undefined;
  for await (const chunk of stream) {
    const buf = rest && rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10, start)) {
      yield buf.toString('utf8', start, nl > start && buf[nl - 1] === 13 ? nl - 1 : nl);
      start = nl + 1;
    }
    rest = buf.subarray(start);
  }
  if (rest && rest.length > 0) yield rest.toString('utf8', 0, rest[rest.length - 1] === 13 ? rest.length - 1 : rest.length);
}
