/**
 * Character classes for hand-written scanners. V8 runs regexes with Unicode property classes (`\p{L}`, `\p{Lu}`)
 * several times slower than a scan that tests ASCII by range, so the regex engine is asked only about the other code
 * points (in English news, a few quotation marks and dashes per sentence). Code points follow the `u` flag: a
 * surrogate pair is one character, a lone surrogate (or a pair cut by the end of the scanned range) is its own, in
 * no letter class.
 */
const make =
  (re: RegExp, ascii: (c: number) => boolean) =>
  (cp: number): boolean =>
    cp < 128 ? ascii(cp) : re.test(String.fromCodePoint(cp));
const lower = (c: number) => c >= 97 && c <= 122,
  upper = (c: number) => c >= 65 && c <= 90,
  digit = (c: number) => c >= 48 && c <= 57;

/** `\p{L}` or `\p{N}`. */
export const isLetterOrDigit = make(/^[\p{L}\p{N}]$/u, (c) => lower(c) || upper(c) || digit(c));
/** `\p{L}`. */
export const isLetter = make(/^\p{L}$/u, (c) => lower(c) || upper(c));
/** `\p{Lu}`. */
export const isUpper = make(/^\p{Lu}$/u, upper);

/** `[\p{L}\p{N}]` and `\p{L}` on the 128 ASCII units as tables (1: in the class), for scanners that test the ASCII
 *  units of a text inline and ask the functions above only about other code points. */
export const ALNUM_ASCII = Uint8Array.from({ length: 128 }, (_, c) => (isLetterOrDigit(c) ? 1 : 0));
export const LETTER_ASCII = Uint8Array.from({ length: 128 }, (_, c) => (isLetter(c) ? 1 : 0));

/** ECMAScript's WhiteSpace and LineTerminator (what the regex `\s` matches) on one UTF-16 unit: tab, LF, VT, FF, CR,
 *  space, NBSP, U+1680, U+2000–U+200A, LS, PS, U+202F, U+205F, U+3000, BOM. */
export function isSpaceUnit(c: number): boolean {
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The code point at `i` of `text` read within `[.., end)`: a surrogate pair cut by `end` gives its lone high half. */
export function codePointAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + d - 0xdc00 + 0x10000;
  }
  return c;
}

/** Width in UTF-16 units of a code point read by `codePointAt`. */
export const widthOf = (cp: number): number => (cp > 0xffff ? 2 : 1);

/**
 * `/[\p{L}\p{N}]/u.test(s)`: whether `s` holds a letter or digit (a scan: words are ASCII and hit on the first unit).
 */
export function hasLetterOrDigit(s: string): boolean {
  for (let i = 0; i < s.length; ) {
    const cp = codePointAt(s, i, s.length);
    if (isLetterOrDigit(cp)) return true;
    i += widthOf(cp);
  }
  return false;
}
