import stringSimilarity from 'string-similarity';

/**
 * Whether two spellings name the same outlet: "theatlantic.com", "The Atlantic" and "Atlantic"; "Caliber.Az" and
 * "Caliber Az". Names are reduced to their letters and digits (no leading "the", no "www." or domain suffix, no
 * spaces or punctuation), then compared by Dice's coefficient on character bigrams, which forgives a typo or a
 * joined word but not a different word.
 */

/**
 * Lowest Dice coefficient of two reduced names taken as one outlet. Distinct outlets that share most of their name
 * stay below it ("Washington Post" / "Washington Times" 0.67, "New York Times" / "New York Post" 0.57, "Atlantic" /
 * "Atlantic Monthly" 0.67), spelling variants stay above ("Caliber.Az" / "Caliber Az" 1, one letter changed in a
 * ten-letter name ≥ 0.8): see test/core/checks/outlet-names.test.ts.
 */
export const SAME_OUTLET = 0.8;

/**
 * A name reduced to what identifies it: lower case, letters and digits only, without a leading "the", "www." or
 * the domain suffix. A domain's joined "the" ("theatlantic") is kept in a second spelling, since it may belong to
 * the name ("TheStreet").
 */
export function reducedNames(name: string): string[] {
  let n = name.trim().toLowerCase();
  const domain = /^(?:https?:\/\/)?(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\/?$/u.test(n);
  if (domain) {
    // Its registrable label: "theatlantic" of www.theatlantic.com, "caliber" of caliber.az.
    const labels = n
      .replace(/^https?:\/\//, '')
      .replace(/\/$/, '')
      .replace(/^www\./, '')
      .split('.');
    n = labels.slice(0, -1).join('');
  }
  const reduced = n.replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '');
  const joined = reduced.replace(/^the(?=\p{L}{3})/u, '');
  return joined !== reduced ? [reduced, joined] : [reduced];
}

/** Dice similarity of two outlet names over their reduced spellings (the best pair), 0..1. */
export function outletSimilarity(a: string, b: string): number {
  let best = 0;
  for (const x of reducedNames(a)) {
    for (const y of reducedNames(b)) {
      if (!x || !y) continue;
      best = Math.max(best, x === y ? 1 : stringSimilarity.compareTwoStrings(x, y));
    }
  }
  return best;
}

/** True when `name` is one of `names` (an outlet's spellings) by `outletSimilarity`. */
export function sameOutlet(name: string, names: string[]): boolean {
  return names.some((n) => outletSimilarity(name, n) >= SAME_OUTLET);
}
