import fc from 'fast-check';
import t from 'tap';
import { findQuotes, speakerKey } from '../../../src/core/checks/quote-find.js';
import { paragraphSpans } from '../../../src/core/segment/paragraphs.js';
import { seeds } from '../../fixtures/seeds.js';

const texts = (text: string) => findQuotes(text).map((q) => q.text);

t.test('finds curly and straight quotations, not apostrophes', async (t) => {
  const cases: { name: string; text: string; want: string[] }[] = [
    {
      name: 'curly with comma inside',
      text: '“I’ll have that done in 24 hours,” he said.',
      want: ['I’ll have that done in 24 hours,'],
    },
    { name: 'straight marks', text: 'He said "we will win" and left. She said "no."', want: ['we will win', 'no.'] },
    {
      name: 'apostrophes only',
      text: 'He’s sure Russia’s gains in the ‘90s and the officials’ view don’t matter.',
      want: [],
    },
    {
      name: 'British single quotes',
      text: 'The minister said ‘we will not back down’ on Monday.',
      want: ['we will not back down'],
    },
    {
      name: 'quote opening mid-sentence',
      text: 'Trump “has grown weary and frustrated,” Leavitt told reporters.',
      want: ['has grown weary and frustrated,'],
    },
  ];
  for (const c of cases) t.same(texts(c.text), c.want, c.name);
});

t.test('nested single quotes are reported inside their quotation, not as their own', async (t) => {
  const text =
    'Trump wrote: “Russia wants to do largescale TRADE with the United States when' +
    ' this catastrophic ‘bloodbath’ is over, and I agree.”';
  const [q, ...rest] = findQuotes(text);
  t.equal(rest.length, 0);
  t.same(
    q!.nested.map((n) => n.text),
    ['bloodbath'],
  );
  t.equal(text.slice(q!.nested[0]!.start, q!.nested[0]!.end), 'bloodbath');
});

t.test('a quotation running over paragraphs (news style: reopened, not closed)', async (t) => {
  const text = 'Blumenthal said: “The first part goes on.\n\n“And the second part ends here.”\n\nHe left.';
  const qs = findQuotes(text);
  t.equal(qs.length, 2);
  t.equal(qs[0]!.text, 'The first part goes on.');
  t.equal(qs[1]!.continued, true, 'the second paragraph continues the quotation');
  t.equal(qs[1]!.speaker?.text, 'Blumenthal', 'continuation keeps the speaker');
});

t.test('speakers from the seeds', async (t) => {
  const cases: { text: string; quote: string; speaker: string | undefined; key: string | null }[] = [
    {
      text: seeds.caliber,
      quote: 'Vladimir Putin wants to keep the war going,',
      speaker: 'Jake Sullivan',
      key: 'sullivan',
    },
    {
      text: seeds.caliber,
      quote: 'Trump is being played by Putin,',
      speaker: 'Senator Richard Blumenthal',
      key: 'blumenthal',
    },
    {
      text: seeds.caliber,
      quote: 'Trump still wants to establish closer ties with Putin,',
      speaker: 'one official',
      key: null,
    },
    { text: seeds.atlantic, quote: 'I think something’s going to happen,', speaker: 'Trump', key: 'trump' },
    { text: seeds.atlantic, quote: 'not our war,', speaker: 'Vice President J. D. Vance', key: 'vance' },
    // "he added" resolves to the speaker of the paragraph's previous quotation
    { text: seeds.atlantic, quote: 'if it doesn’t, I just back away', speaker: 'he', key: 'trump' },
    // "he told reporters" in a paragraph of its own resolves to the subject of the paragraph before
    { text: seeds.atlantic, quote: 'We need to know who we can count on', speaker: 'he', key: 'zelensky' },
    // a colon introduction without a speech verb: the sentence's subject speaks
    { text: seeds.caliber, quote: 'This is a war we inherited', speaker: 'Kylie Newbold', key: 'newbold' },
    // the quotation after the attributed one in the same paragraph inherits its speaker
    { text: seeds.caliber, quote: 'As for the package from the United States', speaker: 'Zelenskyy', key: 'zelensky' },
    // a participle ("warning that … would be “…”", "posts asserting that …") attributes to the sentence's subject,
    // skipping openers such as "On Thursday, August 21,"
    { text: seeds.blog003, quote: 'absolutely unacceptable.', speaker: 'Lavrov', key: 'lavrov' },
    { text: seeds.blog003, quote: 'cannot win without invading Russia.', speaker: 'Trump', key: 'trump' },
  ];
  for (const c of cases) {
    const q = findQuotes(c.text).find((x) => x.text.startsWith(c.quote));
    t.ok(q, `found “${c.quote}”`);
    t.equal(q?.speaker?.text, c.speaker, `speaker of “${c.quote}”`);
    t.equal(q?.speakerKey, c.key, `speaker key of “${c.quote}”`);
    if (q?.speaker)
      t.equal(c.text.slice(q.speaker.start, q.speaker.end), q.speaker.text, 'speaker span slices to its text');
  }
});

t.test('speakerKey compares names by surname and spelling variant', async (t) => {
  t.equal(speakerKey('Zelenskyy'), speakerKey('Volodymyr Zelensky'));
  t.equal(speakerKey('he'), null);
});

t.test('every quotation found in the seeds slices to its text and lies inside its marks', async (t) => {
  for (const [name, text] of Object.entries(seeds)) {
    let last = -1;
    for (const q of findQuotes(text)) {
      t.equal(text.slice(q.start, q.end), q.text, `${name}: span`);
      t.ok(q.outer.start < q.start && q.end <= q.outer.end, `${name}: inside marks`);
      t.ok(q.start > last, `${name}: in order, not overlapping`);
      last = q.end;
    }
  }
});

t.test('property: spans are in bounds, ordered and never start on whitespace, for any mix of marks', async (t) => {
  const piece = fc.constantFrom(
    'word',
    ' ',
    'he’s',
    '“',
    '”',
    '"',
    '‘',
    '’',
    "'",
    '\n',
    '\n\n',
    ', ',
    '.',
    'Russia’s',
    '[x]',
    '…',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      let last = -1;
      for (const q of findQuotes(text)) {
        if (q.start < 0 || q.end > text.length || q.start >= q.end) return false;
        if (text.slice(q.start, q.end) !== q.text || /^\s/.test(q.text)) return false;
        if (q.start <= last) return false;
        last = q.end;
      }
      return true;
    }),
    { numRuns: 300 },
  );
  t.pass('property held');
});

t.test('tokenised corpora: PTB-style marks and spaced straight marks', async (t) => {
  t.same(texts("`` We will not back down , '' the minister said ."), ['We will not back down ,']);
  t.same(texts('" We will not back down , " the minister said .'), ['We will not back down ,']);
});

t.test(
  'a quotation lies in the paragraph of its claim: a hard-wrapped quotation is whole, with its speaker',
  async (t) => {
    const text = [
      'The minister spoke to reporters outside the parliament building on',
      'Monday afternoon, after a long session of talks with the opposition.',
      '“We will not back down from this budget, whatever the opposition',
      'says about the schools,” the minister said, before leaving by car.',
      'Officials later confirmed that the vote would take place on Friday',
      'as planned, and that the schools would receive the money in March.',
    ].join('\n');
    const quotes = findQuotes(text);
    t.same(
      quotes.map((q) => q.text),
      ['We will not back down from this budget, whatever the opposition\nsays about the schools,'],
    );
    t.equal(quotes[0]!.speaker?.text, 'the minister', 'the speaker after the wrap');
    for (const article of [text, seeds.atlantic, seeds.caliber]) {
      const paragraphs = paragraphSpans(article);
      for (const q of findQuotes(article)) {
        const p = paragraphs[q.paragraph]!;
        if (q.start < p.start || q.end > p.end) t.fail(`“${q.text}” lies outside its paragraph`);
      }
    }
  },
);
