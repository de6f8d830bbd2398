/**
 * Email addresses as Papersift keys them. Two spellings that differ only in case or
 * surrounding spaces are the same subscriber; anything subtler (dots, `+tags`) is left to the
 * mail provider, since their meaning differs between providers.
 */

/** The key of an address: trimmed and lower-cased (`  Ada@Example.ORG ` → `ada@example.org`). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
