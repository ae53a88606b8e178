import type { ArticleInput } from '../core/types.js';
import type { NewArticle } from '../store/types.js';
import { dateRange } from './dates.js';
import { idOfWords } from './fingerprint.js';
import { type Rarity, storedKeysOfWords } from './signature.js';
import { words } from './words.js';

/** An article as the store takes it: id from its content, index keys and publication interval computed once. */
export function prepareArticle(input: ArticleInput, rarity: Rarity): NewArticle {
  const ws = words(input.text);
  return {
    id: idOfWords(ws),
    text: input.text,
    outlet: input.outlet,
    url: input.url,
    title: input.title,
    published: input.published,
    aliases: input.aliases,
    range: dateRange(input.published),
    keys: storedKeysOfWords(ws, rarity),
  };
}
