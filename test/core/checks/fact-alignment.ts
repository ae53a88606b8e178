import fc from 'fast-check';
import t from 'tap';
import { factChanges } from '../../../src/core/checks/fact-changes.js';
import { alignWords, sentenceWords } from '../../../src/core/checks/word-align.js';
import { antonymsOf, loadAntonymTable } from '../../../src/lexicon/antonyms.js';

const antonyms = antonymsOf(loadAntonymTable());
/** The kinds of change between two sentences, each a whole text. */
const kinds = (a: string, b: string) =>
  factChanges(a, { start: 0, end: a.length }, b, { start: 0, end: b.length }, antonyms).map((c) => c.kind);

t.test('meaning changes inside a sentence pair are reported by kind', async (t) => {
  const table: [string, string, string[]][] = [
    // roles: names or numbers trading places around the words that relate them
    [
      'The talks between Russia and Ukraine resumed on Monday.',
      'The talks between Ukraine and Russia resumed on Monday.',
      ['role'],
    ],
    ['Russia attacked Ukraine on Monday.', 'Ukraine attacked Russia on Monday.', ['role']],
    ['Flights from Kyiv to Warsaw resumed.', 'Flights from Warsaw to Kyiv resumed.', ['role']],
    [
      'The Tabaci River is a tributary of the River Leurda in Romania.',
      'The Leurda River is a tributary of the River Tabaci in Romania.',
      ['role'],
    ],
    [
      'Lucas Motorsport replaced Aaren Russell with Alex Davison for this event.',
      'Lucas Motorsport replaced Alex Davison with Aaren Russell for this event.',
      ['role'],
    ],
    ['Graham’s ally Cruz backed the bill.', 'Cruz’s ally Graham backed the bill.', ['role']],
    // a person replaced where a person stood
    [
      'Senator Lindsey Graham has broken with the president.',
      'Senator Ted Cruz has broken with the president.',
      ['person'],
    ],
    // negation, contractions included
    [
      'He no longer intends to personally broker a peace deal.',
      'He intends to personally broker a peace deal.',
      ['negation'],
    ],
    [
      'The U.S. is continuing to share intelligence with Ukraine.',
      'The U.S. is not continuing to share intelligence with Ukraine.',
      ['negation'],
    ],
    ['He doesn’t want the deal.', 'He does want the deal.', ['negation']],
    ['Officials can’t confirm the report.', 'Officials can confirm the report.', ['negation']],
    ['Trump won’t attend the summit.', 'Trump will attend the summit.', ['negation']],
    ['Putin failed to engage in the talks.', 'Putin engaged in the talks.', ['negation']],
    // antonymous predicates, as WordNet says
    ['Prices increased sharply last year.', 'Prices decreased sharply last year.', ['negation']],
    ['The council accepted the proposal.', 'The council rejected the proposal.', ['negation']],
    // modality and hedges
    ['Officials must approve the plan.', 'Officials may approve the plan.', ['hedging']],
    ['Officials must approve the plan.', 'Officials will approve the plan.', ['modality']],
    ['The bill will likely pass.', 'The bill will pass.', ['hedging']],
    // numbers and dates
    ['Nearly 80 senators back the bill.', '80 senators back the bill.', ['hedging']],
    ['Trump spoke with Putin for two hours.', 'Trump spoke with Putin for 40 minutes.', ['number']],
    ['The call took place on Tuesday.', 'The call took place on Thursday.', ['date']],
  ];
  for (const [a, b, want] of table) t.same(kinds(a, b), want, b);
});

t.test('rewordings report nothing', async (t) => {
  const table: [string, string][] = [
    ['Russia attacked Ukraine on Monday.', 'Ukraine was attacked by Russia on Monday.'],
    ['The president of Russia met Trump.', 'Russia’s president met Trump.'],
    ['Trump and Putin spoke for two hours.', 'Putin and Trump spoke for two hours.'],
    ['The moon landing was on 25 July 1970.', 'The moon landing was on July 25, 1970.'],
    ['The call lasted roughly 40 minutes.', 'It was a 40-minute call.'],
    ['In August, Higgins left Southampton.', 'Higgins left Southampton in August.'],
    ['Zelenskyy met Donald Trump in Washington.', 'Zelensky met Trump in Washington.'],
    ['Trump said the talks would resume.', 'He said the talks would resume.'],
    ['Trump said the deal was big.', 'Trump stated the deal was large.'],
    ['He does not commit to the talks.', 'He fails to engage in the talks.'],
    ['Born in Sweden in 1947, Katz moved to New York.', 'Born in 1947 in Sweden, Katz moved to New York.'],
    ['He played for FC Utrecht, Excelsior and FC Emmen.', 'He played for FC Emmen, Excelsior and FC Utrecht.'],
    ['If it doesn’t happen, I just back away.', 'If it does not happen, I just back away.'],
  ];
  for (const [a, b] of table) t.same(kinds(a, b), [], b);
});

t.test('words: contractions and possessives split, "US" the country', async (t) => {
  const text = 'He doesn’t know; Graham’s aide can’t, won’t and cannot. The US and us.';
  t.same(
    sentenceWords(text, 0, text.length).map((w) => w.key),
    [
      'he',
      'does',
      'not',
      'know',
      'graham',
      "'s",
      'aide',
      'can',
      'not',
      'will',
      'not',
      'and',
      'can',
      'not',
      'the',
      'u.s',
      'and',
      'us',
    ],
  );
});

t.test('property: a sentence against itself reports nothing and aligns every word with itself', async () => {
  const word = fc.constantFrom(
    'Russia',
    'Ukraine',
    'talks',
    'between',
    'and',
    'not',
    'will',
    'may',
    'the',
    'of',
    '2025',
    'Monday',
    'Trump',
    'said',
    'no',
    'longer',
    'two',
    'hours',
    'from',
    'to',
    'by',
    'was',
    'attacked',
    'increased',
  );
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), (ws) => {
      const s = `${ws.join(' ')}.`;
      const al = alignWords(sentenceWords(s, 0, s.length), sentenceWords(s, 0, s.length))!;
      return kinds(s, s).length === 0 && [...al.oPartner].every((j, i) => j === i);
    }),
  );
});

t.test('property: two distinct names exchanged across "between … and" are a role swap', async () => {
  const name = fc.constantFrom('Russia', 'Ukraine', 'Poland', 'Turkey', 'Georgia', 'Armenia', 'Azerbaijan', 'Moldova');
  fc.assert(
    fc.property(name, name, (x, y) => {
      fc.pre(x !== y);
      return kinds(
        `Talks between ${x} and ${y} resumed in Istanbul.`,
        `Talks between ${y} and ${x} resumed in Istanbul.`,
      ).includes('role');
    }),
  );
});
