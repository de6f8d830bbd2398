import { STOP_WORDS } from './stop-words.js';

/**
 * The built-in embedder's tokenizer. Text is accent-folded, stripped of URLs and LaTeX
 * (commands go, accent commands become their letter, math keeps only its words such as
 * "SU" or "AdS"), lowercased and cut into words of letters and digits. A word needs a letter
 * and 2–40 characters and must not be a stop word. Anything dropped, and punctuation other
 * than hyphens, apostrophes and slashes, ends a phrase: bigrams never span a phrase break.
 */

/** Marks a phrase break in a token stream. */
export const BREAK = '';

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING = /[\u0300-\u036f]/g;
const SPECIAL_LETTERS: Record<string, string> = { 'ß': 'ss', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE', 'ø': 'o', 'Ø': 'O', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ð': 'd', 'þ': 'th', 'ı': 'i' };
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');
const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;
const ACCENT_SYMBOL = /\\['"`^~=.]\s*\{?\s*([A-Za-z])\s*\}?/g;
const ACCENT_LETTER = /\\[uvHckr]\s*\{\s*([A-Za-z])\s*\}/g;
const LETTER_COMMANDS = /\\(ss|ae|oe|aa|o|l|i)(?![A-Za-z])/gi;
const DROP_WITH_ARGUMENT = /\\(?:cite[a-z]*|ref|eqref|autoref|label|url|href|footnote)\*?(?:\[[^\]]*\])?\{[^}]*\}/g;
const MATH = /\$\$[\s\S]*?\$\$|\$[^$]*\$|\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\]/g;
const COMMAND = /\\(?:[A-Za-z]+\*?|.)/g;
const MAX_WORD = 40;

/** Folds accents (é → e, ß → ss) in non-ASCII text; ASCII text is returned as is. */
export function foldAccents(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.normalize('NFKD').replace(COMBINING, '').replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c);
}

/** The words of a math span, each its own phrase: commands, symbols, digits and single letters go. */
function mathWords(span: string): string {
  const words = span.replace(COMMAND, ' ').match(/[A-Za-z]{2,}/g);
  return words ? ` , ${words.join(' , ')} , ` : ' , ';
}

/** Removes LaTeX markup, keeping the text it wraps (see the module comment). */
export function stripLatex(text: string): string {
  if (!text.includes('\\') && !text.includes('$')) return text;
  return text
    .replace(/\\\$/g, ' ')
    .replace(ACCENT_LETTER, '$1')
    .replace(ACCENT_SYMBOL, '$1')
    .replace(LETTER_COMMANDS, (_, c: string) => (c.toLowerCase() === 'aa' ? 'a' : c))
    .replace(DROP_WITH_ARGUMENT, ' ')
    .replace(MATH, mathWords)
    .replace(COMMAND, ' ')
    .replace(/[{}]/g, ' ');
}

/** Accent-folded, URL- and LaTeX-free, lowercased text: what the scanner reads. */
export function normalizeText(text: string): string {
  let s = foldAccents(text);
  if (s.includes('://') || s.includes('www.')) s = s.replace(URL_RE, ' ');
  return stripLatex(s).toLowerCase();
}

/** Characters that separate words without ending a phrase: whitespace, hyphen, apostrophe, slash, underscore. */
function joins(c: number): boolean {
  return c === 32 || c === 45 || c === 39 || c === 47 || c === 95 || (c >= 9 && c <= 13) || c === 0x2019 || c === 0x2010 || c === 0x2013;
}

/**
 * The words of `text` in order, with {@link BREAK} between phrases (never two in a row, never
 * first). Appends to `out` when given, so a caller can reuse one array.
 */
export function tokenStream(text: string, out: string[] = []): string[] {
  const s = normalizeText(text);
  const start = out.length;
  let pendingBreak = false;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const letter = c >= 97 && c <= 122;
    if (!letter && !(c >= 48 && c <= 57)) {
      if (!joins(c)) pendingBreak = true;
      i++;
      continue;
    }
    let j = i + 1;
    let hasLetter = letter;
    for (; j < s.length; j++) {
      const d = s.charCodeAt(j);
      if (d >= 97 && d <= 122) hasLetter = true;
      else if (d < 48 || d > 57) break;
    }
    const len = j - i;
    const word = hasLetter && len >= 2 && len <= MAX_WORD ? s.slice(i, j) : undefined;
    if (word === undefined || STOP_WORDS.has(word)) pendingBreak = true;
    else {
      if (pendingBreak && out.length > start && out[out.length - 1] !== BREAK) out.push(BREAK);
      out.push(word);
      pendingBreak = false;
    }
    i = j;
  }
  return out;
}

/** The words of `text` (no phrase breaks). */
export function tokenize(text: string): string[] {
  return tokenStream(text).filter((w) => w !== BREAK);
}

/** The text of a paper as the built-in embedder reads it: title, a phrase break, abstract. */
export function paperText(title: string, abstract: string): string {
  return abstract ? `${title} .\n${abstract}` : title;
}
