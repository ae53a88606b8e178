import { recyclingNlp } from './nlp.js';

/** A wink-nlp instance with only the POS tagger (lemmas need POS; NER, negation, sentiment are unused here:
 *  3× faster than the full pipeline, output identical), recycled like the sentence instance. */
const termsNlp = recyclingNlp(['sbd', 'pos']);

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

/** Word-level view of one claim: its content terms and its surface words (for kept-vs-paraphrased). */
export interface ClaimTerms {
  terms: Term[];
  /** Lower-cased surface words incl. function words, punctuation removed (for near-verbatim detection). */
  words: string[];
  /** Parallel to `words`: 2 = proper noun, 1 = other content word, 0 = function word (for copied-run evidence). */
  wordKinds: number[];
}

/**
 * Spelling-variant folding for keys. Doubled letters are collapsed (Zelenskyy/Zelensky, travelled/traveled),
 * hyphens and apostrophes dropped (cease-fire/ceasefire). British -ise/-our/-tre spellings are already folded
 * by wink-nlp's normaliser (defence → defense, scepticism → skepticism), so they are not repeated here.
 */
export function canonicalKey(word: string): string {
  return word.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'‘`-]|(?<!\d)\.|\.(?!\d)/g, '').replace(/(\p{L})\1+/gu, '$1');
}

/** A word with a possessive clitic attached ("Biden’s", "Russia's"); group 1 the word, group 2 the clitic. */
const POSSESSIVE = /^(\p{L}[\p{L}\p{M}.-]*)([’']s)$/iu;
const POSSESSIVE_TAIL = /[’']s$/i;

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen', 'half']);
/** Parts of speech that carry content; determiners, pronouns, auxiliaries etc. are function words. */
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM', 'X', 'SYM', 'INTJ']);

/**
 * Tokenises and lemmatises one claim with the shared wink-nlp instance. Hyphenated compounds of common words
 * written without spaces ("cease-fire", "long-standing") become one term so that they match the closed-up spelling.
 * Deterministic and bounded: linear in the claim's length.
 */
export function claimTerms(text: string): ClaimTerms {
  const nlp = termsNlp(text.length);
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const lemmas = doc.tokens().out(its.lemma as never) as unknown as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const stop = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const types = doc.tokens().out(its.type) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces as never) as unknown as string[];
  const terms: Term[] = [];
  const words: string[] = [];
  const wordKinds: number[] = [];
  const kind = (k: number) => (pos[k] === 'PROPN' ? 2 : !stop[k] && CONTENT_POS.has(pos[k] ?? '') ? 1 : 0);
  for (let i = 0; i < values.length; i++) {
    const type = types[i];
    // wink-nlp splits an unseen possessive ("Biden’s") into "Biden" + "’s" on first sight but caches the whole
    // form, so later reads keep it as one token: the same claim would give different terms depending on what the
    // process read before. Splitting the clitic off here makes the terms independent of that history.
    const clitic = type === 'word' ? POSSESSIVE.exec(values[i]!) : null;
    // The cached whole form is also tagged differently ("administration’s" as a proper noun): a lower-case
    // word with a clitic is a common noun, as it is when wink splits it.
    if (clitic && pos[i] === 'PROPN' && !/^\p{Lu}/u.test(clitic[1]!)) pos[i] = 'NOUN';
    if (type === 'word' || type === 'number' || type === 'currency' || type === 'hashtag' || type === 'mention') {
      const v = (clitic ? clitic[1]! : values[i]!).toLowerCase();
      if (/[\p{L}\p{N}]/u.test(v)) { words.push(v); wordKinds.push(kind(i)); }
      if (clitic) { words.push(clitic[2]!.toLowerCase()); wordKinds.push(0); }
    }
    if (type !== 'word' && type !== 'number') continue;
    let lemma = (lemmas[i] ?? values[i]!).toLowerCase();
    if (clitic) lemma = lemma.replace(POSSESSIVE_TAIL, '');
    let isName = pos[i] === 'PROPN', isNumber = type === 'number' || pos[i] === 'NUM';
    // Join "cease - fire" (no spaces around the hyphen) into one compound term.
    // Only common words are closed up: "40-minute" is the number 40 and a minute, "Russia-Ukraine" two names.
    const common = (k: number) => types[k] === 'word' && pos[k] !== 'PROPN' && !/\d/.test(values[k]!);
    while (common(i) && values[i + 1] === '-' && spaces[i + 1] === '' && spaces[i + 2] === '' && common(i + 2)) {
      lemma += (lemmas[i + 2] ?? values[i + 2]!).toLowerCase();
      words.push(values[i + 2]!.toLowerCase()); wordKinds.push(kind(i + 2));
      i += 2;
    }
    if (stop[i] && !isNumber) continue;
    if (!CONTENT_POS.has(pos[i] ?? '') && !isNumber && !isName) continue;
    if (lemma === "'s" || lemma === '’s' || lemma === 'not') continue;
    const key = canonicalKey(lemma);
    if (!key) continue;
    terms.push({ key, lemma, name: isName, number: isNumber || NUMBER_WORDS.has(lemma) });
  }
  return { terms, words, wordKinds };
}
