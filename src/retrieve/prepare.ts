import type { ArticleInput } from '../core/types.js';
import type { NewArticle } from '../store/types.js';
import { dateRange } from './dates.js';
import { articleId } from './fingerprint.js';
import { storedKeys, type Rarity } from './signature.js';

/** An article as the store takes it: id from its content, index keys and publication interval computed once. */
export function prepareArticle(input: ArticleInput, rarity: Rarity): NewArticle {
  return {
    id: articleId(input.text),
    text: input.text,
    outlet: input.outlet, url: input.url, title: input.title, published: input.published, aliases: input.aliases,
    range: dateRange(input.published),
    keys: storedKeys(input.text, rarity),
  };
}
