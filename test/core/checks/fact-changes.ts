import t from 'tap';
import { alignmentFacts, factChanges, sameName } from '../../../src/core/checks/fact-changes.js';
import { extractItems } from '../../../src/core/checks/fact-items.js';
import type { CompareResult } from '../../../src/core/types.js';
import { seeds } from '../../fixtures/seeds.js';

/** The span of a sentence of a seed (a real sentence, found by its text). */
function at(text: string, sentence: string) {
  const start = text.indexOf(sentence);
  if (start < 0) throw new Error(`not in seed: ${sentence}`);
  return { start, end: start + sentence.length };
}

/** Changes between a real seed sentence and a rewrite of it given as text. */
function changes(seed: string, sentence: string, rewrite: string) {
  return factChanges(seed, at(seed, sentence), rewrite, { start: 0, end: rewrite.length });
}

const A = seeds.atlantic;
const two =
  'Trump spent two hours on the phone with Putin in a conversation that both the' +
  ' White House and the Kremlin described as warm.';
const graham =
  'Republican Senator Lindsey Graham of South Carolina has broken with Trump by' +
  ' proposing tough sanctions against Russia';
const summit = 'But officials now expect that any such summit won’t involve negotiations to end the fighting.';
const monday =
  '“I think something’s going to happen,” Trump told reporters in the Oval Office' +
  ' on Monday, seemingly still hoping for an agreement.';
const likely =
  'Trump still wants to establish closer ties with Putin, and the White House will' +
  ' likely revisit the possibility of a meeting before long.';
const nearly = 'The measure now has the support of a bipartisan group of nearly 80 senators—a veto-proof majority';
const turkey =
  'Zelensky traveled to Turkey, and Trump, already in the region for the first' +
  ' foreign trip of his new term, signaled that he would be willing to join if the' +
  ' Russian leader went as well.';

t.test('planted changes in real seed sentences are found, with spans and kinds', async (t) => {
  const cases = [
    {
      name: 'number (spelled out vs digits)',
      s: two,
      r: two.replace('two hours', '40 minutes'),
      kind: 'number',
      o: 'two hours',
      w: '40 minutes',
    },
    {
      name: 'number with the same approximator',
      s: nearly,
      r: nearly.replace('nearly 80', 'nearly 60'),
      kind: 'number',
      o: 'nearly 80 senators',
      w: 'nearly 60 senators',
    },
    {
      name: 'person',
      s: graham,
      r: graham.replace('Lindsey Graham', 'Marco Rubio'),
      kind: 'person',
      o: 'Senator Lindsey Graham',
      w: 'Senator Marco Rubio',
    },
    { name: 'place', s: turkey, r: turkey.replace('Turkey', 'Poland'), kind: 'place', o: 'Turkey', w: 'Poland' },
    {
      name: 'negation dropped',
      s: summit,
      r: summit.replace('won’t involve', 'will involve'),
      kind: 'negation',
      o: 'n’t',
      w: null,
    },
    {
      name: 'negation added',
      s: graham,
      r: graham.replace('has broken with', 'has not broken with'),
      kind: 'negation',
      o: null,
      w: 'not',
    },
    { name: 'day', s: monday, r: monday.replace('Monday', 'Tuesday'), kind: 'date', o: 'Monday', w: 'Tuesday' },
    {
      name: 'hedge dropped',
      s: likely,
      r: likely.replace('will likely revisit', 'will revisit'),
      kind: 'hedging',
      o: 'likely',
      w: null,
    },
    {
      name: 'approximator dropped (“nearly 80” → “80”)',
      s: nearly,
      r: nearly.replace('nearly 80', '80'),
      kind: 'hedging',
      o: 'nearly 80 senators',
      w: '80 senators',
    },
  ];
  for (const c of cases) {
    const found = changes(A, c.s, c.r);
    t.equal(found.length, 1, `${c.name}: exactly one change (${found.map((f) => f.note).join('; ')})`);
    const f = found[0];
    t.equal(f?.kind, c.kind, `${c.name}: kind`);
    t.equal(f?.original?.text ?? null, c.o, `${c.name}: original span`);
    t.equal(f?.rewrite?.text ?? null, c.w, `${c.name}: rewrite span`);
    if (f?.original)
      t.equal(A.slice(f.original.start, f.original.end), f.original.text, 'original span slices the seed');
    if (f?.rewrite)
      t.equal(c.r.slice(f.rewrite.start, f.rewrite.end), f.rewrite.text, 'rewrite span slices the rewrite');
    t.ok(f?.note, 'has a note');
  }
});

t.test('pure rewording stays silent', async (t) => {
  const cases = [
    { name: 'spelling variant Zelensky/Zelenskyy', s: turkey, r: turkey.replace('Zelensky', 'Zelenskyy') },
    { name: '“Trump” / “Donald Trump”', s: two, r: two.replace('Trump spent', 'Donald Trump spent') },
    { name: 'same duration in other units', s: two, r: two.replace('two hours', '120 minutes') },
    {
      name: 'possessive and title',
      s: graham,
      r:
        'Senator Graham, a Republican from South Carolina, has broken with Trump by' +
        ' proposing tough sanctions against Russia',
    },
    {
      name: 'negation reworded (no longer / won’t)',
      s: summit,
      r: 'Officials say any such summit is no longer expected to involve negotiations to end the fighting.',
    },
    {
      name: 'hedged alike',
      s: 'A U.S. withdrawal would likely lead to more Russian gains.',
      r: 'A continued American withdrawal could lead to further Russian territorial gains.',
    },
    {
      name: 'omitted entity is not a change',
      s: monday,
      r: '“I think something’s going to happen,” Trump told reporters on Monday.',
    },
  ];
  for (const c of cases) t.same(changes(A, c.s, c.r), [], c.name);
});

t.test('002/003: the same story told by two outlets keeps its facts', async (t) => {
  const pairs: [string, string][] = [
    [
      'Trump has ruled out sending U.S. troops but has offered alternatives such as' +
        ' intelligence support or limited air operations.',
      'While Trump has floated offering U.S. intelligence support and limited air' +
        ' assistance, he has ruled out sending American troops.',
    ],
    [
      'In a radio interview on Tuesday, Trump said he wanted to “see what happens” when' +
        ' Putin and Zelenskyy meet without him, describing the process of arranging that' +
        ' encounter as still underway.',
      'Trump, in a recent radio interview, said he preferred to “see what happens” in' +
        ' that bilateral meeting before convening a joint session, signaling a cautious,' +
        ' wait-and-see approach.',
    ],
    [
      'NATO Secretary General Mark Rutte has expressed optimism that a bilateral' +
        ' meeting might take place within weeks, though Putin has so far resisted' +
        ' Zelenskyy’s repeated requests for direct talks.',
      'NATO Secretary General Mark Rutte expressed guarded optimism, but deep challenges persist.',
    ],
  ];
  for (const [a, b] of pairs) {
    t.same(
      factChanges(seeds.report002, at(seeds.report002, a), seeds.blog003, at(seeds.blog003, b)),
      [],
      b.slice(0, 50),
    );
  }
  // "roughly 40 minutes" → "a 40-minute phone call": the same number; a mild approximator ("roughly", "about")
  // dropped says nothing new (a bound, "nearly 80" → "80", does).
  const found = factChanges(
    seeds.report002,
    at(seeds.report002, 'After his White House discussions, Trump spoke with Putin for roughly 40 minutes.'),
    seeds.blog003,
    at(
      seeds.blog003,
      'After hosting discussions in Washington with Zelenskyy and several European' +
        ' leaders, Trump held a 40-minute phone call with Putin.',
    ),
  );
  t.same(
    found.map((f) => [f.kind, f.original?.text, f.rewrite?.text]),
    [],
  );
});

t.test('extraction: dates before numbers, spelled-out numbers with units, durations in minutes', async (t) => {
  const text = 'On May 22, 2025, nearly 80 senators spent two hours and 40 minutes in talks; none agreed.';
  const items = extractItems(text, 0, text.length);
  const show = items.map((i) => `${i.kind}:${i.span.text}:${i.key}`);
  t.ok(show.includes('date:May 22, 2025:may 22 2025'), show.join(' | '));
  t.ok(show.includes('number:nearly 80 senators:80'));
  t.ok(show.includes('number:two hours:120'));
  t.ok(show.includes('number:40 minutes:40'));
  t.ok(show.includes('negation:none:none'));
  t.notOk(
    items.some((i) => i.kind === 'number' && /22|2025/.test(i.span.text)),
    'the date’s digits are not numbers',
  );
});

t.test('sameName tolerates variants and metonyms, not different people', async (t) => {
  t.ok(sameName(['zelensky'], ['volodymyr', 'zelenskyy']));
  t.ok(sameName(['russia'], ['russian']));
  t.ok(sameName(['washington'], ['us']));
  t.notOk(sameName(['graham'], ['rubio']));
  t.notOk(sameName(['austria'], ['australia']));
});

t.test(
  'property: a sentence compared with itself changes no facts; planted number changes are always found',
  async (t) => {
    const sentences = Object.values(seeds).flatMap((text) =>
      [...text.matchAll(/[^.!?\n]{20,300}[.!?]/g)].map((m) => ({ text, start: m.index, end: m.index + m[0].length })),
    );
    for (const s of sentences) {
      const found = factChanges(s.text, s, s.text, s);
      if (found.length) t.fail(`self-change in “${s.text.slice(s.start, s.end)}”: ${found.map((f) => f.note)}`);
    }
    const withNumbers = sentences.filter(
      (s) =>
        /\b\d{2,3}\b/.test(s.text.slice(s.start, s.end)) && !/\b(?:19|20)\d{2}\b/.test(s.text.slice(s.start, s.end)),
    );
    t.ok(withNumbers.length > 3, 'seed sentences with numbers');
    for (const s of withNumbers) {
      const sentence = s.text.slice(s.start, s.end);
      const planted = sentence.replace(/\b(\d{2,3})\b/, (d) => String(Number(d) + 7));
      const found = factChanges(s.text, s, planted, { start: 0, end: planted.length });
      t.ok(
        found.some((f) => f.kind === 'number' || f.kind === 'date'),
        `planted number (or day of month) change found in “${sentence.slice(0, 60)}”`,
      );
    }
  },
);

t.test('alignmentFacts finds claims by id wherever they stand in the list, with or without memos', async (t) => {
  const o = `${two} ${nearly}.`,
    r = 'Trump spent three hours on the phone with Putin. The measure has the support of 60 senators.';
  const claim = (id: string, text: string, s: string) => {
    const start = text.indexOf(s);
    return {
      id,
      paragraph: 0,
      start,
      end: start + s.length,
      text: s,
      status: 'paraphrased' as const,
      matches: [],
      similarity: 0,
      carried: 0,
      alignments: [],
    };
  };
  const oClaims = [claim('o1', o, two), claim('o2', o, `${nearly}.`)];
  const rClaims = [
    claim('r1', r, 'Trump spent three hours on the phone with Putin.'),
    claim('r2', r, 'The measure has the support of 60 senators.'),
  ];
  const resultOf = (reversed: boolean) =>
    ({
      original: { paragraphs: [], boilerplate: [], claims: reversed ? [...oClaims].reverse() : oClaims },
      rewrite: { paragraphs: [], boilerplate: [], claims: reversed ? [...rClaims].reverse() : rClaims },
      alignments: [
        {
          id: 'a1',
          original: ['o1', 'o2'],
          rewrite: ['r1', 'r2'],
          status: 'paraphrased' as const,
          similarity: 0.5,
          moved: false,
          diff: [],
          changes: [],
        },
      ],
    }) as unknown as CompareResult;
  const inOrder = resultOf(false),
    reversed = resultOf(true),
    memo = resultOf(false);
  const found = alignmentFacts(inOrder, o, r);
  t.equal(found.flat().length, 2, 'the hours and the senators changed');
  t.same(alignmentFacts(reversed, o, r), found);
  const memos = [{}, {}] as const;
  t.same(alignmentFacts(memo, o, r, memos[0], memos[1]), found);
  t.same(alignmentFacts(memo, o, r, memos[0], memos[1]), found, 'kept memos answer as fresh ones');
});
