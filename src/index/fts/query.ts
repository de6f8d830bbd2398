/**
 * The user's search syntax, parsed once and rendered for each engine: words (all must match),
 * `"exact phrases"`, `prefix*`, `-excluded` words or phrases, and `OR` between two items.
 * Hyphenated words (`off-policy`) are phrases, as both engines split them into tokens.
 */

/** One positive or negative item of a query. */
export interface QueryItem {
  /** Tokens, lower-cased; several tokens form a phrase. */
  tokens: string[];
  prefix: boolean;
  negated: boolean;
  /** This item is OR-ed with the previous one instead of AND-ed. */
  orWithPrevious: boolean;
}

/** A parsed query. */
export interface ParsedQuery {
  items: QueryItem[];
}

import { stemmer } from 'stemmer';

const PIECE = /(-?)"([^"]*)"?|(\S+)/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** Parses the user's query text; unknown punctuation is ignored, never an error. */
export function parseQuery(text: string): ParsedQuery {
  const items: QueryItem[] = [];
  let pendingOr = false;
  for (const m of text.normalize('NFC').matchAll(PIECE)) {
    const [, neg, phrase, bare] = m;
    if (bare === 'OR' && items.length > 0) { pendingOr = true; continue; }
    const negated = neg === '-' || (bare !== undefined && bare.startsWith('-') && bare.length > 1);
    const body = phrase ?? (negated ? bare!.slice(1) : bare!);
    const tokens = [...body.toLowerCase().matchAll(WORD)].map((w) => w[0]);
    if (tokens.length === 0) continue;
    const prefix = phrase === undefined && body.endsWith('*');
    if (prefix) tokens[tokens.length - 1] = prefixStem(tokens.at(-1)!);
    items.push({ tokens, prefix, negated, orWithPrevious: pendingOr && !negated });
    pendingOr = false;
  }
  return { items };
}

const COMPLETIONS = ['', 'e', 's', 'ing', 'ion', 'ation'];

/**
 * Both engines index Porter stems, so a typed prefix longer than the stem of the words it
 * should find (`hallucinat*` vs the stem `hallucin`) would match nothing. The prefix is
 * shortened to the shortest stem of its likely completions, never below three letters.
 */
export function prefixStem(token: string): string {
  if (!/^[a-z]+$/.test(token) || token.length <= 3) return token;
  let best = token;
  for (const end of COMPLETIONS) {
    const stem = stemmer(token + end);
    if (stem.length >= 3 && stem.length < best.length && token.startsWith(stem)) best = stem;
  }
  return best;
}

/** True when the query has at least one positive item (a query of exclusions alone matches nothing). */
export function hasPositive(q: ParsedQuery): boolean {
  return q.items.some((i) => !i.negated);
}

/** All positive tokens, for highlighting and explanations. */
export function positiveTokens(q: ParsedQuery): string[] {
  return q.items.filter((i) => !i.negated).flatMap((i) => i.tokens);
}

/**
 * Renders for SQLite FTS5 MATCH: every token double-quoted (so no input is ever FTS syntax),
 * phrases as one quoted string, `*` after a prefix, `OR` groups, `NOT` for exclusions.
 * Returns null when nothing positive remains.
 */
export function toFts5(q: ParsedQuery): string | null {
  if (!hasPositive(q)) return null;
  const groups: string[][] = [];
  for (const item of q.items.filter((i) => !i.negated)) {
    const rendered = `"${item.tokens.join(' ')}"${item.prefix ? ' *' : ''}`;
    if (item.orWithPrevious && groups.length > 0) groups[groups.length - 1]!.push(rendered);
    else groups.push([rendered]);
  }
  const rendered = groups.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0]!));
  const negatives = q.items.filter((i) => i.negated).map((i) => ` NOT "${i.tokens.join(' ')}"`).join('');
  if (!negatives) return rendered.join(' AND ');
  return `${rendered.length > 1 ? `(${rendered.join(' AND ')})` : rendered[0]!}${negatives}`;
}

/**
 * Renders for PostgreSQL: the non-prefix part as text for `websearch_to_tsquery` (which has
 * the same phrase, OR and `-` syntax), and the prefix words as a `to_tsquery` string of
 * `word:*` terms AND-ed in. Either may be null.
 */
export function toPostgres(q: ParsedQuery): { websearch: string | null; prefix: string | null } {
  if (!hasPositive(q)) return { websearch: null, prefix: null };
  const parts: string[] = [];
  const prefixes: string[] = [];
  for (const item of q.items) {
    if (item.prefix && !item.negated && !item.orWithPrevious) { prefixes.push(...item.tokens.map((t, i) => (i === item.tokens.length - 1 ? `${t}:*` : t))); continue; }
    const body = item.tokens.length > 1 ? `"${item.tokens.join(' ')}"` : item.tokens[0]!;
    parts.push(`${item.orWithPrevious ? 'or ' : ''}${item.negated ? '-' : ''}${body}`);
  }
  return { websearch: parts.length > 0 ? parts.join(' ') : null, prefix: prefixes.length > 0 ? prefixes.join(' & ') : null };
}
