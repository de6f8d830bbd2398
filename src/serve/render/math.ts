import katex from 'katex';
import { escapeHtml } from './html.js';

/**
 * Titles and abstracts as HTML: arXiv text is plain text with TeX math mixed in. The text is
 * split into plain and TeX segments; TeX is typeset on the server with KaTeX (no client JS, no
 * layout shift), plain text is HTML-escaped, and bare `http(s)` URLs become links.
 *
 * Safety: KaTeX runs with `trust: false` (no `\href`, `\url`, `\includegraphics`, `\html…`),
 * a small macro-expansion budget (macro bombs fail fast into an error span) and a fresh macro
 * table per formula (a `\gdef` in one abstract never leaks into the next). Every byte outside
 * KaTeX's output is escaped here, and the only links produced have an `http:` or `https:` href.
 */

/** A run of plain text, or one TeX formula with its delimiters removed. */
export type TextSegment =
  | { kind: 'text'; text: string }
  | { kind: 'math'; tex: string; display: boolean; source: string };

/** Options for {@link renderRichText}. */
export interface RichTextOptions {
  /**
   * Turn `http(s)://…` URLs (bare, `\url{…}` or `\href{…}{…}`) into links. Off for titles,
   * which are themselves rendered inside a link.
   * @default true
   */
  links?: boolean;
  /**
   * Typeset `$$…$$` and `\[…\]` as display (block) math. Off for titles and other one-line text,
   * where they are set inline.
   * @default true
   */
  displayMath?: boolean;
}

/** Formulas longer than this are shown as their escaped source instead of being typeset. */
export const MAX_TEX_LENGTH = 2000;

const KATEX_OPTIONS = {
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  maxExpand: 100,
  maxSize: 10,
  output: 'htmlAndMathml',
  // A neutral grey that reads on light and dark backgrounds; the stylesheet calms it further.
  errorColor: '#8a8a8a',
} as const;

/**
 * Splits text into plain and TeX segments. Delimiters: `$…$`, `$$…$$`, `\(…\)`, `\[…\]`.
 * `\$` is a literal dollar (in text and inside formulas); a delimiter with no closing partner is
 * literal text, so "costs \$5" and a stray "$" both stay as written.
 */
export function splitTex(input: string): TextSegment[] {
  const out: TextSegment[] = [];
  let buf = '';
  let i = 0;
  const flush = () => {
    if (buf) out.push({ kind: 'text', text: buf });
    buf = '';
  };
  while (i < input.length) {
    const math = mathAt(input, i);
    if (math) {
      flush();
      out.push(math.segment);
      i = math.end;
      continue;
    }
    const ch = input[i]!;
    if (ch === '\\') {
      const next = input[i + 1] ?? '';
      buf += next === '$' ? '$' : ch + next;
      i += 1 + next.length;
    } else {
      buf += ch;
      i += 1;
    }
  }
  flush();
  return out;
}

const OPENERS: readonly { open: string; close: string; display: boolean }[] = [
  { open: '$$', close: '$$', display: true },
  { open: '$', close: '$', display: false },
  { open: '\\[', close: '\\]', display: true },
  { open: '\\(', close: '\\)', display: false },
];

/** The formula starting at `i`, if a delimiter opens there and is closed later. */
function mathAt(s: string, i: number): { segment: TextSegment; end: number } | undefined {
  for (const d of OPENERS) {
    if (!s.startsWith(d.open, i)) continue;
    const from = i + d.open.length;
    const close = findCloser(s, from, d.close);
    if (close < 0) return undefined;
    const tex = s.slice(from, close);
    if (tex.trim() === '') return undefined;
    const end = close + d.close.length;
    return { segment: { kind: 'math', tex, display: d.display, source: s.slice(i, end) }, end };
  }
  return undefined;
}

/** Index of `closer` at or after `from`, skipping backslash escapes (`\$` never closes). */
function findCloser(s: string, from: number, closer: string): number {
  for (let k = from; k < s.length; k++) {
    if (s.startsWith(closer, k)) return k;
    if (s[k] === '\\') k++;
  }
  return -1;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 2000;

/**
 * Typesets one formula with KaTeX. Results are memoised (formulas repeat across feeds and
 * pages); a formula KaTeX cannot parse becomes its escaped source in a `.katex-error` span.
 */
export function renderTex(tex: string, display: boolean): string {
  const key = (display ? 'D' : 'I') + tex;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = typeset(tex, display);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, html);
  return html;
}

function typeset(tex: string, display: boolean): string {
  if (tex.length > MAX_TEX_LENGTH) return errorSpan(tex);
  try {
    return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display, macros: {} });
  } catch {
    // throwOnError:false covers parse errors; this catches anything else KaTeX might throw.
    return errorSpan(tex);
  }
}

function errorSpan(tex: string): string {
  return `<span class="katex-error">${escapeHtml(tex)}</span>`;
}

/**
 * Renders arXiv text (title, abstract, comment) as safe HTML: math typeset, text escaped,
 * URLs linked. The result is an HTML fragment of inline content (display math is a
 * `span.katex-display`), suitable inside `<p>`, `<h1>` or `<a>` (with `links: false`).
 */
export function renderRichText(text: string, options: RichTextOptions = {}): string {
  const links = options.links ?? true;
  const displayMath = options.displayMath ?? true;
  return splitTex(text)
    .map((seg) => (seg.kind === 'text' ? renderPlain(seg.text, links) : renderTex(seg.tex, seg.display && displayMath)))
    .join('');
}

/** A title or other one-line text: math set inline, no links (it usually sits inside one). */
export function renderTitle(text: string): string {
  return renderRichText(text, { links: false, displayMath: false });
}

// One pass over plain text picks out, in order: \url{…}, \href{…}{…}, bare URLs, a few text-mode
// formatting macros, escaped specials and TeX dashes. Everything between matches is escaped.
const PLAIN_TOKEN = new RegExp(
  [
    String.raw`\\url\{([^{}\s]*)\}`,
    String.raw`\\href\{([^{}\s]*)\}\{([^{}]*)\}`,
    String.raw`(https?:\/\/[^\s<>"'\x60{}\\]+)`,
    String.raw`\\(emph|textit|textbf|texttt)\{([^{}$]*)\}`,
    String.raw`\\([%&#_{}])`,
    '(---?)',
  ].join('|'),
  'gi',
);

const FORMAT_TAGS: Record<string, string> = { emph: 'em', textit: 'em', textbf: 'strong', texttt: 'code' };

/**
 * Escapes one plain-text segment, linking URLs (when `links`) and rendering `\emph{…}`-style
 * macros, `\%`-style escapes and `--`/`---` dashes as a TeX reader would expect.
 */
export function renderPlain(text: string, links = true): string {
  let html = '';
  let last = 0;
  for (const m of text.matchAll(PLAIN_TOKEN)) {
    html += escapeHtml(text.slice(last, m.index));
    const { rendered, consumed } = renderToken(m, links);
    html += rendered;
    last = m.index + consumed;
  }
  return html + escapeHtml(text.slice(last));
}

function renderToken(m: RegExpMatchArray, links: boolean): { rendered: string; consumed: number } {
  const whole = m[0];
  const [, urlArg, hrefUrl, hrefText, bare, macro, macroArg, special, dash] = m;
  if (urlArg !== undefined) return { rendered: linkOrText(urlArg, urlArg, links), consumed: whole.length };
  if (hrefUrl !== undefined) return { rendered: linkOrText(hrefUrl, hrefText ?? hrefUrl, links), consumed: whole.length };
  if (bare !== undefined) {
    const url = trimUrl(bare);
    return { rendered: linkOrText(url, url, links), consumed: url.length };
  }
  if (macro !== undefined) {
    const tag = FORMAT_TAGS[macro.toLowerCase()] ?? 'span';
    return { rendered: `<${tag}>${escapeHtml(macroArg ?? '')}</${tag}>`, consumed: whole.length };
  }
  if (special !== undefined) return { rendered: escapeHtml(special), consumed: whole.length };
  return { rendered: dash === '---' ? '\u2014' : '\u2013', consumed: whole.length };
}

/** Strips sentence punctuation a bare URL picked up, and closing brackets it did not open. */
export function trimUrl(url: string): string {
  let u = url;
  for (;;) {
    const last = u[u.length - 1];
    if (last && '.,;:!?\'"*'.includes(last)) u = u.slice(0, -1);
    else if (last === ')' && count(u, '(') < count(u, ')')) u = u.slice(0, -1);
    else if (last === ']' && count(u, '[') < count(u, ']')) u = u.slice(0, -1);
    else return u;
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Whether `url` is an absolute `http:`/`https:` URL with a host: the only links we emit. */
export function isSafeHttpUrl(url: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+/i.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

function linkOrText(url: string, label: string, links: boolean): string {
  if (!links || !isSafeHttpUrl(url)) return escapeHtml(label);
  return `<a href="${escapeHtml(url)}" rel="nofollow noopener noreferrer">${escapeHtml(label)}</a>`;
}
