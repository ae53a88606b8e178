/**
 * Length-preserving normalisation. Every function here returns a string of exactly the same UTF-16 length as
 * its input, so an offset into the normalised string is the same offset into the submitted text: the offset map
 * is the identity and spans computed on the parallel representation slice the original exactly.
 * (Deleting or expanding characters, e.g. NFKC or `toLowerCase()` of "İ", would silently shift every span.)
 */

/**
 * Normalises a text for the sentence splitter without moving any offset: CRLF becomes " \n", a lone CR and the
 * Unicode line/paragraph separators become "\n", controls and exotic spaces become " ", lone surrogates become
 * U+FFFD. Letters, quotes and punctuation are untouched (wink-nlp handles curly quotes itself).
 */
export function normalizeForNlp(text: string): string {
  // One scan, copying only around the units that change (news text has a few NBSPs at most): four regex replaces
  // (the definition, kept in test/core/fresh-analysis.ts) each read the whole text, two-byte for curly
  // quotes.
  let out = '',
    from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    const r = normalUnit(text, i, c);
    if (r === c) continue;
    out += text.slice(from, i) + String.fromCharCode(r);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The unit that `normalizeForNlp` puts at `i` (`c` is the unit there). */
function normalUnit(text: string, i: number, c: number): number {
  if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? 0x20 : 0x0a; // CRLF → " \n", a lone CR → "\n"
  if (c === 0x2028 || c === 0x2029 || c === 0x85) return 0x0a;
  if (c === 0x0a) return c;
  if (
    c <= 0x1f ||
    (c >= 0x7f && c <= 0xa0) ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202f) ||
    (c >= 0x205f && c <= 0x2064) ||
    c === 0x3000 ||
    c === 0xfeff
  )
    return 0x20; // controls, exotic spaces, format
  // A surrogate half without its partner: wink and `Intl` see garbage; U+FFFD keeps the length at one unit.
  if (c >= 0xd800 && c <= 0xdbff) return (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? c : 0xfffd;
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800 ? c : 0xfffd;
  return c;
}

/** Typographic variants folded to one ASCII form; each maps one code unit to one code unit. */
const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u00b4': "'",
  '\u0060': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
};

/**
 * Folds a text for comparison, one code unit at a time (so offsets still line up): lower case where the lower
 * case form has the same length, curly quotes and primes to ASCII quotes, dashes to "-", every space-like
 * character (NBSP, newlines, tabs, controls) to " ", lone surrogates to U+FFFD.
 * Use it to compare two spans ("doesn’t" vs "doesn't") without losing the span → submitted-text mapping.
 */
export function foldForMatch(text: string): string {
  const spaced = normalizeForNlp(text).replace(/\n/g, ' ');
  let out = '';
  for (let i = 0; i < spaced.length; i++) {
    const ch = spaced[i] as string;
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < spaced.length) {
      // Keep a surrogate pair intact (emoji, rare CJK); astral letters keep their case.
      out += ch + (spaced[i + 1] as string);
      i++;
      continue;
    }
    const folded = FOLD[ch];
    if (folded !== undefined) {
      out += folded;
      continue;
    }
    const lower = ch.toLowerCase();
    out += lower.length === 1 ? lower : ch;
  }
  return out;
}

/** True when the code unit at `i` is the second half of a surrogate pair (never cut a string there). */
export function isLowSurrogateAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const p = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff;
}

/** True for a combining mark (a cut before it would orphan the accent from its letter). */
export function isCombiningAt(text: string, i: number): boolean {
  return /\p{M}/u.test(text[i] ?? '');
}

/** Whitespace in the submitted text, including NBSP, zero-width space and BOM (trimmed off span edges). */
export function isSpaceChar(ch: string | undefined): boolean {
  return ch !== undefined && (/\s/.test(ch) || ch === '\u200b' || ch === '\ufeff' || ch === '\u2060');
}
