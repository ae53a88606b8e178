import fc from 'fast-check';
import t from 'tap';
import {
  foldForMatch,
  isCombiningAt,
  isLowSurrogateAt,
  isSpaceChar,
  normalizeForNlp,
} from '../../../src/core/segment/normalize.js';

t.test('normalizeForNlp keeps every offset and cleans what wink should not see (table)', async (t) => {
  const cases: [string, string, string][] = [
    ['CRLF becomes space + LF', 'a\r\nb', 'a \nb'],
    ['lone CR and U+2028/2029 become LF', 'a\rb\u2028c\u2029d', 'a\nb\nc\nd'],
    ['NUL, tab, NBSP, thin space, BOM become spaces', 'a\u0000b\tc\u00a0d\u2009e\ufeff', 'a b c d e '],
    ['lone surrogates become U+FFFD; pairs stay', 'x\ud800y\udc00z😀', 'x\ufffdy\ufffdz😀'],
    ['quotes, dashes, ellipses, CJK, RTL untouched', '“a”—‘b’… 日本 שלום', '“a”—‘b’… 日本 שלום'],
  ];
  for (const [name, input, want] of cases) t.equal(normalizeForNlp(input), want, name);
});

t.test('foldForMatch folds typography and case one unit at a time', async (t) => {
  t.equal(foldForMatch('Doesn’t “Stop”—NOW'), 'doesn\'t "stop"-now');
  t.equal(foldForMatch('İSTANBUL'), 'İstanbul', 'İ stays (its lower case is 2 units), the rest is lowered');
  t.equal(foldForMatch('A\u00a0B\nC'), 'a b c');
  t.equal(foldForMatch('😀X'), '😀x', 'surrogate pairs kept whole');
});

t.test('character predicates', async (t) => {
  t.ok(isLowSurrogateAt('😀', 1));
  t.notOk(isLowSurrogateAt('😀', 0));
  t.notOk(isLowSurrogateAt('\udc00', 0), 'a lone low surrogate is not the second half of a pair');
  t.ok(isCombiningAt('e\u0301', 1));
  t.notOk(isCombiningAt('e\u0301', 0));
  for (const ch of [' ', '\n', '\u00a0', '\u200b', '\ufeff']) t.ok(isSpaceChar(ch), JSON.stringify(ch));
  t.notOk(isSpaceChar('a'));
  t.notOk(isSpaceChar(undefined));
});

t.test('property: both normalisations preserve length on arbitrary strings', async (t) => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 })),
      (s) => normalizeForNlp(s).length === s.length && foldForMatch(s).length === s.length,
    ),
    { numRuns: 500, seed: 3 },
  );
  t.pass('500 arbitrary strings');
});
