import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import t from 'tap';
import { MAX_TOKEN_RUN, segment, segmentArticle } from '../../../src/core/segment/article.js';
import { NLP_RECYCLE_CHARS } from '../../../src/core/segment/nlp.js';
import { paragraphSpans } from '../../../src/core/segment/paragraphs.js';
import {
  capLength,
  MAX_SENTENCE_CHARS,
  plainSentenceStarts,
  reattachQuotes,
  splitCjk,
  winkSentenceStarts,
} from '../../../src/core/segment/sentences.js';
import type { Span } from '../../../src/core/types.js';
import { nlp } from '../../fixtures/reader.js';
import { ROOT } from '../../fixtures/repo.js';
import { seeds } from '../../fixtures/seeds.js';

const sentencesOf = (text: string) =>
  segment(text, nlp).flatMap((p) => p.sentences.map((s) => text.slice(s.start, s.end)));
const paragraphsOf = (text: string) => paragraphSpans(text).map((p) => text.slice(p.start, p.end));

/** Every span of a segmentation is inside the text, non-empty, trimmed, sorted and disjoint. */
function spanProblems(text: string, spans: Span[]): string[] {
  const problems: string[] = [];
  let last = 0;
  for (const s of spans) {
    if (!(s.start >= last && s.end > s.start && s.end <= text.length))
      problems.push(`bad span ${s.start}-${s.end} after ${last}`);
    if (/^\s|\s$/.test(text.slice(s.start, s.end)))
      problems.push(`untrimmed ${JSON.stringify(text.slice(s.start, s.end))}`);
    last = s.end;
  }
  return problems;
}

t.test('sentence splitting on messy news English (table)', async (t) => {
  const cases: [string, string, string[]][] = [
    [
      'abbreviations and initials',
      'The U.S. president met J. D. Vance at 2:18 p.m. on Monday. He left.',
      ['The U.S. president met J. D. Vance at 2:18 p.m. on Monday.', 'He left.'],
    ],
    [
      'sentence ending inside curly quotes stays with its sentence',
      'He said, “It is over.” Then he left.',
      ['He said, “It is over.”', 'Then he left.'],
    ],
    [
      'multi-sentence quotation',
      '“We need to know who we can count on. A package is coming,” he said. Nothing came.',
      ['“We need to know who we can count on.', 'A package is coming,” he said.', 'Nothing came.'],
    ],
    [
      'nested quote closing marks go back to their sentence (seed 001)',
      'He said, “We tried it. That was worth a try, but we’re not doing any more.’” Trump added more.',
      ['He said, “We tried it.', 'That was worth a try, but we’re not doing any more.’”', 'Trump added more.'],
    ],
    [
      'a quoted question followed by a speech tag is one sentence',
      '“Is it over?” he asked. “What now?” “Nothing,” she replied.',
      ['“Is it over?” he asked.', '“What now?”', '“Nothing,” she replied.'],
    ],
    [
      'tokenised corpus text with spaced straight quotes (MSRP style)',
      'He said : " We will not go . " Then he left .',
      ['He said : " We will not go . "', 'Then he left .'],
    ],
    ['straight quotes', 'She said "it is over." Then she left.', ['She said "it is over."', 'Then she left.']],
    [
      'parenthetical sentence splits off (gold S10a)',
      'But plans are shifting, officials said. (I agreed not to name them.) Trump still wants ties.',
      ['But plans are shifting, officials said.', '(I agreed not to name them.)', 'Trump still wants ties.'],
    ],
    [
      'domain name glued to a period is not a boundary',
      'Trump changed course, Caliber.Az reports, citing Atlantic. Next.',
      ['Trump changed course, Caliber.Az reports, citing Atlantic.', 'Next.'],
    ],
    [
      'typo without a space after the period is a boundary',
      'It was the end.The next day came.',
      ['It was the end.', 'The next day came.'],
    ],
    [
      'an ellipsis before a capitalised word ends a sentence; before lower case it does not',
      'He paused… Then spoke. Wait... what? She gave it back...This is how they reacted.' +
        ' Easy? …Well, no. He said “…The end.”',
      [
        'He paused…',
        'Then spoke.',
        'Wait... what?',
        'She gave it back...',
        'This is how they reacted.',
        'Easy?',
        '…Well, no.',
        'He said “…The end.”',
      ],
    ],
    [
      'an ellipsis with a space before it, before a capitalised word (PAN)',
      'No topic is too big to unmask ... First light for the telescope is due in 2010.',
      ['No topic is too big to unmask ...', 'First light for the telescope is due in 2010.'],
    ],
    [
      'an ellipsis before a name or "I" is an omission or a pause inside one sentence',
      'The United States … Russia and China agreed. “I don’t know… I mean, maybe,” he said.',
      ['The United States … Russia and China agreed.', '“I don’t know… I mean, maybe,” he said.'],
    ],
    [
      'ellipses inside quotes: a quoted sentence ending in an ellipsis keeps its closing quote',
      'He said it was “over...” The end came. She said “we will fight… We will win,” and left.',
      ['He said it was “over...”', 'The end came.', 'She said “we will fight…', 'We will win,” and left.'],
    ],
    [
      'a dash after a full stop starts the next sentence (a bullet or separator)',
      'Now create your own dream design. - The 16-bit version is faster. It ships today! — Reuters',
      ['Now create your own dream design.', '- The 16-bit version is faster.', 'It ships today!', '— Reuters'],
    ],
    [
      'a dash after an abbreviation or inside a sentence is no break',
      'The U.S. - Russia talks end at 2 p.m. - Moscow time. He left -- and never came back. A — B.',
      ['The U.S. - Russia talks end at 2 p.m. - Moscow time.', 'He left -- and never came back.', 'A — B.'],
    ],
    [
      'three hyphens standing alone are a rule between two items',
      'It includes both transliteration and transcription. --- Vocabulary Page lists words --- Next Page',
      ['It includes both transliteration and transcription.', '--- Vocabulary Page lists words', '--- Next Page'],
    ],
    [
      'an initial before a pronoun or article ends a sentence; before a surname it does not',
      'It was written by Cyrus K. The symbols pack followed. Plan B. It failed. John F. Kennedy spoke.',
      ['It was written by Cyrus K.', 'The symbols pack followed.', 'Plan B.', 'It failed.', 'John F. Kennedy spoke.'],
    ],
    [
      'a lower-case word glued to a capitalised one by a period is a typo (PAN), a name or domain is not',
      'Floods came in the recent past.Floods, storms, fires. See www.Example.com or Yahoo.News today.',
      ['Floods came in the recent past.', 'Floods, storms, fires.', 'See www.Example.com or Yahoo.News today.'],
    ],
    [
      'em dashes and NBSP',
      'Kylie Newbold,\u00a0Trump’s spokesperson—said nothing. Fine.',
      ['Kylie Newbold,\u00a0Trump’s spokesperson—said nothing.', 'Fine.'],
    ],
    ['emoji', 'Great news 😀 today. More 🎉 tomorrow!', ['Great news 😀 today.', 'More 🎉 tomorrow!']],
    ['CJK full stops', '日本語の文です。もう一つの文。', ['日本語の文です。', 'もう一つの文。']],
    ['RTL text', 'שלום עולם. مرحبا بالعالم.', ['שלום עולם.', 'مرحبا بالعالم.']],
    [
      'combining marks',
      'Cafe\u0301 owners met. The re\u0301sume\u0301 was sent.',
      ['Cafe\u0301 owners met.', 'The re\u0301sume\u0301 was sent.'],
    ],
    ['NUL bytes are not content', 'One\u0000 sentence. Two.', ['One\u0000 sentence.', 'Two.']],
    [
      'lone surrogates never throw',
      'Broken \ud800 text. More \udc00 here.',
      ['Broken \ud800 text.', 'More \udc00 here.'],
    ],
    ['a stray closing quote alone joins the sentence before', 'He spoke. ” And then.', ['He spoke. ”', 'And then.']],
    ['punctuation-only paragraph stays one piece', '* * *', ['* * *']],
  ];
  for (const [name, text, want] of cases) t.same(sentencesOf(text), want, name);
});

t.test('paragraphs: blank lines, one paragraph per line, hard wraps, CRLF and CR (table)', async (t) => {
  const para1 = [
    'The council approved the budget on Monday after a long debate that',
    'ran late into the night, and critics said the plan had been rushed',
    'through without the usual hearings or any public consultation at',
    'all. The mayor disagreed.',
  ];
  const para2 = [
    'A second paragraph starts here after a short line and it goes on for',
    'a while before it stops in the middle of the page for the reader, who',
    'is by now quite tired of reading about budgets and councils.',
  ];
  const wrapped = [...para1, ...para2, 'Short last line.'].join('\n');
  const heading = 'Critics Question the Mayor’s Budget Plan for the City';
  const headed = [...para1, heading, ...para2].join('\n');
  const prose = 'Critics question the Mayor’s Budget Plan for the City';
  const cases: [string, string, string[]][] = [
    ['blank-line paragraphs', 'First para.\n\nSecond para.\n\n\nThird.', ['First para.', 'Second para.', 'Third.']],
    [
      'one paragraph per line (seed 000 style)',
      'Headline without a stop\nFirst paragraph is long and ends with a stop, as' +
        ' paragraphs do in copied web pages.\nSecond one.\nThird.',
      [
        'Headline without a stop',
        'First paragraph is long and ends with a stop, as paragraphs do in copied web' + ' pages.',
        'Second one.',
        'Third.',
      ],
    ],
    [
      'hard wrap at ~70 columns joins lines; an unfilled line ends a paragraph',
      wrapped,
      [para1.join('\n'), para2.join('\n'), 'Short last line.'],
    ],
    [
      'hard wrap: a title-case heading longer than half the width ends a paragraph and is one',
      headed,
      [para1.join('\n'), heading, para2.join('\n')],
    ],
    [
      'hard wrap: an unfilled line with a lower-case long word is still joined',
      [...para1, prose, ...para2].join('\n'),
      [para1.join('\n'), [prose, ...para2].join('\n')],
    ],
    [
      'one unpunctuated highlight per line (summaries) is not wrapping',
      'Trump steps back from direct talks on the war in Ukraine for now\nPutin and' +
        ' Zelenskyy are expected to meet first without the US\nEurope is asked to lead on' +
        ' security guarantees for Kyiv later on\nRussia rejects any deployment of' +
        ' European troops in Ukraine',
      [
        'Trump steps back from direct talks on the war in Ukraine for now',
        'Putin and Zelenskyy are expected to meet first without the US',
        'Europe is asked to lead on security guarantees for Kyiv later on',
        'Russia rejects any deployment of European troops in Ukraine',
      ],
    ],
    [
      'two lines are too little evidence of wrapping',
      'A title over a paragraph\nThe paragraph follows here.',
      ['A title over a paragraph', 'The paragraph follows here.'],
    ],
    ['CRLF', 'One.\r\n\r\nTwo.\r\nThree.', ['One.', 'Two.', 'Three.']],
    ['CR only', 'One.\r\rTwo.\rThree.', ['One.', 'Two.', 'Three.']],
    ['whitespace-only lines (NBSP) are blank', 'One.\n\u00a0\nTwo.', ['One.', 'Two.']],
    ['empty text', '', []],
    ['only whitespace', ' \n\t\u00a0\r\n ', []],
  ];
  for (const [name, text, want] of cases) t.same(paragraphsOf(text), want, name);
});

t.test('hard-wrapped text is split into sentences across the wraps', async (t) => {
  const text =
    'The council approved the budget on Monday after a long debate that\nran late' +
    ' into the night. Critics said the plan had been rushed\nthrough without the' +
    ' usual hearings or any public consultation at\nall, and the mayor disagreed with' +
    ' them in a statement on Tuesday.';
  t.same(
    sentencesOf(text).map((s) => s.replace(/\n/g, ' ')),
    [
      'The council approved the budget on Monday after a long debate that ran late into the night.',
      'Critics said the plan had been rushed through without the usual hearings or any' +
        ' public consultation at all, and the mayor disagreed with them in a statement on' +
        ' Tuesday.',
    ],
  );
});

t.test(
  'book-style wrapping (plagiarism corpora): a wrap never cuts a sentence, even when the line is a bit short',
  async (t) => {
    const text = [
      'Winston Smith, his chin nuzzled into his breast in an effort to escape the',
      'vile wind, slipped quickly through the glass doors of Victory Mansions,',
      'though not quickly enough to prevent a swirl of gritty dust from entering',
      'along with him.',
      '',
      '"Mr. Charrington," he said, "is the room still to let? I should like',
      'to see it again, if it is not too much trouble for you."',
    ].join('\n');
    t.same(
      sentencesOf(text).map((s) => s.replace(/\n/g, ' ')),
      [
        'Winston Smith, his chin nuzzled into his breast in an effort to escape the vile' +
          ' wind, slipped quickly through the glass doors of Victory Mansions, though not' +
          ' quickly enough to prevent a swirl of gritty dust from entering along with him.',
        '"Mr. Charrington," he said, "is the room still to let?',
        'I should like to see it again, if it is not too much trouble for you."',
      ],
    );
  },
);

t.test('overlong input is capped and stays linear', async (t) => {
  const noPunct = Array.from({ length: 100_000 }, (_, i) => `word${i % 13}`).join(' ');
  let t0 = performance.now();
  const s1 = segment(noPunct, nlp).flatMap((p) => p.sentences);
  t.ok(performance.now() - t0 < 5000, '100k words without punctuation in < 5 s');
  t.ok(
    s1.length > 1 && s1.every((s) => s.end - s.start <= MAX_SENTENCE_CHARS),
    'sentences capped at MAX_SENTENCE_CHARS',
  );
  t.same(spanProblems(noPunct, s1), []);

  const same = 'word '.repeat(100_000);
  t0 = performance.now();
  const s2 = segment(same, nlp).flatMap((p) => p.sentences);
  t.ok(performance.now() - t0 < 5000, '100,000 repetitions of one word in < 5 s');
  t.ok(s2.every((s) => same.slice(s.start, s.end).startsWith('word')));

  const noSpace = 'x'.repeat(1_000_000);
  t0 = performance.now();
  const s3 = segment(noSpace, nlp).flatMap((p) => p.sentences);
  t.ok(performance.now() - t0 < 5000, `1 MB without a space in < 5 s (runs broken at ${MAX_TOKEN_RUN} for wink)`);
  t.equal(
    s3.reduce((n, s) => n + s.end - s.start, 0),
    1_000_000,
    'every character is in a sentence',
  );
});

t.test('capLength cuts at clause punctuation, then spaces, never inside a surrogate pair', async (t) => {
  const clause = `${'a'.repeat(30)}, ${'b'.repeat(30)}; ${'c'.repeat(30)}`;
  t.same(
    capLength(clause, { start: 0, end: clause.length }, 40).map((s) => clause.slice(s.start, s.end)),
    [`${'a'.repeat(30)},`, `${'b'.repeat(30)};`, 'c'.repeat(30)],
  );
  const emoji = '😀'.repeat(30);
  const pieces = capLength(emoji, { start: 0, end: emoji.length }, 7);
  t.ok(
    pieces.every((s) => !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(emoji.slice(s.start, s.end))),
    'no cut inside a pair',
  );
  t.equal(
    pieces.reduce((n, s) => n + s.end - s.start, 0),
    emoji.length,
  );
});

t.test('quote repair and CJK helpers keep spans inside their sentence', async (t) => {
  const text = 'He said “yes. ” No “ more.';
  const fixed = reattachQuotes(text, [
    { start: 0, end: 13 },
    { start: 14, end: 20 },
    { start: 21, end: 26 },
  ]);
  t.same(
    fixed.map((s) => text.slice(s.start, s.end)),
    ['He said “yes. ”', 'No', '“ more.'],
  );
  t.same(splitCjk('ab', { start: 0, end: 2 }), [{ start: 0, end: 2 }]);
});

t.test('sentence start finders: wink offsets are verified; the plain fallback is linear', async (t) => {
  const text = 'He met J. D. Vance. Then he left.';
  t.same(winkSentenceStarts(text, nlp), [0, 20]);
  t.same(plainSentenceStarts('One. “Two!” 3 is a number. and lower. End'), [0, 5, 12, 38]);
  const big = 'The cat sat on the mat. '.repeat(50_000);
  const t0 = performance.now();
  t.equal(plainSentenceStarts(big).length, 50_000);
  t.ok(performance.now() - t0 < 2000, '1.2 MB in < 2 s');
});

t.test('the reading instance is recycled after NLP_RECYCLE_CHARS (wink caches unseen tokens forever)', async (t) => {
  const first = nlp(0);
  t.equal(nlp(10), first, 'reused below the budget');
  const fresh = nlp(NLP_RECYCLE_CHARS);
  t.not(fresh, first, 'replaced once the budget is spent');
  t.same(winkSentenceStarts('One. Two.', nlp), [0, 5], 'the fresh instance works');
});

t.test('seed articles: spans slice exactly, headline and standfirst are content', async (t) => {
  for (const [name, text] of Object.entries(seeds)) {
    const seg = segmentArticle(text, nlp);
    const sentences = seg.paragraphs.flatMap((p) => p.sentences);
    t.same(spanProblems(text, sentences), [], `${name}: sentence spans`);
    t.same(spanProblems(text, seg.paragraphs), [], `${name}: paragraph spans`);
    for (const b of seg.boilerplate) t.equal(text.slice(b.start, b.end), b.text, `${name}: boilerplate slices`);
    t.ok(sentences.length > 15, `${name}: has content`);
  }
  const atlantic = sentencesOf(seeds.atlantic);
  t.equal(atlantic[0], 'Trump Hands Putin Another Victory');
  t.equal(atlantic[1], 'The U.S. president promised peace on day one.');
});

interface GoldUnit {
  id: string;
  start: number;
  end: number;
  role?: string;
}
const goldFile = join(ROOT, '..', 'shared', 'eval', 'dev', 'atlantic-caliber.json');

t.test(
  'dev gold units: sentences coincide with gold units, boilerplate removed, no content removed',
  { skip: !existsSync(goldFile) && 'no dev gold' },
  async (t) => {
    const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as Record<
      'source' | 'rewrite',
      { text: string; units: GoldUnit[] }
    >;
    for (const side of ['source', 'rewrite'] as const) {
      const { text, units } = gold[side];
      const seg = segmentArticle(text, nlp);
      const sentences = seg.paragraphs.flatMap((p) => p.sentences);
      const exact = new Set(sentences.map((s) => `${s.start}:${s.end}`));
      const covered = (u: GoldUnit) =>
        sentences.some((s) => Math.min(s.end, u.end) - Math.max(s.start, u.start) >= 0.3 * (u.end - u.start));
      const content = units.filter((u) => u.role !== 'boilerplate' && u.role !== 'note');
      const bp = units.filter((u) => u.role === 'boilerplate');
      const matched = content.filter((u) => exact.has(`${u.start}:${u.end}`)).length;
      t.comment(
        `${side}: ${matched}/${content.length} gold units matched exactly;` +
          ` ${bp.filter((u) => !covered(u)).length}/${bp.length} boilerplate units removed`,
      );
      t.same(
        bp.filter(covered).map((u) => u.id),
        [],
        `${side}: every boilerplate unit removed`,
      );
      t.same(
        content.filter((u) => !covered(u)).map((u) => u.id),
        [],
        `${side}: no content unit removed`,
      );
      t.ok(matched / content.length >= 0.95, `${side}: >= 95% of content units matched exactly`);
    }
  },
);

// ---- Properties -------------------------------------------------------------------------------------------

const messy = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom(
      'a',
      'B',
      ' ',
      '.',
      '!',
      '?',
      '\n',
      '\r',
      '"',
      '“',
      '”',
      '’',
      '…',
      '—',
      '\u00a0',
      '\u0000',
      '\ud800',
      '\udc00',
      '😀',
      '\u0301',
      '。',
      'ש',
      ':',
      '/',
      '(',
      ')',
    ),
    maxLength: 400,
  }),
);

t.test('property: spans are sorted, disjoint, trimmed, inside the text, and segmentation never throws', async (t) => {
  fc.assert(
    fc.property(messy, (text) => {
      const seg = segmentArticle(text, nlp);
      const sentences = seg.paragraphs.flatMap((p) => p.sentences);
      const problems = [...spanProblems(text, sentences), ...spanProblems(text, seg.paragraphs)];
      for (const p of seg.paragraphs)
        for (const s of p.sentences)
          if (s.start < p.start || s.end > p.end) problems.push('sentence outside paragraph');
      for (const b of seg.boilerplate) if (text.slice(b.start, b.end) !== b.text) problems.push('boilerplate text');
      const all = [...seg.paragraphs, ...seg.boilerplate].sort((a, b) => a.start - b.start);
      problems.push(...spanProblems(text, all));
      return problems.length === 0;
    }),
    { numRuns: 300, seed: 20261122 },
  );
  t.pass('300 arbitrary strings');
});

t.test('property: every word of the text is in a sentence or in boilerplate', async (t) => {
  fc.assert(
    fc.property(messy, (text) => {
      const seg = segmentArticle(text, nlp);
      const spans = [...seg.paragraphs.flatMap((p) => p.sentences), ...seg.boilerplate];
      const inside = new Uint8Array(text.length);
      for (const s of spans) inside.fill(1, s.start, s.end);
      for (let i = 0; i < text.length; i++) if (!inside[i] && /[\p{L}\p{N}]/u.test(text[i] as string)) return false;
      return true;
    }),
    { numRuns: 300, seed: 7 },
  );
  t.pass('300 arbitrary strings');
});
