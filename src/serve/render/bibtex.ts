import { foldName } from '../../core/author-name.js';
import type { StoredPaper } from '../../core/paper.js';
import { splitTex } from './math.js';

/**
 * BibTeX for a paper, in the `@misc` + `eprint` form arXiv and the biblatex docs recommend for
 * preprints. Field values are escaped so the entry always parses (balanced braces) and LaTeX
 * special characters in plain text print as themselves, while the TeX a title is written in
 * (`$O(\log n)$`, `\"o`, `\emph{x}`) is kept.
 */

/** The fields of a paper the entry uses. */
export type BibtexPaper = Pick<StoredPaper, 'arxivId' | 'title' | 'authors' | 'published' | 'firstListed' | 'primaryCategory' | 'doi'>;

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const STOPWORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'towards', 'toward']);

/** The entry, ending in a newline. */
export function toBibtex(paper: BibtexPaper): string {
  const year = (paper.published ?? paper.firstListed ?? '').slice(0, 4);
  const fields: [string, string | null][] = [
    ['title', `{${escapeBibtex(paper.title)}}`],
    ['author', paper.authors.map((a) => bibtexName(a.name)).join(' and ')],
    ['year', /^\d{4}$/.test(year) ? year : null],
    ['eprint', paper.arxivId],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', paper.primaryCategory],
    ['doi', paper.doi ? escapeBibtex(paper.doi) : null],
    ['url', `https://arxiv.org/abs/${paper.arxivId}`],
  ];
  const body = fields.filter((f): f is [string, string] => f[1] !== null && f[1] !== '').map(([k, v]) => `  ${k} = {${v}}`);
  return `@misc{${citationKey(paper, year)},\n${body.join(',\n')}\n}\n`;
}

/**
 * A citation key in the common `familyYYYYword` style (`kazemi2022causal`), ASCII only; falls
 * back to `arxiv` + the id's digits when the first author's family name has no ASCII letters.
 */
export function citationKey(paper: Pick<BibtexPaper, 'arxivId' | 'title' | 'authors'>, year: string): string {
  const family = familyKey(paper.authors[0]?.name ?? '');
  const word = paper.title.toLowerCase().replace(/\$[^$]*\$/g, ' ').split(/[^a-z]+/).find((w) => w.length > 1 && !STOPWORDS.has(w)) ?? '';
  if (family) return `${family}${year}${word}`;
  return `arxiv${paper.arxivId.replace(/[^A-Za-z0-9]/g, '')}`;
}

/** The family name of a display name (`Wael Abu-Shammala` → `abushammala`), folded to ASCII. */
function familyKey(name: string): string {
  const comma = name.indexOf(',');
  const tail = comma > 0 ? name.slice(comma + 1).trim().replace(/\.$/, '').toLowerCase() : '';
  const family = comma > 0 && !SUFFIXES.has(tail) ? name.slice(0, comma) : lastWord(name);
  return foldName(family).replace(/[^a-z0-9]/g, '');
}

function lastWord(name: string): string {
  const words = name.replace(/,/g, ' ').split(/\s+/).filter((w) => w && !SUFFIXES.has(w.replace(/\.$/, '').toLowerCase()));
  return words[words.length - 1] ?? '';
}

/**
 * A name for the `author` field. Names BibTeX would misread are braced whole: one containing
 * a comma (read as "Last, First") or the word "and" (read as a separator), e.g. a collaboration.
 */
export function bibtexName(name: string): string {
  const escaped = escapeBibtex(name);
  return /,|\band\b/i.test(name) ? `{${escaped}}` : escaped;
}

/**
 * Escapes a value for a braced BibTeX field. TeX math segments are kept as written when their
 * braces balance. In plain text, TeX commands (`\emph`, `\"o`, `\&`) are kept; a lone backslash,
 * `& % $ # _ ~ ^` and braces that do not balance are escaped, and `\{`/`\}` become
 * `\textbraceleft{}`/`\textbraceright{}` (BibTeX counts escaped braces too), so the field always parses.
 */
export function escapeBibtex(text: string): string {
  return splitTex(text)
    .map((seg) => {
      if (seg.kind === 'math' && balanced(seg.tex)) return seg.display ? `$$${seg.tex}$$` : `$${seg.tex}$`;
      return escapePlain(seg.kind === 'math' ? seg.source : seg.text);
    })
    .join('');
}

const PLAIN_TOKEN = /\\(?:[A-Za-z]+|[^A-Za-z\s])|[&%$#_~^{}\\]/g;
const CHAR_ESCAPES: Record<string, string> = {
  '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}', '\\': '\\textbackslash{}',
};

// BibTeX counts every brace, escaped or not, so literal braces are written as brace-free commands.
const BRACE_WORDS: Record<string, string> = { '{': '\\textbraceleft{}', '}': '\\textbraceright{}' };

function escapePlain(text: string): string {
  const keepBraces = balanced(text.replace(/\\[{}]/g, ''));
  return text.replace(PLAIN_TOKEN, (tok) => {
    if (tok === '\\{' || tok === '\\}') return BRACE_WORDS[tok[1]!]!;
    if (tok.length > 1) return tok; // a TeX command or an already-escaped character
    if (tok === '{' || tok === '}') return keepBraces ? tok : BRACE_WORDS[tok]!;
    return CHAR_ESCAPES[tok] ?? tok;
  });
}

/** Whether every brace (escaped or not: BibTeX does not tell them apart) is balanced. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return false;
  }
  return depth === 0;
}
