import t from 'tap';
import { longestSharedRun, MIN_RUN_SEED, narrationSegments } from '../../src/retrieve/narration-runs.js';

const run = (a: string, b: string) => longestSharedRun(narrationSegments(a), narrationSegments(b));
const copied = 'the harbour board voted on tuesday to close the northern pier for the winter';

t.test('the longest shared run counts narration words in a row', async (t) => {
  const table: [string, string, string, number][] = [
    ['a copied sentence', `Earlier, ${copied}.`, `Reports say ${copied}, officials added.`, 14],
    [
      'case and punctuation do not matter',
      'The Harbour-Board voted, on Tuesday.',
      'the harbour board voted on tuesday',
      6,
    ],
    [
      'obfuscation breaks the run',
      'the harbour board voted on monday to close the northern pier',
      'the harbour board voted on tuesday to close the northern pier',
      5,
    ],
    ['a shared quotation is not copying', `He said: "${copied}".`, `She recalled: “${copied}”.`, 0],
    ['a run shorter than the seed counts as none', 'the harbour board met', 'a harbour board met', 0],
    ['nothing shared', 'quiet seas along the coast', copied, 0],
    [
      'a phrase repeated in one text: its longest continuation',
      'the harbour board said it voted on tuesday',
      'the harbour board said it met and then the harbour board said it voted on tuesday',
      8,
    ],
  ];
  for (const [name, a, b, want] of table) t.equal(run(a, b), want, name);
});

t.test('a run does not span a quotation', async (t) => {
  const a = 'the minister arrived in the capital "we will build it" and the talks began at noon';
  const b = 'the minister arrived in the capital and the talks began at noon';
  t.equal(run(a, b), 6, 'the longer side of the quotation');
  t.ok(MIN_RUN_SEED <= 6, 'the seed is shorter than the runs asked for');
});
