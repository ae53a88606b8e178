import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The one wink-nlp instance of the process (model loading costs ~100 ms, so it is shared).
 * wink's sentence boundary detection handles news abbreviations ("U.S.", "J. D. Vance", "p.m.") and curly
 * quotes better than Intl.Segmenter or sbd, which split after initials.
 */
export const nlp = winkNLP(model, ['sbd', 'negation', 'sentiment', 'ner', 'pos', 'cer']);
export const its = nlp.its;
export const as = nlp.as;

/**
 * Characters the sentence instance reads before it is replaced. wink-nlp caches every token it has not seen for
 * the life of an instance (measured: ~2.5 MB of heap per 20,000 new words, never released), so a long-running
 * service would grow without bound; a fresh instance costs ~100 ms, i.e. < 1% of the time to read this much text.
 */
export const SENTENCE_NLP_RECYCLE_CHARS = 10_000_000;
let sentenceInstance: ReturnType<typeof winkNLP> | undefined;
let sentenceChars = 0;
/**
 * A second wink-nlp instance with only sentence boundary detection, created on first use: segmentation runs on
 * every submitted text (up to `maxChars`), and the full pipeline (POS, NER…) is ~2.7× slower per character.
 * @param chars length of the text about to be read (counts towards `SENTENCE_NLP_RECYCLE_CHARS`)
 */
export function sentenceNlp(chars = 0): ReturnType<typeof winkNLP> {
  sentenceChars += chars;
  if (!sentenceInstance || sentenceChars > SENTENCE_NLP_RECYCLE_CHARS) {
    sentenceInstance = winkNLP(model, ['sbd']);
    sentenceChars = chars;
  }
  return sentenceInstance;
}
