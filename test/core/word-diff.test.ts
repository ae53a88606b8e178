import t from 'tap';
import fc from 'fast-check';
import { diffArrays, diffWords } from 'diff';
import { wordDiff } from '../../src/core/word-diff.js';
import { lcsLength } from '../../src/core/lcs.js';
import { classifyClaim, sharedWordShare } from '../../src/core/classify.js';
import { seeds } from '../fixtures/seeds.js';

/** What the library's `diffWords` gives, in our part shape (null past the edit bound). */
function library(a: string, b: string, maxEdits: number) {
  const changes = diffWords(a, b, { maxEditLength: maxEdits });
  return changes ? changes.map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'equal', text: c.value })) : null;
}

// Small vocabularies make many ties between equally short edit scripts: the cases where a different Myers
// implementation would choose a different (equally minimal) diff.
const token = fc.constantFrom('the', 'The', 'war', 'Putin', ',', '.', '“', '”', '—', 'said', 'é', "don't", 'x-y', '3.5');
const sep = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '');
const text = fc.array(fc.tuple(token, sep), { maxLength: 40 }).map((xs) => xs.map(([w, s]) => w + s).join(''));
const edited = (s: string) => fc.array(fc.tuple(fc.nat(60), fc.option(token)), { maxLength: 6 }).map((edits) => {
  const ws = s.split(' ');
  for (const [at, w] of edits) { if (w === null) ws.splice(at % (ws.length + 1), 1); else ws.splice(at % (ws.length + 1), 0, w); }
  return ws.join(' ');
});
const pair = text.chain((a) => fc.tuple(fc.constant(a), fc.oneof(edited(a), text, fc.constant(a))));
const bound = fc.constantFrom(0, 1, 3, 10, 400);

t.test('wordDiff gives exactly the library diffWords (same parts, same whitespace, same bound)', async (t) => {
  fc.assert(fc.property(pair, bound, ([a, b], maxEdits) => {
    const want = library(a, b, maxEdits) ?? [...(a ? [{ op: 'removed', text: a }] : []), ...(b ? [{ op: 'added', text: b }] : [])];
    t.same(wordDiff(a, b, maxEdits), want);
  }), { numRuns: 2000 });
});

t.test('wordDiff on seed sentences: rewrites of real news text diff like the library', async (t) => {
  const sentences = seeds.atlantic.split(/(?<=[.!?”])\s+/).filter((s) => s.length > 40).slice(0, 80);
  for (let i = 0; i + 1 < sentences.length; i++) {
    const a = sentences[i]!, b = sentences[i]!.replace(/Trump/g, 'the president').replace(/ and /, ', and also ');
    t.same(wordDiff(a, b, 400), library(a, b, 400));
    t.same(wordDiff(a, sentences[i + 1]!, 20), library(a, sentences[i + 1]!, 20) ?? [{ op: 'removed', text: a }, { op: 'added', text: sentences[i + 1] }]);
  }
  t.same(wordDiff('', '', 10), []);
  t.same(wordDiff('Same words.', 'Same words.', 0), [{ op: 'equal', text: 'Same words.' }]);
});

t.test('lcsLength is the common-token count of the library diffArrays, or -1 past the edit bound', async (t) => {
  const seq = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 });
  fc.assert(fc.property(seq, seq, fc.constantFrom(0, 2, 10, 40, 400), (a, b, maxEdits) => {
    const parts = diffArrays(a, b, { maxEditLength: maxEdits });
    const want = parts ? parts.reduce((n, p) => n + (p.added || p.removed ? 0 : p.count), 0) : -1;
    t.equal(lcsLength(a, b, maxEdits), want);
  }), { numRuns: 3000 });
  // Longer sequences: the bit vector spans several 32-bit words, so carries cross word boundaries.
  const long = (symbols: number) => fc.array(fc.integer({ min: 0, max: symbols }), { minLength: 30, maxLength: 170 });
  fc.assert(fc.property(fc.constantFrom(1, 3, 40).chain((k) => fc.tuple(long(k), long(k))), fc.constantFrom(5, 60, 400), ([a, b], maxEdits) => {
    const parts = diffArrays(a, b, { maxEditLength: maxEdits });
    const want = parts ? parts.reduce((n, p) => n + (p.added || p.removed ? 0 : p.count), 0) : -1;
    t.equal(lcsLength(a, b, maxEdits), want);
  }), { numRuns: 600 });
});

t.test('kept vs paraphrased: the share of a claim\'s words found in order in its partners', async (t) => {
  const w = (s: string) => s.toLowerCase().split(' ');
  const cases = [
    { a: 'trump told reporters on monday that talks would resume', b: 'trump said on monday that talks would resume', status: 'kept' },
    { a: 'the senate passed the bill', b: 'the senate passed the bill he wrote', status: 'kept' },
    { a: 'officials expect the summit will not include negotiations', b: 'negotiations are not on the agenda for the meeting officials say', status: 'paraphrased' },
    { a: 'one two three four five six seven eight', b: 'eight seven six five four three two one', status: 'paraphrased' },
  ];
  for (const c of cases) t.equal(classifyClaim(w(c.a), w(c.b), 400), c.status, c.a);
  t.equal(sharedWordShare(w('a b c d'), w('a x c d'), 400), 0.75);
  t.equal(sharedWordShare(w('a b c d'), w('a x c d'), 1), 0, 'past the edit bound the share is 0');
  t.equal(sharedWordShare([], w('a b'), 400), 0);
});
