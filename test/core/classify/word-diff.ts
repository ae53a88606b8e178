import { diffArrays, diffWords, wordDiff as words } from 'diff';
import fc from 'fast-check';
import t from 'tap';
import { classifyClaim, sharedWordShare } from '../../../src/core/classify/kept.js';
import { lcsLength } from '../../../src/core/classify/lcs.js';
import { editScript } from '../../../src/core/classify/myers.js';
import { type DiffText, diffTokens, joinDiffTexts, wordDiff } from '../../../src/core/classify/word-diff.js';
import { seeds } from '../../fixtures/seeds.js';
import { NEWS_TOKENS } from '../../fixtures/tokens.js';

/** What the library's `diffWords` gives, in our part shape (null past the edit bound). */
function library(a: string, b: string, maxEdits: number) {
  const changes = diffWords(a, b, { maxEditLength: maxEdits });
  return changes
    ? changes.map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'equal', text: c.value }))
    : null;
}

// Small vocabularies make many ties between equally short edit scripts: the cases where a different Myers
// implementation would choose a different (equally minimal) diff.
const token = fc.constantFrom(...NEWS_TOKENS);
const sep = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '');
const text = fc.array(fc.tuple(token, sep), { maxLength: 40 }).map((xs) => xs.map(([w, s]) => w + s).join(''));
const edited = (s: string) =>
  fc.array(fc.tuple(fc.nat(60), fc.option(token)), { maxLength: 6 }).map((edits) => {
    const ws = s.split(' ');
    for (const [at, w] of edits) {
      if (w === null) ws.splice(at % (ws.length + 1), 1);
      else ws.splice(at % (ws.length + 1), 0, w);
    }
    return ws.join(' ');
  });
const pair = text.chain((a) => fc.tuple(fc.constant(a), fc.oneof(edited(a), text, fc.constant(a))));
const bound = fc.constantFrom(0, 1, 3, 10, 400);

t.test('wordDiff gives exactly the library diffWords (same parts, same whitespace, same bound)', async (t) => {
  fc.assert(
    fc.property(pair, bound, ([a, b], maxEdits) => {
      const want = library(a, b, maxEdits) ?? [
        ...(a ? [{ op: 'removed', text: a }] : []),
        ...(b ? [{ op: 'added', text: b }] : []),
      ];
      t.same(wordDiff(a, b, maxEdits), want);
    }),
    { numRuns: 400, seed: 1 },
  );
});

t.test('wordDiff on seed sentences: rewrites of real news text diff like the library', async (t) => {
  const sentences = seeds.atlantic
    .split(/(?<=[.!?”])\s+/)
    .filter((s) => s.length > 40)
    .slice(0, 80);
  for (let i = 0; i + 1 < sentences.length; i++) {
    const a = sentences[i]!,
      b = sentences[i]!.replace(/Trump/g, 'the president').replace(/ and /, ', and also ');
    t.same(wordDiff(a, b, 400), library(a, b, 400));
    t.same(
      wordDiff(a, sentences[i + 1]!, 20),
      library(a, sentences[i + 1]!, 20) ?? [
        { op: 'removed', text: a },
        { op: 'added', text: sentences[i + 1] },
      ],
    );
  }
  t.same(wordDiff('', '', 10), []);
  t.same(wordDiff('Same words.', 'Same words.', 0), [{ op: 'equal', text: 'Same words.' }]);
});

// Characters at the edges of the library's classes: word characters (incl. Latin-1 and Latin Extended letters, the
// soft hyphen), excluded look-alikes (×, ÷, ˇ), every kind of \s, astral characters and lone surrogates.
const unit = fc.oneof(
  fc.constantFrom(
    'a',
    'Z',
    '0',
    '_',
    'é',
    '\u00ad',
    '\u00d7',
    '\u00f7',
    '\u02c7',
    '\u02c8',
    '\u1e9e',
    '—',
    '’',
    '.',
    ',',
    '"',
  ),
  fc.constantFrom(
    ' ',
    '  ',
    '\t',
    '\n',
    '\r\n',
    '\u00a0',
    '\u1680',
    '\u2003',
    '\u2028',
    '\u202f',
    '\u3000',
    '\ufeff',
    '\u200b',
  ),
  fc.constantFrom('😀', '\ud83d', '\ude00', '𝐀'),
  fc.string({ unit: 'binary', maxLength: 2 }),
);
const anyText = fc.array(unit, { maxLength: 30 }).map((xs) => xs.join(''));

/** The tokens a DiffText stands for (token i: from the end of core i − 1 to the start of core i + 1), and its cores. */
function tokensOf(d: DiffText): { tokens: string[]; cores: string[] } {
  const n = d.ids.length,
    tokens: string[] = [],
    cores: string[] = [];
  for (let i = 0; i < n; i++) {
    tokens.push(d.text.slice(i ? d.ends[i - 1] : 0, i + 1 < n ? d.starts[i + 1] : d.text.length));
    cores.push(d.blank ? '' : d.text.slice(d.starts[i], d.ends[i]));
  }
  return { tokens, cores };
}
const interner = () => {
  const ids = new Map<string, number>();
  return (s: string) => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
};

t.test('diffTokens cuts a text exactly as the library tokenize, and ids follow the trimmed tokens', async (t) => {
  const check = (text: string) => {
    const intern = interner(),
      d = diffTokens(text, intern),
      { tokens, cores } = tokensOf(d),
      want = words.tokenize(text);
    t.same(tokens, want);
    t.same(
      cores,
      want.map((w) => w.trim()),
    );
    t.same([...d.ids], cores.map(intern));
  };
  fc.assert(
    fc.property(anyText, (text) => check(text)),
    { numRuns: 600, seed: 1 },
  );
  for (const text of ['', ' ', ' \n ', 'a', ' a ', 'Trump’s “deal,” he said.', seeds.atlantic.slice(0, 3000)])
    check(text);
});

t.test('diffTokens classifies every UTF-16 unit as the library does (word, space or a token of its own)', async (t) => {
  const intern = interner();
  let agree = 0;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c),
      text = `a${ch}${ch}b ${ch}.`;
    if (JSON.stringify(tokensOf(diffTokens(text, intern)).tokens) === JSON.stringify(words.tokenize(text))) agree++;
    else t.fail(`U+${c.toString(16)}`);
  }
  t.equal(agree, 0x10000);
});

t.test(
  "joined claims: tokens of texts joined by spaces are the texts' tokens, shifted (or null when none has a core)",
  async (t) => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 4 }), (parts) => {
        const intern = interner(),
          joined = joinDiffTexts(parts.map((p) => diffTokens(p, intern)));
        const direct = diffTokens(parts.join(' '), intern);
        if (!joined) {
          t.ok(parts.length > 1 && (direct.blank || !direct.ids.length), 'only a blank or empty join is refused');
          return;
        }
        t.same(
          {
            text: joined.text,
            starts: [...joined.starts],
            ends: [...joined.ends],
            ids: [...joined.ids],
            blank: joined.blank,
          },
          {
            text: direct.text,
            starts: [...direct.starts],
            ends: [...direct.ends],
            ids: [...direct.ids],
            blank: direct.blank,
          },
        );
      }),
      { numRuns: 600, seed: 1 },
    );
  },
);

t.test(
  'editScript is the edit script of the library (diffArrays change objects), whatever the length and bound',
  async (t) => {
    // Long dissimilar pairs need thousands of path components: the reused pool grows mid-search.
    const seq = (symbols: number, max: number) => fc.array(fc.integer({ min: 0, max: symbols }), { maxLength: max });
    const pairs = fc.oneof(fc.tuple(seq(3, 40), seq(3, 40)), fc.tuple(seq(60, 150), seq(60, 150)));
    fc.assert(
      fc.property(pairs, fc.constantFrom(0, 4, 30, 400), ([a, b], maxEdits) => {
        const parts = diffArrays(a, b, { maxEditLength: maxEdits });
        const want = parts ? parts.map((p) => ({ op: p.added ? 1 : p.removed ? 2 : 0, count: p.count })) : null;
        t.same(editScript(a, b, maxEdits), want);
      }),
      { numRuns: 300, seed: 1 },
    );
  },
);

t.test('lcsLength is the common-token count of the library diffArrays, or -1 past the edit bound', async (t) => {
  const seq = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 });
  fc.assert(
    fc.property(seq, seq, fc.constantFrom(0, 2, 10, 40, 400), (a, b, maxEdits) => {
      const parts = diffArrays(a, b, { maxEditLength: maxEdits });
      const want = parts ? parts.reduce((n, p) => n + (p.added || p.removed ? 0 : p.count), 0) : -1;
      t.equal(lcsLength(a, b, maxEdits), want);
    }),
    { numRuns: 600, seed: 1 },
  );
  // Longer sequences: the bit vector spans several 32-bit words, so carries cross word boundaries.
  const long = (symbols: number) => fc.array(fc.integer({ min: 0, max: symbols }), { minLength: 30, maxLength: 170 });
  fc.assert(
    fc.property(
      fc.constantFrom(1, 3, 40).chain((k) => fc.tuple(long(k), long(k))),
      fc.constantFrom(5, 60, 400),
      ([a, b], maxEdits) => {
        const parts = diffArrays(a, b, { maxEditLength: maxEdits });
        const want = parts ? parts.reduce((n, p) => n + (p.added || p.removed ? 0 : p.count), 0) : -1;
        t.equal(lcsLength(a, b, maxEdits), want);
      },
    ),
    { numRuns: 200, seed: 1 },
  );
});

t.test("kept vs paraphrased: the share of a claim's words found in order in its partners", async (t) => {
  const w = (s: string) => s.toLowerCase().split(' ');
  const cases = [
    {
      a: 'trump told reporters on monday that talks would resume',
      b: 'trump said on monday that talks would resume',
      status: 'kept',
    },
    { a: 'the senate passed the bill', b: 'the senate passed the bill he wrote', status: 'kept' },
    {
      a: 'officials expect the summit will not include negotiations',
      b: 'negotiations are not on the agenda for the meeting officials say',
      status: 'paraphrased',
    },
    {
      a: 'one two three four five six seven eight',
      b: 'eight seven six five four three two one',
      status: 'paraphrased',
    },
  ];
  for (const c of cases) t.equal(classifyClaim(w(c.a), w(c.b), 400), c.status, c.a);
  t.equal(sharedWordShare(w('a b c d'), w('a x c d'), 400), 0.75);
  t.equal(sharedWordShare(w('a b c d'), w('a x c d'), 1), 0, 'past the edit bound the share is 0');
  t.equal(sharedWordShare([], w('a b'), 400), 0);
  t.equal(
    sharedWordShare(Array<string>(2001).fill('a'), Array<string>(2001).fill('a'), 5000),
    0,
    'past MAX_DIFF_WORDS a claim is not diffed',
  );
});
