import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { defaultLexicon } from '../lexicon/vectors.js';
import { type Rarity, rarityFromRanks, rarityWithoutLexicon } from '../retrieve/signature.js';
import { openStore, type StoreConfig } from '../store/open.js';
import type { ArticleStore } from '../store/types.js';
import { ProblemError } from './problem.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The article store, opened on first use (migrations applied then); STORE_UNAVAILABLE while it cannot open. */
    articleStore(): Promise<ArticleStore>;
    /** Background word rarity of the candidate index (the lexicon's frequency ranks). */
    rarity: Rarity;
  }
}

export interface StorePluginOptions extends StoreConfig {
  /** TEST ONLY: a store opened by the test (closed by it, not by the app). */
  store?: ArticleStore | undefined;
}

/**
 * Decorates the app with its article store. Opened lazily so that an app that never stores (most tests, a compare-
 * only deployment) creates no files and needs no database; the server opens it at start (`onListen`), so a broken
 * `DATABASE_URL` shows in the log and in `/ready` at once. A failed open is retried by the next request.
 */
export default fp(
  async function storePlugin(app: FastifyInstance, options: StorePluginOptions) {
    let opening: Promise<ArticleStore> | undefined = options.store ? Promise.resolve(options.store) : undefined;
    const get = (): Promise<ArticleStore> => {
      opening ??= openStore(options).catch((err: unknown) => {
        opening = undefined;
        app.log.error({ err }, 'article store unavailable');
        throw new ProblemError('STORE_UNAVAILABLE', `The article store could not be opened: ${(err as Error).message}`);
      });
      return opening;
    };
    const lexicon = defaultLexicon();
    app.decorate('rarity', lexicon ? rarityFromRanks(lexicon.rank, lexicon.size) : rarityWithoutLexicon);
    app.decorate('articleStore', get);
    app.addHook('onListen', async () => {
      await get().catch(() => {});
    });
    app.addHook('onClose', async () => {
      if (opening && !options.store) await (await opening.catch(() => undefined))?.close();
    });
  },
  { name: 'store' },
);

/**
 * PostgreSQL text cannot hold U+0000; the embedded engine could, but both engines take the same articles, so the
 * store refuses it on either with a 400 naming the field.
 */
export function assertStorable(text: string, field: string): void {
  if (text.includes('\u0000')) {
    throw new ProblemError('INVALID_REQUEST', `${field}.text contains U+0000, which the article store cannot hold.`, [
      { field: `${field}.text`, rule: 'storable', message: 'contains U+0000' },
    ]);
  }
}
