import { defaultLexicon, type Lexicon } from '../lexicon/vectors.js';
import { defaultAntonyms } from '../lexicon/antonyms.js';
import type { Antonyms } from './checks/polarity.js';

/**
 * The one seam between the pure core and the lexicon's file I/O: the core asks for the lexicon here and
 * never reads files. By default it is the process-wide lazily loaded `dist/lexicon` (loaded once, then
 * immutable); `useLexicon` injects another (tests: `null` = lexical similarity without vectors).
 */
let injected: Lexicon | null | undefined;

/** The lexicon the core uses (loaded lazily on first call unless one was injected). */
export function lexiconForCore(): Lexicon | null {
  return injected !== undefined ? injected : defaultLexicon();
}

/** Injects a lexicon (or `null` for none); `undefined` restores the default. */
export function useLexicon(lexicon: Lexicon | null | undefined): void {
  injected = lexicon;
}

let injectedAntonyms: Antonyms | undefined;

/** The antonym pairs the fact checks use (WordNet's, loaded lazily on first call unless others were injected). */
export function antonymsForCore(): Antonyms {
  return injectedAntonyms ?? defaultAntonyms();
}

/** Injects antonym pairs (tests); `undefined` restores the default. */
export function useAntonyms(antonyms: Antonyms | undefined): void {
  injectedAntonyms = antonyms;
}
