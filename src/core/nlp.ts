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
 * Characters a recycled instance reads before it is replaced. wink-nlp caches every token it has not seen for the
 * life of an instance (measured: ~2.5 MB of heap per 20,000 new words, never released), so a long-running service
 * would grow without bound; a fresh instance costs ~100 ms, i.e. < 1% of the time to read this much text.
 */
export const NLP_RECYCLE_CHARS = 10_000_000;

type Pipe = Parameters<typeof winkNLP>[1];

/**
 * A wink-nlp instance with only the given pipes, created on first use and replaced after `NLP_RECYCLE_CHARS`.
 * The returned function takes the length of the text about to be read (it counts towards the recycle budget).
 */
export function recyclingNlp(pipes: Pipe): (chars?: number) => ReturnType<typeof winkNLP> {
  let instance: ReturnType<typeof winkNLP> | undefined;
  let read = 0;
  return (chars = 0) => {
    read += chars;
    if (!instance || read > NLP_RECYCLE_CHARS) {
      instance = winkNLP(model, pipes);
      read = chars;
    }
    return instance;
  };
}

/**
 * Sentence boundary detection only: segmentation runs on every submitted text (up to `maxChars`), and the full
 * pipeline (POS, NER…) is ~2.7× slower per character.
 */
export const sentenceNlp = recyclingNlp(['sbd']);
