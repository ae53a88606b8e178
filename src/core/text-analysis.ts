import type { AnalysisCache } from './analysis-cache.js';
import { type TextMemo, textMemo } from './checks/journalism.js';
import { TextWords } from './classify/group-words.js';
import { type TextShingles, textShingles } from './match/copied-runs.js';
import { type Segment, segmentArticle } from './segment/article.js';
import { type ClaimWords, claimTerms, spanTermsInto, type TermReader } from './terms/tokens.js';
import { type TextTerms, TextTermsBuilder } from './terms/vocabulary.js';
import type { Boilerplate } from './types.js';

/**
 * What a compare needs from one text alone: its content paragraphs and sentences, boilerplate, and its sentences'
 * terms (interned, `termIndex`) taken from the one wink read of the text (a sentence whose edge cuts a token, or a
 * text wink failed on, is read sentence by sentence).
 */
export interface TextAnalysis {
  paragraphs: Segment[];
  boilerplate: Boilerplate[];
  /** The sentences' diff tokens and word ids for the groups phase, made by the first compare (`TextWords`). */
  words?: TextWords;
  /** Each sentence's words joined by spaces (verbatim copies are found by these keys). */
  wordKeys: string[];
  /** The sentences' terms interned once (terms/vocabulary.ts `textTerms`). */
  termIndex: TextTerms;
  /** The sentences' copied-run shingles and their index (match/copied-runs.ts). */
  shingles: TextShingles;
  /** The journalism checks' per-text work, filled lazily by the first compare that needs it (checks/journalism.ts). */
  memo: TextMemo;
}

/** One claim's place before it is compared: its paragraph and span, and its text. */
export interface ClaimSpan {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/** One side of a compare as read: the analysis of its (possibly cut) text and what this compare keeps of it. */
export interface ReadText {
  paragraphs: Segment[];
  boilerplate: Boilerplate[];
  /** The claims in text order (their texts sliced from the submitted text). */
  claims: ClaimSpan[];
  wordKeys: string[];
  terms: TextTerms;
  shingles: TextShingles;
  /** The journalism memo of the submitted text (the analysis's own unless the text was cut at maxChars). */
  memo: TextMemo;
  /** The groups phase's words (the analysis's own unless the text was cut). */
  words: TextWords;
}

/**
 * Reads one submitted text, cut at `maxChars`, through the cache. A cut text gets memos for this compare only: its
 * claims' texts are slices of the longer submitted text, which the cached analysis (accounted by the cut text's
 * length) must not keep alive. Paragraphs starting at an offset in `content` are read as content (`segmentArticle`);
 * such a read depends on the other text, so it is not cached.
 */
export function readText(
  analyses: AnalysisCache<TextAnalysis>,
  reader: TermReader,
  full: string,
  maxChars: number,
  content: readonly number[] = [],
): ReadText {
  const text = full.slice(0, maxChars);
  const analysis = content.length
    ? analyseText(text, reader, content)
    : analyses.get(text, (t) => analyseText(t, reader));
  const { paragraphs, boilerplate, wordKeys, termIndex: terms, shingles } = analysis;
  const claims: ClaimSpan[] = [];
  analysis.paragraphs.forEach((seg, paragraph) => {
    for (const s of seg.sentences) {
      claims.push({ paragraph, start: s.start, end: s.end, text: full.slice(s.start, s.end) });
    }
  });
  const whole = text.length === full.length;
  const memo = whole ? analysis.memo : textMemo();
  const words = whole ? (analysis.words ??= new TextWords()) : new TextWords();
  return { paragraphs, boilerplate, claims, wordKeys, terms, shingles, memo, words };
}

/** The analysis of one text: segmentation and its sentences' terms, from one wink read. */
export function analyseText(text: string, reader: TermReader, content: readonly number[] = []): TextAnalysis {
  const { paragraphs, boilerplate, tokens } = segmentArticle(text, reader.nlp, content);
  // Each sentence's terms are interned as they are read (no `Term` object each), and a cached analysis keeps only
  // the interned `termIndex` and the shingles: the sentences' words are all a compare reads of them after this.
  const index = new TextTermsBuilder();
  const claims: ClaimWords[] = [];
  for (const p of paragraphs) {
    for (const s of p.sentences) {
      let words = tokens && spanTermsInto(tokens, s.start, s.end, index, reader.keyOf);
      if (!words) {
        const alone = claimTerms(text.slice(s.start, s.end), reader);
        for (const x of alone.terms) index.term(x.key, x.lemma, x.name, x.number);
        words = alone;
      }
      index.endClaim(words.words);
      claims.push(words);
    }
  }
  const wordKeys = claims.map((t) => t.words.join(' '));
  const shingles = textShingles(claims, wordKeys);
  return { paragraphs, boilerplate, wordKeys, termIndex: index.finish(), shingles, memo: textMemo() };
}
