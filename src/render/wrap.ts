/**
 * Word wrapping for the text and Markdown reports: lines fit a width, continuation lines hang under the first
 * line's text (not under its marker), and styling (ANSI colours, word-diff brackets) is applied per word, so a
 * colour never runs into the indent of the next line.
 */

export { DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH } from '../schemas/format.js';

import { DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH } from '../schemas/format.js';

/** A word of a report line. `glued` words follow the previous one without a space (no line break there). */
export interface Word {
  text: string;
  /** A key of the caller's styles (e.g. 'removed'); undefined = plain. */
  style?: string | undefined;
  glued?: boolean;
  /** Follows the previous word after a space, but the line never breaks between them ("60%" after "coverage"). */
  tight?: boolean;
}

/**
 * Splits text into words at whitespace other than the no-break space (which holds words together on purpose), all
 * with one style; `glued` for the first when no space precedes it.
 */
export function words(text: string, style?: string, glueFirst = false): Word[] {
  const out: Word[] = [];
  const re = /([^\S\u00a0]*)((?:[^\s]|\u00a0)+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: m[2]!, style, glued: out.length === 0 ? glueFirst && !m[1] : !m[1] });
  }
  return out;
}

/**
 * Lays `list` out in lines of at most `width` columns: the first starts with `first`, the others with `indent`
 * spaces (a hanging indent); `first` and `indent` should be of equal width. A word longer than a whole line is
 * cut. `paint` styles a piece of a word (identity without colours). Columns are UTF-16 code units minus
 * surrogates: near enough for the Latin, Cyrillic and punctuation of news text.
 */
export function wrap(
  list: Word[],
  widthAsked: number,
  first: string,
  indent: number,
  paint: (style: string | undefined, s: string) => string = (_, s) => s,
): string[] {
  // Some room for words however deep the indent.
  const width = Math.max(widthAsked, indent + 20);
  const pad = ' '.repeat(indent);
  // Words glued to each other move as one unit.
  const units: Word[][] = [];
  for (const w of list) {
    if ((w.glued || w.tight) && units.length) units[units.length - 1]!.push(w);
    else units.push([w]);
  }
  const lines: string[] = [];
  let line = first,
    used = columns(first),
    empty = true;
  const flush = () => {
    lines.push(line.replace(/\s+$/, ''));
    line = pad;
    used = indent;
    empty = true;
  };
  for (const unit of units) {
    const size = unit.reduce((n, w) => n + columns(w.text) + (w.tight ? 1 : 0), 0);
    if (!empty && used + 1 + size > width) flush();
    if (!empty) {
      line += ' ';
      used += 1;
    }
    for (const w of unit) {
      if (w.tight && !empty) {
        line += ' ';
        used += 1;
      }
      let rest = w.text;
      // Only a unit longer than a whole line gets here without room: cut it at the line's end.
      while (used + columns(rest) > width) {
        if (used >= width) {
          flush();
          continue;
        }
        const head = sliceColumns(rest, width - used);
        line += paint(w.style, head);
        rest = rest.slice(head.length);
        flush();
      }
      if (rest) {
        line += paint(w.style, rest);
        used += columns(rest);
        empty = false;
      }
    }
  }
  if (!empty || !lines.length) lines.push(line.replace(/\s+$/, ''));
  return lines;
}

/** Visible columns of a string: code points, ANSI colour escapes not counted. */
export function columns(s: string): number {
  // eslint-disable-next-line no-control-regex
  const plain = s.replace(/\x1b\[[0-9;]*m/g, '');
  let n = 0;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** The longest prefix of `s` of at most `n` columns, never splitting a surrogate pair. */
function sliceColumns(s: string, n: number): string {
  let i = 0,
    cols = 0;
  while (i < s.length && cols < n) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
    cols++;
  }
  return s.slice(0, i);
}

/** A width option as given (CLI flag, `COLUMNS`, `?width=`) made usable: a number within the accepted range. */
export function clampWidth(width: number | undefined): number {
  if (width === undefined || !Number.isFinite(width)) return DEFAULT_WIDTH;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.floor(width)));
}
