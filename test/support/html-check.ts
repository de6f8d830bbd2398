import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

/**
 * Checks for server-rendered HTML in tests: parse it with a real HTML5 parser (parse5), report
 * parse errors, find dangerous markup, and check that every non-void tag written is closed in
 * order (parse5 silently repairs bad nesting, so the tag balance is checked on the raw text).
 */

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['parentNode'];
type Element = DefaultTreeAdapterMap['element'];

/** What {@link checkHtml} found; every list is empty for clean output. */
export interface HtmlReport {
  /** parse5 parse-error codes (e.g. `end-tag-without-matching-open-element`). */
  parseErrors: string[];
  /** `<script>` (but the site's own `/static/` script), `<iframe>`, `<object>`, `<embed>`, `<base>`, `<meta http-equiv>` found. */
  dangerousElements: string[];
  /** `on…=` event-handler attributes found (`img onerror`). */
  eventHandlers: string[];
  /** URL attributes whose value is neither http(s), relative, `#…`, `mailto:` nor `data:font`. */
  badUrls: string[];
  /** Tag-balance problems in the raw text (`</b> closes <i>`, `<div> never closed`). */
  unbalanced: string[];
}

const DANGEROUS = new Set(['script', 'iframe', 'object', 'embed', 'base', 'frame', 'frameset', 'applet']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'background', 'data']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Parses a fragment (or a whole document when it starts with `<!doctype`) and reports problems. */
export function checkHtml(html: string): HtmlReport {
  const parseErrors: string[] = [];
  const onParseError = (e: { code: string; startOffset: number }) => parseErrors.push(`${e.code} at ${e.startOffset}: ${html.slice(Math.max(0, e.startOffset - 40), e.startOffset + 40)}`);
  const root = /^\s*<!doctype/i.test(html) ? parse(html, { onParseError }) : parseFragment(html, { onParseError });
  const report: HtmlReport = { parseErrors, dangerousElements: [], eventHandlers: [], badUrls: [], unbalanced: tagBalance(html) };
  walk(root, (el) => inspect(el, report));
  return report;
}

function walk(node: Node, visit: (el: Element) => void): void {
  if ('tagName' in node) visit(node);
  const kids = 'childNodes' in node ? node.childNodes : [];
  for (const child of kids) walk(child, visit);
  if ('content' in node && node.content) walk(node.content, visit);
}

/** The site's own deferred script (`<script src="/static/…"></script>`, no inline code) is expected. */
function isOwnScript(el: Element): boolean {
  const src = el.attrs.find((a) => a.name === 'src')?.value ?? '';
  return el.tagName === 'script' && src.startsWith('/static/') && el.childNodes.length === 0;
}

function inspect(el: Element, report: HtmlReport): void {
  if (DANGEROUS.has(el.tagName) && !isOwnScript(el)) report.dangerousElements.push(el.tagName);
  for (const attr of el.attrs) {
    const name = (attr.prefix ? `${attr.prefix}:` : '') + attr.name.toLowerCase();
    if (name.startsWith('on')) report.eventHandlers.push(`${el.tagName} ${name}`);
    if (el.tagName === 'meta' && name === 'http-equiv') report.dangerousElements.push('meta http-equiv');
    if (URL_ATTRS.has(name) && !isHarmlessUrl(attr.value)) report.badUrls.push(`${el.tagName} ${name}=${attr.value}`);
  }
}

function isHarmlessUrl(value: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme (`java\tscript:`).
  const v = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  if (/^(https?:|mailto:|#|\/(?!\/)|\?|\.)/.test(v)) return true;
  if (/^data:font\//.test(v)) return true;
  return !/^[a-z][a-z0-9+.-]*:/.test(v) && !v.startsWith('//');
}

/** Raw-text tag balance: every non-void open tag is closed, innermost first. */
export function tagBalance(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!doctype[^>]*>/gi, '');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName, selfClosing] = m;
    const name = rawName!.toLowerCase();
    if (selfClosing || (!closing && VOID.has(name))) continue;
    if (!closing) stack.push(name);
    else if (stack[stack.length - 1] === name) stack.pop();
    else problems.push(`</${name}> closes <${stack[stack.length - 1] ?? 'nothing'}> at ${m.index}`);
  }
  for (const open of stack) problems.push(`<${open}> never closed`);
  return problems;
}

/** True when the report has no problem of any kind. */
export function isClean(report: HtmlReport): boolean {
  return Object.values(report).every((list: string[]) => list.length === 0);
}
