import { normalize, type EmbedText, type Embedder } from '../../src/index/embedder.js';

/**
 * A tiny deterministic Embedder for tests: every lower-cased word is hashed (FNV-1a) to one
 * dimension and a sign, the counts are summed, and the vector is L2-normalised. Texts that
 * share words are similar; the same text always gives the same vector. Two instances with the
 * same dimensions give the same vectors whatever their model ids.
 */
export class HashEmbedder implements Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  /** Documents embedded so far (across calls). */
  embedded = 0;

  constructor(dimensions = 32, modelId = `hash-${dimensions}`) {
    this.dimensions = dimensions;
    this.modelId = modelId;
  }

  async embedDocuments(docs: readonly EmbedText[]): Promise<Float32Array[]> {
    this.embedded += docs.length;
    return docs.map((d) => this.vector(`${d.title} ${d.abstract}`));
  }

  async embedQuery(query: string): Promise<Float32Array> {
    return this.vector(query);
  }

  /** The vector of a text (synchronous, for building expectations). */
  vector(text: string): Float32Array {
    const v = new Float32Array(this.dimensions);
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      const h = fnv1a(word);
      v[h % this.dimensions]! += h & 0x80000000 ? -1 : 1;
    }
    return normalize(v);
  }
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
