import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A body compressed once and sent many times with a short per-response text (the CSRF token)
 * in its holes. Each part is raw deflate ending in a full flush, so the parts are byte-aligned
 * and reference nothing before them; a hole becomes a stored block (RFC 1951 §3.2.4) written
 * per response, and a gzip header and trailer (RFC 1952) wrap the lot. Decoders see one
 * ordinary gzip stream.
 */
export interface SegmentedBody {
  /** The uncompressed parts; every two are separated by a hole. */
  readonly parts: readonly Buffer[];
  /** Each part as raw deflate: full flush after all but the last, which ends in the final block. */
  readonly deflated: readonly Buffer[];
  /** CRC-32 of the first part, so a response hashes only what follows the first hole. */
  readonly headCrc: number;
  /** Bytes of all parts together (holes excluded). */
  readonly partBytes: number;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const MAX_STORED = 0xffff;

/** Splits `body` at every `hole` and compresses the parts once (zlib `level`, default 6). */
export function segmentBody(body: string, hole: string, level = 6): SegmentedBody {
  const parts = body.split(hole).map((p) => Buffer.from(p, 'utf8'));
  const deflated = parts.map((p, i) => deflateRawSync(p, { level, finishFlush: i < parts.length - 1 ? constants.Z_FULL_FLUSH : constants.Z_FINISH }));
  return { parts, deflated, headCrc: extendCrc(0, parts[0]!), partBytes: parts.reduce((n, p) => n + p.length, 0) };
}

/** The uncompressed body with `fill` in every hole. */
export function plainBody(s: SegmentedBody, fill: string): Buffer {
  if (s.parts.length === 1) return s.parts[0]!;
  const f = Buffer.from(fill, 'utf8');
  return Buffer.concat(s.parts.flatMap((p, i) => (i === 0 ? [p] : [f, p])));
}

/** The gzip-encoded body with `fill` in every hole, as chunks to write in order. */
export function gzipBody(s: SegmentedBody, fill: string): Buffer[] {
  const f = Buffer.from(fill, 'utf8');
  if (f.length > MAX_STORED) throw new RangeError(`a hole's text is limited to ${MAX_STORED} bytes, got ${f.length}`);
  const stored = storedBlock(f);
  const chunks: Buffer[] = [GZIP_HEADER, s.deflated[0]!];
  let crc = s.headCrc;
  for (let i = 1; i < s.parts.length; i++) {
    crc = extendCrc(extendCrc(crc, f), s.parts[i]!);
    chunks.push(stored, s.deflated[i]!);
  }
  chunks.push(trailer(crc, s.partBytes + f.length * (s.parts.length - 1)));
  return chunks;
}

/** CRC-32 continued over `data` (Node 20's crc32 answers 0 for some empty buffers, so they are skipped). */
function extendCrc(crc: number, data: Buffer): number {
  return data.length === 0 ? crc : crc32(data, crc);
}

/** A non-final stored deflate block holding `data` (the stream is byte-aligned after a full flush). */
function storedBlock(data: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt16LE(data.length, 1);
  head.writeUInt16LE(~data.length & 0xffff, 3);
  return Buffer.concat([head, data]);
}

function trailer(crc: number, size: number): Buffer {
  const t = Buffer.alloc(8);
  t.writeUInt32LE(crc >>> 0, 0);
  t.writeUInt32LE(size % 0x1_0000_0000, 4);
  return t;
}
