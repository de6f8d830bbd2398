import { BREAK } from './tokenize.js';

/** How {@link TermCounter.select} chooses the vocabulary. */
export interface VocabularyOptions {
  /** Fewest documents a term must occur in. */
  minDf: number;
  /** Largest share of documents a term may occur in (0–1]. */
  maxDf: number;
  /** Most terms kept (the most frequent by document frequency). */
  maxFeatures: number;
  /** Count word pairs as terms too. */
  bigrams: boolean;
}

/** A chosen vocabulary: terms by decreasing document frequency, with those frequencies. */
export interface Vocabulary {
  terms: string[];
  df: Int32Array;
}

/** Word pairs are counted among the most frequent 65,535 words, so a pair key fits 32 bits. */
const PAIR_WORDS = 0xffff;

/**
 * Fitting's first pass: gives every word an id, counts words' document frequencies and keeps
 * each document as a word-id stream (-1 for a phrase break). Word pairs are counted at
 * {@link select} time from those streams, only among words frequent enough to matter (a pair
 * occurs in no more documents than either of its words), with exact counts: per document the
 * distinct pair keys are collected, then all keys are sorted and counted in runs.
 */
export class TermCounter {
  /** Word-id streams of the documents added, in order. */
  readonly docs: Int32Array[] = [];
  /** The words, by id. */
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly wordDf: number[] = [];
  private readonly lastDoc: number[] = [];

  /** Adds one document's token stream (from `tokenStream`). */
  add(tokens: readonly string[]): void {
    const doc = this.docs.length;
    const stream = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      stream[i] = t === BREAK ? -1 : this.idOf(t, doc);
    }
    this.docs.push(stream);
  }

  private idOf(word: string, doc: number): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      this.wordDf.push(0);
      this.lastDoc.push(-1);
    }
    if (this.lastDoc[id] !== doc) {
      this.lastDoc[id] = doc;
      this.wordDf[id]!++;
    }
    return id;
  }

  /** Terms kept by `options`, most frequent first (ties in term order), at most maxFeatures. */
  select(options: VocabularyOptions): Vocabulary {
    const maxDf = Math.floor(options.maxDf * this.docs.length);
    const candidates: { term: string; df: number }[] = [];
    this.wordDf.forEach((df, id) => { if (df >= options.minDf && df <= maxDf) candidates.push({ term: this.words[id]!, df }); });
    if (options.bigrams) for (const pair of this.pairs(options.minDf, maxDf)) candidates.push(pair);
    candidates.sort((x, y) => y.df - x.df || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
    const chosen = candidates.slice(0, options.maxFeatures);
    return { terms: chosen.map((c) => c.term), df: Int32Array.from(chosen, (c) => c.df) };
  }

  /** Word pairs with a document frequency in [minDf, maxDf], written "a b". */
  private pairs(minDf: number, maxDf: number): { term: string; df: number }[] {
    const frequent = this.wordDf.map((df, id) => [df, id] as const).filter(([df]) => df >= minDf)
      .sort((x, y) => y[0] - x[0] || x[1] - y[1]).slice(0, PAIR_WORDS).map(([, id]) => id);
    const compact = new Int32Array(this.words.length).fill(-1);
    frequent.forEach((id, i) => { compact[id] = i; });
    const keys = this.pairKeys(compact);
    keys.sort();
    const out: { term: string; df: number }[] = [];
    for (let i = 0; i < keys.length;) {
      let j = i + 1;
      while (j < keys.length && keys[j] === keys[i]) j++;
      if (j - i >= minDf && j - i <= maxDf) out.push({ term: `${this.words[frequent[keys[i]! >>> 16]!]} ${this.words[frequent[keys[i]! & 0xffff]!]}`, df: j - i });
      i = j;
    }
    return out;
  }

  /** Each document's distinct pair keys (compact ids `a << 16 | b`), all documents concatenated. */
  private pairKeys(compact: Int32Array): Uint32Array {
    let keys = new Uint32Array(1 << 20);
    let n = 0;
    for (const stream of this.docs) {
      if (n + stream.length > keys.length) {
        const grown = new Uint32Array(Math.max(keys.length * 2, n + stream.length));
        grown.set(keys.subarray(0, n));
        keys = grown;
      }
      const start = n;
      let prev = -1;
      for (let i = 0; i < stream.length; i++) {
        const id = stream[i]!;
        const c = id >= 0 ? compact[id]! : -1;
        if (prev >= 0 && c >= 0) keys[n++] = prev * 65536 + c;
        prev = c;
      }
      n = start + dedupe(keys.subarray(start, n).sort());
    }
    return keys.subarray(0, n);
  }
}

/** Moves the distinct values of a sorted array to its front; returns how many there are. */
function dedupe(sorted: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return n;
}
