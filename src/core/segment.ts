import type { Boilerplate, Span } from './types.js';

/** A paragraph with its sentences, all as spans into the submitted text. */
export interface Segment extends Span {
  sentences: Span[];
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits a text into paragraphs (blank-line separated) and sentences, as `[start, end)` spans
 * trimmed of surrounding whitespace. Never copies substrings: callers slice the original text.
 */
export function segment(text: string): Segment[] {
  const paragraphs: Segment[] = [];
  const para = /\S(?:[^\n]|\n(?![ \t\u00a0]*\n))*/g;
  for (let m = para.exec(text); m; m = para.exec(text)) {
    const pStart = m.index;
    const pEnd = trimEnd(text, pStart + m[0].length, pStart);
    const sentences: Span[] = [];
    for (const s of sentenceSegmenter.segment(text.slice(pStart, pEnd))) {
      const start = trimStart(text, pStart + s.index, pEnd);
      const end = trimEnd(text, pStart + s.index + s.segment.length, start);
      if (end > start) sentences.push({ start, end });
    }
    if (sentences.length) paragraphs.push({ start: pStart, end: pEnd, sentences });
  }
  return paragraphs;
}

function trimStart(text: string, i: number, limit: number): number {
  while (i < limit && /\s/.test(text[i] ?? '')) i++;
  return i;
}

function trimEnd(text: string, i: number, limit: number): number {
  while (i > limit && /\s/.test(text[i - 1] ?? '')) i--;
  return i;
}

/** A text cut into content paragraphs/sentences, with the boilerplate that was left out of them. */
export interface SegmentedText {
  /** Content paragraphs, each with its content sentences (boilerplate excluded). */
  paragraphs: Segment[];
  boilerplate: Boilerplate[];
}

/** Segments an article and sets its boilerplate aside (baseline: no boilerplate detection yet). */
export function segmentArticle(text: string): SegmentedText {
  return { paragraphs: segment(text), boilerplate: [] };
}
