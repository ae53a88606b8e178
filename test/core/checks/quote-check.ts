import fc from 'fast-check';
import t from 'tap';
import { checkQuote, indexOriginal, splitPieces, topDiagonals, words } from '../../../src/core/checks/quote-check.js';
import { findQuotes } from '../../../src/core/checks/quote-find.js';
import { seeds } from '../../fixtures/seeds.js';

const original = seeds.atlantic;
const idx = indexOriginal(original, findQuotes(original));

/** Checks the first quotation of `rewrite` against the Atlantic original (seed 001). */
function check(rewrite: string) {
  const q = findQuotes(rewrite)[0];
  if (!q) throw new Error(`no quotation in ${rewrite}`);
  return checkQuote(rewrite, q, idx).map((p) => ({ ...p, text: rewrite.slice(p.start, p.end) }));
}

t.test('each status, with real sentences of seed 000 against seed 001', async (t) => {
  const cases = [
    {
      name: 'verbatim',
      text:
        'Trump had insisted that only he could end the war—repeatedly saying, “I’ll have' +
        ' that done in 24 hours”—plans have been shelved.',
      status: 'verbatim',
    },
    {
      name: 'altered (He’s → Trump is)',
      text: '“Trump is being played by Putin,” said Senator Richard Blumenthal, who co-sponsored the bill.',
      status: 'altered',
    },
    {
      name: 'from narration',
      text: '“Trump still wants to establish closer ties with Putin,” one official said.',
      status: 'from_narration',
    },
    {
      name: 'not in original',
      text: '“The sanctions will start on Friday and nobody can stop them,” one official said.',
      status: 'not_in_original',
    },
    {
      name: 'verbatim with an editorial insertion',
      text:
        '“If it doesn’t [happen], I just back away, and they’re going to have to keep' +
        ' going,” Trump told reporters.',
      status: 'verbatim',
    },
    {
      name: 'verbatim, case and curly/straight differences ignored',
      text: 'He said "i\'ll have that done in 24 hours" again.',
      status: 'verbatim',
    },
  ];
  for (const c of cases) {
    const pieces = check(c.text);
    t.equal(pieces.length, 1, `${c.name}: one entry`);
    t.equal(pieces[0]!.status, c.status, c.name);
  }
});

t.test('the altered quote points at its source quotation in the original', async (t) => {
  const [p] = check('“Trump is being played by Putin,” said Senator Richard Blumenthal.');
  t.equal(p!.source?.text, 'He’s being played by Putin');
  t.equal(original.slice(p!.source!.start, p!.source!.end), p!.source!.text);
});

t.test('the editorial insertion is listed as an edit, with its span', async (t) => {
  const text = '“If it doesn’t [happen], I just back away,” Trump said.';
  const [p] = check(text);
  t.equal(p!.status, 'verbatim');
  t.same(
    p!.edits.map((e) => [e.kind, e.text, text.slice(e.start, e.end)]),
    [['insertion', '[happen]', '[happen]']],
  );
});

t.test(
  'a quotation stitched from a real quote and the author’s narration is split into pieces (seed 000, Sullivan)',
  async (t) => {
    const text =
      '“He thinks that terrorizing cities will weaken their morale… [and] by agreeing' +
      ' to talks—even in vague, toothless terms—Putin had done enough to placate Trump' +
      ' for now.”';
    const pieces = check(text);
    t.equal(pieces.length, 2);
    t.equal(pieces[0]!.status, 'verbatim');
    t.equal(pieces[0]!.text, 'He thinks that terrorizing cities will weaken their morale');
    t.same(
      pieces[0]!.edits.map((e) => e.kind),
      ['omission'],
    );
    t.equal(pieces[1]!.status, 'from_narration');
    t.match(
      pieces[1]!.text,
      /^by agreeing to talks—even in vague, toothless terms—Putin had done enough to placate Trump for now/,
    );
    t.same(
      pieces[1]!.edits.map((e) => e.text),
      ['[and]'],
    );
  },
);

t.test('an omission inside one quotation stays one verbatim entry', async (t) => {
  const pieces = check(
    '“We need to know who we can count on, and who we can’t… As for the package from' +
      ' the United States—that’s a different story,” he said.',
  );
  t.equal(pieces.length, 1);
  t.equal(pieces[0]!.status, 'verbatim');
  t.same(
    pieces[0]!.edits.map((e) => e.kind),
    ['omission'],
  );
});

t.test('short scare quotes must match exactly', async (t) => {
  t.equal(check('Putin agreed to “immediately” begin talks.')[0]!.status, 'verbatim');
  t.equal(check('Putin agreed to “quickly” begin talks.')[0]!.status, 'not_in_original');
});

t.test('splitPieces cuts at ellipses and brackets and keeps the marks as edits', async (t) => {
  const text = '“A b c... d e [f] g h…”';
  const q = findQuotes(text)[0]!;
  const pieces = splitPieces(text, q);
  t.same(
    pieces.map((p) => text.slice(p.start, p.end)),
    ['A b c', 'd e', 'g h'],
  );
  t.same(
    pieces.flatMap((p) => p.edits.map((e) => e.text)),
    ['...', '[f]', '…'],
  );
});

t.test(
  'property: any quotation of the original, copied into a rewrite, is verbatim and sourced inside that quotation',
  async (t) => {
    const quotes = findQuotes(original).filter((q) => q.text.split(/\s+/).length >= 3);
    fc.assert(
      fc.property(
        fc.constantFrom(...quotes),
        fc.constantFrom('He said', 'Officials said', 'As one put it,'),
        (q, lead) => {
          const rewrite = `${lead} “${q.text}” and left.`;
          const pieces = check(rewrite);
          return (
            pieces.length === 1 &&
            pieces[0]!.status === 'verbatim' &&
            pieces[0]!.source !== null &&
            pieces[0]!.source.start >= q.start &&
            pieces[0]!.source.end <= q.end
          );
        },
      ),
      { numRuns: 40 },
    );
    t.pass('property held');
  },
);

t.test('a quotation joined across the attribution of the original is still verbatim', async (t) => {
  const orig = '“We need to know who we can count on,” he said, “and who we can’t.”';
  const index = indexOriginal(orig, findQuotes(orig));
  const rewrite = 'Zelenskyy said: “We need to know who we can count on and who we can’t.”';
  const pieces = checkQuote(rewrite, findQuotes(rewrite)[0]!, index);
  t.equal(pieces.length, 1);
  t.equal(pieces[0]!.status, 'verbatim');
  const narr = 'Officials said the summit would go ahead on Monday as planned.';
  const nIndex = indexOriginal(narr, findQuotes(narr));
  const fake = '“The summit would go ahead on Monday,” an official said.';
  t.equal(checkQuote(fake, findQuotes(fake)[0]!, nIndex)[0]!.status, 'from_narration');
});

t.test('style differences are not alterations: hyphenation, case, straight marks', async (t) => {
  const pieces = check(
    'Trump wrote: "Russia wants to do large-scale trade with the United States when' +
      " this catastrophic 'bloodbath' is over, and I agree.\"",
  );
  t.equal(pieces[0]!.status, 'verbatim');
});

t.test(
  'pieces kept from an earlier check give the same answer, and checks share no edit objects with them',
  async (t) => {
    const rewrite =
      '“If it doesn’t [happen], I just back away … they’re going to have to keep going,” Trump told reporters.';
    const q = findQuotes(rewrite)[0]!;
    const pieces = splitPieces(rewrite, q);
    const kept = JSON.stringify(pieces);
    const first = checkQuote(rewrite, q, idx, pieces);
    t.ok(
      first.some((c) => c.edits.length),
      'the quotation has editorial marks',
    );
    for (const c of first)
      for (const e of c.edits) {
        e.start = -1;
        e.text = 'x';
      }
    t.equal(JSON.stringify(pieces), kept, 'scribbling over a result leaves the kept pieces alone');
    t.same(checkQuote(rewrite, q, idx, pieces), checkQuote(rewrite, q, idx));
  },
);

t.test('the voted diagonals are the best by votes then offset, as a full sort gives', async (t) => {
  const positions = fc.array(
    fc.array(fc.nat(60), { maxLength: 12 }).map((l) => [...new Set(l)].sort((a, b) => a - b)),
    { minLength: 1, maxLength: 15 },
  );
  fc.assert(
    fc.property(positions, fc.boolean(), (lists, gap) => {
      const withGap = lists.map((l, k) => (gap && k === 0 ? undefined : l));
      const votes = new Map<number, number>();
      withGap.forEach((at, k) => {
        for (const j of at ?? []) votes.set(j - k, (votes.get(j - k) ?? 0) + 1);
      });
      const sorted = [...votes.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, 8)
        .map(([d]) => d);
      t.same(topDiagonals(lists.length, withGap, 61), sorted);
    }),
    { numRuns: 200, seed: 1 },
  );
});

/** The index as it was built before it went flat: a `Word` per word, a quotation per word, a list per norm. */
function indexByWords(text: string) {
  const ws = words(text),
    quotes = findQuotes(text);
  const quoteOf = ws.map(() => -1);
  let q = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    while (q < quotes.length && quotes[q]!.end <= w.start) q++;
    const cur = quotes[q];
    if (cur && cur.start <= w.start && w.end <= cur.end) quoteOf[i] = q;
  }
  const idOf = new Map<string, number>(),
    positions: number[][] = [];
  ws.forEach((w, i) => {
    let id = idOf.get(w.norm);
    if (id === undefined) {
      idOf.set(w.norm, (id = positions.length));
      positions.push([]);
    }
    positions[id]!.push(i);
  });
  return { ws, quotes, quoteOf, idOf, positions };
}

t.test('the flat original index holds the words, quotations and positions of the object-per-word index', async (t) => {
  const piece = fc.constantFrom(
    'Putin',
    'said',
    'the',
    'war',
    '“',
    '”',
    '"',
    '‘',
    '’',
    "'",
    ' ',
    ' ',
    '\n',
    '.',
    ',',
    '…',
    'cease-fire',
    'Kyiv’s',
    'é',
    '𝒜',
    'Σ',
    '7',
  );
  const text = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''));
  const same = (s: string) => {
    const want = indexByWords(s),
      got = indexOriginal(s, want.quotes);
    t.equal(got.count, want.ws.length);
    t.same(
      [...got.starts],
      want.ws.map((w) => w.start),
    );
    t.same(
      [...got.ends],
      want.ws.map((w) => w.end),
    );
    t.same([...got.quoteOf], want.quoteOf);
    t.same([...got.idOf], [...want.idOf]);
    t.same(
      [...got.ids],
      want.ws.map((w) => want.idOf.get(w.norm)),
    );
    for (const [id, at] of want.positions.entries())
      t.same([...got.posList.subarray(got.posStart[id], got.posStart[id + 1])], at);
    t.equal(got.posStart[want.positions.length], want.ws.length);
  };
  fc.assert(
    fc.property(text, (s) => {
      same(s);
    }),
    { numRuns: 150, seed: 1 },
  );
  same(seeds.atlantic);
});

t.test('a piece keeps the normalised words of its span, cut at editorial marks and sentence ends', async (t) => {
  const piece = fc.constantFrom(
    'We',
    'need',
    'to',
    'know',
    'who',
    'Putin',
    'cease-fire',
    'Kyiv’s',
    ' ',
    ' ',
    '. ',
    '…',
    '...',
    '[the war]',
    ',',
    'É',
    '𝒜',
  );
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), (xs) => {
      const text = `“${xs.join('')}”`;
      for (const p of splitPieces(text, { start: 1, end: text.length - 1 })) {
        t.same(
          p.norms,
          words(text, p.start, p.end).map((w) => w.norm),
          text,
        );
        t.ok(p.norms.length > 0);
      }
    }),
    { numRuns: 250, seed: 1 },
  );
});
