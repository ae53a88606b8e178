/**
 * Word forms that carry the same meaning without a word vector: spelling variants and transliterations
 * (Zelensky/Zelenskyy, one edit apart) and derivational families (skeptical/skepticism, a shared stem).
 */

/** Credit for a spelling variant (one edit on a word of 6+ letters: Zelensky/Zelenskyy). */
export const VARIANT_CREDIT = 0.9;

/**
 * Variant or family credit of two different keys, 0 if neither. Both need a shared first letter and two words of
 * 6+ letters, a variant lengths within one and a family a shared 6-letter prefix: those cheap tests come first
 * (the full checks cost a string concatenation and a regular expression each).
 */
export function stringSim(ka: string, kb: string): number {
  if (ka.length < 6 || kb.length < 6 || ka.charCodeAt(0) !== kb.charCodeAt(0)) return 0;
  if (Math.abs(ka.length - kb.length) <= 1 && isVariant(ka, kb)) return VARIANT_CREDIT;
  if (ka.charCodeAt(5) === kb.charCodeAt(5) && ka.startsWith(kb.slice(0, 6)) && sameFamily(ka, kb))
    return FAMILY_CREDIT;
  return 0;
}

/** Credit for two words of one derivational family (skeptical/skepticism, negotiate/negotiation). */
export const FAMILY_CREDIT = 0.8;

/**
 * Same derivational family: a shared stem of 6+ letters covering at least 70% of the shorter word
 * (wink-nlp lemmatises inflections but not derivations; a stemmer's suffix stripping, approximated).
 */
export function sameFamily(a: string, b: string): boolean {
  if (hasDigit(a) || hasDigit(b)) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i >= 6 && i >= 0.7 * Math.min(a.length, b.length);
}

/** Whether `s` has an ASCII digit (`/\d/.test(s)`, without building a joined string per word pair). */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** One edit (insert/delete/substitute) apart, on words of 6+ letters: spelling variants and transliterations. */
export function isVariant(a: string, b: string): boolean {
  if (a.length < 6 || b.length < 6 || Math.abs(a.length - b.length) > 1 || hasDigit(a) || hasDigit(b)) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}
