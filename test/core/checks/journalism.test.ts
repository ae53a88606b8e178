import t from 'tap';
import { annotateJournalism, textMemo } from '../../../src/core/checks/journalism.js';
import { DEFAULT_LIMITS, type CompareResult, type SideResult } from '../../../src/core/types.js';

const side = (boilerplate: SideResult['boilerplate'] = []): SideResult => ({ paragraphs: [], claims: [], boilerplate });
const result = (rewriteBoilerplate: SideResult['boilerplate'] = []): CompareResult => ({
  summary: {
    verdict: 'partially_derived', coverage: 0.5, containment: 0.5,
    counts: { original: { kept: 0, paraphrased: 0, dropped: 0 }, rewrite: { kept: 0, paraphrased: 0, added: 0 } },
    attribution: { credited: false, evidence: [], names: [], cited: [] },
    quotes: { verbatim: 0, altered: 0, from_narration: 0, not_in_original: 0, dropped: 0, speakerChanged: 0 },
    changedFacts: 0, flags: [],
  },
  original: side(), rewrite: side(rewriteBoilerplate), alignments: [], quotes: [], droppedQuotes: [],
});

const original = { text: 'The minister said: “We will not back down.” Talks resume Monday.', outlet: 'Reuters' };
const rewrite = { text: '“We will not back down,” the minister said.\n\nRecent posts: “Prices soar in winter”' };

t.test('quotations in the rewrite’s boilerplate are not checked', async (t) => {
  const start = rewrite.text.indexOf('Recent posts');
  const withBp = result([{ start, end: rewrite.text.length, text: rewrite.text.slice(start), kind: 'teaser_list' }]);
  annotateJournalism(withBp, original, rewrite, DEFAULT_LIMITS);
  t.same(withBp.quotes.filter((q) => q.side === 'rewrite').map((q) => q.status), ['verbatim']);
  const without = result();
  annotateJournalism(without, original, rewrite, DEFAULT_LIMITS);
  t.same(without.quotes.filter((q) => q.side === 'rewrite').map((q) => q.status), ['verbatim', 'not_in_original']);
});

t.test('flags: derived and uncredited, with the outlet named; the counts add up', async (t) => {
  const r = result();
  annotateJournalism(r, original, rewrite, DEFAULT_LIMITS);
  t.match(r.summary.flags, [/^derived_uncredited: .*Reuters/, /^quote_not_in_original: 1/]);
  t.match(r.summary.quotes, { verbatim: 1, not_in_original: 1, dropped: 0 });
  t.same(r.droppedQuotes, []);
});

t.test('memos kept from earlier compares (either side, any partner) give the answers of fresh ones', async (t) => {
  const texts = [
    { text: 'The minister said: “We will not back down.” Talks resume on Monday, nearly 40 officials said.', outlet: 'Reuters' },
    { text: '“We will not back down,” the minister said. Talks resume on Tuesday, some 60 officials said.' },
    { text: '“We won’t back down … ever,” the minister said, adding: “Talks [will] resume.” Nobody disagreed.' },
    { text: 'No quotations here. Talks may resume on Monday in Brussels, Senator Lindsey Graham said.' },
  ];
  // One aligned pair of whole texts per compare, so that the fact checks run too.
  const pairResult = (o: string, r: string): CompareResult => {
    const res = result();
    res.original.claims = [{ id: 'o1', paragraph: 0, start: 0, end: o.length, text: o, status: 'paraphrased', matches: ['r1'], similarity: 0.5, carried: 0.5, alignments: ['a1'] }];
    res.rewrite.claims = [{ id: 'r1', paragraph: 0, start: 0, end: r.length, text: r, status: 'paraphrased', matches: ['o1'], similarity: 0.5, carried: 0.5, alignments: ['a1'] }];
    res.alignments = [{ id: 'a1', original: ['o1'], rewrite: ['r1'], similarity: 0.5, status: 'paraphrased', moved: false, diff: [], changes: [] }];
    return res;
  };
  const memos = texts.map(() => textMemo());
  for (let round = 0; round < 2; round++) {
    for (const [i, o] of texts.entries()) {
      for (const [j, r] of texts.entries()) {
        const kept = pairResult(o.text, r.text), fresh = pairResult(o.text, r.text);
        annotateJournalism(kept, o, r, DEFAULT_LIMITS, { original: memos[i]!, rewrite: memos[j]! });
        annotateJournalism(fresh, o, r, DEFAULT_LIMITS);
        t.same(kept, fresh, `${i} vs ${j}, round ${round}`);
        // Scribbling over an answer reaches no memo.
        for (const q of kept.quotes) { q.edits.forEach((e) => { e.start = -1; }); if (q.source) q.source.start = -1; }
        for (const a of kept.alignments) for (const c of a.changes) if (c.original) c.original.start = -1;
      }
    }
  }
  t.ok(memos[0]!.outside?.index, 'the original index was kept');
  t.notOk(memos[3]!.outside?.pieces?.length, 'a text without quotations has no pieces');
});
