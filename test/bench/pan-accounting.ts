import t from 'tap';
import { type PanOutcome, panShares, withoutReuse } from '../../bench/pan-retrieval.js';
import { longestSharedRun, sharesRun } from '../../bench/verbatim-runs.js';

const ws = (s: string) => s.split(' ');

t.test('shared verbatim runs', async (t) => {
  const a = ws('the mayor said the new bridge would open in the spring of next year');
  const table: [string, string, number, boolean][] = [
    ['a run of five words', 'critics doubt the new bridge would open at all', 5, true],
    ['broken by one word', 'critics doubt the new bridge will open in the spring', 5, false],
    ['shorter than asked', 'the new bridge', 4, false],
    ['identical texts', a.join(' '), a.length, true],
  ];
  for (const [name, b, n, want] of table) t.equal(sharesRun(a, ws(b), n), want, name);
});

t.test('the longest run any document shares with any stored one', async (t) => {
  const stored = [ws('one two three four five six'), ws('alpha beta gamma delta')];
  const table: [string, string[], number][] = [
    ['nothing shared', ['x y z'], 0],
    ['one word', ['x two y'], 1],
    ['the longest over all pairs', ['x beta gamma y', 'two three four z'], 3],
    ['a whole stored text', ['q one two three four five six q'], 6],
  ];
  for (const [name, docs, want] of table) t.equal(longestSharedRun(docs.map(ws), stored), want, name);
  t.equal(longestSharedRun([stored[0]!], stored, 4), 4, 'capped at max');
});

t.test('documents without reuse: no-plagiarism only, or pairs listing no case', async (t) => {
  const table: [string, boolean][] = [
    ['none', true],
    ['none: 05-summary-obfuscation', true],
    ['05-summary-obfuscation', false],
    ['02-no-obfuscation', false],
  ];
  for (const [sub, want] of table) t.equal(withoutReuse(sub), want, sub);
  const o = (subcorpus: string, firstListed: boolean, firstVerbatim: boolean, found: boolean): PanOutcome => ({
    document: 'd',
    subcorpus,
    firstListed,
    firstVerbatim,
    found,
  });
  const shares = panShares([
    o('03-random-obfuscation', true, false, true),
    o('03-random-obfuscation', false, true, true),
    o('05-summary-obfuscation', false, false, false),
    o('none', false, false, false),
    o('none: 05-summary-obfuscation', false, false, true),
  ]);
  t.same(shares, { first: 1 / 3, verified: 2 / 3, false: 1 / 2 });
});
