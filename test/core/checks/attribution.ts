import t from 'tap';
import { citedSources, findAttribution, outletNames } from '../../../src/core/checks/attribution.js';
import { seeds } from '../../fixtures/seeds.js';

const atlantic = { text: 'x', outlet: 'The Atlantic' };

t.test('credits to the outlet are found, with their evidence span', async (t) => {
  const cases: { text: string; evidence: string }[] = [
    { text: 'Caliber.Az reports, citing Atlantic.', evidence: 'citing Atlantic' },
    { text: 'The summit is off, according to The Atlantic.', evidence: 'according to The Atlantic' },
    { text: 'Two officials told The Atlantic that plans changed.', evidence: 'told The Atlantic' },
    { text: 'The Atlantic reported on Thursday that plans changed.', evidence: 'The Atlantic reported' },
    { text: 'Plans have changed (The Atlantic).', evidence: '(The Atlantic)' },
    { text: 'As first reported by the atlantic, the plan changed.', evidence: 'first reported by the atlantic' },
    { text: 'The Atlantic’s report says the plan changed.', evidence: 'The Atlantic’s report' },
    {
      text: 'Plans changed, as reported in an article in The Atlantic.',
      evidence: 'reported in an article in The Atlantic',
    },
    { text: 'The summit is off, writes The Atlantic.', evidence: 'writes The Atlantic' },
    { text: 'Tom Nichols, writing for The Atlantic, says the summit is off.', evidence: 'writing for The Atlantic' },
    { text: 'He said so in an interview with The Atlantic’s Tom Nichols.', evidence: 'interview with The Atlantic’s' },
    { text: 'Atlantic magazine reported that the summit is off.', evidence: 'Atlantic magazine reported' },
    { text: 'Summit is off\nBy The Atlantic\nThe summit is off.', evidence: 'By The Atlantic' },
  ];
  for (const c of cases) {
    const a = findAttribution(atlantic, c.text);
    t.equal(a.credited, true, c.text);
    t.ok(
      a.evidence.some((e) => e.text.includes(c.evidence) || c.evidence.includes(e.text)),
      `evidence for: ${c.text} (${a.evidence.map((e) => e.text)})`,
    );
    for (const e of a.evidence) t.equal(c.text.slice(e.start, e.end), e.text, 'evidence span slices to its text');
  }
});

t.test('mentions that are not credits do not count', async (t) => {
  const cases = [
    'Storms crossed the Atlantic Ocean this week.',
    'The trans-Atlantic alliance is under strain.',
    'Experts at the Atlantic Council said the plan changed.',
    'Ships in the North Atlantic were delayed.',
    'Officials said the plan changed.',
    'By the Atlantic coast, officials said the plan changed.',
  ];
  for (const text of cases) t.equal(findAttribution(atlantic, text).credited, false, text);
});

t.test('a link to the original’s domain is a credit', async (t) => {
  const original = { text: 'x', url: 'https://www.theatlantic.com/politics/archive/2025/05/trump-putin/682900/' };
  t.same(outletNames(original), ['theatlantic.com']);
  const a = findAttribution(
    original,
    'Read more at https://www.theatlantic.com/politics/archive/2025/05/trump-putin/682900/ today.',
  );
  t.equal(a.credited, true);
  t.match(a.evidence[0]!.text, /^https:\/\/www\.theatlantic\.com\//);
  t.equal(
    findAttribution(original, 'Read more at https://www.notheatlantic.com.example/ today.').credited,
    false,
    'a different domain',
  );
});

t.test('an outlet whose name looks like a domain is found by name and by link', async (t) => {
  const caliber = { text: 'x', outlet: 'Caliber.Az' };
  t.equal(findAttribution(caliber, 'The summit is off, Caliber.Az reports.').credited, true);
  t.equal(findAttribution(caliber, 'See https://caliber.az/en/post/123 for more.').credited, true);
  t.equal(findAttribution(caliber, 'The summit is off, officials said.').credited, false);
});

t.test('names: outlet, aliases, domain, and the name without “The”', async (t) => {
  t.same(outletNames({ text: 'x', outlet: 'The Atlantic', aliases: ['Atlantic Monthly'], url: 'theatlantic.com/x' }), [
    'The Atlantic',
    'Atlantic Monthly',
    'theatlantic.com',
    'Atlantic',
  ]);
});

t.test(
  'no outlet known: credit not checked (null), never "not credited"; the sources cited are still listed',
  async (t) => {
    const none = findAttribution({ text: 'x' }, 'The summit is off, Caliber.Az reports, citing Atlantic.');
    t.equal(none.credited, null);
    t.strictSame(none.evidence, []);
    t.strictSame(none.names, []);
    t.strictSame(
      none.cited.map((c) => c.text),
      ['Atlantic'],
    );
    t.equal(findAttribution({ text: 'x' }, 'No source is named here.').credited, null);
    const seed = findAttribution({ text: seeds.atlantic }, seeds.caliber);
    t.equal(seed.credited, null, 'the seed pair without an outlet');
    t.strictSame(
      seed.cited.map((c) => seeds.caliber.slice(c.start, c.end)),
      ['Atlantic'],
    );
  },
);

t.test(
  'the sources a rewrite cites: the capitalised name after a source cue, not people or common words',
  async (t) => {
    const cases: [string, string[]][] = [
      ['Caliber.Az reports, citing Atlantic.\nThough Trump said so.', ['Atlantic']],
      ['The plan, as reported by the New York Times on Monday, changed.', ['New York Times']],
      ['Citing the Council of Europe and others, he left.', ['Council of Europe']],
      ['Officials left, citing officials familiar with the talks.', []],
      ['The photo came via Reuters, the agency said.', ['Reuters']],
      ['According to a report by the Atlantic’s Tom Nichols, talks stalled.', ['Atlantic']],
      ['According to Jake Sullivan, talks stalled.', []],
    ];
    for (const [text, names] of cases)
      t.strictSame(
        citedSources(text).map((c) => c.name.text),
        names,
        text,
      );
    for (const c of citedSources('Caliber.Az reports, citing TheAtlantic.com.'))
      t.equal(c.name.text, 'TheAtlantic.com');
  },
);

t.test(
  'a cited source spelled like the outlet is a credit (Dice on character bigrams); a different outlet is not',
  async (t) => {
    const byUrl = { text: 'x', url: 'https://www.theatlantic.com/politics/' };
    const a = findAttribution(byUrl, 'Caliber.Az reports, citing Atlantic.');
    t.equal(a.credited, true, 'theatlantic.com is credited by "citing Atlantic"');
    t.strictSame(
      a.evidence.map((e) => e.text),
      ['citing Atlantic'],
    );
    t.equal(findAttribution({ text: 'x', outlet: 'Caliber.Az' }, 'He said so, citing Caliber Az.').credited, true);
    t.equal(
      findAttribution({ text: 'x', outlet: 'Washington Post' }, 'as reported by the Washington Times.').credited,
      false,
    );
    t.equal(findAttribution({ text: 'x', outlet: 'New York Times' }, 'citing the New York Post.').credited, false);
  },
);

t.test(
  'the seeds: 000 credits The Atlantic; 001 does not credit Caliber.Az; 003 does not credit Reuters',
  async (t) => {
    const a = findAttribution({ text: seeds.atlantic, outlet: 'The Atlantic' }, seeds.caliber);
    t.equal(a.credited, true);
    t.same(
      a.evidence.map((e) => e.text),
      ['citing Atlantic'],
    );
    t.equal(findAttribution({ text: seeds.caliber, outlet: 'Caliber.Az' }, seeds.atlantic).credited, false);
    t.equal(
      findAttribution({ text: seeds.report002, outlet: 'Reuters' }, seeds.blog003).credited,
      false,
      'another outlet is not credited',
    );
  },
);
