import type { EmbedText } from '../embedder.js';

/** How token vectors become one text vector. */
export type Pooling = 'cls' | 'mean';

/** What a model card prescribes for one family of sentence-embedding models. */
export interface ModelFamily {
  name: string;
  /** Matched against the model name (hub id or directory name). */
  pattern: RegExp;
  pooling: Pooling;
  /** The text a paper is encoded as; `sep` is the tokenizer's separator token. */
  document(doc: EmbedText, sep: string): string;
  /** The text a search query is encoded as. */
  query(text: string): string;
}

/** Title and abstract as one passage: "Title. Abstract" (no doubled stop). */
export function titleAbstract(doc: EmbedText): string {
  const title = doc.title.trim();
  const abstract = doc.abstract.trim();
  if (!title || !abstract) return title || abstract;
  return `${title}${/[.!?:]$/.test(title) ? '' : '.'} ${abstract}`;
}

const plain = (doc: EmbedText) => titleAbstract(doc);
const same = (text: string) => text;

/** The instruction BAAI's bge v1.5 English model cards put before short retrieval queries. */
export const BGE_QUERY_INSTRUCTION = 'Represent this sentence for searching relevant passages: ';

/**
 * Families in match order (first match wins), as their model cards say:
 * SPECTER, SPECTER2 and SciNCL encode `title [SEP] abstract` and take the [CLS] vector;
 * bge takes [CLS] and prefixes queries with its instruction (bge-m3 uses none);
 * e5 mean-pools with `query: ` / `passage: `; nomic-embed mean-pools with `search_query: ` /
 * `search_document: `; MiniLM, mpnet and gte mean-pool plain text. Unknown models mean-pool
 * "Title. Abstract".
 */
export const FAMILIES: readonly ModelFamily[] = [
  { name: 'specter', pattern: /specter|scincl/i, pooling: 'cls', document: (d, sep) => `${d.title.trim()}${sep}${d.abstract.trim()}`, query: same },
  { name: 'bge-m3', pattern: /bge-m3/i, pooling: 'cls', document: plain, query: same },
  { name: 'bge', pattern: /(^|[/_-])bge([_-]|$)/i, pooling: 'cls', document: plain, query: (q) => BGE_QUERY_INSTRUCTION + q },
  { name: 'e5', pattern: /(^|[/_-])e5([_-]|$)/i, pooling: 'mean', document: (d) => `passage: ${titleAbstract(d)}`, query: (q) => `query: ${q}` },
  { name: 'nomic', pattern: /nomic-embed/i, pooling: 'mean', document: (d) => `search_document: ${titleAbstract(d)}`, query: (q) => `search_query: ${q}` },
  { name: 'sentence-transformers', pattern: /minilm|mpnet|(^|[/_-])gte([_-]|$)/i, pooling: 'mean', document: plain, query: same },
];

/** The fallback for models no pattern knows. */
export const DEFAULT_FAMILY: ModelFamily = { name: 'default', pattern: /(?:)/, pooling: 'mean', document: plain, query: same };

/** The family of the first name any pattern matches (names are tried in order), else the default. */
export function familyOf(...names: (string | undefined)[]): ModelFamily {
  for (const name of names) {
    if (!name) continue;
    const found = FAMILIES.find((f) => f.pattern.test(name));
    if (found) return found;
  }
  return DEFAULT_FAMILY;
}
