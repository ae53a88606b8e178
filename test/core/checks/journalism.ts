import t from 'tap';
import type { AlignedClaims } from '../../../src/core/checks/fact-changes.js';
import { checkJournalism, journalismFlags, textMemo } from '../../../src/core/checks/journalism.js';
import { DEFAULT_LIMITS, type SideResult } from '../../../src/core/types.js';

const side = (boilerplate: SideResult['boilerplate'] = []): SideResult => ({ paragraphs: [], claims: [], boilerplate });
const result = (rewriteBoilerplate: SideResult['boilerplate'] = []): AlignedClaims => ({
  original: side(),
  rewrite: side(rewriteBoilerplate),
  alignments: [],
});

const original = { text: 'The minister said: “We will not back down.” Talks resume Monday.', outlet: 'Reuters' };
const rewrite = { text: '“We will not back down,” the minister said.\n\nRecent posts: “Prices soar in winter”' };

t.test('quotations in the rewrite’s boilerplate are not checked', async (t) => {
  const start = rewrite.text.indexOf('Recent posts');
  const withBp = result([{ start, end: rewrite.text.length, text: rewrite.text.slice(start), kind: 'teaser_list' }]);
  const found = checkJournalism(withBp, original, rewrite, DEFAULT_LIMITS);
  t.same(
    found.quotes.filter((q) => q.side === 'rewrite').map((q) => q.status),
    ['verbatim'],
  );
  const without = checkJournalism(result(), original, rewrite, DEFAULT_LIMITS);
  t.same(
    without.quotes.filter((q) => q.side === 'rewrite').map((q) => q.status),
    ['verbatim', 'not_in_original'],
  );
});

t.test('flags: derived and uncredited, with the outlet named; the counts add up', async (t) => {
  const found = checkJournalism(result(), original, rewrite, DEFAULT_LIMITS);
  t.match(journalismFlags('partially_derived', found), [/^derived_uncredited: .*Reuters/, /^quote_not_in_original: 1/]);
  t.same(
    journalismFlags('independent', found),
    ['quote_not_in_original: 1 — “Prices soar in winter”'],
    'an independent rewrite owes no credit',
  );
  t.match(found.quoteCounts, { verbatim: 1, not_in_original: 1, dropped: 0 });
  t.same(found.droppedQuotes, []);
});

t.test('flags: credit not checked without an outlet; examples end with an ellipsis when there are more', async (t) => {
  const r = result();
  const quotes = ['Prices will rise.', 'Nobody saw it coming.', 'We are ready.', 'It is over now.'];
  const text = quotes.map((q, i) => `“${q}” said official number ${i + 1}.`).join(' ');
  const found = checkJournalism(r, { text: original.text }, { text }, DEFAULT_LIMITS);
  const flags = journalismFlags('partially_derived', found);
  t.equal(found.attribution.credited, null);
  t.match(
    flags[0],
    /^credit_not_checked: the rewrite is partially derived from the original; the original's outlet is unknown/,
  );
  t.notOk(
    flags.some((f) => f.startsWith('derived_uncredited')),
    'no false alarm',
  );
  const notIn = flags.find((f) => f.startsWith('quote_not_in_original'))!;
  t.match(notIn, /^quote_not_in_original: 4 — “Prices will rise\.?”, “Nobody saw it coming\.?”, “We are ready\.?”, …$/);
});

t.test('memos kept from earlier compares (either side, any partner) give the answers of fresh ones', async (t) => {
  const texts = [
    {
      text: 'The minister said: “We will not back down.” Talks resume on Monday, nearly 40 officials said.',
      outlet: 'Reuters',
    },
    { text: '“We will not back down,” the minister said. Talks resume on Tuesday, some 60 officials said.' },
    { text: '“We won’t back down … ever,” the minister said, adding: “Talks [will] resume.” Nobody disagreed.' },
    { text: 'No quotations here. Talks may resume on Monday in Brussels, Senator Lindsey Graham said.' },
  ];
  // One aligned pair of whole texts per compare, so that the fact checks run too.
  const pairResult = (o: string, r: string): AlignedClaims => {
    const res = result();
    res.original.claims = [
      {
        id: 'o1',
        paragraph: 0,
        start: 0,
        end: o.length,
        text: o,
        status: 'paraphrased',
        matches: ['r1'],
        similarity: 0.5,
        carried: 0.5,
        alignments: ['a1'],
        changed: false,
      },
    ];
    res.rewrite.claims = [
      {
        id: 'r1',
        paragraph: 0,
        start: 0,
        end: r.length,
        text: r,
        status: 'paraphrased',
        matches: ['o1'],
        similarity: 0.5,
        carried: 0.5,
        alignments: ['a1'],
        changed: false,
      },
    ];
    res.alignments = [
      {
        id: 'a1',
        original: ['o1'],
        rewrite: ['r1'],
        similarity: 0.5,
        status: 'paraphrased',
        moved: false,
        diff: [],
        changes: [],
      },
    ];
    return res;
  };
  const memos = texts.map(() => textMemo());
  for (let round = 0; round < 2; round++) {
    for (const [i, o] of texts.entries()) {
      for (const [j, r] of texts.entries()) {
        const kept = pairResult(o.text, r.text),
          fresh = pairResult(o.text, r.text);
        const withMemos = checkJournalism(kept, o, r, DEFAULT_LIMITS, { original: memos[i]!, rewrite: memos[j]! });
        t.same(withMemos, checkJournalism(fresh, o, r, DEFAULT_LIMITS), `${i} vs ${j}, round ${round}`);
        // Scribbling over an answer reaches no memo.
        for (const q of withMemos.quotes) {
          q.edits.forEach((e) => {
            e.start = -1;
          });
          if (q.source) q.source.start = -1;
        }
        for (const c of withMemos.changes.flat()) if (c.original) c.original.start = -1;
      }
    }
  }
  t.ok(memos[0]!.outside?.index, 'the original index was kept');
  t.notOk(memos[3]!.outside?.pieces?.length, 'a text without quotations has no pieces');
});
