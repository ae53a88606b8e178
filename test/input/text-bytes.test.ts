import t from 'tap';
import { binaryReason, decodeText, TextBytesError } from '../../src/input/text-bytes.js';

const article = 'The council approved the budget on Monday after a long debate. '.repeat(40);

t.test('what counts as binary content and what stays text', async (t) => {
  const cases: { name: string; text: string; binary: boolean }[] = [
    { name: 'plain prose', text: article, binary: false },
    { name: 'one stray NUL in a long article (a damaged export)', text: `${article}\u0000${article}`, binary: false },
    {
      name: 'Windows-1252 quotes read as Latin-1 (C1 controls)',
      text: `He said \u0093no\u0094 \u0097 twice. `.repeat(20),
      binary: false,
    },
    { name: 'tabs, form feeds and CRLF line ends', text: `a\tb\fc\r\nd\u000be `.repeat(30), binary: false },
    { name: 'an executable header', text: '\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000>\u0000', binary: true },
    { name: 'a short text of control characters', text: `a ${'\u0001\u0002\u0003'.repeat(5)} b`, binary: true },
    { name: 'NULs between the words of a short text', text: 'The\u0000council\u0000approved\u0000it.', binary: true },
  ];
  for (const c of cases) t.equal(binaryReason(c.text) !== undefined, c.binary, c.name);
  t.match(
    binaryReason('The\u0000council\u0000approved\u0000it.'),
    /NUL or control characters \(a NUL at character 3\)/,
  );
});

t.test('decodeText refuses binary bytes with a reason, and reads UTF-8 with a stray NUL as it is', async (t) => {
  const stray = `${article}\u0000${article}`;
  t.equal(decodeText(Buffer.from(stray, 'utf8')), stray, 'offsets into the text stay the submitted ones');
  let refused: unknown;
  try {
    decodeText(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]));
  } catch (err) {
    refused = err;
  }
  t.ok(refused instanceof TextBytesError && refused.kind === 'binary', 'an executable is refused as binary');
});
