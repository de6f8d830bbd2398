import { decodeTexName, foldName } from '../../core/author-name.js';

/**
 * Typo- and accent-tolerant author-name matching. Candidates come from surname trigrams (so
 * "Kazemy" still meets "Kazemi"); each is then scored on the surname's trigram similarity and
 * on whether the given names agree, where an initial agrees with any name it starts.
 */

/** A name split into folded surname and given-name parts. */
export interface NameParts {
  surname: string;
  given: string[];
}

const SUFFIX = /^(jr|sr|ii|iii|iv)$/;

/** Splits "Given Family", "Family, Given" or "Family, G." into folded parts. */
export function nameParts(name: string): NameParts {
  const folded = foldName(decodeTexName(name));
  const comma = folded.indexOf(',');
  const words = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter((w) => w && !SUFFIX.test(w));
  if (comma > 0) {
    const family = words(folded.slice(0, comma));
    const given = words(folded.slice(comma + 1));
    if (family.length > 0 && given.length > 0) return { surname: family.join(''), given };
  }
  const all = words(folded);
  return { surname: all.at(-1) ?? '', given: all.slice(0, -1) };
}

/** The padded trigrams of a word (two spaces before, one after, as pg_trgm pads). */
export function trigrams(word: string): string[] {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

/** Jaccard similarity of two words' trigram sets, in [0, 1]. */
export function trigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ta = new Set(trigrams(a));
  const tb = trigrams(b);
  const shared = tb.filter((g) => ta.has(g)).length;
  return shared / (ta.size + tb.length - shared);
}

/** Whether two given-name lists can be the same person: each initial or name agrees in order. */
function givenAgree(query: string[], candidate: string[]): boolean {
  if (query.length === 0) return true;
  if (candidate.length === 0) return false;
  return query.every((q, i) => {
    const c = candidate[i];
    if (c === undefined) return q.length === 1;
    return q.length === 1 || c.length === 1 ? q[0] === c[0] : trigramSimilarity(q, c) >= 0.4;
  });
}

/**
 * How well a candidate name matches a queried name, in [0, 1]; 0 when they cannot be the same
 * person (given names disagree, or the surnames are too far apart).
 */
export function scoreName(query: NameParts, candidateName: string): number {
  const cand = nameParts(candidateName);
  const surname = trigramSimilarity(query.surname, cand.surname);
  if (surname < 0.3 || !givenAgree(query.given, cand.given)) return 0;
  const exactGiven = query.given.length > 0 && query.given.every((g, i) => g.length > 1 && g === cand.given[i]);
  return Math.min(1, surname * (exactGiven || query.given.length === 0 ? 1 : 0.95));
}
