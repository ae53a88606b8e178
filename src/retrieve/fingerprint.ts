import { createHash } from 'node:crypto';
import { words } from './words.js';

/**
 * An article's id: the first 96 bits of SHA-256 over its words (`words.ts`), so the same text sent again (other
 * whitespace, case, punctuation or typographic quotes) gets the same id, on every instance sharing a database.
 */
export function articleId(text: string): string {
  return idOfWords(words(text));
}

/** `articleId` of a text already read into words. */
export function idOfWords(ws: readonly string[]): string {
  return createHash('sha256').update(ws.join(' ')).digest('hex').slice(0, 24);
}
