import { classifyParagraphs } from './boilerplate.js';
import { normalizeForNlp } from './normalize.js';
import { paragraphSpans } from './segment-lines.js';
import {
  capLength, plainSentenceStarts, isGluedName, joinSpeechTags, mergeWordless, reattachQuotes, splitCjk, trimSpan, winkSentenceStarts,
} from './segment-sentences.js';
import type { Boilerplate, Span } from './types.js';

/** A paragraph with its sentences, all as spans into the submitted text. */
export interface Segment extends Span {
  sentences: Span[];
}

/** A text cut into content paragraphs/sentences, with the boilerplate that was left out of them. */
export interface SegmentedText {
  /** Content paragraphs, each with its content sentences (boilerplate excluded). */
  paragraphs: Segment[];
  boilerplate: Boilerplate[];
}

/** Longest run without whitespace handed to wink: its tokenizer is quadratic in token length (a 10,000-char
 * token takes ~0.4 s, 40,000 chars ~3.4 s), and no English word or URL worth splitting at is this long. */
export const MAX_TOKEN_RUN = 200;
const LONG_RUN = new RegExp(`[^\\s]{${MAX_TOKEN_RUN - 1}}[^\\s\\ud800-\\udbff]`, 'g');

/**
 * The text wink reads: the length-preserving normalisation (`normalizeForNlp`) with the line breaks inside each
 * paragraph (hard wraps) turned into spaces, so wink neither splits at a wrap nor loses an offset, and runs longer
 * than `MAX_TOKEN_RUN` without whitespace broken by a space.
 */
function nlpView(text: string, paragraphs: Span[]): string {
  const norm = normalizeForNlp(text);
  let out = '';
  let at = 0;
  for (const p of paragraphs) {
    out += norm.slice(at, p.start) + norm.slice(p.start, p.end).replace(/\n/g, ' ');
    at = p.end;
  }
  // Break overlong runs in the view only (a space replaces the run's last unit, length unchanged).
  return (out + norm.slice(at)).replace(LONG_RUN, (run) => run.slice(0, -1) + ' ');
}

/** Sentence start offsets for the whole text: wink's, or the plain punctuation rule's if wink fails on this input. */
function sentenceStarts(view: string): number[] {
  try {
    const starts = winkSentenceStarts(view);
    if (starts) return starts;
  } catch {
    // wink-nlp is not meant to throw, but the core must not: fall through to the plain rule.
  }
  return plainSentenceStarts(view);
}

/** Cuts each paragraph at the sentence starts inside it, then repairs and caps the pieces. */
function sentencesOf(text: string, paragraphs: Span[], starts: number[]): Span[][] {
  const out: Span[][] = [];
  let k = 0;
  for (const p of paragraphs) {
    while (k < starts.length && (starts[k] as number) <= p.start) k++;
    const cuts = [p.start];
    for (; k < starts.length && (starts[k] as number) < p.end; k++) {
      if (!isGluedName(text, starts[k] as number)) cuts.push(starts[k] as number);
    }
    cuts.push(p.end);
    let pieces: Span[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const t = trimSpan(text, cuts[i] as number, cuts[i + 1] as number);
      if (t) pieces.push(t);
    }
    pieces = joinSpeechTags(text, reattachQuotes(text, pieces)).flatMap((s) => splitCjk(text, s)).flatMap((s) => capLength(text, s));
    out.push(mergeWordless(text, pieces));
  }
  return out;
}

/**
 * Splits a text into paragraphs and sentences (spans trimmed of surrounding whitespace), boilerplate included.
 * Never copies substrings: callers slice the submitted text. Never throws; linear in the text length.
 */
export function segment(text: string): Segment[] {
  const paragraphs = paragraphSpans(text);
  const sentences = sentencesOf(text, paragraphs, sentenceStarts(nlpView(text, paragraphs)));
  return paragraphs.map((p, i) => ({ start: p.start, end: p.end, sentences: sentences[i] ?? [] }));
}

/**
 * Segments an article and sets its boilerplate aside: `paragraphs` are the content paragraphs with their
 * sentences (one sentence = one claim for the aligner); `boilerplate` lists the paragraphs judged page furniture
 * (bylines, credits, "Read:" links, comment forms, teaser lists…), in text order.
 */
export function segmentArticle(text: string): SegmentedText {
  const all = segment(text);
  const kinds = classifyParagraphs(text, all);
  const paragraphs: Segment[] = [];
  const boilerplate: Boilerplate[] = [];
  all.forEach((p, i) => {
    const kind = kinds[i] ?? null;
    if (kind) boilerplate.push({ start: p.start, end: p.end, text: text.slice(p.start, p.end), kind });
    else if (p.sentences.length) paragraphs.push(p);
  });
  return { paragraphs, boilerplate };
}
