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

let sentenceInstance: ReturnType<typeof winkNLP> | undefined;
/**
 * A second wink-nlp instance with only sentence boundary detection, created on first use: segmentation runs on
 * every submitted text (up to `maxChars`), and the full pipeline (POS, NER…) is ~2.7× slower per character.
 */
export function sentenceNlp(): ReturnType<typeof winkNLP> {
  sentenceInstance ??= winkNLP(model, ['sbd']);
  return sentenceInstance;
}
