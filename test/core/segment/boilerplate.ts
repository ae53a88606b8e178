import fc from 'fast-check';
import t from 'tap';
import { segmentArticle } from '../../../src/core/segment/article.js';
import { classifyParagraphs } from '../../../src/core/segment/boilerplate.js';
import { lineKind, wordCount } from '../../../src/core/segment/boilerplate-patterns.js';
import { paragraphSpans } from '../../../src/core/segment/paragraphs.js';
import type { BoilerplateKind } from '../../../src/core/types.js';
import { nlp } from '../../fixtures/reader.js';
import { seeds } from '../../fixtures/seeds.js';

/** Kinds per paragraph of a text whose paragraphs are separated by blank lines. */
function kindsOf(paragraphs: string[]): (BoilerplateKind | null)[] {
  const text = paragraphs.join('\n\n');
  return classifyParagraphs(text, paragraphSpans(text), nlp);
}

const PROSE = 'The council approved the budget on Monday after a debate that ran late into the night.';
const PROSE2 = 'Critics said the plan had been rushed through without the usual hearings, and the mayor disagreed.';

t.test('line patterns: furniture lines get their kind (table; none of these strings is in the seeds)', async (t) => {
  const cases: [string, BoilerplateKind | null][] = [
    ['Jane Doe / Reuters', 'photo_credit'],
    ['Photo: Jane Doe for The Guardian', 'photo_credit'],
    ['Anna Moneymaker / Getty Images', 'photo_credit'],
    ['Illustration by The Atlantic. Source: Getty.', 'photo_credit'],
    ['Updated 14 March 2024, 09:30 GMT', 'timestamp'],
    ['Published: 2024-03-14T09:30:00Z', 'timestamp'],
    ['March 14, 2024', 'timestamp'],
    ['2 hours ago', 'timestamp'],
    ['Read more: Why the budget failed', 'read_more'],
    ['Related: The mayor’s first year', 'read_more'],
    ['By Jane Doe and John Roe', 'byline'],
    ['Written by Maria de la Cruz | Reuters', 'byline'],
    ['Leave a Comment', 'comment_form'],
    ['12 Comments', 'comment_form'],
    ['Your email address will not be published.', 'comment_form'],
    ['Tags: budget, council, city hall', 'category'],
    ['Filed under: Politics', 'category'],
    ['Advertisement', 'widget'],
    ['Share this article', 'widget'],
    ['Correction: An earlier version misnamed the mayor.', 'correction'],
    ['An earlier version of this story misstated the date of the vote.', 'correction'],
    ['5 min read', 'other'],
    ['(Reporting by Jane Doe in Kyiv; Editing by John Roe)', 'byline'],
    ['Associated Press writer Jane Doe contributed to this report.', 'byline'],
    ['Image source, Getty Images', 'photo_credit'],
    ['© 2025 Example Media. All rights reserved.', 'other'],
    ['Sign up for our daily newsletter', 'widget'],
    ['Advertisement - Scroll to continue', 'widget'],
    ['(AP Photo/Evan Vucci)', 'photo_credit'],
    ['Get our free newsletter delivered to your inbox every morning.', 'widget'],
    ['Follow Jane Doe on X', 'widget'],
    ['This article was originally published on The Conversation.', 'other'],
    ['This story originally misidentified the mayor.', 'correction'],
    // Prose and headlines that only look similar stay content.
    ['By Monday, the talks had collapsed and both sides went home.', null],
    ['Updated figures show the economy grew by 2 percent last year.', null],
    ['Political Ads Flood the Airwaves Before the Primary Election', null],
    ['The photo was taken in Kyiv on Tuesday by a local journalist.', null],
    [PROSE, null],
  ];
  for (const [line, kind] of cases) t.equal(lineKind(line), kind, line);
});

t.test('structure: teaser lists, read-also labels, lone names, name teasers, repeated titles', async (t) => {
  t.same(
    kindsOf([
      'City passes budget',
      PROSE,
      PROSE2,
      'Related Articles',
      'Mayor faces recall vote',
      'The mayor of the city is facing a recall vote after months of…',
      '2 days ago',
      'Transit fares to rise next year',
      'Fares on buses and trains will rise by…',
      '5 days ago',
    ]),
    [
      null,
      null,
      null,
      'teaser_list',
      'teaser_list',
      'teaser_list',
      'teaser_list',
      'teaser_list',
      'teaser_list',
      'teaser_list',
    ],
    'heading + headline/excerpt/age items',
  );

  t.same(
    kindsOf(['City passes budget', 'Latest developments', PROSE, PROSE2]),
    [null, null, null, null],
    'a heading over prose is not a teaser list (needs 2 items)',
  );

  t.same(
    kindsOf(['City passes budget', PROSE, PROSE2, 'See also:', 'The Mayor’s Plan for the City Explained']),
    [null, null, null, 'read_more', 'read_more'],
    'bare "See also:" takes the headline after it',
  );

  t.same(
    kindsOf(['City passes budget', PROSE, PROSE2, 'Maria Gonzalez']),
    [null, null, null, 'byline'],
    'lone name after the body',
  );
  t.same(
    kindsOf(['City passes budget', PROSE, 'Budget Details', PROSE2]),
    [null, null, null, null],
    'a title-case heading inside the body stays content',
  );

  t.same(
    kindsOf(['City passes budget', PROSE, 'Maria Gonzalez: Why the City Keeps Failing Its Poor', PROSE2]),
    [null, null, 'read_more', null],
    '"Author Name: Headline" between paragraphs is a teaser link',
  );
  t.same(
    kindsOf(['City passes budget', PROSE, 'Rising Costs: What the Budget Means for Renters', PROSE2]),
    [null, null, null, null],
    'a "Phrase: Subtitle" section heading is content (not all proper nouns)',
  );

  t.same(
    kindsOf([
      'City Passes Budget After Long Night',
      'Sidebar Widget',
      'City Passes Budget After Long Night',
      PROSE,
      PROSE2,
    ]),
    [null, 'widget', 'other', null, null],
    'repeated title: the repeat goes, the first stays',
  );
  t.same(
    kindsOf(['The “Budget” Mayor’s Long Night', PROSE, 'the "budget" mayor\'s long night', PROSE2]),
    [null, null, 'other', null],
    'a repeat differing only in case and quotation marks is a repeat',
  );
  t.same(
    kindsOf(['The Budget Mayor Long Night', PROSE, 'The “Budget” Mayor Long Night', PROSE2]),
    [null, null, null, null],
    'a line with marks the first lacks is not a repeat',
  );

  t.same(kindsOf(['By Jane Doe']), [null], 'a text made only of furniture is compared as it is');

  t.same(
    kindsOf([
      'City passes budget',
      PROSE,
      PROSE2,
      'Maria Gonzalez is a staff writer at The Daily Example.',
      'Share this:',
    ]),
    [null, null, null, 'byline', 'widget'],
    'author bio at the end of the page',
  );
  t.same(
    kindsOf([
      'City passes budget',
      'Maria Gonzalez is a former city editor who now runs the budget office and spoke to us.',
      PROSE,
      PROSE2,
    ]),
    [null, null, null, null],
    'a bio-shaped sentence followed by prose is a claim',
  );
});

t.test('a whole synthetic page: furniture out, headline, dek, subheadings and body in', async (t) => {
  const content = [
    'Council Passes Budget After All-Night Session',
    'Critics say the plan was rushed; the mayor says the city could not wait',
    PROSE,
    'What Happens Next',
    PROSE2,
    '“We had no choice,” the mayor said. “The money runs out in June.”',
  ];
  const page = [
    'Skip to content',
    content[0],
    content[1],
    'By Maria Gonzalez and Tom Baker',
    'March 14, 2024 at 9:30 a.m. ET',
    'Jane Doe / Reuters',
    content[2],
    'Advertisement',
    content[3],
    content[4],
    'Read more: The mayor’s first year in office',
    content[5],
    '(Reporting by Maria Gonzalez; Editing by Tom Baker)',
    'Tags: budget, council',
    'Most Read',
    'Transit fares to rise next year',
    'Fares on buses and trains will rise by…',
    '2 days ago',
    'Mayor faces recall vote',
    '5 days ago',
    'Leave a Reply',
    'Your email address will not be published. Required fields are marked *',
  ].join('\n');
  const seg = segmentArticle(page, nlp);
  t.same(
    seg.paragraphs.map((p) => page.slice(p.start, p.end)),
    content,
  );
  t.same(
    seg.boilerplate.map((b) => b.kind),
    [
      'widget',
      'byline',
      'timestamp',
      'photo_credit',
      'widget',
      'read_more',
      'byline',
      'category',
      'teaser_list',
      'teaser_list',
      'teaser_list',
      'teaser_list',
      'teaser_list',
      'teaser_list',
      'comment_form',
      'comment_form',
    ],
  );
});

t.test('seeds: the listed furniture is removed and the headline kept', async (t) => {
  const removed = (text: string) => segmentArticle(text, nlp).boilerplate.map((b) => `${b.kind}: ${b.text}`);
  const blog = removed(seeds.blog003);
  t.same(blog, [
    'widget: Header Ads Widget',
    'other: Trump Pulls Back from Direct Role in Russia-Ukraine Peace Talks',
    'comment_form: Post a Comment',
    'comment_form: 0 Comments',
  ]);
  const report = segmentArticle(seeds.report002, nlp);
  t.same(
    report.boilerplate.slice(0, 3).map((b) => b.kind),
    ['category', 'byline', 'teaser_list'],
  );
  t.ok(
    report.boilerplate.slice(2).every((b) => b.kind === 'teaser_list'),
    'Recent Posts and everything after it',
  );
  t.equal(report.boilerplate.length, 21);
  const first = report.paragraphs[0];
  t.equal(
    first && seeds.report002.slice(first.start, first.end),
    'US President steps back from Russia-Ukraine peace deal for now: Report',
  );
  const independent = segmentArticle(seeds.independent004, nlp);
  t.same(
    independent.boilerplate.map((b) => b.kind),
    ['read_more', 'read_more'],
    '"Read also:" and its teaser',
  );
  t.equal(independent.paragraphs.length, 22, 'section headings stay content');
});

t.test('no content sentence of any seed, taken alone, matches a furniture pattern', async (t) => {
  const hits: string[] = [];
  for (const text of Object.values(seeds)) {
    for (const p of segmentArticle(text, nlp).paragraphs) {
      for (const s of p.sentences) {
        const line = text.slice(s.start, s.end).replace(/\s+/g, ' ');
        const kind = lineKind(line);
        if (kind) hits.push(`${kind}: ${line}`);
      }
    }
  }
  t.same(hits, []);
});

t.test('property: classification never throws and returns one kind per paragraph', async (t) => {
  const line = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom(
      'Recent Posts',
      'By Jane Doe',
      '3 months ago',
      'Read also:',
      'Jane Doe / AFP',
      'Leave a Reply',
      PROSE,
      'Jane Doe: A Headline',
      '\u0000',
      '😀',
    ),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
      const text = lines.join('\n');
      const spans = paragraphSpans(text);
      return classifyParagraphs(text, spans, nlp).length === spans.length;
    }),
    { numRuns: 200, seed: 42 },
  );
  t.pass('200 arbitrary line lists');
});

t.test(
  'whitespace inside a paragraph counts as one space: spaced-out labels get the kinds of their plain forms',
  async (t) => {
    const labels = [
      'Read more: Why the budget failed',
      'Jane Doe / Reuters',
      'Leave a Reply',
      'By Jane Doe and John Roe',
      'March 14, 2024',
      'Recent Posts',
    ];
    for (const label of labels) {
      const plain = kindsOf([PROSE, label, PROSE2]);
      for (const spaced of [
        label.replace(/ /g, '  '),
        label.replace(/ /g, '\t'),
        label.replace(/ /g, '\u00a0'),
        ` ${label.replace(/ /g, ' \u2009')} `,
      ]) {
        t.same(kindsOf([PROSE, spaced, PROSE2]), plain, JSON.stringify(spaced));
      }
    }
  },
);

t.test("a line's word count is the number of non-empty pieces between single spaces", async (t) => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(' ', 'a', 'Bc', '\t', '\n', '\u00a0', '—'), { maxLength: 20 }).map((xs) => xs.join('')),
      (line) => {
        t.equal(wordCount(line), line.split(' ').filter(Boolean).length);
      },
    ),
    { numRuns: 500 },
  );
});
