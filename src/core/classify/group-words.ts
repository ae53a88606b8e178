import type { DiffPart } from '../types.js';
import { DiffBuffers, type DiffText, diffTexts, diffTokens, joinDiffTexts, wordDiff } from './word-diff.js';

/**
 * What the groups phase of a compare needs from one analysed text, memoised with its analysis: each
 * sentence's word-diff tokens and words, interned to ids of the text's own dictionary. A cached original compared
 * with many rewrites is then neither re-tokenised nor re-interned; only the ids of the original are mapped into
 * the rewrite's (`PairWords`). Filled lazily, sentence by sentence, by the compares that align it. Ids are names:
 * their values depend on the order sentences were first read, but they are only ever compared for equality, so
 * no answer depends on that order.
 */
export class TextWords {
  private readonly dict = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly tokens: DiffText[] = [];
  private readonly words: Int32Array[] = [];
  private readonly intern = (s: string): number => {
    let id = this.dict.get(s);
    if (id === undefined) {
      this.dict.set(s, (id = this.keys.length));
      this.keys.push(s);
    }
    return id;
  };

  /** Number of distinct strings interned so far. */
  get size(): number {
    return this.keys.length;
  }
  /** The id of `s`, if interned. */
  idOf(s: string): number | undefined {
    return this.dict.get(s);
  }
  /** The string of an id. */
  keyOf(id: number): string {
    return this.keys[id]!;
  }

  /** Sentence `i`'s word-diff tokens (`text` must be that sentence's text: the memo is by index). */
  diffText(i: number, text: string, buffers: DiffBuffers): DiffText {
    return (this.tokens[i] ??= diffTokens(text, this.intern, buffers));
  }

  /** Sentence `i`'s words (its `ClaimTerms.words`) as ids. */
  wordIds(i: number, words: string[]): Int32Array {
    let ids = this.words[i];
    if (!ids) {
      ids = this.words[i] = new Int32Array(words.length);
      for (let k = 0; k < words.length; k++) ids[k] = this.intern(words[k]!);
    }
    return ids;
  }
}

/**
 * One id space for the two texts of a compare: the rewrite's ids as they are, and for an id of the original the
 * rewrite's id of the same string, or −1 − (its own id) when the rewrite has no such string. Strings equal across
 * the texts get equal ids and different strings different ids, which is all the LCS and the diff look at.
 */
export class PairWords {
  /** Per original id: 0 not looked up yet, k > 0 the rewrite's id k − 1, or −(size + 1) for "absent while the
   *  rewrite had `size` strings". Typed: ids are first met out of order, which turned an array into a dictionary. */
  private mapped = new Int32Array(0);

  /** `buffers`: the diff's scratch, reused by every group (default: its own). */
  constructor(
    readonly original: TextWords,
    readonly rewrite: TextWords,
    private readonly buffers = new DiffBuffers(),
  ) {}

  /**
   * The words of a group's claims (`ClaimTerms.words` of sentences `oIdx` and `rIdx`) as ids in the shared space. The
   * rewrite's are interned first: an original word is looked up in the rewrite's dictionary once that holds them.
   */
  groupWords(
    oIdx: readonly number[],
    oWords: string[][],
    rIdx: readonly number[],
    rWords: string[][],
  ): [Int32Array[], Int32Array[]] {
    const r = rIdx.map((i, k) => this.rewrite.wordIds(i, rWords[k]!));
    return [oIdx.map((i, k) => this.originalIds(this.original.wordIds(i, oWords[k]!))), r];
  }

  /**
   * The word diff of an aligned group: `wordDiff` of its original claims' texts joined by spaces against its rewrite
   * claims' texts joined by spaces, from the claims' memoised tokens (`oIdx`/`rIdx` are the claims' sentence indices,
   * `oTexts`/`rTexts` their texts).
   */
  diff(
    oIdx: readonly number[],
    oTexts: string[],
    rIdx: readonly number[],
    rTexts: string[],
    maxEdits: number,
  ): DiffPart[] {
    const r = joinDiffTexts(rIdx.map((i, k) => this.rewrite.diffText(i, rTexts[k]!, this.buffers)));
    const o = joinDiffTexts(oIdx.map((i, k) => this.original.diffText(i, oTexts[k]!, this.buffers)));
    if (!o || !r) return wordDiff(oTexts.join(' '), rTexts.join(' '), maxEdits, this.buffers);
    return diffTexts(o.text === r.text ? o : { ...o, ids: this.originalIds(o.ids) }, r, maxEdits, this.buffers);
  }

  private originalIds(ids: Int32Array): Int32Array {
    const out = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k++) out[k] = this.map(ids[k]!);
    return out;
  }

  private map(id: number): number {
    if (id >= this.mapped.length) {
      const grown = new Int32Array(Math.max(this.original.size, 2 * this.mapped.length));
      grown.set(this.mapped);
      this.mapped = grown;
    }
    let to = this.mapped[id]!;
    // The rewrite's dictionary grows as its sentences are first read, so an absence is rechecked once it has grown.
    if (to === 0 || (to < 0 && to !== -(this.rewrite.size + 1))) {
      const found = this.rewrite.idOf(this.original.keyOf(id));
      this.mapped[id] = to = found === undefined ? -(this.rewrite.size + 1) : found + 1;
    }
    return to > 0 ? to - 1 : -1 - id;
  }
}
