import t from 'tap';
import { AnalysisCache } from '../../src/core/analysis-cache.js';
import { createComparer } from '../../src/core/compare.js';
import { DEFAULT_LIMITS } from '../../src/core/types.js';
import { defaultLexicon } from '../../src/lexicon/vectors.js';
import { compare, comparer } from '../fixtures/comparer.js';
import { seeds } from '../fixtures/seeds.js';

t.test('the cache keeps the most recently used texts within its character budget', async (t) => {
  const cache = new AnalysisCache<number>(10, 6);
  let computed = 0;
  const get = (text: string) =>
    cache.get(text, (s) => {
      computed++;
      return s.length;
    });
  get('aaaa');
  get('bbbb');
  get('aaaa'); // a hit, and now the most recently used
  t.same({ computed, hits: cache.hits, misses: cache.misses }, { computed: 2, hits: 1, misses: 2 });
  get('cccc'); // 12 characters > 10: the least recently used ('bbbb') goes
  t.equal(cache.size, 2);
  get('aaaa');
  t.equal(computed, 3, "'aaaa' survived as the most recently used");
  get('bbbb');
  t.equal(computed, 4, "'bbbb' was evicted and is computed again");
  get('a very long text');
  get('a very long text');
  t.equal(computed, 6, 'texts over the entry limit are never cached');
  cache.clear();
  t.same({ size: cache.size, hits: cache.hits, misses: cache.misses }, { size: 0, hits: 0, misses: 0 });
});

t.test(
  'cached analyses change no answer, whatever was compared before and whatever callers did to results',
  async (t) => {
    comparer.analyses.clear();
    const fresh = JSON.stringify(compare({ text: seeds.atlantic }, { text: seeds.caliber }));
    const other = compare({ text: seeds.atlantic }, { text: seeds.independent004 });
    // A caller scribbling over an answer must not reach the cached analysis of the original.
    for (const b of other.original.boilerplate) b.start = -1;
    other.original.claims.forEach((c) => {
      c.status = 'kept';
      c.matches.push('x');
    });
    for (const p of other.original.paragraphs) p.claims.push('x');
    // …nor the quotations and fact items memoised with it (checks/journalism.ts TextMemo).
    t.ok(
      other.quotes.some((q) => q.speaker),
      'the original has attributed quotations',
    );
    for (const q of other.quotes) {
      if (q.speaker) {
        q.speaker.start = -1;
        q.speaker.text = 'x';
      }
      for (const n of q.nested) n.start = -1;
      q.nested.push({ start: 0, end: 0, text: 'x' });
    }
    for (const a of other.alignments) for (const c of a.changes) if (c.original) c.original.start = -1;
    t.ok(comparer.analyses.size >= 2, 'the texts were cached');
    const hitsBefore = comparer.analyses.hits;
    const again = JSON.stringify(compare({ text: seeds.atlantic }, { text: seeds.caliber }));
    t.equal(comparer.analyses.hits - hitsBefore, 2, 'both sides came from the cache');
    t.equal(again, fresh, 'same answer, byte for byte');
  },
);

t.test(
  "a text cut at maxChars gets the same answer from the cache as fresh (its journalism memo is not the cut text's)",
  async (t) => {
    const limits = { ...DEFAULT_LIMITS, maxChars: 4000 };
    comparer.analyses.clear();
    const fresh = JSON.stringify(compare({ text: seeds.atlantic }, { text: seeds.caliber }, limits));
    compare({ text: seeds.atlantic }, { text: seeds.caliber }); // the uncut texts, cached beside the cut ones
    const again = JSON.stringify(compare({ text: seeds.atlantic }, { text: seeds.caliber }, limits));
    t.equal(again, fresh);
  },
);

t.test('comparing a text with itself shares one memo between the sides and still answers as fresh', async (t) => {
  comparer.analyses.clear();
  const fresh = JSON.stringify(compare({ text: seeds.report002 }, { text: seeds.report002 }));
  const again = JSON.stringify(compare({ text: seeds.report002 }, { text: seeds.report002 }));
  t.equal(again, fresh);
});

t.test('each comparer owns its cache: another one reads the texts afresh and answers the same', async (t) => {
  const answer = JSON.stringify(compare({ text: seeds.atlantic }, { text: seeds.caliber }));
  const other = createComparer({ lexicon: defaultLexicon() });
  t.equal(JSON.stringify(other.compare({ text: seeds.atlantic }, { text: seeds.caliber })), answer);
  t.same(
    { hits: other.analyses.hits, misses: other.analyses.misses },
    { hits: 0, misses: 2 },
    'nothing came from the shared one',
  );
  const uncached = createComparer({ lexicon: defaultLexicon(), analysisCacheChars: 0 });
  uncached.compare({ text: seeds.atlantic }, { text: seeds.caliber });
  t.equal(uncached.analyses.size, 0, 'a budget of 0 keeps no text');
});
