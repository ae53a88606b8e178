import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import t from 'tap';
import { extractItems } from '../../src/core/checks/fact-items.js';
import {
  COPY_RUN,
  COPY_RUN_CONTENT,
  claimShingles,
  distinctContent,
  shingleClaims,
  textShingles,
} from '../../src/core/match/copied-runs.js';
import { segmentArticle } from '../../src/core/segment/article.js';
import { ALNUM_ASCII, hasLetterOrDigit, isSpaceUnit, LETTER_ASCII } from '../../src/core/segment/chars.js';
import { normalizeForNlp } from '../../src/core/segment/normalize.js';
import { type ClaimTerms, spanTerms, spanTermsInto, type Term } from '../../src/core/terms/tokens.js';
import { inKeyOrder, type TextTerms, TextTermsBuilder, textTerms } from '../../src/core/terms/vocabulary.js';
import { keyOf, nlp } from '../fixtures/reader.js';
import { repoPath } from '../fixtures/repo.js';

/**
 * Fresh compares: per-text helpers rewritten for speed must give what the code they replaced gave.
 * Each property checks the new function against the old expression on random inputs.
 */

/** `normalizeForNlp`'s definition as the regex replaces the scan stands for: code units that become a plain space
 *  (C0/C1 controls, NBSP and every Zs space, zero-width and bidi format characters, BOM, tabs), lone surrogates. */
const SPACE_LIKE = new RegExp(
  String.raw`[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200f\u202a-\u202f` +
    String.raw`\u205f\u2060-\u2064\u3000\ufeff\t]`,
  'g',
);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const normalizeForNlpByRegex = (text: string): string =>
  text
    .replace(/\r\n/g, ' \n')
    .replace(/[\r\u2028\u2029\u0085]/g, '\n')
    .replace(SPACE_LIKE, ' ')
    .replace(LONE_SURROGATE, '\ufffd');

t.test(
  'inKeyOrder: dedup and key order, as the Set + comparator sort it replaced (short lists by insertion, long by sort)',
  async (t) => {
    const byKeyOld = (keys: string[], list: Int32Array) => [
      ...Int32Array.from(new Set(list)).sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0)),
    ];
    const table: [string[], number[][], number[][]][] = [
      [
        ['b', 'a', 'c'],
        [[0, 1, 2], [2, 2, 0], []],
        [[1, 0, 2], [0, 2], []],
      ],
      [['é', 'e', 'Z', 'z'], [[0, 1, 2, 3]], [[2, 1, 3, 0]]],
    ];
    for (const [keys, lists, want] of table)
      t.same(
        inKeyOrder(
          keys,
          lists.map((l) => Int32Array.from(l)),
        ).map((l) => [...l]),
        want,
        keys.join(','),
      );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 4, unit: 'binary' }), { minLength: 1, maxLength: 120 }),
        fc.array(fc.array(fc.nat(), { maxLength: 150 }), { maxLength: 6 }),
        (keys, raw) => {
          const lists = raw.map((l) => Int32Array.from(l, (x) => x % keys.length));
          t.same(
            inKeyOrder(keys, lists).map((l) => [...l]),
            lists.map((l) => byKeyOld(keys, l)),
          );
        },
      ),
      { numRuns: 150, seed: 1 },
    );
  },
);

t.test('distinctContent: distinct content words of a window, as a Set of them counted', async (t) => {
  const c = { words: ['the', 'war', 'war', 'ended', 'in', 'kyiv'], wordKinds: [0, 1, 1, 1, 0, 2] };
  t.equal(distinctContent(c, 0, 6), 2, 'a repeated word counts once, names and function words not at all');
  t.equal(distinctContent(c, 2, 4), 2);
  t.equal(distinctContent(c, 0, 0), 0);
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 2 })), { maxLength: 12 }),
      fc.nat(),
      fc.nat(),
      (pairs, x, y) => {
        const words = pairs.map((p) => p[0]),
          wordKinds = pairs.map((p) => p[1]);
        const from = pairs.length ? x % (pairs.length + 1) : 0,
          to = from + (y % (pairs.length - from + 1));
        const set = new Set<string>();
        for (let k = from; k < to; k++) if (wordKinds[k] === 1) set.add(words[k]!);
        t.equal(distinctContent({ words, wordKinds }, from, to), set.size);
      },
    ),
    { numRuns: 150, seed: 1 },
  );
});

t.test('hasLetterOrDigit: as /[\\p{L}\\p{N}]/u.test', async (t) => {
  const table: [string, boolean][] = [
    ['', false],
    ['—', false],
    ['’s', true],
    ['%', false],
    ['٣', true],
    ['é', true],
    ['\ud835\udc00', true],
    ['\ud835', false],
    ['"?!', false],
    ['x', true],
  ];
  for (const [s, want] of table) t.equal(hasLetterOrDigit(s), want, JSON.stringify(s));
  fc.assert(
    fc.property(
      fc.string({
        unit: fc.oneof(
          fc.constantFrom('-', '’', '.', ' ', '\ud835', '\udc00', '٣', 'é', '!'),
          fc.string({ unit: 'binary', maxLength: 1 }),
        ),
        maxLength: 6,
      }),
      (s) => {
        t.equal(hasLetterOrDigit(s), /[\p{L}\p{N}]/u.test(s), JSON.stringify(s));
      },
    ),
    { numRuns: 200, seed: 1 },
  );
});

t.test('textShingles: each window cut out of the joined key is the window joined, as before', async (t) => {
  const old = (c: { words: string[]; wordKinds: number[] }) => {
    const out: string[] = [];
    for (let i = 0; i + COPY_RUN <= c.words.length; i++) {
      const content = new Set<string>();
      for (let k = i; k < i + COPY_RUN; k++) if (c.wordKinds[k] === 1) content.add(c.words[k]!);
      if (content.size >= COPY_RUN_CONTENT) out.push(c.words.slice(i, i + COPY_RUN).join(' '));
    }
    return out;
  };
  const claim = (text: string) => ({
    words: text.split(' '),
    wordKinds: text.split(' ').map((w) => (w.length > 3 ? 1 : 0)),
  });
  const perClaim = (ts: ReturnType<typeof textShingles>) =>
    Array.from({ length: ts.start.length - 1 }, (_, i) => claimShingles(ts, i));
  t.same(perClaim(textShingles([claim('the talks in istanbul ended without a ceasefire deal'), claim('short one')])), [
    [
      'the talks in istanbul ended without',
      'talks in istanbul ended without a',
      'in istanbul ended without a ceasefire',
      'istanbul ended without a ceasefire deal',
    ],
    [],
  ]);
  const word = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '’'), maxLength: 3 });
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.tuple(word, fc.integer({ min: 0, max: 2 })), { maxLength: 14 }), { maxLength: 4 }),
      (raw) => {
        const claims = raw.map((c) => ({ words: c.map((p) => p[0]), wordKinds: c.map((p) => p[1]) }));
        const got = textShingles(claims);
        t.same(perClaim(got), claims.map(old));
        t.same(
          perClaim(
            textShingles(
              claims,
              claims.map((c) => c.words.join(' ')),
            ),
          ),
          perClaim(got),
        );
        // The index, as the Map of arrays it replaced: each distinct shingle to the claims holding it, ascending, once.
        const want = new Map<string, number[]>();
        claims.map(old).forEach((list, ci) => {
          for (const s of list) {
            const p = want.get(s);
            if (!p) want.set(s, [ci]);
            else if (p.at(-1) !== ci) p.push(ci);
          }
        });
        t.same([...got.index.keys()], [...want.keys()]);
        for (const [s, p] of want) t.same(shingleClaims(got, s), p);
        t.same(shingleClaims(got, 'not a shingle of these claims at all'), []);
      },
    ),
    { numRuns: 150, seed: 1 },
  );
});

t.test('normalizeForNlp: the one scan gives what the four regex replaces give', async (t) => {
  // Messages as code units: a raw U+2028 in a TAP line would end it.
  const units = (s: string) =>
    s
      .split('')
      .map((c) => c.charCodeAt(0).toString(16))
      .join(' ');
  const table: [string, string][] = [
    ['a\r\nb', 'a \nb'],
    ['a\r\r\nb', 'a\n \nb'],
    ['x\u0085\u2028\u2029', 'x\n\n\n'],
    ['\t\u00a0\u200b\ufeff\u3000', '     '],
    ['\ud83d\ude00', '\ud83d\ude00'],
    ['\ud83d', '\ufffd'],
    ['\ude00x\ud83d', '\ufffdx\ufffd'],
    ['plain “text”', 'plain “text”'],
  ];
  for (const [input, want] of table) {
    t.equal(normalizeForNlp(input), want, units(input));
    t.equal(normalizeForNlpByRegex(input), want, units(input));
  }
  const unit = fc.oneof(
    fc.constantFrom(
      '\r',
      '\n',
      '\t',
      ' ',
      'a',
      '\u0085',
      '\u00a0',
      '\u2028',
      '\u2029',
      '\u1680',
      '\u200f',
      '\u2010',
      '\u202a',
      '\u2030',
      '\u205e',
      '\u205f',
      '\u2064',
      '\u2065',
      '\u3000',
      '\ufeff',
      '\ud800',
      '\udbff',
      '\udc00',
      '\udfff',
      '\u007e',
      '\u007f',
      '\u00a1',
      '\u001f',
      '“',
    ),
    fc.string({ unit: 'binary', maxLength: 1 }),
  );
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 16 }), (s) => {
      t.equal(normalizeForNlp(s), normalizeForNlpByRegex(s), units(s));
    }),
    { numRuns: 250, seed: 1 },
  );
});

t.test(
  'entity runs: a single space joins capitalised words, a possessive or a wider gap' +
    ' ends a run, a capital keeps its dot',
  async (t) => {
    // [sentence, its entity items as [start, end, key]]: the answers of the regex tests that the unit tests replaced.
    const table: [string, [number, number, string][]][] = [
      [
        'Officials met U.S. envoy Steve Witkoff in Moscow.',
        [
          [14, 18, 'us'],
          [25, 38, 'steve witkoff'],
          [42, 48, 'moscow'],
        ],
      ],
      ['He spoke with Putin.', [[14, 19, 'putin']]],
      [
        'Biden’s Ukraine policy drew fire from Senator Lindsey Graham’s allies.',
        [
          [8, 15, 'ukraine'],
          [38, 62, 'lindsey graham'],
        ],
      ],
      [
        'Then  Donald Trump arrived with J.D. Vance and the E.U. delegates.',
        [
          [6, 18, 'donald trump'],
          [32, 36, 'jd'],
          [51, 55, 'eu'],
        ],
      ],
      [
        "Russia's Sergei Lavrov met Marco Rubio in Anchorage, Alaska-",
        [
          [9, 22, 'sergei lavrov'],
          [27, 38, 'marco rubio'],
          [42, 51, 'anchorage'],
          [53, 59, 'alaska'],
        ],
      ],
      ['A', []],
    ];
    for (const [text, want] of table) {
      t.same(
        extractItems(text, 0, text.length)
          .filter((i) => i.kind === 'entity')
          .map((i) => [i.span.start, i.span.end, i.key]),
        want,
        text,
      );
    }
  },
);

/** `textTerms` as it was written before `TextTermsBuilder` (a pass over each claim's `Term` objects). */
function textTermsOld(claims: ClaimTerms[]): TextTerms {
  const index = new Map<string, number>();
  const keys: string[] = [],
    lemmas: string[] = [],
    names: boolean[] = [],
    numbers: boolean[] = [];
  const own = claims.map((t) => {
    const ids = new Int32Array(t.terms.length);
    t.terms.forEach((x, j) => {
      let k = index.get(x.key);
      if (k === undefined) {
        index.set(x.key, (k = keys.length));
        keys.push(x.key);
        lemmas.push(x.lemma);
        names.push(x.name);
        numbers.push(x.number);
      } else {
        if (x.lemma < lemmas[k]!) lemmas[k] = x.lemma;
        names[k] = names[k]! && x.name;
        numbers[k] = numbers[k]! || x.number;
      }
      ids[j] = k;
    });
    return ids;
  });
  return { keys, index, lemmas, names, numbers, claims: inKeyOrder(keys, own), words: claims.map((t) => t.words) };
}

t.test(
  "TextTermsBuilder: terms interned as they are read give the TextTerms of the claims' Term objects",
  async (t) => {
    const term = fc.record({
      key: fc.constantFrom('a', 'b', 'ab', 'B', 'é', 'ba'),
      lemma: fc.constantFrom('x', 'y', 'X', ''),
      name: fc.boolean(),
      number: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fc.array(term, { maxLength: 8 }), { maxLength: 5 }), (raw) => {
        const claims: ClaimTerms[] = raw.map((terms: Term[], i) => ({ terms, words: [`w${i}`], wordKinds: [1] }));
        t.same(textTerms(claims), textTermsOld(claims));
      }),
      { numRuns: 150, seed: 1 },
    );
    // The seeds, read as compare reads them: spanTermsInto into a builder = textTerms of spanTerms' objects.
    const dir = repoPath('seeds');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      const { paragraphs, tokens } = segmentArticle(text, nlp);
      const b = new TextTermsBuilder(),
        objects: ClaimTerms[] = [];
      for (const p of paragraphs) {
        for (const s of p.sentences) {
          const words = spanTermsInto(tokens!, s.start, s.end, b, keyOf);
          const whole = spanTerms(tokens!, s.start, s.end, keyOf);
          t.ok(words && whole, `${f}: every seed sentence is read in context`);
          t.same(words, { words: whole!.words, wordKinds: whole!.wordKinds });
          b.endClaim(words!.words);
          objects.push(whole!);
        }
      }
      t.same(b.finish(), textTermsOld(objects), f);
    }
  },
);

t.test(
  'chars: the shared ASCII tables and isSpaceUnit are the regex classes they stand for, on every unit they cover',
  async (t) => {
    let wrong = 0;
    for (let c = 0; c < 0x10000; c++) if (isSpaceUnit(c) !== /\s/.test(String.fromCharCode(c))) wrong++;
    t.equal(wrong, 0, 'isSpaceUnit is \\s on every UTF-16 unit');
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      if (ALNUM_ASCII[c] !== (/[\p{L}\p{N}]/u.test(ch) ? 1 : 0) || LETTER_ASCII[c] !== (/\p{L}/u.test(ch) ? 1 : 0))
        wrong++;
    }
    t.equal(wrong, 0, 'the ASCII tables are [\\p{L}\\p{N}] and \\p{L}');
  },
);
