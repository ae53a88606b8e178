import type { Span } from '../types.js';
import { isSpaceChar } from './normalize.js';

/**
 * Paragraph detection on plain text. Blank lines always separate paragraphs. A single line break is ambiguous:
 * pages copied from the web put one paragraph per line with no blank line between (seeds 000 and 004), while
 * e-mail and plain-text archives hard-wrap paragraphs at a fixed column (~70–80). The choice is made once per
 * document from the lines that are followed by another line of the same block ("inner" lines): hard-wrapped text
 * fills every inner line up to a constant width (the next line's first word would not have fitted), and those
 * lines rarely end a sentence, and the next line mostly goes on in lower case; paragraph-per-line text has lines
 * of very different lengths that end a sentence, and each line starts with a capital.
 */

/** Widest wrap column recognised as hard wrapping (mail and RFC-style text wrap at 72–80; some tools at 100). */
export const WRAP_MAX_COLUMNS = 100;
/** Narrowest wrap column recognised (below this, short lines are more likely a list or verse than wrapping). */
export const WRAP_MIN_COLUMNS = 30;
/** Inner lines needed before deciding "hard-wrapped": with one or two, a title over a paragraph looks filled. */
export const WRAP_MIN_INNER_LINES = 3;
/** Share of inner lines that must be filled to the wrap width. Greedy wrapping fills every line but a paragraph's
 * last; with no blank lines between paragraphs those last lines are inner too (1 in 4–5 for short paragraphs). */
export const WRAP_FILLED_SHARE = 0.6;
/** Above this share of inner lines ending in . ! ? the lines are sentences/paragraphs, not wraps (wraps: ~10–20%). */
export const WRAP_MAX_TERMINAL_SHARE = 0.5;
/** Share of inner lines whose next line starts in lower case. A wrap falls mid-sentence, where most words are
 * lower case (~70–80% in English prose); a new paragraph or a one-per-line highlight starts with a capital. */
export const WRAP_MIN_LOWER_SHARE = 0.4;
/** Columns a wrapped line may fall short of the width and still count as filled (ragged right, wide glyphs). */
export const WRAP_SLACK = 2;

interface Line extends Span {
  /** Length of the first word, used for the "would the next word have fitted" test. */
  firstWord: number;
}

/** Lines of the text as trimmed spans (blank lines are `null`), for LF, CRLF, CR and U+2028/2029 breaks. */
function lines(text: string): (Line | null)[] {
  const out: (Line | null)[] = [];
  const breaks = /\r\n|[\n\r\u2028\u2029\u0085]/g;
  let from = 0;
  for (;;) {
    const m = breaks.exec(text);
    const to = m ? m.index : text.length;
    let s = from,
      e = to;
    while (s < e && isSpaceChar(text[s])) s++;
    while (e > s && isSpaceChar(text[e - 1])) e--;
    if (e > s) {
      let w = s;
      while (w < e && !isSpaceChar(text[w])) w++;
      out.push({ start: s, end: e, firstWord: w - s });
    } else out.push(null);
    if (!m) break;
    from = m.index + m[0].length;
  }
  return out;
}

const TERMINAL = /[.!?…:;]["'”’»)\]]*$/u;

/** Whether single line breaks inside blocks are hard wraps (true) or paragraph breaks (false). */
function isHardWrapped(text: string, blocks: Line[][]): { wrapped: boolean; width: number } {
  const inner: [Line, Line][] = [];
  for (const b of blocks) for (let i = 0; i + 1 < b.length; i++) inner.push([b[i] as Line, b[i + 1] as Line]);
  if (inner.length < WRAP_MIN_INNER_LINES) return { wrapped: false, width: 0 };
  let width = 0;
  for (const [l] of inner) width = Math.max(width, l.end - l.start);
  if (width > WRAP_MAX_COLUMNS || width < WRAP_MIN_COLUMNS) return { wrapped: false, width };
  let filled = 0,
    terminal = 0,
    lower = 0;
  for (const [l, next] of inner) {
    if (l.end - l.start + 1 + next.firstWord > width - WRAP_SLACK) filled++;
    if (TERMINAL.test(text.slice(Math.max(l.start, l.end - 4), l.end))) terminal++;
    if (/^["'“‘(]?\p{Ll}/u.test(text.slice(next.start, next.start + 2))) lower++;
  }
  const n = inner.length;
  const wrapped =
    filled / n >= WRAP_FILLED_SHARE && terminal / n < WRAP_MAX_TERMINAL_SHARE && lower / n >= WRAP_MIN_LOWER_SHARE;
  return { wrapped, width };
}

/** A wrapped line shorter than this share of the width, followed by a capital, ends a paragraph (a heading). */
export const WRAP_SHORT_LINE = 0.5;

/** Words of this many letters or more that a title capitalises (shorter ones, "of", "the", "and", may stay low). */
const TITLE_WORD = 4;
/** Longer prepositions that some styles keep in lower case in titles ("Trump Meets with Putin"). */
const TITLE_LOWER = new Set(['with', 'from', 'into', 'onto', 'over', 'upon']);

/** A title-case line: every long word capitalised ("Critics Question the Mayor’s Budget Plan for the City"). Wrapped
 *  prose has a lower-case long word on nearly every line; a heading has none. */
function isTitleLine(text: string, line: Line): boolean {
  const words = text.slice(line.start, line.end).split(/\s+/);
  if (!/^["'“‘(]?\p{Lu}/u.test(words[0] as string)) return false;
  for (const w of words) {
    const word = w.replace(/^["'“‘(]+/u, '');
    if (word.length >= TITLE_WORD && /^\p{Ll}/u.test(word) && !TITLE_LOWER.has(word.replace(/\P{L}+$/u, ''))) {
      return false;
    }
  }
  return true;
}

/**
 * In hard-wrapped text, whether the break after `line` ends a paragraph: the line was not filled to the width AND
 * it ends a sentence, or it is a heading before a capital: a short line, or a title-case one. A merely unfilled
 * line is still joined: wrap widths wobble by a few columns (the widest line overstates the width), and cutting a
 * sentence at a wrap is worse than merging two paragraphs.
 */
function endsParagraph(text: string, line: Line, next: Line, width: number): boolean {
  const len = line.end - line.start;
  if (len + 1 + next.firstWord > width - WRAP_SLACK) return false;
  if (TERMINAL.test(text.slice(Math.max(line.start, line.end - 4), line.end))) return true;
  const heading = len < width * WRAP_SHORT_LINE || isTitleLine(text, line);
  return heading && /^["'“‘(]?\p{Lu}/u.test(text.slice(next.start, next.start + 2));
}

/**
 * Paragraph spans of a text, trimmed of surrounding whitespace, in text order, never empty.
 * In a hard-wrapped document a block still breaks after a line that was not filled to the wrap width and ends a
 * sentence (the last line of a paragraph) or is a short heading, so paragraphs separated by one newline stay apart.
 */
export function paragraphSpans(text: string): Span[] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines(text)) {
    if (line) current.push(line);
    else if (current.length) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);
  const { wrapped, width } = isHardWrapped(text, blocks);
  const out: Span[] = [];
  for (const block of blocks) {
    let start = (block[0] as Line).start;
    for (let i = 0; i < block.length; i++) {
      const line = block[i] as Line;
      const next = block[i + 1];
      const joins = wrapped && next !== undefined && !endsParagraph(text, line, next, width);
      if (!joins) {
        out.push({ start, end: line.end });
        if (next) start = next.start;
      }
    }
  }
  return out;
}
