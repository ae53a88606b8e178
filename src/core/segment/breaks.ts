import type { TokenTable } from './nlp.js';
import { SENTENCE_OPENERS } from './sentences.js';

/**
 * Sentence breaks wink-nlp's boundary detection misses, found on its token table (offsets into the text it read).
 * Each rule is narrow: it needs a sign of a new sentence on both sides, so news abbreviations ("U.S. - Russia",
 * "J. D. Vance") and an ellipsis marking an omission before a name ("the United States … Russia") stay whole.
 */

/** Closing quotes/brackets that may follow a sentence's last mark, and openers that may precede its first word. */
const CLOSE = `["'”’»)\\]]*`;
const OPEN = `["'“‘«(\\[]?`;
/** An ellipsis (three dots or more, or U+2026) with its closing marks, before a capitalised word: after a space
 *  ("unmask ... First light") or glued to the word before ("given it back...This is how"). One glued to the next
 *  word only ("Way? …Well now", "“…The") opens that sentence, where wink already starts it. */
const DOTS = `(?:\\.{3,}|…)${CLOSE}`;
const ELLIPSIS = new RegExp(`(?:(?<=[^\\s."'“‘«(\\[])${DOTS}\\s*|${DOTS}\\s+)(?=${OPEN}\\p{Lu})`, 'gu');
/** A sentence's last mark, then a dash standing alone before a capitalised word or a number: a bullet or
 *  separator that wink reads as part of the sentence before ("…dream design. - The 16-bit version…"). */
const END_THEN_DASH = new RegExp(`[.!?…]+${CLOSE}\\s+(?=[-–—]+\\s+${OPEN}[\\p{Lu}\\p{N}])`, 'gu');
/** Three hyphens or more standing alone before a capitalised word: a plain-text rule between two items, never a
 *  dash inside a sentence (news copy writes that as "--" or "—"). */
const RULE = new RegExp(`(?<=\\s)-{3,}(?=\\s+${OPEN}[\\p{Lu}\\p{N}])`, 'gu');
/** A single capital and a period: an initial ("Cyrus K.") or a label ("Plan B."). */
const INITIAL = /^\p{Lu}\.$/u;
const CAPITALISED = /^\p{Lu}/u;
const FINAL_MARKS = /^[.!?…]+$/u;

/** Index of the first token starting at or after `at` (token starts ascend). */
function tokenAt(tokens: TokenTable, at: number): number {
  let lo = 0,
    hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens.start[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first word token at or after `at`, skipping opening quotes and brackets; -1 if none. */
function wordAt(tokens: TokenTable, at: number): number {
  let i = tokenAt(tokens, at);
  while (i < tokens.length && tokens.pos[i] === 'PUNCT') i++;
  return i < tokens.length ? i : -1;
}

/**
 * An ellipsis before a capitalised word ends a sentence ("…to unmask ... First light", "“over…” Then he left")
 * unless the word is a name or "I", capitalised anywhere: "the United States … Russia and China" is one
 * sentence with an omission.
 */
function afterEllipsis(view: string, tokens: TokenTable, out: number[]): void {
  ELLIPSIS.lastIndex = 0;
  for (let m = ELLIPSIS.exec(view); m; m = ELLIPSIS.exec(view)) {
    const at = m.index + m[0].length;
    const w = wordAt(tokens, at);
    if (w >= 0 && tokens.pos[w] !== 'PROPN' && tokens.value[w] !== 'I') out.push(at);
  }
}

/** A dash after a sentence's last mark starts the next sentence, when the mark is a token of its own (the period
 *  of "U.S." or "p.m." is part of the abbreviation's token, and no break follows it). */
function dashAfterEnd(view: string, tokens: TokenTable, out: number[]): void {
  END_THEN_DASH.lastIndex = 0;
  for (let m = END_THEN_DASH.exec(view); m; m = END_THEN_DASH.exec(view)) {
    const i = tokenAt(tokens, m.index + 1) - 1;
    if (i >= 0 && FINAL_MARKS.test(tokens.value[i] as string)) out.push(m.index + m[0].length);
  }
  RULE.lastIndex = 0;
  for (let m = RULE.exec(view); m; m = RULE.exec(view)) out.push(m.index);
}

/** An initial after a capitalised word, then a word that opens sentences ("Cyrus K. The symbols…", "Plan B. It
 *  failed"): a surname follows an initial, a pronoun or article does not. */
function afterInitial(tokens: TokenTable, out: number[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!INITIAL.test(tokens.value[i] as string) || !CAPITALISED.test(tokens.value[i - 1] as string)) continue;
    const next = tokens.value[i + 1] as string;
    if (CAPITALISED.test(next) && SENTENCE_OPENERS.has(next.toLowerCase())) out.push(tokens.start[i + 1] as number);
  }
}

/** True when `at` is inside a run of dots: wink sometimes reads "over...”" as "over." + "..”" and starts a
 *  sentence at the second token. */
const insideDots = (view: string, at: number) => at > 0 && view[at] === '.' && view[at - 1] === '.';

/**
 * Sentence starts for `view` (the text wink read, see `nlpView`): wink's `starts` without those inside an
 * ellipsis, plus the breaks it misses. Ascending, without duplicates.
 */
export function withMissedBreaks(view: string, tokens: TokenTable, starts: number[]): number[] {
  const all = starts.filter((s) => !insideDots(view, s));
  afterEllipsis(view, tokens, all);
  dashAfterEnd(view, tokens, all);
  afterInitial(tokens, all);
  all.sort((a, b) => a - b);
  return all.filter((s, i) => i === 0 || s !== all[i - 1]);
}
