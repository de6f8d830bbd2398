import { ValidationError } from './errors.js';

/** An arXiv identifier split into its versionless id and optional version number. */
export interface ParsedArxivId {
  /** Versionless canonical id: `2503.11731` or `hep-th/9407087`. */
  id: string;
  /** Version number (the `2` of `v2`), or null when none was given. */
  version: number | null;
}

// New style: YYMM.NNNN (2007–2014) or YYMM.NNNNN (2015+). Old style: archive[.SUBJ]/YYMMNNN.
const NEW_STYLE = /^(\d{4})\.(\d{4,5})(?:v(\d+))?$/;
const OLD_STYLE = /^([a-z][a-z-]*)(?:\.[A-Za-z-]{2})?\/(\d{7})(?:v(\d+))?$/;
const PREFIXES = [/^arxiv:/i, /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i, /^oai:arxiv\.org:/i];

/**
 * Parses any common spelling of an arXiv id (`arXiv:2503.11731v2`, an abs/pdf URL,
 * `oai:arXiv.org:hep-th/9407087`, `math.GT/0309136`) into its canonical versionless form.
 * Old-style subject-class suffixes are dropped (`math.GT/0309136` → `math/0309136`), as arXiv does.
 * Returns undefined for anything that is not an arXiv id.
 */
export function findArxivId(raw: string): ParsedArxivId | undefined {
  let s = raw.trim();
  for (const p of PREFIXES) s = s.replace(p, '');
  s = s.replace(/\.pdf$/i, '');
  const n = NEW_STYLE.exec(s);
  if (n) {
    const month = Number(n[1]!.slice(2));
    const digits = n[2]!.length;
    if (month < 1 || month > 12) return undefined;
    // 5-digit numbers start at 1501; 4-digit ones end at 1412.
    if ((digits === 5) !== Number(n[1]) >= 1501) return undefined;
    return { id: `${n[1]}.${n[2]}`, version: n[3] ? Number(n[3]) : null };
  }
  const o = OLD_STYLE.exec(s);
  if (o) return { id: `${o[1]}/${o[2]}`, version: o[3] ? Number(o[3]) : null };
  return undefined;
}

/** Like {@link findArxivId} but throws a ValidationError naming `field` when `raw` is not an arXiv id. */
export function parseArxivIdOrThrow(raw: string, field = 'id'): ParsedArxivId {
  const parsed = findArxivId(raw);
  if (!parsed) throw new ValidationError(field, `not an arXiv id: ${JSON.stringify(raw.slice(0, 80))}`);
  return parsed;
}

/**
 * The year an arXiv id was assigned, read from the id itself (`2503.11731` → 2025,
 * `hep-th/9407087` → 1994): arXiv ids encode YYMM, so a citing paper's year is known even when
 * the paper is not in the store. Undefined for anything that is not an arXiv id.
 */
export function arxivIdYear(id: string): number | undefined {
  const parsed = findArxivId(id);
  if (!parsed) return undefined;
  const yy = Number(parsed.id.includes('/') ? parsed.id.split('/')[1]!.slice(0, 2) : parsed.id.slice(0, 2));
  // Old-style ids run from 1991 to 2007; new-style ones start in 2007.
  return parsed.id.includes('/') ? (yy >= 91 ? 1900 + yy : 2000 + yy) : 2000 + yy;
}
