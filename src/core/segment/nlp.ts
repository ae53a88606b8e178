import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import type { Span } from '../types.js';
import { isSpaceUnit } from './chars.js';
import { normalizeForNlp } from './normalize.js';

/**
 * Characters a recycled instance reads before it is replaced. wink-nlp caches every token it has not seen for the
 * life of an instance, never released, so a long-running service would grow without bound; a fresh instance costs
 * a small fraction of the time it takes to read this much text (bench/README.md).
 */
export const NLP_RECYCLE_CHARS = 10_000_000;

type Pipe = Parameters<typeof winkNLP>[1];

/**
 * The model with its custom-entity meta model loaded once. wink-eng-lite-web-model 1.x's `metaCER()` stores
 * `JSON.stringify` of its own previous result on every call, and wink-nlp calls it for every instance (whatever the
 * pipes), so the string grows with each instance until about the 20th throws "RangeError: Invalid string length".
 * Recycling would crash a long-running service after some twenty recycles; with the first result reused every
 * instance costs the same.
 */
const cerMeta = (model.metaCER as () => unknown)();
const stableModel: typeof model = { ...model, metaCER: () => cerMeta };

/**
 * A wink-nlp instance by need: takes the length of the text about to be read (it counts towards the recycle budget).
 */
export type Nlp = (chars?: number) => ReturnType<typeof winkNLP>;

/**
 * A wink-nlp instance with only the given pipes, created on first use and replaced after `NLP_RECYCLE_CHARS`.
 * The returned function takes the length of the text about to be read (it counts towards the recycle budget).
 */
export function recyclingNlp(pipes: Pipe): Nlp {
  let instance: ReturnType<typeof winkNLP> | undefined;
  let read = 0;
  return (chars = 0) => {
    read += chars;
    if (!instance || read > NLP_RECYCLE_CHARS) {
      instance = winkNLP(stableModel, pipes);
      read = chars;
    }
    return instance;
  };
}

/**
 * The instance a comparer reads every text with, once: sentence boundaries and POS/lemmas come from the same
 * read. Only the pipes used: NER, negation, sentiment and custom entities cost time and change nothing here
 * (POS tags are computed over the whole token sequence and do not depend on the other pipes). Tokenising is most
 * of wink's cost, so one read of the whole text beats a read for sentences and another per claim.
 */
export function textNlp(): Nlp {
  return recyclingNlp(['sbd', 'pos']);
}

/**
 * A word with a possessive clitic attached ("Biden’s", "Russia's"); group 1 the word, group 2 the clitic.
 * wink-nlp splits an unseen possessive into word + clitic (tagged PART) but caches the whole form, so later reads
 * keep it as one token, tagged like a name: whatever must not depend on what the process read before treats such
 * a token as the two it is on first sight.
 */
export const POSSESSIVE = /^(\p{L}[\p{L}\p{M}.-]*)([’']s)$/iu;

/** Longest run without whitespace handed to wink: its tokenizer is quadratic in token length, and no English word
 * or URL worth splitting at is this long. */
export const MAX_TOKEN_RUN = 200;
const LONG_RUN = new RegExp(`[^\\s]{${MAX_TOKEN_RUN - 1}}[^\\s\\ud800-\\udbff]`, 'g');

/**
 * The text wink reads: the length-preserving normalisation (`normalizeForNlp`) with the line breaks inside each
 * paragraph (hard wraps) turned into spaces, so wink neither splits at a wrap nor loses an offset, and runs longer
 * than `MAX_TOKEN_RUN` without whitespace broken by a space. Same length as `text`: offsets carry over unchanged.
 */
export function nlpView(text: string, paragraphs: Span[] = [{ start: 0, end: text.length }]): string {
  const norm = normalizeForNlp(text);
  let out = '';
  let at = 0;
  for (const p of paragraphs) {
    out += norm.slice(at, p.start) + norm.slice(p.start, p.end).replace(/\n/g, ' ');
    at = p.end;
  }
  // Break overlong runs in the view only (a space replaces the run's last unit, length unchanged). News text has
  // none: the regex, which tries a match at every position, runs only when there is one.
  const view = out + norm.slice(at);
  return hasRun(view, MAX_TOKEN_RUN) ? view.replace(LONG_RUN, (run) => `${run.slice(0, -1)} `) : view;
}

/** True when `s` has `n` consecutive UTF-16 units that are not whitespace as the regex class `\s` defines it. */
export function hasRun(s: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    if (isSpaceUnit(s.charCodeAt(i))) run = 0;
    else if (++run >= n) return true;
  }
  return false;
}

/**
 * What one wink read of a text gives, as parallel arrays indexed by token (wink-nlp's own layout, flattened):
 * each token is the span `[start[i], end[i])` of the text read; the strings are features, never identity.
 */
export interface TokenTable {
  /** Number of tokens. */
  length: number;
  start: Int32Array;
  end: Int32Array;
  value: string[];
  /** wink's lemma (POS-dependent). */
  lemma: string[];
  /** Universal POS tag ('NOUN', 'PROPN', 'PUNCT'…). */
  pos: string[];
  /** wink's token type ('word', 'number', 'punctuation', 'currency'…). */
  type: string[];
  /** 1 when wink flags a stop word. */
  stop: Uint8Array;
  /** Start offset of each sentence wink found, ascending; `null` when the tokens could not all be placed exactly
   *  on the text (then the caller splits sentences by another rule). */
  sentenceStarts: number[] | null;
}

/**
 * Places tokens on the text they were read from, from each token's value and preceding spaces. Exact when every
 * token is found where the spaces put it (always, in every input tried); otherwise a token is looked for further
 * on, or given an empty span where the previous one ended, so that offsets stay ascending and inside the text.
 */
export function tokenOffsets(
  text: string,
  values: string[],
  spaces: string[],
): { start: Int32Array; end: Int32Array; exact: boolean } {
  const start = new Int32Array(values.length),
    end = new Int32Array(values.length);
  let at = 0,
    exact = true;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    let pos = at + (spaces[i] ?? '').length;
    if (!text.startsWith(value, pos)) {
      exact = false;
      const found = value ? text.indexOf(value, at) : -1;
      pos = found >= 0 ? found : at;
      if (found < 0) {
        start[i] = end[i] = at;
        continue;
      }
    }
    start[i] = pos;
    end[i] = at = pos + value.length;
  }
  return { start, end, exact };
}

/** The clitic of a possessive at the end of a word; the word is found by scanning back (a single regex for the
 *  whole form needs a look-behind, which V8 tries at every position of a long text). */
const CLITIC_S = /[’']s(?![\p{L}\p{M}\p{N}])/giu;
const FORM_CHAR = /[\p{L}\p{M}.-]/u;

/** True when `value` may be a possessive form (cheap test before `POSSESSIVE`). */
export function mayBePossessive(value: string): boolean {
  const n = value.length,
    last = value.charCodeAt(n - 1),
    q = value.charCodeAt(n - 2);
  return n > 2 && (last === 115 || last === 83) && (q === 0x2019 || q === 39);
}

/** Distinct possessive forms of a text ("Moscow’s", "U.S.’s"), each a whole word: what `POSSESSIVE` matches. */
function possessiveForms(view: string): string[] {
  const forms = new Set<string>();
  for (const m of view.matchAll(CLITIC_S)) {
    let i = m.index;
    while (i > 0 && FORM_CHAR.test(view[i - 1] as string)) i--;
    const form = view.slice(i, m.index + 2);
    if (POSSESSIVE.test(form) && !/[\p{N}’']/u.test(view[i - 1] ?? '')) forms.add(form);
  }
  return [...forms];
}

/**
 * Makes wink tokenise every possessive of `view` the same way whatever the process read before, and returns the
 * stop-word flag of each possessive's bare word. wink splits an unseen "Moscow’s" before a space into "Moscow" +
 * "’s", but "Moscow’s," (before punctuation) is cached whole, and from then on every "Moscow’s" is one token: the
 * tokens, and with them POS tags of the neighbours ("Russia’s advanced" → advanced ADJ or VERB), depended on the
 * history of the instance, so compare(a, b) and compare(b, a) could differ. Reading each form once before
 * punctuation puts them all in the cache first: always one token (the terms split the clitic off themselves).
 */
function primePossessives(nlp: ReturnType<typeof winkNLP>, forms: string[]): Map<string, boolean> {
  const bare = new Map<string, boolean>();
  if (!forms.length) return bare;
  const doc = nlp.readDoc(forms.map((f) => `${f}, ${f.slice(0, -2)} ;`).join(' '));
  const values = doc.tokens().out(nlp.its.value) as string[];
  const stops = doc.tokens().out(nlp.its.stopWordFlag) as unknown as boolean[];
  for (const [i, v] of values.entries()) bare.set(v, stops[i] === true);
  return bare;
}

/**
 * Reads a text (an `nlpView`) once with `nlp` (a `textNlp`): tokens with offsets, lemmas, POS, stop flags and the
 * sentence starts. Linear in the text length.
 * Possessives are primed first (`primePossessives`), so the read does not depend on what the instance read before;
 * a possessive token takes the stop flag of its bare word ("something’s" is a function word like "something").
 */
export function readTokens(view: string, textNlp: Nlp): TokenTable {
  const forms = possessiveForms(view);
  const nlp = textNlp(view.length + forms.join(' ').length * 2);
  const bareStop = primePossessives(nlp, forms);
  const its = nlp.its;
  const doc = nlp.readDoc(view);
  const tokens = doc.tokens();
  const value = tokens.out(its.value) as string[];
  const { start, end, exact } = tokenOffsets(view, value, tokens.out(its.precedingSpaces) as string[]);
  const stopFlags = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const stop = new Uint8Array(value.length);
  for (let i = 0; i < stop.length; i++) {
    const clitic = bareStop.size && mayBePossessive(value[i] as string) ? POSSESSIVE.exec(value[i] as string) : null;
    stop[i] = (clitic ? (bareStop.get(clitic[1] as string) ?? stopFlags[i]) : stopFlags[i]) ? 1 : 0;
  }
  let sentenceStarts: number[] | null = null;
  if (exact) {
    sentenceStarts = [];
    for (const span of doc.sentences().out(its.span) as unknown as [number, number][]) {
      const first = start[span[0]];
      if (first !== undefined && span[1] >= span[0]) sentenceStarts.push(first);
    }
  }
  return {
    length: value.length,
    start,
    end,
    value,
    stop,
    sentenceStarts,
    lemma: tokens.out(its.lemma as never) as unknown as string[],
    pos: tokens.out(its.pos) as string[],
    type: tokens.out(its.type) as string[],
  };
}
