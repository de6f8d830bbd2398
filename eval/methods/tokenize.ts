import { ENGLISH_STOP_WORDS } from './stop-words.js';

const TOKEN = /\b[a-z_][a-z0-9_]+\b/g;

/**
 * scikit-learn's word analyzer as arxiv-sanity-lite configures it: accents stripped
 * (`strip_accents='unicode'`), lower-cased, tokens matching `\b[a-zA-Z_][a-zA-Z0-9_]+\b`,
 * English stop words removed. Returns the tokens in order.
 */
export function words(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const out: string[] = [];
  for (const m of folded.matchAll(TOKEN)) if (!ENGLISH_STOP_WORDS.has(m[0])) out.push(m[0]);
  return out;
}

/** Word n-grams for n in [min, max], as scikit-learn builds them (after stop-word removal), joined by a space. */
export function ngrams(tokens: readonly string[], min: number, max: number): string[] {
  const out: string[] = [];
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= tokens.length; i++) out.push(n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' '));
  }
  return out;
}

/** The text of a paper that the text methods read: title and abstract. */
export function paperText(doc: { title: string; abstract: string }): string {
  return `${doc.title} ${doc.abstract}`;
}
