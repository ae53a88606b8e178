/**
 * The words retrieval reads: lower-cased, accents folded, apostrophes inside a word dropped. Deliberately
 * lighter than the compare's wink-nlp read: every stored article and every check is read this way, and the
 * candidates it finds are then compared properly.
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const POSSESSIVE = /['’]s$/;

export function words(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const out: string[] = [];
  for (const m of folded.matchAll(WORD)) out.push(m[0].replace(POSSESSIVE, '').replace(/['’]/g, ''));
  return out;
}
