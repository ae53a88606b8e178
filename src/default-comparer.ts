import { type Comparer, createComparer } from './core/compare.js';
import { defaultAntonyms } from './lexicon/antonyms.js';
import { defaultPairModel } from './lexicon/pair-model.js';
import { defaultLexicon } from './lexicon/vectors.js';

let comparer: Comparer | undefined;

/**
 * This process's comparer: the pure core wired to the lexicon built into `dist/lexicon` (read on first use).
 * The server, its workers (one each: a thread has its own module state), the CLI and the scripts share it, so a
 * text analysed once is reused by every later compare of the process.
 */
export function defaultComparer(): Comparer {
  return (comparer ??= createComparer({
    lexicon: defaultLexicon(),
    antonyms: defaultAntonyms(),
    pairModel: defaultPairModel(),
  }));
}
