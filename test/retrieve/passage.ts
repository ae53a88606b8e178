import t from 'tap';
import {
  PASSAGE_WINDOW,
  passageEvidence,
  type TermFrequency,
  termSequence,
  termSet,
} from '../../src/retrieve/passage.js';
import { words } from '../../src/retrieve/words.js';

// Every word of eight letters or more is a term here; shorter ones are everyday words.
const rarity = (w: string) => (w.length >= 8 ? 5 : 1);
const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 7}`).join(' ');
const story = 'Kaliningrad Mediterranean shipyards appointed Volkswagen Bundestag ministers Lithuanian';
const storedTerms = termSet(words(`${story} reported yesterday`), rarity);
const score = (text: string, frequency: TermFrequency = () => 1, total = 100) =>
  passageEvidence(termSequence(words(text), rarity), storedTerms, frequency, total).score;

t.test('a passage score counts distinct shared terms that sit together', async (t) => {
  const table: [string, string, number][] = [
    ['the terms in one passage', `${filler(200)} ${story} ${filler(200)}`, 8],
    ['a term repeated counts once', `${filler(50)} ${story} ${story} Kaliningrad`, 8],
    [
      'the same terms spread over the article',
      story
        .split(' ')
        .map((w) => `${w} ${filler(PASSAGE_WINDOW)}`)
        .join(' '),
      1,
    ],
    ['no shared term', filler(300), 0],
    ['a short text is one window', story, 8],
  ];
  for (const [name, text, want] of table) t.equal(score(text), want, name);
});

t.test('a term held by many stored articles weighs less', async (t) => {
  const text = `${filler(20)} ${story}`;
  t.ok(score(text, () => 50) < score(text, () => 1) / 4, 'common in the store');
  t.equal(
    score(text, () => undefined),
    8,
    'a term not looked up counts as rare',
  );
  t.equal(
    score(text, () => 1, 1_000_000),
    score(text, () => 1, 100),
    'the scale of the store does not matter',
  );
});

t.test("a passage's precision: the share of its terms' weight the stored article holds", async (t) => {
  const own = 'Valparaiso Honduran cathedral governors'; // four terms the stored article does not hold
  const mixed = story
    .split(' ')
    .map((w, i) => (i % 2 ? `${w} ${own.split(' ')[i >> 1]}` : w))
    .join(' ');
  const precision = (text: string) =>
    passageEvidence(termSequence(words(text), rarity), storedTerms, () => 1, 100).precision;
  const table: [string, string, number][] = [
    ['a summary: only its source terms', `${filler(200)} ${story} ${filler(200)}`, 1],
    ['a same-story passage: its own terms among the shared', `${filler(200)} ${mixed} ${filler(200)}`, 8 / 12],
    ['no shared term', `${own} ${filler(100)}`, 0],
  ];
  for (const [name, text, want] of table) t.equal(precision(text), want, name);
});
