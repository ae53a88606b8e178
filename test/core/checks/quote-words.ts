import fc from 'fast-check';
import t from 'tap';
import { words } from '../../../src/core/checks/quote-check.js';
import { seeds } from '../../fixtures/seeds.js';

/** The definition `words` scans by hand: this regex's matches, lower-cased, curly apostrophes and hyphens folded. */
function byRegex(text: string, start: number, end: number) {
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+(?:['’][\p{L}]+)*)*/gu;
  return [...text.slice(start, end).matchAll(re)].map((m) => ({
    start: start + m.index,
    end: start + m.index + m[0].length,
    norm: m[0].toLowerCase().replace(/’/g, "'").replace(/-/g, ''),
  }));
}

t.test(
  'quote words are the regex words: apostrophes, hyphens, digits, astral letters, cut surrogate pairs',
  async (t) => {
    const piece = fc.constantFrom(
      'Σ',
      'ΑΣ',
      'σ',
      'a',
      'B',
      '7',
      "'",
      '’',
      '-',
      ' ',
      '.',
      'é',
      'ß',
      '𝒜',
      '\ud835',
      '\udc9c',
      '٣',
      'Ⅻ',
      'İ',
      '—',
      '“',
      "don't",
      '’s',
      '--',
      '_',
      '\u0301',
    );
    const text = fc.array(piece, { maxLength: 24 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
        const start = Math.min(a, b) % (s.length + 1),
          end = start + (Math.max(a, b) % (s.length - start + 1));
        t.same(words(s, start, end), byRegex(s, start, end));
      }),
      { numRuns: 1000, seed: 1 },
    );
    t.same(words(seeds.atlantic), byRegex(seeds.atlantic, 0, seeds.atlantic.length), 'a whole seed article');
    t.same(words('cease-fire, Russia’s 2,000'), [
      { start: 0, end: 10, norm: 'ceasefire' },
      { start: 12, end: 20, norm: "russia's" },
      { start: 21, end: 22, norm: '2' },
      { start: 23, end: 26, norm: '000' },
    ]);
  },
);
