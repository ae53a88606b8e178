import type { Boilerplate, Span } from '../types.js';
import { classifyParagraphs } from './boilerplate.js';
import { withMissedBreaks } from './breaks.js';
import { type Nlp, nlpView, readTokens, type TokenTable } from './nlp.js';
import { paragraphSpans } from './paragraphs.js';
import {
  capLength,
  isGluedName,
  joinSpeechTags,
  mergeWordless,
  plainSentenceStarts,
  reattachQuotes,
  splitCjk,
  trimSpan,
} from './sentences.js';

/** A paragraph with its sentences, all as spans into the submitted text. */
export interface Segment extends Span {
  sentences: Span[];
}

/** A text cut into content paragraphs/sentences, with the boilerplate that was left out of them. */
export interface SegmentedText {
  /** Content paragraphs, each with its content sentences (boilerplate excluded). */
  paragraphs: Segment[];
  boilerplate: Boilerplate[];
  /** The one wink read of the text (token spans are offsets into it); `null` if wink failed on this input. */
  tokens: TokenTable | null;
}

export { MAX_TOKEN_RUN } from './nlp.js';

/** The one wink read of a text and the sentence starts taken from it, with the breaks wink misses (`breaks.ts`);
 * the plain punctuation rule's starts if wink's tokens cannot be placed on the text, and no tokens at all if wink
 * fails on this input. */
function readText(text: string, paragraphs: Span[], nlp: Nlp): { tokens: TokenTable | null; starts: number[] } {
  const view = nlpView(text, paragraphs);
  try {
    const tokens = readTokens(view, nlp);
    const starts = tokens.sentenceStarts ? withMissedBreaks(view, tokens, tokens.sentenceStarts) : null;
    return { tokens, starts: starts ?? plainSentenceStarts(view) };
  } catch {
    // wink-nlp is not meant to throw, but the core must not: fall through to the plain rule.
    return { tokens: null, starts: plainSentenceStarts(view) };
  }
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
    pieces = joinSpeechTags(text, reattachQuotes(text, pieces))
      .flatMap((s) => splitCjk(text, s))
      .flatMap((s) => capLength(text, s));
    out.push(mergeWordless(text, pieces));
  }
  return out;
}

/** Paragraphs with their sentences, and the read of the text they were cut from. */
function segmentRead(text: string, nlp: Nlp): { segments: Segment[]; tokens: TokenTable | null } {
  const paragraphs = paragraphSpans(text);
  const { tokens, starts } = readText(text, paragraphs, nlp);
  const sentences = sentencesOf(text, paragraphs, starts);
  return {
    segments: paragraphs.map((p, i) => ({ start: p.start, end: p.end, sentences: sentences[i] ?? [] })),
    tokens,
  };
}

/**
 * Splits a text into paragraphs and sentences (spans trimmed of surrounding whitespace), boilerplate included.
 * Never copies substrings: callers slice the submitted text. Never throws; linear in the text length.
 */
export function segment(text: string, nlp: Nlp): Segment[] {
  return segmentRead(text, nlp).segments;
}

/**
 * Segments an article and sets its boilerplate aside: `paragraphs` are the content paragraphs with their
 * sentences (one sentence = one claim for the aligner); `boilerplate` lists the paragraphs judged page furniture
 * (bylines, credits, "Read:" links, comment forms, teaser lists…), in text order; `tokens` is the one wink read
 * of the text, from which the claims' terms are taken (`spanTerms`). Paragraphs starting at an offset in `content`
 * are content whatever they look like (boilerplate the other text of a compare copied: `reclaim.ts`).
 */
export function segmentArticle(text: string, nlp: Nlp, content: readonly number[] = []): SegmentedText {
  const { segments: all, tokens } = segmentRead(text, nlp);
  const kinds = classifyParagraphs(text, all, nlp);
  if (content.length) {
    const starts = new Set(content);
    all.forEach((p, i) => {
      if (starts.has(p.start)) kinds[i] = null;
    });
  }
  const paragraphs: Segment[] = [];
  const boilerplate: Boilerplate[] = [];
  all.forEach((p, i) => {
    const kind = kinds[i] ?? null;
    if (kind) boilerplate.push({ start: p.start, end: p.end, text: text.slice(p.start, p.end), kind });
    else if (p.sentences.length) paragraphs.push(p);
  });
  return { paragraphs, boilerplate, tokens };
}
