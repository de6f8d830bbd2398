import { BREAK, tokenStream } from './tokenize.js';

/** A sparse vector: `length` entries of (column, weight), columns ascending. */
export interface SparseVector {
  cols: Int32Array;
  weights: Float32Array;
  length: number;
}

/** Inverse document frequency as scikit-learn smooths it: ln((1 + n) / (1 + df)) + 1. */
export function smoothIdf(documents: number, df: number): number {
  return Math.log((1 + documents) / (1 + df)) + 1;
}

/**
 * A fitted vocabulary: terms (words, and word pairs written "a b") with their idf, and the
 * lookups that turn text into sublinear-tf × idf vectors, L2-normalised. Not safe for
 * concurrent use (it reuses scratch arrays), which JavaScript's single thread guarantees.
 */
export class TermIndex {
  /** Term of each column. */
  readonly terms: readonly string[];
  /** Idf of each column. */
  readonly idf: Float32Array;
  private readonly words = new Map<string, number>();
  private readonly unigram: number[] = [];
  /** Word pairs by first word: `pairStart[a] … pairStart[a + 1] - 1` index `pairSecond` (sorted) and `pairCol`. */
  private readonly pairStart: Int32Array;
  private readonly pairSecond: Int32Array;
  private readonly pairCol: Int32Array;
  private readonly counts: Float64Array;
  private touched = new Int32Array(256);
  private ids = new Int32Array(256);

  constructor(terms: readonly string[], idf: Float32Array) {
    if (terms.length !== idf.length) throw new Error(`TermIndex: ${terms.length} terms but ${idf.length} idf values`);
    this.terms = terms;
    this.idf = idf;
    this.counts = new Float64Array(terms.length);
    const pairs: [number, number, number][] = [];
    terms.forEach((term, col) => this.addTerm(term, col, pairs));
    pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    this.pairStart = new Int32Array(this.words.size + 1);
    for (const [a] of pairs) this.pairStart[a + 1]!++;
    for (let a = 0; a < this.words.size; a++) this.pairStart[a + 1]! += this.pairStart[a]!;
    this.pairSecond = Int32Array.from(pairs, (p) => p[1]);
    this.pairCol = Int32Array.from(pairs, (p) => p[2]);
  }

  private wordIdFor(word: string): number {
    let id = this.words.get(word);
    if (id === undefined) {
      id = this.words.size;
      this.words.set(word, id);
      this.unigram.push(-1);
    }
    return id;
  }

  private addTerm(term: string, col: number, pairs: [number, number, number][]): void {
    const space = term.indexOf(' ');
    if (space < 0) {
      this.unigram[this.wordIdFor(term)] = col;
      return;
    }
    const a = this.wordIdFor(term.slice(0, space));
    pairs.push([a, this.wordIdFor(term.slice(space + 1)), col]);
  }

  /** Column of the pair (a, b), or -1 (binary search among a's pairs). */
  private pairColumn(a: number, b: number): number {
    let lo = this.pairStart[a]!;
    let hi = this.pairStart[a + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.pairSecond[mid]!;
      if (v === b) return this.pairCol[mid]!;
      if (v < b) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Number of columns. */
  get size(): number {
    return this.terms.length;
  }

  /** Id of a word that occurs in some term, or -1. */
  wordId(word: string): number {
    return this.words.get(word) ?? -1;
  }

  /** The weighted vector of a text (see the class comment). */
  weigh(text: string): SparseVector {
    const tokens = tokenStream(text);
    if (this.ids.length < tokens.length) this.ids = new Int32Array(tokens.length * 2);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      this.ids[i] = t === BREAK ? -1 : (this.words.get(t) ?? -1);
    }
    return this.weighIds(this.ids, tokens.length);
  }

  /**
   * The weighted vector of a word-id stream (-1 for a break or an unknown word). With `remap`,
   * stream ids are first mapped through it (ids of another dictionary, as in fitting).
   */
  weighIds(stream: ArrayLike<number>, length: number, remap?: Int32Array): SparseVector {
    let n = 0;
    let prev = -1;
    for (let i = 0; i < length; i++) {
      const raw = stream[i]!;
      const id = raw < 0 ? -1 : remap ? remap[raw]! : raw;
      if (id >= 0) {
        const col = this.unigram[id]!;
        if (col >= 0) n = this.count(col, n);
        if (prev >= 0) {
          const pair = this.pairColumn(prev, id);
          if (pair >= 0) n = this.count(pair, n);
        }
      }
      prev = id;
    }
    return this.finish(n);
  }

  private count(col: number, n: number): number {
    if (this.counts[col] === 0) {
      if (n === this.touched.length) {
        const grown = new Int32Array(n * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[n++] = col;
    }
    this.counts[col]!++;
    return n;
  }

  private finish(n: number): SparseVector {
    const cols = this.touched.slice(0, n).sort(); // ascending: the projections then read memory in order
    const weights = new Float32Array(n);
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const col = cols[i]!;
      const w = (1 + Math.log(this.counts[col]!)) * this.idf[col]!;
      this.counts[col] = 0;
      weights[i] = w;
      norm += w * w;
    }
    if (norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let i = 0; i < n; i++) weights[i]! *= scale;
    }
    return { cols, weights, length: n };
  }
}
