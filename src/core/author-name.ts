/**
 * Author-name normalisation. arXiv metadata writes names with TeX accents (`Bal\'azs`),
 * in "Given Family" or "Family, Given" order, with initials spelled many ways. The key
 * groups one person's papers by default: the full name, accents folded, lower-cased,
 * punctuation collapsed to hyphens. It never merges different spelled-out given names
 * ("Milad Kazemi" and "Mehran Kazemi" stay apart); merging initials with full names is
 * left to author disambiguation, which can see co-authors and categories.
 */

const TEX_ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304',
  '.': '\u0307', u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A',
};
const TEX_LETTERS: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', l: 'ł', L: 'Ł', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', i: 'ı', j: 'ȷ',
};

/**
 * Decodes the TeX accent and letter macros found in arXiv author strings
 * (`P\'eter` → `Péter`, `{\"o}` → `ö`, `\v{s}` → `š`, `\ss` → `ß`) and drops grouping braces.
 */
export function decodeTexName(s: string): string {
  if (!s.includes('\\') && !s.includes('{')) return s;
  // Macros first, while braces still delimit them (`{\O}bro`, `\'{\i}`, `Gro{\ss}e`); then once more
  // without braces, for spellings whose macro only appears then, like `J\{=}anis` (0705.3803).
  return decodeTexMacros(decodeTexMacros(s).replace(/[{}]/g, '')).replace(/\s+/g, ' ').trim();
}

function decodeTexMacros(s: string): string {
  const out = s.replace(/\\([`'^"~=.uvHckr])\s*(?:\{\s*\\?([A-Za-z])\s*\}|\\?([A-Za-z]))/g, (_m, acc: string, a?: string, b?: string) => {
    const base = a ?? b ?? '';
    return (base + (TEX_ACCENTS[acc] ?? '')).normalize('NFC');
  });
  return out.replace(/\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])\s?/g, (_m, name: string) => TEX_LETTERS[name] ?? name);
}

/** Folds accents and case: `Balázs` → `balazs`, `Łukasz` → `lukasz`. */
export function foldName(s: string): string {
  return s
    .replace(/[łŁ]/g, 'l').replace(/[øØ]/g, 'o').replace(/ß/g, 'ss').replace(/[æÆ]/g, 'ae').replace(/[œŒ]/g, 'oe')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * The normalised grouping key of a display name: `"C.-P. Yuan"` → `"c-p-yuan"`,
 * `"Kazemi, Milad"` → `"milad-kazemi"`. Returns `""` for a name with no letters.
 */
export function authorKey(name: string): string {
  const comma = name.indexOf(',');
  let ordered = name;
  // "Family, Given" (but not "Given Family, Jr.")
  if (comma > 0 && !/^\s*(jr|sr|ii|iii|iv)\.?\s*$/i.test(name.slice(comma + 1))) {
    ordered = `${name.slice(comma + 1)} ${name.slice(0, comma)}`;
  }
  // Plain-ASCII names (most of them) need no TeX decoding or accent folding.
  const folded = /^[\x20-\x7e]*$/.test(ordered) && !/[\\{]/.test(ordered) ? ordered.toLowerCase() : foldName(decodeTexName(ordered));
  return folded.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** Builds the display name from arXiv's parsed parts (keyname, forenames, suffix). */
export function joinNameParts(keyname: string, forenames?: string | null, suffix?: string | null): string {
  return decodeTexName([forenames, keyname, suffix].filter((p) => p && p.trim()).join(' '));
}

/**
 * Splits an arXiv `authors` string ("A. One, B. Two and C. Three") into names.
 * Parenthesised affiliations are dropped; "Jr." stays with its name.
 */
export function splitAuthorList(s: string): string[] {
  // "et al." closes truncated lists (arXiv 0704.0020); it names no one.
  const flat = stripParenthesised(s).replace(/\s+/g, ' ').replace(/[\s,]*\bet\.? al(?:\.|ii)?\s*$/i, '');
  // `, and` is the serial comma ("A, B, and C"), not the start of a name.
  const parts = flat.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*|\s*&\s*/);
  const names: string[] = [];
  for (const raw of parts) {
    const p = raw.trim();
    if (!p) continue;
    if (/^(jr|sr|ii|iii|iv)\.?$/i.test(p) && names.length > 0) names[names.length - 1] += `, ${p}`;
    else names.push(p);
  }
  return names;
}

function stripParenthesised(s: string): string {
  let depth = 0;
  let out = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}
