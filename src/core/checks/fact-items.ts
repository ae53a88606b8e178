import { codePointAt, isLetter, isLetterOrDigit, isSpaceUnit, isUpper, widthOf } from '../segment/chars.js';
import type { ChangeKind, TextSpan } from '../types.js';

/**
 * Extraction of meaning-bearing items from one sentence: quantities (digits and spelled-out numbers with
 * their unit and approximators like "nearly"), dates and days, named entities (proper-noun runs from wink-nlp's POS
 * tagger), negators and hedges. Every item is a span into the side's text.
 */

export type ItemKind = 'number' | 'date' | 'entity' | 'negation' | 'hedge';

export interface Item {
  kind: ItemKind;
  span: TextSpan;
  /** Comparable value: a number's magnitude with its unit family, a date's normalised form, a name's words. */
  key: string;
  /** number: unit family ("min" for durations, else the unit noun); date: its category; entity: its change kind. */
  group: string;
  /** number only: the approximator in front of it ("nearly"), or ''. */
  approx: string;
  /** entity only: the comparable name words (lower-cased, titles and possessives removed). */
  names: string[];
  /** negation/hedge only: the content word it modifies (the next one), lower-cased; '' if none. */
  head: string;
  /** Up to two lower-cased words before and after the item (within its range): where it stands in the sentence. */
  readonly before: string[];
  readonly after: string[];
  /** Position of the item in its group's text, 0..1 (pairs substitutions that sit in the same place). */
  pos: number;
}

const UNITS: Record<string, number> = {
  second: 1 / 60,
  minute: 1,
  hour: 60,
  day: 1440,
  week: 10080,
  month: 43800,
  year: 525600,
};
const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  half: 0.5,
  a: 1,
  an: 1,
};
const SCALE: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  percent: 1,
  '%': 1,
};
const NUMBER_WORD = Object.keys(SMALL)
  .filter((w) => w !== 'a' && w !== 'an' && w !== 'half')
  .join('|');
const APPROX =
  String.raw`nearly|almost|about|around|roughly|approximately|some|over|more\s+than|less\s+than` +
  String.raw`|fewer\s+than|at\s+least|up\s+to|under|close\s+to|just\s+over|just\s+under|upwards\s+of`;
const NUMBER_RE = new RegExp(
  String.raw`(?:\b(${APPROX})\s+)?(?:(\$|€|£)\s?)?\b(\d[\d,]*(?:\.\d+)?` +
    String.raw`|(?:${NUMBER_WORD})(?:[\s-](?:${NUMBER_WORD}))?)\b(?:\s*(%|percent|hundred|thousand|million` +
    String.raw`|billion|trillion)\b)?(?:[\s-]+([\p{L}]+))?`,
  'giu',
);
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan' +
  '|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE_RE = new RegExp(
  String.raw`\b(?:(${WEEKDAYS})|(${MONTHS})\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?(?:\s*,?\s+(\d{4}))?` +
    '|(yesterday|today|tomorrow|tonight)' +
    String.raw`|((?:last|this|next|earlier\s+this|later\s+this)\s+(?:week|month|year|weekend|morning` +
    String.raw`|afternoon|evening))|((?:19|20)\d{2})` +
    String.raw`|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTHS})\.?(?:\s*,?\s+(\d{4}))?)\b`,
  'giu',
);
/**
 * A cheap exact pre-test: a slice without it has no NUMBER_RE match, so the costlier scan is skipped (most sentences
 * hold no number). A number is digits or a number word standing as a word (same flags, so the same \b). (A like
 * pre-test for DATE_RE was measured no cheaper than the scan itself.)
 */
const NUMBER_HINT = new RegExp(String.raw`\d|\b(?:${NUMBER_WORD})\b`, 'iu');
/** Negating words; "no longer" counts as its "no" (the alternation tries `no` first, so a `no\s+longer` branch could
 *  never match). */
const NEGATORS =
  /\b(?:not|never|no|none|nobody|nothing|neither|nor|without|cannot|fail(?:s|ed|ing)?\s+to)\b|n['’]t\b/giu;
const HEDGES = new RegExp(
  String.raw`\b(?:may|might|could|likely|unlikely|possibly|possible|possibility|perhaps|probably` +
    '|reportedly|allegedly|apparently|seemingly|potentially|expect|expects|expected|appears?' +
    String.raw`|appeared|seems?|seemed|suggests?|suggested)\b`,
  'giu',
);

/**
 * The two characters that Unicode case folding maps to ASCII letters: ſ (long s) → s and K (Kelvin sign) → k. For a
 * pattern whose atoms are ASCII letters, digits, \s, \b and BMP punctuation, they are the only difference between
 * the flags `iu` and plain `i` (under `iu` they match s and k and are word characters for \b; under `i` no
 * non-ASCII character matches an ASCII one). A slice without them gets the same matches from the `i` twin.
 */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;
/** `re` without the `u` flag: V8 matches case-insensitive patterns much faster without Unicode mode. */
const plain = (re: RegExp) => new RegExp(re.source, re.flags.replace('u', ''));

/** The patterns with ASCII atoms (exported, with their twins, for the equivalence test). */
export const FACT_PATTERNS = { DATE_RE, NUMBER_HINT, NEGATORS, HEDGES };
/** The `i` twins of `FACT_PATTERNS`: for slices without `FOLDS_TO_ASCII` characters only. */
export const PLAIN_FACT_PATTERNS: typeof FACT_PATTERNS = {
  DATE_RE: plain(DATE_RE),
  NUMBER_HINT: plain(NUMBER_HINT),
  NEGATORS: plain(NEGATORS),
  HEDGES: plain(HEDGES),
};
/** Words of a name that are titles or roles, not identity ("President Donald Trump" is "Donald Trump"). */
const TITLES = new Set([
  'president',
  'senator',
  'sen',
  'secretary',
  'minister',
  'prime',
  'vice',
  'general',
  'gen',
  'press',
  'mr',
  'mrs',
  'ms',
  'dr',
  'foreign',
  'defense',
  'defence',
  'state',
  'republican',
  'democratic',
  'democrat',
  'former',
  'chancellor',
  'governor',
  'gov',
  'rep',
  'representative',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'leader',
  'aide',
  'envoy',
  'special',
  'senior',
  'deputy',
  'chief',
  'the',
]);
const ORG_WORDS = new RegExp(
  String.raw`\b(?:council|ministry|house|department|agency|party|union|kremlin|nato|un|eu|congress|senate` +
    '|pentagon|court|bank|company|inc|corp|times|post|news|association|committee|commission' +
    '|office|organization|organisation|administration|government|army|forces|network|group' +
    String.raw`|institute|university|reuters|ap|afp|bbc|cnn)\b`,
  'i',
);
const PLACES = new Set([
  'russia',
  'ukraine',
  'us',
  'usa',
  'america',
  'united',
  'states',
  'europe',
  'kyiv',
  'kiev',
  'moscow',
  'washington',
  'istanbul',
  'turkey',
  'china',
  'beijing',
  'vatican',
  'london',
  'paris',
  'berlin',
  'germany',
  'france',
  'britain',
  'uk',
  'poland',
  'israel',
  'gaza',
  'iran',
  'india',
  'japan',
  'korea',
  'taiwan',
  'syria',
  'crimea',
  'donbas',
  'texas',
  'california',
  'york',
  'carolina',
  'brussels',
  'nepal',
  'azerbaijan',
  'baku',
  'armenia',
  'georgia',
  'belarus',
  'canada',
  'mexico',
]);

const STOP = new Set([
  'in',
  'of',
  'and',
  'or',
  'to',
  'the',
  'a',
  'an',
  'for',
  'on',
  'at',
  'by',
  'with',
  'from',
  'as',
  'is',
  'are',
  'was',
  'were',
  'be',
  'that',
  'this',
  'it',
  'but',
  'than',
  'more',
  'less',
  'after',
  'before',
  'since',
  'ago',
  'times',
  'per',
  'who',
  'which',
  'had',
  'have',
  'has',
  'will',
  'would',
]);

function parseNumber(raw: string): number | null {
  const s = raw.toLowerCase().replace(/,/g, '');
  if (/^\d/.test(s)) return Number(s);
  let total = 0;
  for (const w of s.split(/[\s-]+/)) {
    const v = SMALL[w];
    if (v === undefined) return null;
    total += v;
  }
  return total;
}

/**
 * The matches of global `re` in `s`, as `s.matchAll(re)` yields them, by an `exec` loop on `re` itself: matchAll
 * clones the regex on every call, and these long patterns run on every claim.
 */
function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(m);
    // An empty match (none of ours) moves on.
    if (!m[0]) re.lastIndex = m.index + widthOf(codePointAt(s, m.index, s.length));
  }
  return out;
}

const span = (text: string, start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });

/** The `names` of an item that is not an entity: one shared empty list (items are never mutated). */
const NO_NAMES = Object.freeze([]) as readonly string[] as string[];

/**
 * An item whose neighbouring words (`before`, `after`) are read on first use. Only a substitution check of entities
 * asks for them (checks/fact-changes.ts `anchored`), so reading them for every item would be a large share of
 * `extractItems` and leave two arrays and up to four strings per item in the text's memo, retained with the
 * cached analysis and promoted by every scavenge. The answer is the same on every read: a pure function of the text,
 * the item's span and its range, kept in private fields (invisible to key listings and deep comparisons).
 */
class ExtractedItem implements Item {
  readonly #text: string;
  readonly #from: number;
  readonly #to: number;
  #before: string[] | undefined;
  #after: string[] | undefined;
  constructor(
    readonly kind: ItemKind,
    readonly span: TextSpan,
    readonly key: string,
    readonly group: string,
    readonly approx: string,
    readonly names: string[],
    readonly head: string,
    readonly pos: number,
    text: string,
    from: number,
    to: number,
  ) {
    this.#text = text;
    this.#from = from;
    this.#to = to;
  }

  get before(): string[] {
    return (this.#before ??= wordsBefore(this.#text, this.#from, this.span.start));
  }

  get after(): string[] {
    return (this.#after ??= wordsAfter(this.#text, this.span.end, this.#to));
  }
}

const singular = (w: string) =>
  w
    .toLowerCase()
    .replace(/ies$/, 'y')
    .replace(/(?<!s)s$/, '');

/**
 * All items of `text[start, end)` (one claim, or one aligned group's span on one side). Dates are taken before
 * numbers so that "May 22, 2025" is one date, not two numbers.
 */
export function extractItems(
  text: string,
  start: number,
  end: number,
  proper: ProperWords = properWords(text),
): Item[] {
  const items: Item[] = [];
  const slice = text.slice(start, end);
  const len = Math.max(1, end - start);
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && e > a);
  const add = (kind: ItemKind, s: number, e: number, key: string, group: string, approx = '', names = NO_NAMES) => {
    taken.push([s, e]);
    const head = kind === 'negation' || kind === 'hedge' ? headAfter(text, e, end) : '';
    items.push(
      new ExtractedItem(kind, span(text, s, e), key, group, approx, names, head, (s - start) / len, text, start, end),
    );
  };
  const re = FOLDS_TO_ASCII.test(slice) ? FACT_PATTERNS : PLAIN_FACT_PATTERNS;
  for (const m of allMatches(re.DATE_RE, slice)) {
    const s = start + m.index,
      e = s + m[0].length;
    // "may" is a hedge, "May" a month: only a capitalised month name counts.
    const month = m[2] ?? m[9];
    if (month && !/^\p{Lu}/u.test(month)) continue;
    const cat = m[1] ? 'weekday' : month ? 'month' : m[5] || m[6] ? 'relative' : 'year';
    // A month date is keyed by its parts, however written ("25 July 1970", "July 25, 1970", "Jul. 25 1970").
    const key = month
      ? `${month.slice(0, 3).toLowerCase()} ${m[3] ?? m[8] ?? ''} ${m[4] ?? m[10] ?? ''}`
      : m[0].toLowerCase().replace(/\s+/g, ' ').replace(/,/g, '');
    add('date', s, e, key, cat);
  }
  for (const m of re.NUMBER_HINT.test(slice) ? allMatches(NUMBER_RE, slice) : []) {
    const approx = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const numStart = start + m.index + m[0].indexOf(m[3]!, m[1] ? m[1].length : 0);
    const s = approx ? start + m.index : numStart;
    let e = start + m.index + m[0].length;
    const value = parseNumber(m[3]!);
    if (value === null || !free(numStart, numStart + m[3]!.length)) continue;
    const scale = SCALE[(m[4] ?? '').toLowerCase()] ?? 1;
    const next = m[5] ?? '';
    // The word after the number is its unit when it is a lower-case content word ("80 senators", "two hours").
    const unit = next && /^\p{Ll}/u.test(next) && !STOP.has(next.toLowerCase()) ? singular(next) : '';
    // Spelled-out "one"/"a" without a unit is usually a pronoun or article, not a quantity.
    if (!/\d/.test(m[3]!) && !unit && value <= 1) continue;
    if (next && !unit) e = start + m.index + m[0].lastIndexOf(next);
    while (e > s && /[\s-]/.test(text[e - 1]!)) e--;
    const perMinute = UNITS[unit];
    const magnitude = perMinute ? value * scale * perMinute : value * scale;
    add('number', s, e, `${magnitude}${m[2] ?? ''}`, perMinute ? 'min' : unit, approx);
  }
  for (const m of allMatches(re.NEGATORS, slice))
    add('negation', start + m.index, start + m.index + m[0].length, m[0].toLowerCase(), 'neg');
  for (const m of allMatches(re.HEDGES, slice)) {
    if (/^May$/.test(m[0]) && m.index > 0) continue; // a month mid-sentence
    // Keyed by stem so that "expect" and "expected", "seems" and "seemed" are the same hedge.
    add(
      'hedge',
      start + m.index,
      start + m.index + m[0].length,
      m[0]
        .toLowerCase()
        .replace(/(?:ed|s)$/, '')
        .replace(/^possib.*/, 'possib'),
      'hedge',
    );
  }
  for (const run of properRuns(text, start, end, proper)) {
    if (!free(run.start, run.end)) continue;
    const raw = text.slice(run.start, run.end);
    const names = nameWords(raw).filter((w) => w && !TITLES.has(w));
    if (!names.length) continue;
    add('entity', run.start, run.end, names.join(' '), entityKind(raw, names), '', names);
  }
  return items.sort((a, b) => a.span.start - b.span.start);
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;
/** Plain whitespace: lower-casing never looks across it (it is neither cased nor case-ignorable, unlike U+FEFF). */
const isSpace = (c: string | undefined) =>
  c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0';
/** Characters looked at first around an item for its neighbouring words (widened until two words are found). */
const NEIGHBOUR_WINDOW = 48;

/**
 * Fast path of `wordsBefore`/`wordsAfter`: the `n` nearest words reading from `from` by `step` (−1 back, +1 on), when
 * the characters read are ASCII or common non-letter punctuation. Lower-casing such text is per character and
 * a word is then [A-Za-z0-9]+, so the answer is the one of the Unicode path; null sends anything else there.
 */
function nearWordsAscii(text: string, from: number, limit: number, step: 1 | -1): string[] | null {
  const words: string[] = [];
  let i = from,
    wordEnd = -1;
  for (; i !== limit; i += step) {
    const c = text.charCodeAt(step < 0 ? i - 1 : i);
    const alnum = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    if (!alnum && c >= 128 && !SEPARATORS.has(c)) return null;
    if (alnum && wordEnd < 0) wordEnd = i;
    else if (!alnum && wordEnd >= 0) {
      words.push((step < 0 ? text.slice(i, wordEnd) : text.slice(wordEnd, i)).toLowerCase());
      wordEnd = -1;
      if (words.length === 2) break;
    }
  }
  if (wordEnd >= 0) words.push((step < 0 ? text.slice(i, wordEnd) : text.slice(wordEnd, i)).toLowerCase());
  if (step < 0) words.reverse();
  return words;
}

/** Non-ASCII punctuation and spaces of news copy: not letters or digits, unchanged by lower-casing. */
const SEPARATORS = new Set([0xa0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026]);

/**
 * The last two words of `text[start, s)`, lower-cased: the same as lower-casing and tokenising the whole prefix
 * (as this used to, per item), but reading only a window before `s` that starts at the range start or just after
 * a whitespace character (so that the window lower-cases as it does inside the prefix and cuts no word); the window
 * widens until it holds two words. Plain ASCII neighbours take `nearWordsAscii`.
 */
function wordsBefore(text: string, start: number, s: number): string[] {
  const fast = nearWordsAscii(text, s, start, -1);
  if (fast) return fast;
  for (let w = NEIGHBOUR_WINDOW; ; w *= 4) {
    let p = Math.max(start, s - w);
    if (p > start) {
      while (p < s && !isSpace(text[p - 1])) p++;
    }
    const found = text.slice(p, s).toLowerCase().match(WORD_RUN) ?? [];
    if (found.length >= 2 || s - w <= start) return found.slice(-2);
  }
}

/** The first two words of `text[e, end)`, lower-cased (as `wordsBefore`, a window ending just before whitespace). */
function wordsAfter(text: string, e: number, end: number): string[] {
  const fast = nearWordsAscii(text, e, end, 1);
  if (fast) return fast;
  for (let w = NEIGHBOUR_WINDOW; ; w *= 4) {
    let q = Math.min(end, e + w);
    if (q < end) {
      while (q > e && !isSpace(text[q])) q--;
    }
    const found = text.slice(e, q).toLowerCase().match(WORD_RUN) ?? [];
    if (found.length >= 2 || e + w >= end) return found.slice(0, 2);
  }
}

/**
 * The words of a run of capitalised words (`properRuns`) as compared: `raw.split(/\s+/).map(nameWord)`. A run is
 * capitalised words (which hold no whitespace) joined by single spaces, so it is split at spaces, without the
 * regex (exported for its property test).
 */
export function nameWords(raw: string): string[] {
  return raw.split(' ').map(nameWord);
}

/** A word of a name as compared: lower-cased, possessive and non-letters dropped (plain words, [a-z0-9]* once
 *  lower-cased, skip the Unicode regex; they are tested by a loop, not a regex per word). */
function nameWord(w: string): string {
  const lower = dropPossessive(w.toLowerCase());
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return lower.replace(/[^\p{L}\p{N}]/gu, '');
  }
  return lower;
}

/** Function words skipped when looking for the word a negator or hedge modifies. */
export const NOT_HEAD = new Set([
  ...STOP,
  'be',
  'been',
  'being',
  'not',
  'no',
  'never',
  'also',
  'even',
  'still',
  'yet',
  'just',
  'only',
  'really',
  'likely',
  'probably',
  'possibly',
  'perhaps',
  'to',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'there',
  'any',
  'longer',
  'ever',
  'do',
  'does',
  'did',
  'can',
  'could',
  'may',
  'might',
  'must',
  'should',
  'so',
]);

/** A character of a word for `headAfter`: a letter or an apostrophe. */
const headChar = (c: number) => c === 0x2019 || c === 0x27 || isLetter(c);

/** The first content word after `from` within the clause (a negator's or hedge's head); '' if none. */
function headAfter(text: string, from: number, limit: number): string {
  // The tokens of /[\p{L}’']+|[,;:.!?—]/gu over text[from, end), scanned by hand (a Unicode-class regex per item).
  const end = Math.min(limit, from + 80);
  for (let i = from; i < end; ) {
    let cp = codePointAt(text, i, end);
    if (cp === 0x2c || cp === 0x3b || cp === 0x3a || cp === 0x2e || cp === 0x21 || cp === 0x3f || cp === 0x2014)
      return '';
    if (!headChar(cp)) {
      i += widthOf(cp);
      continue;
    }
    const s = i;
    while (i < end && headChar((cp = codePointAt(text, i, end)))) i += widthOf(cp);
    const w = text.slice(s, i).toLowerCase().replace(/’/g, "'");
    if (!NOT_HEAD.has(w) && w !== "n't") return w;
  }
  return '';
}

/** Capitalised words that some sentence uses mid-sentence: proper nouns even where they open a sentence; from
 *  `properWords(text)`, with the text's capitalised words (`capitals`), so a claim's are looked up, not scanned. */
export type ProperWords = Set<string> & { readonly capitals?: Capitals };

/**
 * Capitalised words of `text[start, end)`: the matches of `\p{Lu}[\p{L}\p{N}.’'&-]*` (flags gu: a capital, then
 * letters, digits and . ’ ' & -), scanned by hand: the regex over a whole article cost more than the rest of
 * `properWords`. The greedy tail never backtracks, so taking it as far as it goes gives the regex's matches.
 */
function capitalisedWords(text: string, start: number, end: number): CapitalisedWord[] {
  const out: CapitalisedWord[] = [];
  // ASCII units (most of news copy) are tested by range here; only other code points are read whole and asked of
  // segment/chars.ts (a call per character would be most of this scan, which covers the whole article).
  for (let i = start; i < end; ) {
    let c = text.charCodeAt(i);
    if (c < 128 ? c < 65 || c > 90 : !isUpper((c = codePointAt(text, i, end)))) {
      i += widthOf(c);
      continue;
    }
    const s = i;
    i += widthOf(c);
    while (i < end) {
      c = text.charCodeAt(i);
      if (c < 128 ? !WORD_TAIL_ASCII[c] : !(isLetterOrDigit((c = codePointAt(text, i, end))) || c === 0x2019)) break;
      i += widthOf(c);
    }
    out.push({ index: s, word: text.slice(s, i) });
  }
  return out;
}

/** The ASCII characters that continue a capitalised word: letters, digits and . ' & -. */
const WORD_TAIL_ASCII = Uint8Array.from({ length: 128 }, (_, c) =>
  /[A-Za-z0-9.'&-]/.test(String.fromCharCode(c)) ? 1 : 0,
);

/**
 * Whether `text[from, at)` (the few characters before a capitalised word) ends as a sentence or a quotation opens:
 * the regex `/(?:[.!?:]["”’)]?\s+|\n\s*|["“‘(]\s*|[—–-]\s*)$/u` on that slice (without the dash alternative when `dash`
 * is false), read backwards by hand: the regex and its slice would run on every capitalised word of an article. The
 * trailing whitespace is the regex's `\s` run (taken whole: a shorter one would follow a space, in no class); a
 * newline in it matches `\n\s*`; else the character before it decides. (Exported for its property test.)
 */
export function opensAfter(text: string, from: number, at: number, dash: boolean): boolean {
  let e = at;
  for (; e > from && isSpaceUnit(text.charCodeAt(e - 1)); e--) if (text.charCodeAt(e - 1) === 0x0a) return true;
  if (e === from) return false;
  const c = text.charCodeAt(e - 1);
  if (c === 0x22 || c === 0x201c || c === 0x2018 || c === 0x28) return true;
  if (dash && (c === 0x2014 || c === 0x2013 || c === 0x2d)) return true;
  if (e === at) return false;
  const stop = (u: number) => u === 0x2e || u === 0x21 || u === 0x3f || u === 0x3a;
  if (stop(c)) return true;
  return (c === 0x201d || c === 0x2019 || c === 0x29) && e - 1 > from && stop(text.charCodeAt(e - 2));
}

/** Capitalised function words: not names even when capitalised mid-sentence (titles, headings). */
const NOT_NAMES = new Set([
  'I',
  'The',
  'A',
  'An',
  'And',
  'But',
  'Or',
  'In',
  'On',
  'At',
  'Of',
  'For',
  'To',
  'With',
  'By',
  'From',
  'As',
  'It',
  'He',
  'She',
  'They',
  'We',
  'You',
  'This',
  'That',
  'These',
  'Those',
  'His',
  'Her',
  'Their',
  'Our',
  'My',
  'Its',
  'If',
  'When',
  'While',
  'After',
  'Before',
  'Now',
  'Then',
  'So',
  'Yet',
  'Still',
  'Read',
]);

/**
 * Words of `text` written capitalised in the middle of a sentence, found once per text. A name is capitalised
 * wherever it stands; a common word only at a sentence start. This stands in for a POS tagger's PROPN (a tagger
 * per claim would be a large share of a compare) and also uses the whole article as evidence.
 */
export function properWords(text: string): ProperWords {
  const out = new Set<string>();
  const all = capitalisedWords(text, 0, text.length);
  for (const m of all) {
    if (m.index === 0 || opensAfter(text, Math.max(0, m.index - 3), m.index, true)) continue;
    out.add(bare(m.word));
  }
  const starts = new Int32Array(all.length),
    ends = new Int32Array(all.length);
  all.forEach((m, k) => {
    starts[k] = m.index;
    ends[k] = m.index + m.word.length;
  });
  return Object.assign(out, { capitals: { text, starts, ends } });
}

interface CapitalisedWord {
  index: number;
  word: string;
}

/** A text's capitalised words as offsets: word k is `text.slice(starts[k], ends[k])`. Kept as long as the proper
 *  words (memoised with the text's analysis), so flat: not an object and a string per word. */
interface Capitals {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * `capitalisedWords(text, start, end)`, taken from the whole text's list when `proper` came from `properWords(text)`.
 * The same words unless one is cut by the range (a range edge inside a word): outside words no character is a
 * capital, so a scan from `start` finds exactly the whole-text words that lie inside; a cut word is scanned.
 */
function capitalisedIn(text: string, start: number, end: number, proper: ProperWords): CapitalisedWord[] {
  const all = proper.capitals;
  if (all?.text !== text) return capitalisedWords(text, start, end);
  const { starts, ends } = all;
  let lo = 0,
    hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: CapitalisedWord[] = [];
  for (let k = lo; k < starts.length && starts[k]! < end; k++) {
    if (starts[k]! < start || ends[k]! > end) return capitalisedWords(text, start, end);
    out.push({ index: starts[k]!, word: text.slice(starts[k], ends[k]) });
  }
  return out;
}

/** `w` without a final possessive 's or ’s (what `w.replace(/['’]s$/u, '')` gives, without the regex). */
function dropPossessive(w: string): string {
  const n = w.length;
  return n >= 2 && w.charCodeAt(n - 1) === 0x73 && (w.charCodeAt(n - 2) === 0x27 || w.charCodeAt(n - 2) === 0x2019)
    ? w.slice(0, n - 2)
    : w;
}

/** A capitalised word as a proper word: possessive and trailing dots and apostrophes dropped
 *  (`w.replace(/['’]s$/u, '').replace(/[.’']+$/u, '')`, without the regexes: they ran on every capitalised word). */
function bare(w: string): string {
  const v = dropPossessive(w);
  let e = v.length;
  while (e > 0) {
    const c = v.charCodeAt(e - 1);
    if (c !== 0x2e && c !== 0x2019 && c !== 0x27) break;
    e--;
  }
  return e === v.length ? v : v.slice(0, e);
}

/**
 * Runs of capitalised words that are names ("Senator Richard Blumenthal", "White House"), possessive ’s kept in the
 * span.
 */
function properRuns(text: string, start: number, end: number, proper: ProperWords): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let cur: { start: number; end: number } | null = null;
  for (const m of capitalisedIn(text, start, end, proper)) {
    const s = m.index,
      e = s + m.word.length;
    const word = bare(m.word);
    const initial = s === start || opensAfter(text, Math.max(start, s - 3), s, false);
    const name = !NOT_NAMES.has(word) && (!initial || proper.has(word));
    // (The tests of the gap and the possessive read units: they were a slice and a regex per capitalised word.)
    if (
      name &&
      cur &&
      s === cur.end + 1 &&
      text.charCodeAt(cur.end) === 0x20 &&
      !endsPossessive(text, cur.start, cur.end)
    )
      cur.end = e;
    else if (name) {
      if (cur) runs.push(cur);
      cur = { start: s, end: e };
    } else if (cur) {
      runs.push(cur);
      cur = null;
    }
  }
  if (cur) runs.push(cur);
  // Trailing sentence punctuation is not part of a name ("… with Putin."), but "U.S." keeps its dots.
  for (const r of runs)
    if (!(r.end >= 2 && text.charCodeAt(r.end - 1) === 0x2e && isUpper(text.charCodeAt(r.end - 2))))
      r.end = trimDots(text, r.start, r.end);
  return runs;
}

/** Whether `text[start, end)` ends in 's or ’s (`/['’]s$/u` on the slice). */
function endsPossessive(text: string, start: number, end: number): boolean {
  const q = text.charCodeAt(end - 2);
  return end - start >= 2 && text.charCodeAt(end - 1) === 0x73 && (q === 0x27 || q === 0x2019);
}

function trimDots(text: string, start: number, end: number): number {
  while (end > start && /[.’'-]/.test(text[end - 1]!)) end--;
  return end;
}

function entityKind(raw: string, names: string[]): ChangeKind {
  if (ORG_WORDS.test(raw)) return 'organization';
  if (names.some((n) => PLACES.has(n))) return 'place';
  if (names.length >= 2 || /^(?:President|Senator|Sen\.|Mr\.|Mrs\.|Ms\.|Dr\.|Secretary|Minister|Prime)\b/.test(raw))
    return 'person';
  return 'entity';
}
