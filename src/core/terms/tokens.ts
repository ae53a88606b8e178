import { hasLetterOrDigit } from '../segment/chars.js';
import {
  mayBePossessive,
  type Nlp,
  nlpView,
  POSSESSIVE,
  readTokens,
  type TokenTable,
  textNlp,
} from '../segment/nlp.js';

/** One content word of a claim, reduced to what similarity compares. */
export interface Term {
  /** Canonical key: lemma, lower-cased, hyphens/apostrophes removed, doubled letters collapsed. */
  key: string;
  /** The lower-cased lemma as wink-nlp gives it (used to look up the word vector and frequency rank). */
  lemma: string;
  /** Proper noun (a name): shared names alone must not make two sentences the same claim. */
  name: boolean;
  /** A number (digits or a number word): a changed number is a changed fact, not a paraphrase. */
  number: boolean;
}

/** A claim's surface words (for kept-vs-paraphrased and copied runs). */
export interface ClaimWords {
  /** Lower-cased surface words incl. function words, punctuation removed (for near-verbatim detection). */
  words: string[];
  /** Parallel to `words`: 2 = proper noun, 1 = other content word, 0 = function word (for copied-run evidence). */
  wordKinds: number[];
}

/** Word-level view of one claim: its content terms and its surface words (for kept-vs-paraphrased). */
export interface ClaimTerms extends ClaimWords {
  terms: Term[];
}

/**
 * Takes a claim's terms one by one, in order, as `Term`'s fields (`spanTermsInto`): a text's terms are interned as
 * they are read (terms/vocabulary.ts `TextTermsBuilder`) instead of being made into objects first and interned after.
 */
export interface TermSink {
  term(key: string, lemma: string, name: boolean, number: boolean): void;
}

/**
 * Spelling-variant folding for keys. Doubled letters are collapsed (Zelenskyy/Zelensky, travelled/traveled),
 * hyphens and apostrophes dropped (cease-fire/ceasefire). British -ise/-our/-tre spellings are already folded
 * by wink-nlp's normaliser (defence → defense, scepticism → skepticism), so they are not repeated here.
 */
export function canonicalKey(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'‘`-]|(?<!\d)\.|\.(?!\d)/g, '')
    .replace(/(\p{L})\1+/gu, '$1');
}

/** `canonicalKey` of a lemma. */
export type KeyOf = (lemma: string) => string;

/** Keys of recent lemmas: `canonicalKey` is a pure function of the lemma, texts repeat their lemmas, and the NFKD
 *  and regex folding was the largest part of building terms from a read. Bounded: cleared when full. */
const KEY_MEMO_MAX = 50_000;

/** `canonicalKey` with its own memo of recent lemmas (same keys, computed once per lemma). */
export function keyFolder(): KeyOf {
  const memo = new Map<string, string>();
  return (lemma) => {
    let key = memo.get(lemma);
    if (key === undefined) {
      if (memo.size >= KEY_MEMO_MAX) memo.clear();
      memo.set(lemma, (key = canonicalKey(lemma)));
    }
    return key;
  };
}

/** What reading terms needs besides the text, kept across texts: the wink-nlp instance and the key memo. */
export interface TermReader {
  nlp: Nlp;
  keyOf: KeyOf;
}

/** A fresh `TermReader` (its own wink instance and memo): a comparer owns one. */
export function termReader(): TermReader {
  return { nlp: textNlp(), keyOf: keyFolder() };
}

const POSSESSIVE_TAIL = /[’']s$/i;

const NUMBER_WORDS = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'hundred',
  'thousand',
  'million',
  'billion',
  'trillion',
  'dozen',
  'half',
]);
/** Parts of speech that carry content; determiners, pronouns, auxiliaries etc. are function words. */
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM', 'X', 'SYM', 'INTJ']);

/**
 * Tokenises and lemmatises one claim read on its own. `compare` does not use it: it reads each text once and
 * takes each claim's terms from that read (`spanTerms`); this is for a sentence without its text (tests, tools)
 * and for a claim whose edge cuts a token.
 */
export function claimTerms(text: string, reader: TermReader): ClaimTerms {
  const table = readTokens(nlpView(text), reader.nlp);
  const terms: Term[] = [];
  return { terms, ...tableWords(table, 0, table.length, collectInto(terms), reader.keyOf) };
}

/** A sink that collects the terms handed to it as `Term` objects into `terms`. */
function collectInto(terms: Term[]): TermSink {
  return {
    term: (key, lemma, name, number) => {
      terms.push({ key, lemma, name, number });
    },
  };
}

/** First token index in `[from, length)` whose start is at or after `offset` (token starts ascend). */
function firstTokenAt(table: TokenTable, offset: number, from = 0): number {
  let lo = from,
    hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((table.start[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The terms of the claim `[start, end)` from the one read of its whole text (each text is read by wink once). The
 * claim's tokens are found by offset, not by sentence index: claims are wink's sentences after repairs (quotes
 * reattached, speech tags joined, long sentences cut). Returns `null` when a token crosses an edge of the span (a cut
 * inside a token): the caller then reads the claim on its own with `claimTerms`. POS tags are those of the words in
 * context, which may differ from a read of the sentence alone at its edges.
 */
export function spanTerms(table: TokenTable, start: number, end: number, keyOf: KeyOf): ClaimTerms | null {
  const terms: Term[] = [];
  const words = spanTermsInto(table, start, end, collectInto(terms), keyOf);
  return words && { terms, ...words };
}

/**
 * `spanTerms` with the terms handed to `sink` as they are found: the claim's words, or `null` (and nothing handed
 * to `sink`) when a token crosses an edge of the span.
 */
export function spanTermsInto(
  table: TokenTable,
  start: number,
  end: number,
  sink: TermSink,
  keyOf: KeyOf,
): ClaimWords | null {
  const from = firstTokenAt(table, start),
    to = firstTokenAt(table, end, from);
  if (from > 0 && (table.end[from - 1] as number) > start) return null;
  if (to > from && (table.end[to - 1] as number) > end) return null;
  return tableWords(table, from, to, sink, keyOf);
}

/**
 * Words of tokens `[from, to)` of a read, their terms handed to `sink` in order. Hyphenated compounds of common
 * words written without spaces ("cease-fire", "long-standing") become one term so that they match the closed-up
 * spelling.
 * Deterministic and bounded: linear in the number of tokens.
 */
function tableWords(table: TokenTable, from: number, to: number, sink: TermSink, keyOf: KeyOf): ClaimWords {
  const { value: values, lemma: lemmas, type: types, stop, start, end } = table;
  const n = to - from;
  // A possessive ("Biden’s") is one token: `readTokens` primes every possessive so that wink never splits one on
  // first sight and keeps it whole later (terms would depend on what the process read before). The clitic is
  // split off here, so "Biden’s" gives the term "biden" and the words "biden", "’s".
  // Made only for a claim with a possessive (most have none): per token, its clitic and its tag as the terms see it.
  let clitics: (RegExpExecArray | null)[] | null = null,
    tags: string[] | null = null;
  for (let k = 0; k < n; k++) {
    const i = from + k;
    const clitic = types[i] === 'word' && mayBePossessive(values[i]!) ? POSSESSIVE.exec(values[i]!) : null;
    if (!clitic) continue;
    clitics ??= new Array<RegExpExecArray | null>(n).fill(null);
    tags ??= Array.from({ length: n }, (_, j) => table.pos[from + j] ?? '');
    clitics[k] = clitic;
    // The cached whole form is also tagged differently ("administration’s" as a proper noun): a lower-case
    // word with a clitic is a common noun, as it is when wink splits it.
    if (table.pos[i] === 'PROPN' && !/^\p{Lu}/u.test(clitic[1]!)) tags[k] = 'NOUN';
  }
  const tagOf = (k: number) => (tags ? tags[k]! : (table.pos[from + k] ?? ''));
  const words: string[] = [];
  const wordKinds: number[] = [];
  const kind = (k: number) => (tagOf(k) === 'PROPN' ? 2 : !stop[from + k] && CONTENT_POS.has(tagOf(k)) ? 1 : 0);
  // Only common words are closed up: "40-minute" is the number 40 and a minute, "Russia-Ukraine" two names.
  const common = (k: number) => types[from + k] === 'word' && tagOf(k) !== 'PROPN' && !/\d/.test(values[from + k]!);
  // "cease-fire": a hyphen token touching the words on both sides (no space in between).
  const closedHyphen = (k: number) =>
    k + 2 < n &&
    values[from + k + 1] === '-' &&
    start[from + k + 1] === end[from + k] &&
    start[from + k + 2] === end[from + k + 1];
  for (let k = 0; k < n; k++) {
    const i = from + k;
    const type = types[i];
    const clitic = clitics ? clitics[k] : null;
    if (type === 'word' || type === 'number' || type === 'currency' || type === 'hashtag' || type === 'mention') {
      const v = (clitic ? clitic[1]! : values[i]!).toLowerCase();
      if (hasLetterOrDigit(v)) {
        words.push(v);
        wordKinds.push(kind(k));
      }
      if (clitic) {
        words.push(clitic[2]!.toLowerCase());
        wordKinds.push(0);
      }
    }
    if (type !== 'word' && type !== 'number') continue;
    let lemma = (lemmas[i] ?? values[i]!).toLowerCase();
    if (clitic) lemma = lemma.replace(POSSESSIVE_TAIL, '');
    const isName = tagOf(k) === 'PROPN',
      isNumber = type === 'number' || tagOf(k) === 'NUM';
    while (closedHyphen(k) && common(k) && common(k + 2)) {
      lemma += (lemmas[from + k + 2] ?? values[from + k + 2]!).toLowerCase();
      words.push(values[from + k + 2]!.toLowerCase());
      wordKinds.push(kind(k + 2));
      k += 2;
    }
    if (stop[from + k] && !isNumber) continue;
    if (!CONTENT_POS.has(tagOf(k)) && !isNumber && !isName) continue;
    if (lemma === "'s" || lemma === '’s' || lemma === 'not') continue;
    const key = keyOf(lemma);
    if (!key) continue;
    sink.term(key, lemma, isName, isNumber || NUMBER_WORDS.has(lemma));
  }
  return { words, wordKinds };
}
