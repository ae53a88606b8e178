import fc from 'fast-check';
import t from 'tap';
import { createComparer } from '../../../src/core/compare.js';
import { segmentArticle } from '../../../src/core/segment/article.js';
import {
  hasRun,
  MAX_TOKEN_RUN,
  NLP_RECYCLE_CHARS,
  nlpView,
  readTokens,
  tokenOffsets,
} from '../../../src/core/segment/nlp.js';
import { paragraphSpans } from '../../../src/core/segment/paragraphs.js';
import { claimTerms, spanTerms } from '../../../src/core/terms/tokens.js';
import { defaultLexicon } from '../../../src/lexicon/vectors.js';
import { compare as sharedCompare } from '../../fixtures/comparer.js';
import { keyOf, nlp, reader } from '../../fixtures/reader.js';
import { seeds } from '../../fixtures/seeds.js';

/**
 * Each text is read by wink-nlp once. Segmentation and the claims' terms come from the same read (a token table
 * with offsets into the submitted text); claim terms are cut out of it by offset.
 */

/** The texts wink reads while `fn` runs. */
function readsDuring(fn: () => void): string[] {
  const instance = nlp(0);
  const readDoc = instance.readDoc;
  const reads: string[] = [];
  instance.readDoc = (text: string) => {
    reads.push(text);
    return readDoc(text);
  };
  try {
    fn();
  } finally {
    instance.readDoc = readDoc;
  }
  return reads;
}

t.test('a compare reads each text with wink exactly once', async (t) => {
  // A comparer of its own (its analysis cache empty) reading with the watched instance.
  const { compare } = createComparer({ lexicon: defaultLexicon(), reader });
  nlp(0); // the instance is created on first use; make sure the watched one is the one compare uses
  const o = seeds.atlantic,
    r = seeds.caliber;
  let result: ReturnType<typeof compare> | undefined;
  const reads = readsDuring(() => {
    result = compare({ text: o }, { text: r });
  });
  t.same(
    reads.filter((x) => x.length === o.length || x.length === r.length).map((x) => x.length),
    [o.length, r.length],
    'one read of the original, then one of the rewrite',
  );
  const claims = new Set([...result!.original.claims, ...result!.rewrite.claims].map((c) => nlpView(c.text)));
  t.same(
    reads.filter((x) => claims.has(x)),
    [],
    'no claim read on its own',
  );
  t.ok(
    reads.length <= 2 + 2 + 20,
    `${reads.length} reads: the texts, their possessives, a few short boilerplate labels`,
  );
  t.same(
    readsDuring(() => compare({ text: o }, { text: seeds.independent004 })).filter((x) => x.length === o.length),
    [],
    'compared again, the original comes from the analysis cache: not read at all',
  );
});

t.test('claim terms from the one read equal a read of the claim alone (seeds)', async (t) => {
  let claims = 0;
  const differing: string[] = [];
  for (const text of Object.values(seeds)) {
    const seg = segmentArticle(text, nlp);
    t.ok(seg.tokens, 'wink read the text');
    for (const p of seg.paragraphs)
      for (const s of p.sentences) {
        claims++;
        const inContext = spanTerms(seg.tokens!, s.start, s.end, keyOf);
        const alone = claimTerms(text.slice(s.start, s.end), reader);
        if (JSON.stringify(inContext) !== JSON.stringify(alone)) differing.push(text.slice(s.start, s.end));
      }
  }
  t.ok(claims > 150, `${claims} claims`);
  t.same(differing, [], 'same terms, words and word kinds');
});

t.test('token spans are offsets into the submitted text, never shifted by normalisation', async (t) => {
  const text = 'Kylie\u00a0Newbold said\r\nno. The cease-fire held; Biden’s aide left.\u200b Fine.';
  const table = readTokens(nlpView(text), nlp);
  for (let i = 0; i < table.length; i++) {
    const raw = text.slice(table.start[i], table.end[i]);
    t.equal(raw.length, table.value[i]!.length, `token ${i} has its value's length`);
  }
  const words = Array.from({ length: table.length }, (_, i) => text.slice(table.start[i], table.end[i]));
  t.ok(words.includes('Newbold') && words.includes('cease') && words.includes('fire'), words.join('|'));
  t.same(
    table.sentenceStarts?.map((s) => text.slice(s, s + 3)),
    ['Kyl', 'The', 'Fin'],
  );
});

t.test('a span that cuts a token is not taken from the read (the caller reads the claim alone)', async (t) => {
  const text = 'Officials expect wonderful talks. Nothing else.';
  const table = readTokens(nlpView(text), nlp);
  t.equal(spanTerms(table, 0, 20, keyOf), null, 'end inside "wonderful"');
  t.equal(spanTerms(table, 19, 33, keyOf), null, 'start inside "wonderful"');
  t.same(
    spanTerms(table, 0, 33, keyOf),
    claimTerms(text.slice(0, 33), reader),
    'whole tokens: the terms of the sentence',
  );
  t.same(spanTerms(table, 34, text.length, keyOf)?.words, ['nothing', 'else']);
  t.same(spanTerms(table, 33, 34, keyOf)?.words, [], 'a span holding no token has no words');
});

t.test('tokenOffsets: exact placement, and a safe placement when a value is not where the spaces put it', async (t) => {
  t.same(tokenOffsets('He left.', ['He', 'left', '.'], ['', ' ', '']), {
    start: Int32Array.from([0, 3, 7]),
    end: Int32Array.from([2, 7, 8]),
    exact: true,
  });
  // A token found further on than its spaces say, and one not in the text at all (empty span, offsets ascending).
  const odd = tokenOffsets('a  b c', ['a', 'b', 'zz', 'c'], ['', ' ', ' ', ' ']);
  t.same(odd, { start: Int32Array.from([0, 3, 4, 5]), end: Int32Array.from([1, 4, 4, 6]), exact: false });
});

t.test('terms, sentences and boilerplate do not depend on what the process read before', async (t) => {
  // wink caches every token form it has seen. A possessive before a space ("Moscow’s O’Brien") is split on first
  // sight, but one before punctuation ("Moscow’s,") is cached whole, and from then on every "Moscow’s" is one token
  // tagged a proper noun: that turned "Phillips Moscow’s O’Brien: Heads, …" into a teaser line (boilerplate) once
  // the process had read "Moscow’s," anywhere (found on the 100,000-word bench pair).
  const probe =
    'Ukraine talks stall\n\nPhillips Moscow’s O’Brien: Heads, Ukraine loses. Tails, Russia wins.\n\n' +
    'The administration’s envoy met Russia’s negotiators in Riyadh on Monday, officials said. The cease-fire held. ' +
    'Russia’s advanced weapons arrived. “I think something’s going to happen,” Trump said.';
  const snapshot = (text: string) => {
    const seg = segmentArticle(text, nlp);
    return JSON.stringify({
      boilerplate: seg.boilerplate.map((b) => b.text),
      claims: seg.paragraphs.flatMap((p) =>
        p.sentences.map((s) => [text.slice(s.start, s.end), spanTerms(seg.tokens!, s.start, s.end, keyOf)]),
      ),
    });
  };
  nlp(NLP_RECYCLE_CHARS); // a fresh instance: nothing cached
  const fresh = snapshot(probe);
  segmentArticle(seeds.atlantic, nlp);
  segmentArticle(
    'Officials blamed Moscow’s, not Kyiv’s, envoy. The administration’s, too. Biden’s. Russia’s, something’s.',
    nlp,
  );
  const afterOthers = snapshot(probe);
  const again = snapshot(probe);
  t.equal(afterOthers, fresh, 'same after reading other texts');
  t.equal(again, fresh, 'same on a second read of the same text');
  t.notMatch(fresh, /"boilerplate":\[[^\]]*Phillips/, 'the speech line is content');
  t.notMatch(fresh, /"key":"something"/, '"something’s" is a function word, as "something" is');
});

t.test('property: tokens lie on the text, ascending; a claim has the words it has when read alone', async (t) => {
  const messy = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({
      unit: fc.constantFrom(
        'a',
        'B',
        ' ',
        '.',
        '’s',
        "'",
        '-',
        '\n',
        '\r\n',
        '"',
        '“',
        '”',
        '…',
        '\u00a0',
        '\u0000',
        '\ud800',
        '😀',
        '\u0301',
        '。',
        'x'.repeat(250),
        'U.S.',
        'cease-fire',
        'Biden’s',
      ),
      maxLength: 120,
    }),
  );
  fc.assert(
    fc.property(messy, (text) => {
      const seg = segmentArticle(text, nlp);
      const table = seg.tokens;
      if (!table) return false;
      const view = nlpView(text, paragraphSpans(text));
      for (let i = 0; i < table.length; i++) {
        const s = table.start[i]!,
          e = table.end[i]!;
        if (s < (i ? table.end[i - 1]! : 0) || e > text.length || view.slice(s, e) !== table.value[i]) return false;
      }
      // A claim's words from the one read are those of the claim read alone (when no token crosses its edges).
      return seg.paragraphs.every((p) =>
        p.sentences.every((s) => {
          const inContext = spanTerms(table, s.start, s.end, keyOf);
          return (
            !inContext ||
            JSON.stringify(inContext.words) === JSON.stringify(claimTerms(text.slice(s.start, s.end), reader).words)
          );
        }),
      );
    }),
    { numRuns: 200, seed: 6 },
  );
  t.pass('200 arbitrary strings');
});

t.test(
  'the reading instance can be recycled again and again (the model is not reloaded into ever larger state)',
  async (t) => {
    // Loading the model's custom-entity meta model again for every instance grew its state until a process's
    // twentieth instance threw "RangeError: Invalid string length"; it is loaded once.
    const times: number[] = [];
    for (let i = 0; i < 22; i++) {
      const t0 = performance.now();
      nlp(NLP_RECYCLE_CHARS + 1);
      times.push(performance.now() - t0);
    }
    t.same(readTokens('One. Two.', nlp).sentenceStarts, [0, 5], 'the 22nd fresh instance reads');
    const sorted = [...times].sort((a, b) => a - b);
    t.ok(
      sorted[sorted.length - 1]! < 10 * Math.max(sorted[sorted.length >> 1]!, 50),
      `no instance far slower than the median (${times.map(Math.round).join(' ')} ms)`,
    );
  },
);

t.test('a claim cut inside a token (a hard cut in a long run without spaces) is read on its own', async (t) => {
  const text = `It began so: ${'x'.repeat(3000)} and it ended.`;
  const seg = segmentArticle(text, nlp);
  const claims = seg.paragraphs.flatMap((p) => p.sentences);
  t.ok(
    claims.some((s) => spanTerms(seg.tokens!, s.start, s.end, keyOf) === null),
    'some claim edge cuts a token of the read',
  );
  const result = sharedCompare({ text }, { text });
  t.ok(result.original.claims.length > 2, `${result.original.claims.length} claims`);
  t.same(
    result.original.claims.filter((c) => c.status !== 'kept').map((c) => c.id),
    [],
    'the same text: every claim kept',
  );
});

t.test('hasRun: the runs of non-whitespace exactly as the regex class \\s sees them', async (t) => {
  // Every UTF-16 unit: whitespace to hasRun exactly when \s matches it.
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (hasRun(ch, 1) === /\s/.test(ch)) t.fail(`U+${c.toString(16)}: hasRun and \\s disagree`);
  }
  const units = fc.oneof(
    fc.constantFrom(' ', '\u00a0', '\u3000', '\n', 'a', 'é', '\ud83d', '\ude00', '-', '\u200b'),
    fc.string({ maxLength: 3 }),
  );
  fc.assert(
    fc.property(fc.array(units, { maxLength: 120 }), fc.integer({ min: 1, max: 12 }), (parts, n) => {
      const s = parts.join('');
      return hasRun(s, n) === new RegExp(`\\S{${n}}`).test(s);
    }),
    { numRuns: 2000 },
  );
  t.pass('hasRun = /\\S{n}/ on random strings');
  // The view is the same as breaking runs unconditionally would give.
  for (const text of [
    'short words only',
    `${'x'.repeat(MAX_TOKEN_RUN - 1)} y`,
    'x'.repeat(MAX_TOKEN_RUN),
    `a ${'\ud83d\ude00'.repeat(MAX_TOKEN_RUN)} b`,
  ]) {
    const unconditional = text.replace(
      new RegExp(`[^\\s]{${MAX_TOKEN_RUN - 1}}[^\\s\\ud800-\\udbff]`, 'g'),
      (run) => `${run.slice(0, -1)} `,
    );
    t.equal(nlpView(text), unconditional, `view of a ${text.length}-unit text`);
  }
});
