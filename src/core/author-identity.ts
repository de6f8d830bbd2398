import { authorKey } from './author-name.js';

/**
 * Author identifiers sources report (ORCID iDs, Semantic Scholar author ids) and the name
 * check that ties a source's author to an authorship on a stored paper.
 */

/**
 * The bare ORCID iD (`0000-0002-1825-0097`) from a bare or URL form
 * (`https://orcid.org/0000-0002-1825-0097`, `orcid.org/…`), with the ISO 7064 11-2 check
 * digit verified; undefined when it is not a valid ORCID iD.
 */
export function normaliseOrcid(value: string): string | undefined {
  const m = /^(?:https?:\/\/)?(?:www\.)?(?:orcid\.org\/)?(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$/i.exec(value.trim());
  if (!m) return undefined;
  const digits = m.slice(1, 5).join('').toUpperCase();
  let total = 0;
  for (const d of digits.slice(0, 15)) total = (total + Number(d)) * 2;
  const check = (12 - (total % 11)) % 11;
  if (digits[15] !== (check === 10 ? 'X' : String(check))) return undefined;
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}-${digits.slice(12)}`;
}

/**
 * Whether two display names can be the same person: equal name keys, or the same surname
 * (last key part) with given names that agree part by part, where an initial agrees with
 * any name it starts (`E. Duflo` ~ `Esther Duflo`, `A. M. Turing` ~ `Alan Turing`).
 */
export function namesCompatible(a: string, b: string): boolean {
  const x = authorKey(a).split('-').filter(Boolean), y = authorKey(b).split('-').filter(Boolean);
  if (x.length === 0 || y.length === 0) return false;
  if (x.join('-') === y.join('-')) return true;
  if (x.at(-1) !== y.at(-1) || x.length < 2 || y.length < 2) return false;
  const gx = x.slice(0, -1), gy = y.slice(0, -1);
  return gx.slice(0, Math.min(gx.length, gy.length)).every((g, i) => givenAgrees(g, gy[i]!));
}

function givenAgrees(a: string, b: string): boolean {
  if (a === b) return true;
  return (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}
