import type { BoilerplateKind, Span } from '../types.js';
import { isNameWord, lineKind, RELATIVE_TIME, TEASER_HEADING, wordCount } from './boilerplate-patterns.js';
import { type Nlp, POSSESSIVE } from './nlp.js';

/**
 * Boilerplate detection over the paragraphs of one article. Three kinds of evidence, all generic:
 * 1. the paragraph's own text: CMS labels and credit/byline/timestamp shapes (`lineKind`);
 * 2. list structure: a teaser heading ("Recent Posts") followed by at least `TEASER_MIN_ITEMS` short headline /
 *    truncated-excerpt / "3 months ago" items; a bare "Read also:" label takes the headline after it;
 * 3. position: outside the article body (before its first or after its last prose paragraph) a line of one to
 *    three capitalised proper nouns is a byline ("Navneet"); a repeated short line is a repeated title/label;
 *    an "Author Name: Headline" line between paragraphs is a teaser link to another article.
 * The first non-boilerplate paragraph (the headline) is always content, as is anything with a verb-bearing
 * sentence that matches none of the above: the gold data counts the headline and standfirst as claims.
 */

/** Fewest items after a teaser heading for it to be a list (one would be a content heading over one paragraph). */
export const TEASER_MIN_ITEMS = 2;
/** Longest teaser item (headline or excerpt) in words; excerpts are cut at ~20–30 words by CMS templates. */
export const TEASER_ITEM_MAX_WORDS = 40;
/**
 * A paragraph this long that ends a sentence is article prose and bounds the body (headings and labels are shorter).
 */
export const PROSE_MIN_WORDS = 10;
/** Words in a lone-name byline ("Navneet", "Aghakazim Guliyev", "Mary Jo Smith"). */
export const BYLINE_MAX_WORDS = 3;
/** Longest "Author Name: Headline" teaser, in words (headlines are short; longer is a quotation lead-in). */
export const NAME_TEASER_MAX_WORDS = 20;
/** POS checks per document (each is a small wink parse). An article has a handful of candidate lines;
 * a text of thousands of name-like lines is a list, not an article, and is left as content past this budget. */
export const MAX_POS_CHECKS = 100;
/** Paragraphs longer than this (UTF-16 units) are prose for every rule but corrections and repeats. */
const MAX_LABEL_CHARS = 400;

const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;
const TRUNCATED = /(?:…|\.\.\.)["'”’]?$/u;
/** An author bio: "Jane Doe is a staff writer at The Atlantic.", "John Roe is the paper’s Moscow correspondent." */
const AUTHOR_BIO = new RegExp(
  String.raw`^(?:[\p{Lu}][\p{L}\p{M}’'.-]*\s+){1,3}is (?:a|an|the)\b[^.!?]{0,80}\b(?:writers?|editor` +
    String.raw`|reporter|correspondent|columnist|journalist|contributor|fellow|professor|author)\b`,
  'u',
);
/** Longest author bio in words (bios are one or two sentences). */
export const BIO_MAX_WORDS = 60;
const NAME_COLON = /^((?:[\p{Lu}][\p{L}\p{M}’'.-]*\s+){1,3}[\p{Lu}][\p{L}\p{M}’'.-]*):\s+(\S.*)$/u;

interface Para {
  line: string;
  words: number;
}

/** Marks folded for the repeated-line test; lines without any skip the two replaces. */
const QUOTE_MARKS = /[“”„"‘’']/;
/** Whitespace other than a single space: where collapsing whitespace changes a line. */
const UNCOLLAPSED = /\s\s|[^\S ]/;

/** Whitespace collapsed (labels only; long paragraphs keep a prefix, which is all the rules look at). */
function describe(text: string, p: Span): Para {
  const raw = text.slice(p.start, Math.min(p.end, p.start + MAX_LABEL_CHARS));
  // Most lines are already collapsed: a test is ~4x cheaper than the replace.
  const line = (UNCOLLAPSED.test(raw) ? raw.replace(/\s+/g, ' ') : raw).trim();
  const words = p.end - p.start > MAX_LABEL_CHARS ? Number.POSITIVE_INFINITY : wordCount(line);
  return { line, words };
}

/**
 * Every word tagged a proper noun by wink's POS tagger ("Diverging Agendas" is VERB PROPN, so not a name).
 * A possessive ("Moscow’s") is never a name-only phrase: on first sight wink splits off the clitic as a particle,
 * but once cached the whole form comes back as one proper noun, which made the answer depend on what was read
 * before (a "Name Moscow’s Name: …" sentence went to boilerplate only after the text had been read once).
 */
function allProperNouns(phrase: string, textNlp: Nlp): boolean {
  const nlp = textNlp(phrase.length);
  const tokens = nlp.readDoc(phrase).tokens();
  const tags = tokens.out(nlp.its.pos) as string[];
  return (
    tags.length > 0 &&
    tags.every((t) => t === 'PROPN' || t === 'PUNCT') &&
    !(tokens.out(nlp.its.value) as string[]).some((v) => POSSESSIVE.test(v))
  );
}

/** A teaser item: a short headline without a sentence end, a truncated excerpt, an age stamp or other furniture. */
function isTeaserItem(p: Para, kind: BoilerplateKind | null): boolean {
  if (kind !== null) return true;
  if (p.words > TEASER_ITEM_MAX_WORDS) return false;
  return TRUNCATED.test(p.line) || RELATIVE_TIME.test(p.line) || !SENTENCE_END.test(p.line);
}

/**
 * Classifies each paragraph as boilerplate (its kind) or content (`null`). Deterministic; linear apart from the
 * POS check, which only runs on short candidate lines. If every paragraph would be boilerplate, none is: a text
 * made only of a byline is still what the caller asked to compare.
 */
export function classifyParagraphs(text: string, paragraphs: Span[], nlp: Nlp): (BoilerplateKind | null)[] {
  const paras = paragraphs.map((p) => describe(text, p));
  const kinds: (BoilerplateKind | null)[] = paras.map((p) =>
    // (A finite count is the line's own: `describe` counted it; a long paragraph's line is a prefix, counted here.)
    !/[A-Za-z0-9]/.test(p.line) && !/[\p{L}\p{N}]/u.test(p.line)
      ? 'other'
      : lineKind(p.line, Number.isFinite(p.words) ? p.words : undefined),
  );

  paras.forEach((p, i) => {
    // A bare "Read also:" label: the teaser headline follows on its own line.
    const next = paras[i + 1];
    if (
      kinds[i] === 'read_more' &&
      /:$/.test(p.line) &&
      p.words <= 4 &&
      next &&
      kinds[i + 1] === null &&
      next.words <= NAME_TEASER_MAX_WORDS &&
      (!SENTENCE_END.test(next.line) || TRUNCATED.test(next.line))
    ) {
      kinds[i + 1] = 'read_more';
    }
  });

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i] as Para;
    if (p.words > 6 || !TEASER_HEADING.test(p.line)) continue;
    let j = i + 1;
    while (j < paras.length && isTeaserItem(paras[j] as Para, kinds[j] ?? null)) j++;
    if (j - i - 1 < TEASER_MIN_ITEMS) continue;
    // Other furniture inside the run (a comment form after the list) keeps its own kind.
    for (let k = i; k < j; k++) if (k === i || kinds[k] === null || kinds[k] === 'timestamp') kinds[k] = 'teaser_list';
    i = j - 1;
  }

  // Only label-like lines (no sentence end): a repeated title or section label. A repeated sentence is left
  // to the aligner (a refrain, or a pull quote that duplicates its paragraph). Lines after the last label-like one
  // cannot make a repeat: their keys (a lower-casing and a hash of up to 400 units each) are not made.
  const label = paras.map(
    (p, i) => kinds[i] === null && p.words >= 2 && Number.isFinite(p.words) && !SENTENCE_END.test(p.line),
  );
  const seen = new Set<string>();
  for (let i = 0; i <= label.lastIndexOf(true); i++) {
    const lower = (paras[i] as Para).line.toLowerCase();
    const key = QUOTE_MARKS.test(lower) ? lower.replace(/[“”„"]/g, '"').replace(/[‘’']/g, "'") : lower;
    if (label[i] && seen.has(key)) kinds[i] = 'other';
    seen.add(key);
  }

  const title = kinds.indexOf(null);
  const isProse = (i: number) => {
    const p = paras[i] as Para;
    return kinds[i] === null && p.words >= PROSE_MIN_WORDS && SENTENCE_END.test(p.line) && !TRUNCATED.test(p.line);
  };
  let firstProse = -1,
    lastProse = -1;
  for (let i = 0; i < paras.length; i++)
    if (isProse(i)) {
      if (firstProse < 0) firstProse = i;
      lastProse = i;
    }

  let budget = MAX_POS_CHECKS;
  const properNouns = (phrase: string) => budget-- > 0 && allProperNouns(phrase, nlp);
  paras.forEach((p, i) => {
    if (kinds[i] !== null || i === title) return;
    const outside = firstProse < 0 || i < firstProse || i > lastProse;
    if (
      outside &&
      p.words <= BYLINE_MAX_WORDS &&
      p.line.split(' ').every(isNameWord) &&
      !SENTENCE_END.test(p.line) &&
      properNouns(p.line)
    ) {
      kinds[i] = 'byline';
      return;
    }
    // (The pattern needs a colon: lines without one, most prose, skip it.)
    const m = p.words <= NAME_TEASER_MAX_WORDS && p.line.includes(':') ? NAME_COLON.exec(p.line) : null;
    if (m && !/[“"‘]/u.test(m[2] as string) && /^[\p{Lu}\p{N}]/u.test(m[2] as string) && properNouns(m[1] as string)) {
      kinds[i] = 'read_more';
    }
  });

  // Author bios close the page: only those with no prose after them (a bio-shaped sentence mid-article is a claim).
  for (let i = paras.length - 1; i > title; i--) {
    const p = paras[i] as Para;
    if (kinds[i] !== null) continue;
    if (p.words <= BIO_MAX_WORDS && AUTHOR_BIO.test(p.line)) {
      kinds[i] = 'byline';
      continue;
    }
    if (/^about the authors?:?$/i.test(p.line)) {
      kinds[i] = 'byline';
      continue;
    }
    if (isProse(i)) break;
  }

  return kinds.every((k) => k !== null) ? kinds.map(() => null) : kinds;
}
