import t from 'tap';
import { annotateJournalism } from '../../src/core/journalism.js';
import { DEFAULT_LIMITS, type CompareResult, type SideResult } from '../../src/core/types.js';

const side = (boilerplate: SideResult['boilerplate'] = []): SideResult => ({ paragraphs: [], claims: [], boilerplate });
const result = (rewriteBoilerplate: SideResult['boilerplate'] = []): CompareResult => ({
  summary: {
    verdict: 'partially_derived', coverage: 0.5, containment: 0.5,
    counts: { original: { kept: 0, paraphrased: 0, dropped: 0 }, rewrite: { kept: 0, paraphrased: 0, added: 0 } },
    attribution: { credited: false, evidence: [], names: [] },
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
