import t from 'tap';
import { type PanOutcome, panShares, withoutReuse } from '../../bench/pan-retrieval.js';
import { longestSharedRun, mostSharedRuns, sharedRunCount, sharesRun } from '../../bench/verbatim-runs.js';

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

t.test('distinct short runs shared: what obfuscation leaves of a copied passage', async (t) => {
  const a = ws('some dogs do respond to treatment and have extra time with their owners');
  const table: [string, string, number][] = [
    ['nothing shared', 'the cat sat on the mat', 0],
    ['one run of three', 'many dogs do respond well', 1],
    ['a run of five holds three runs of three', 'some dogs do respond to it', 3],
    ['runs broken by replaced words', 'some frump do respond to therapy and have extra time with them', 4],
    ['a run repeated counts once', 'have extra time so have extra time', 1],
  ];
  for (const [name, b, want] of table) t.equal(sharedRunCount(a, ws(b), 3), want, name);
});

t.test('the most short runs any document shares with any one stored document', async (t) => {
  const stored = [ws('one two three four five six'), ws('alpha beta gamma delta epsilon')];
  const table: [string, string[], number][] = [
    ['nothing shared', ['x y z w'], 0],
    ['one document, one stored', ['one two three x four five six'], 2],
    ['runs in two stored documents do not add up', ['one two three alpha beta gamma'], 1],
    ['the most over all documents', ['alpha beta gamma delta', 'two three four'], 2],
  ];
  for (const [name, docs, want] of table) t.equal(mostSharedRuns(docs.map(ws), stored, 3), want, name);
});

t.test('documents without reuse: no-plagiarism only, or pairs listing no case', async (t) => {
  const table: [string, boolean][] = [
    ['none', true],
    ['none: 05-summary-obfuscation', true],
    ['05-summary-obfuscation', false],
    ['02-no-obfuscation', false],
  ];
  for (const [sub, want] of table) t.equal(withoutReuse(sub), want, sub);
  const o = (
    subcorpus: string,
    firstListed: boolean,
    firstVerbatim: boolean,
    found: boolean,
    firstScattered = false,
  ): PanOutcome => ({
    document: 'd',
    subcorpus,
    firstListed,
    firstVerbatim,
    firstScattered,
    found,
  });
  const shares = panShares([
    o('03-random-obfuscation', true, false, true),
    o('03-random-obfuscation', false, true, true),
    o('05-summary-obfuscation', false, false, false),
    o('04-translation-obfuscation', false, false, true, true),
    o('none', false, false, false),
    o('none: 05-summary-obfuscation', false, false, true),
  ]);
  t.same(shares, { first: 1 / 4, verified: 2 / 4, reused: 3 / 4, false: 1 / 2 });
});
