import { paragraphSpans } from '../segment/paragraphs.js';
import type { Span, TextSpan } from '../types.js';

/**
 * Finding quotations and their speakers in news text. Pure string scanning: no NLP model is
 * needed to tell quotation marks from apostrophes, and regexes over the attributing clause find
 * "said Jake Sullivan", "Zelenskyy told reporters", "Trump wrote:", "he added,".
 */

/** One quotation: `start`/`end` cover the quoted words, without the marks. */
export interface FoundQuote extends TextSpan {
  /** Span including the quotation marks (the closing mark may be missing for a news-style continuation). */
  outer: Span;
  /** Paragraph (blank-line or newline separated block) the quotation sits in. */
  paragraph: number;
  speaker: TextSpan | null;
  /** The speaker as a comparable key (lower-cased surname), resolved from a pronoun when cheap; null if unknown. */
  speakerKey: string | null;
  /** Single-quoted passages nested inside this quotation (‘bloodbath’). */
  nested: TextSpan[];
  /** The quotation continues a quotation of the previous paragraph that did not close (news style). */
  continued: boolean;
}

/** Above this many quotations per text the scan stops: a bound, not a heuristic. */
const MAX_QUOTES = 2000;
/** A quotation may not run longer than this many characters (guards against a stray unbalanced mark). */
const MAX_QUOTE_CHARS = 6000;

const LETTER = /[\p{L}\p{N}]/u;
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-:;,/]/u;

/**
 * Finds every quotation in `text`: curly “…” and straight "…" double quotes, top-level single quotes
 * ‘…’ (British style), single quotes nested in double quotes (reported in `nested`), and news-style
 * quotations that run over several paragraphs (a paragraph ends without a closing mark and the next one
 * opens again). Apostrophes (he’s, Russia’s, ‘90s, rock ’n’ roll) are not quotation marks.
 */
export function findQuotes(text: string): FoundQuote[] {
  const out: FoundQuote[] = [];
  const paragraphs = paragraphSpans(text);
  // The scan below acts only on these characters (opening marks when no quotation is open, closing ones inside
  // one): it jumps from one to the next instead of stepping through every character.
  const nextOpener = seeker(text, /[“"`‘]/g),
    nextCloser = seeker(text, /[”"']/g);
  let pending: { start: number; paragraph: number } | null = null; // an unclosed quote carried to the next paragraph
  for (let p = 0; p < paragraphs.length && out.length < MAX_QUOTES; p++) {
    const para = paragraphs[p]!;
    let open: { mark: string; at: number; continued: boolean } | null = null;
    let i = para.start;
    if (pending) {
      // News style: the continuation paragraph must itself open with a quotation mark.
      if (text[i] === '“' || text[i] === '"') {
        open = { mark: text[i]!, at: i, continued: true };
        i++;
      }
      pending = null;
    }
    for (; i < para.end && out.length < MAX_QUOTES; i++) {
      i = open ? nextCloser(i) : nextOpener(i);
      if (i >= para.end) break;
      const ch = text[i]!;
      if (!open) {
        if (ch === '“' || (ch === '"' && (isOpening(text, i) || spaced(text, i))))
          open = { mark: ch, at: i, continued: false };
        else if (ch === '`' && text[i + 1] === '`') {
          open = { mark: '``', at: i + 1, continued: false };
          i++;
        } else if (ch === '‘' && isOpening(text, i) && LETTER.test(text[i + 1] ?? '')) {
          const close = findSingleClose(text, i + 1, para.end);
          if (close > 0) {
            push(out, text, i, close + 1, i + 1, close, p, false);
            i = close;
          }
        }
        continue;
      }
      // Tokenised corpora write quotes as ``…'' and put spaces inside straight marks (" We won , " he said).
      const closes =
        open.mark === '``'
          ? ch === "'" && text[i + 1] === "'"
          : open.mark === '“'
            ? ch === '”' || (ch === '"' && !isOpening(text, i))
            : ch === '"' || ch === '”';
      if (closes) {
        const closeEnd = open.mark === '``' ? i + 2 : i + 1;
        if (i - open.at <= MAX_QUOTE_CHARS) push(out, text, open.at, closeEnd, open.at + 1, i, p, open.continued);
        if (open.mark === '``') i++;
        open = null;
      }
    }
    if (open && para.end - open.at <= MAX_QUOTE_CHARS && para.end - open.at > 1) {
      // Unclosed at the paragraph end: a multi-paragraph quotation if the next paragraph reopens, else a stray
      // mark whose quotation we still close at the paragraph end (lenient, as news copy often drops a mark).
      push(out, text, open.at, para.end, open.at + 1, para.end, p, open.continued);
      pending = { start: open.at, paragraph: p };
    }
  }
  for (const q of out) attachSpeaker(text, q, paragraphs[q.paragraph]!);
  inheritSpeakers(out, text, paragraphs);
  return out;
}

/**
 * The index of the first character matching `re` (global, one character) at or after `i`, or the text length. Asked
 * with `i` never decreasing: the last answer stands until `i` passes it, so no stretch of text is searched twice.
 */
function seeker(text: string, re: RegExp): (i: number) => number {
  let at = -1;
  return (i) => {
    if (at < i) {
      re.lastIndex = i;
      at = re.exec(text)?.index ?? text.length;
    }
    return at;
  };
}

function push(
  out: FoundQuote[],
  text: string,
  oStart: number,
  oEnd: number,
  start: number,
  end: number,
  paragraph: number,
  continued: boolean,
) {
  const s = trim(text, start, end);
  if (s.end <= s.start || !LETTER.test(text.slice(s.start, s.end))) return;
  out.push({
    start: s.start,
    end: s.end,
    text: text.slice(s.start, s.end),
    outer: { start: oStart, end: oEnd },
    paragraph,
    speaker: null,
    speakerKey: null,
    nested: nestedSingles(text, s.start, s.end),
    continued,
  });
}

/** A straight mark standing alone between spaces (tokenised text) opens a quotation when none is open. */
function spaced(text: string, i: number): boolean {
  return (
    (i === 0 || /\s/.test(text[i - 1]!)) && /\s/.test(text[i + 1] ?? '') && /[\p{L}\p{N}]/u.test(text[i + 2] ?? '')
  );
}

/**
 * A straight or single mark opens a quotation when it starts a word: after whitespace, an opening bracket or a dash.
 */
function isOpening(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1] ?? '';
  if (after === '' || /\s/.test(after)) return false;
  return before === undefined || OPEN_CONTEXT.test(before) || before === '“';
}

/**
 * The closing ’ of a single-quoted passage: a ’ or ' not followed by a letter (so not he’s) and not
 * the plural possessive of a word that ends in s followed by a lower-case noun (the officials’ view).
 */
function findSingleClose(text: string, from: number, limit: number): number {
  for (let j = from; j < limit; j++) {
    const c = text[j];
    if (c === '‘') return -1; // a new single quote before this one closed: not a quotation
    if ((c === '’' || c === "'") && !LETTER.test(text[j + 1] ?? '') && LETTER.test(text[j - 1] ?? '')) {
      if (text[j - 1] === 's' && /^\s+[a-z]/.test(text.slice(j + 1, j + 4)) && !/[,.!?]/.test(text[j - 1] ?? ''))
        continue;
      return j;
    }
  }
  return -1;
}

/** The `nested` of a quotation without any: one shared frozen empty list (found quotations are memoised with the
 *  text's analysis, and results copy their nested spans). */
const NONE_NESTED = Object.freeze([]) as readonly TextSpan[] as TextSpan[];

function nestedSingles(text: string, start: number, end: number): TextSpan[] {
  let found = NONE_NESTED;
  for (let i = start; i < end; i++) {
    if ((text[i] === '‘' || text[i] === "'") && isOpening(text, i) && LETTER.test(text[i + 1] ?? '')) {
      const close = findSingleClose(text, i + 1, end);
      if (close > 0) {
        if (found === NONE_NESTED) found = [];
        found.push({ start: i + 1, end: close, text: text.slice(i + 1, close) });
        i = close;
      }
    }
  }
  return found;
}

function trim(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

// ---- speakers --------------------------------------------------------------------------------------

const VERBS =
  'said|says|say|told|tells|added|adds|wrote|writes|asked|asks|explained|explains|noted|notes' +
  '|stated|states|declared|declares|insisted|insists|argued|argues|claimed|claims|recalled' +
  '|recalls|continued|replied|replies|tweeted|posted|warned|warns|saying|pointed out' +
  '|acknowledged|admitted|conceded|suggested|announced|remarked|observed|stressed|emphasized' +
  '|emphasised|urged|testified|responded|put it|according to|warning|noting|adding|insisting' +
  '|arguing|claiming|telling|declaring|asserting|asserted|describing';
const NAME = String.raw`(?:\p{Lu}[\p{L}.’'\-]*)(?:\s+(?:\p{Lu}[\p{L}.’'\-]*|de|van|von|bin|al))*`;
const PRONOUN = '(?:he|she|they|I|we|He|She|They|We)';
const SUBJECT = `(${NAME}|${PRONOUN})`;
/** "one official", "a senior administration official", "the spokesperson": an unnamed speaker. */
const DESCRIPTOR = String.raw`(?:a|an|one|the|another|two|three|several|some|many)(?:\s+[\p{Ll}\-]+){1,4}?`;
/** Auxiliaries and adverbs between a subject and its verb ("had similarly declared", "later told"). */
const AUX = String.raw`(?:(?:has|had|have|was|is|would|will|also|later|then|once|again|\p{Ll}+ly)\s+){0,3}`;
const APPOSITIVE = String.raw`(?:,[^,“”"\n]{1,140},)?`;
/** `,” said Jake Sullivan` */
const AFTER_VERB_NAME = new RegExp(String.raw`^[\s,.!?—–-]*(?:${VERBS})\s+(${NAME}|${PRONOUN})`, 'u');
/** `,” Trump told reporters` / `,” Jake Sullivan, who was …, told me` / `,” he added` */
const AFTER_NAME_VERB = new RegExp(
  String.raw`^[\s,.!?—–-]*(${NAME}|${PRONOUN}|${DESCRIPTOR})${APPOSITIVE}\s+${AUX}(?:${VERBS})\b`,
  'u',
);
/** `Trump wrote: “` / `But, he added, “` / `Kylie Newbold, …, told me in a statement: “` */
const BEFORE_NAME_VERB = new RegExp(
  String.raw`${SUBJECT}${APPOSITIVE}\s+${AUX}(?:${VERBS})\b[^“”".!?]{0,140}[:,]?\s*$`,
  'u',
);
/** `said Sullivan: “` */
const BEFORE_VERB_NAME = new RegExp(String.raw`(?:${VERBS})\s+(${NAME})[:,]\s*$`, 'u');
const HAS_VERB = new RegExp(String.raw`\b(?:${VERBS})\b`, 'u');
const NAME_G = new RegExp(NAME, 'gu');
const PRONOUN_ONLY = new RegExp(`^${PRONOUN}$`, 'u');
const STOP_NAMES = new Set([
  'But',
  'And',
  'The',
  'A',
  'In',
  'On',
  'As',
  'Still',
  'Meanwhile',
  'However',
  'Though',
  'Although',
  'After',
  'When',
  'While',
  'Yet',
  'So',
  'Despite',
  'For',
  'It',
  'This',
  'That',
  'Now',
]);

function attachSpeaker(text: string, q: FoundQuote, para: Span): void {
  const afterStart = q.outer.end;
  const after = text.slice(afterStart, Math.min(para.end, afterStart + 220));
  const sentenceStart = lastBoundary(text, para.start, q.outer.start);
  const before = text.slice(sentenceStart, q.outer.start);
  // A quotation that ends its own sentence ("….”) is not attributed by the next sentence.
  const endsSentence = /\.[’'"]*$/.test(text.slice(q.start, q.end)) && /^\s+\p{Lu}/u.test(after);
  let m = endsSentence ? null : AFTER_VERB_NAME.exec(after);
  if (m?.[1]) {
    setSpeaker(text, q, afterStart + m.index + m[0].length - m[1].length, m[1]);
    return;
  }
  m = endsSentence ? null : AFTER_NAME_VERB.exec(after);
  if (m?.[1] && !STOP_NAMES.has(firstWord(m[1]))) {
    const at = afterStart + after.indexOf(m[1], m.index);
    setSpeaker(text, q, at, m[1]);
    return;
  }
  // Exact pre-tests: BEFORE_VERB_NAME ends in a colon or comma, and BEFORE_NAME_VERB holds a whole-word
  // verb; without them the unanchored patterns would be tried at every position of the sentence for nothing.
  const bv = /[:,]\s*$/u.test(before) ? BEFORE_VERB_NAME.exec(before) : null;
  if (bv?.[1]) {
    setSpeaker(text, q, sentenceStart + bv.index + bv[0].lastIndexOf(bv[1]), bv[1]);
    return;
  }
  const hasVerb = HAS_VERB.test(before);
  const bn = hasVerb ? BEFORE_NAME_VERB.exec(before) : null;
  if (bn?.[1] && !STOP_NAMES.has(firstWord(bn[1]))) {
    setSpeaker(text, q, sentenceStart + bn.index, bn[1]);
    return;
  }
  if (hasVerb || before.trimEnd().endsWith(':')) {
    // A verb with no subject of its own ("repeatedly saying, “…”") or a colon introduction ("… sought to pin
    // responsibility on the previous administration: “…”"): the speaker is the subject of the sentence.
    const name = sentenceSubject(before);
    if (name) setSpeaker(text, q, sentenceStart + before.indexOf(name), name);
  }
}

const DATE_WORDS = new RegExp(
  '^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April' +
    '|May|June|July|August|September|October|November|December)$',
);

/**
 * The name a sentence opens with, skipping openers ("Though", "On Thursday, August 21,"): the subject who speaks
 * when the attributing verb has no subject of its own ("…, repeatedly saying, “…”").
 */
function sentenceSubject(before: string): string | null {
  for (const m of before.matchAll(NAME_G)) {
    if (m.index > 80) break;
    const words = (stripStop(m[0]) ?? '').split(/\s+/).filter((w) => w && !DATE_WORDS.test(w.replace(/,$/, '')));
    if (words.length) return words.join(' ');
  }
  return null;
}

function stripStop(name: string): string | null {
  const words = name.split(/\s+/);
  while (words.length && STOP_NAMES.has(words[0]!)) words.shift();
  return words.length ? words.join(' ') : null;
}

function firstWord(s: string): string {
  return s.split(/\s+/)[0] ?? '';
}

/** Start of the sentence holding `pos`, not crossing into quoted text or past the paragraph. */
function lastBoundary(text: string, paraStart: number, pos: number): number {
  for (let i = pos - 1; i > paraStart; i--) {
    const c = text[i]!;
    if (
      (c === '.' || c === '!' || c === '?') &&
      /\s/.test(text[i + 1] ?? '') &&
      !/\b(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|U\.S)$/u.test(text.slice(Math.max(paraStart, i - 4), i))
    )
      return i + 1;
    if (c === '”' || c === '"') return i + 1;
  }
  return paraStart;
}

function setSpeaker(text: string, q: FoundQuote, at: number, name: string) {
  const start = text.indexOf(name, at);
  if (start < 0) return;
  q.speaker = { start, end: start + name.length, text: name };
  q.speakerKey = speakerKey(name);
}

/**
 * A comparable key for a speaker: the lower-cased last word of a name ("Jake Sullivan" → "sullivan"); null for pronouns
 * and descriptors.
 */
export function speakerKey(name: string): string | null {
  // A pronoun or an unnamed descriptor ("one official") names nobody: it cannot show a change of speaker.
  if (PRONOUN_ONLY.test(name) || /^\p{Ll}/u.test(name)) return null;
  const words = name.replace(/[’']s$/u, '').split(/\s+/);
  const last = words[words.length - 1];
  return last
    ? last
        .toLowerCase()
        .replace(/[^\p{L}]/gu, '')
        .replace(/y+$/u, 'y')
    : null;
}

/**
 * News convention: a quotation with no attribution of its own continues the speaker of the previous quotation in the
 * same paragraph (or of the quotation it continues). A pronoun speaker ("he said") is resolved, when cheap, to the
 * name that opens the nearest preceding sentence of the paragraph or the paragraph before.
 */
function inheritSpeakers(quotes: FoundQuote[], text: string, paragraphs: Span[]): void {
  for (let k = 0; k < quotes.length; k++) {
    const q = quotes[k]!;
    const prev = quotes[k - 1];
    if (!q.speaker && prev && (prev.paragraph === q.paragraph || (q.continued && prev.paragraph === q.paragraph - 1))) {
      q.speaker = prev.speaker;
      q.speakerKey = prev.speakerKey;
    }
    if (q.speaker && !q.speakerKey) q.speakerKey = resolvePronoun(text, paragraphs, quotes, k);
  }
}

/** Characters looked back for a pronoun's antecedent. */
const PRONOUN_LOOKBACK = 1500;

function resolvePronoun(text: string, paragraphs: Span[], quotes: FoundQuote[], k: number): string | null {
  const q = quotes[k]!;
  const pronoun = q.speaker?.text.toLowerCase();
  if (pronoun !== 'he' && pronoun !== 'she') return null;
  const prev = quotes[k - 1];
  if (prev && prev.paragraph === q.paragraph && prev.speakerKey) return prev.speakerKey;
  for (let p = q.paragraph; p >= Math.max(0, q.paragraph - 1); p--) {
    const para = paragraphs[p]!;
    const end = p === q.paragraph ? lastBoundary(text, para.start, q.outer.start) : para.end;
    // Look back a bounded distance only: an antecedent is near, and long paragraphs must not cost quadratic time.
    const from = Math.max(para.start, end - PRONOUN_LOOKBACK);
    // Blank out quoted words: the antecedent is in the narration, not inside someone's quotation.
    const blanks: Span[] = [];
    for (let j = k; j >= 0; j--) {
      const o = quotes[j]!;
      if (o.outer.end <= from) break;
      if (o.outer.start < end)
        blanks.unshift({ start: Math.max(from, o.outer.start), end: Math.min(end, o.outer.end) });
    }
    let region = '';
    let at = from;
    for (const b of blanks) {
      if (b.start < at) continue;
      region += text.slice(at, b.start) + ' '.repeat(b.end - b.start);
      at = b.end;
    }
    region += text.slice(at, end);
    const sentences = region.split(/(?<=[.!?])\s+(?=\p{Lu})/u).reverse();
    for (const sentence of sentences) {
      for (const m of sentence.matchAll(NAME_G)) {
        const name = stripStop(m[0]);
        if (name && !/^(?:I|We|They|He|She|It)$/.test(name)) return speakerKey(name);
      }
    }
  }
  return null;
}
