import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import {
  antonymPairs,
  antonymsOf,
  loadAntonymTable,
  readAntonymTable,
  writeAntonymTable,
} from '../../src/lexicon/antonyms.js';

const table = loadAntonymTable();
const antonyms = antonymsOf(table);

t.test('WordNet antonyms, any inflection of the two words', async (t) => {
  const yes: [string, string][] = [
    ['increased', 'decreased'],
    ['accepted', 'rejected'],
    ['wins', 'loses'],
    ['rising', 'falling'],
    ['legal', 'illegal'],
    ['larger', 'smaller'],
    ['agreed', 'disagreed'],
    ['open', 'closed'],
  ];
  for (const [a, b] of yes) {
    t.ok(antonyms.has(a, b), `${a} / ${b}`);
    t.ok(antonyms.has(b, a), `${b} / ${a}`);
  }
  for (const [a, b] of [
    ['said', 'stated'],
    ['big', 'large'],
    ['increased', 'increased'],
    ['talks', 'war'],
  ] as const)
    t.notOk(antonyms.has(a, b), `${a} / ${b}`);
});

t.test('a synset line is read at its byte offset; only single words are kept', async (t) => {
  // Two synset lines, the second at the byte offset the first points to.
  const file = (first: string, second: string) => {
    const line = (to: number) => `00000000 00 v 01 ${first} 0 001 ! ${String(to).padStart(8, '0')} v 0101 | one\n`;
    const at = line(0).length;
    return Buffer.from(
      `${line(at)}${String(at).padStart(8, '0')} 00 v 01 ${second} 0 001 ! 00000000 v 0101 | two\n`,
      'latin1',
    );
  };
  t.same(antonymPairs(file('go_up', 'fall')), [], 'go_up is an expression, not a word');
  t.same(antonymPairs(file('rise', 'fall')), [
    ['rise', 'fall'],
    ['fall', 'rise'],
  ]);
});

t.test('the table written at build time reads back the same', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'antonyms-'));
  writeAntonymTable(dir, table);
  const back = readAntonymTable(join(dir, 'antonyms.json'));
  const pairs = (m: Map<string, Set<string>>) => [...m].flatMap(([a, bs]) => [...bs].map((b) => `${a}/${b}`)).sort();
  for (const pos of ['v', 'a', 'r'] as const) t.same(pairs(back[pos]), pairs(table[pos]), pos);
});
