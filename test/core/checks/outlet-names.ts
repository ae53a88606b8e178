import t from 'tap';
import { outletSimilarity, reducedNames, SAME_OUTLET, sameOutlet } from '../../../src/core/checks/outlet-names.js';

t.test('spellings of one outlet reach SAME_OUTLET; distinct outlets sharing words stay below', async (t) => {
  const same: [string, string][] = [
    ['theatlantic.com', 'The Atlantic'],
    ['https://www.theatlantic.com/', 'Atlantic'],
    ['Caliber.Az', 'Caliber Az'],
    ['caliber.az', 'Caliber.Az'],
    ['The New York Times', 'New York Times'],
    ['nytimes.com', 'NYTimes'],
    ['TheStreet', 'thestreet.com'],
    ['Reuters', 'Reuters'],
    ['Al Jazeera', 'Al-Jazeera'],
    ['Washington Post', 'Washingon Post'],
  ];
  const different: [string, string][] = [
    ['Washington Post', 'Washington Times'],
    ['New York Times', 'New York Post'],
    ['The Atlantic', 'Atlantic Monthly'],
    ['Reuters', 'Reuters Institute'],
    ['BBC', 'CBC'],
    ['The Guardian', 'Guardian Liberty Voice'],
    ['Caliber.Az', 'Report.az'],
  ];
  for (const [a, b] of same)
    t.ok(outletSimilarity(a, b) >= SAME_OUTLET, `${a} = ${b} (${outletSimilarity(a, b).toFixed(2)})`);
  for (const [a, b] of different)
    t.ok(outletSimilarity(a, b) < SAME_OUTLET, `${a} ≠ ${b} (${outletSimilarity(a, b).toFixed(2)})`);
  t.ok(sameOutlet('Atlantic', ['x', 'theatlantic.com']));
  t.notOk(sameOutlet('Atlantic', []));
});

t.test('reduced names: letters and digits, no "the", no www. or domain suffix', async (t) => {
  t.strictSame(reducedNames('https://www.theatlantic.com/'), ['theatlantic', 'atlantic']);
  t.strictSame(reducedNames('The Atlantic'), ['atlantic']);
  t.strictSame(reducedNames('Caliber.Az'), ['caliber']);
  t.strictSame(reducedNames('  '), ['']);
  t.equal(outletSimilarity('', 'Atlantic'), 0);
});
