import { QuoteBuffers } from './checks/quote-check.js';
import { LcsBuffers } from './classify/lcs.js';
import { DiffBuffers } from './classify/word-diff.js';
import { PairBuffers } from './match/pair-score.js';
import { CrossBuffers } from './terms/vocabulary.js';

/**
 * The scratch buffers of one comparer's compares, grown as needed and reused: the kernels run thousands of times a
 * compare, and allocating their buffers each time was a large share of it. A compare runs to completion without
 * yielding, so the compares of one comparer take the buffers in turn; two comparers share nothing.
 */
export class Workspace {
  readonly lcs = new LcsBuffers();
  readonly diff = new DiffBuffers();
  readonly quotes = new QuoteBuffers();
  readonly pairs = new PairBuffers();
  readonly cross = new CrossBuffers();
}
