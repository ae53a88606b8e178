import t from 'tap';
import { segmentArticle } from '../../../src/core/segment/article.js';
import { copiedBoilerplate, RECLAIM, type ReclaimRule } from '../../../src/core/segment/reclaim.js';
import type { Span } from '../../../src/core/types.js';
import { nlp } from '../../fixtures/reader.js';

/** Spans of each line of `text` (the other side's claims, one a line). */
const lines = (text: string): Span[] => {
  const out: Span[] = [];
  let at = 0;
  for (const l of text.split('\n')) {
    if (l.trim()) out.push({ start: at, end: at + l.length });
    at += l.length + 1;
  }
  return out;
};

const PASTED = 'Dressed as nuns the trio wowed the audience with their fantastic playing and choreography';
const RULE: ReclaimRule = { minWords: 8, minRun: 5, minCover: 0.5, minHost: 0.5, inside: false };

t.test('boilerplate the other side copied into its own claims comes back (table)', async (t) => {
  const cases: [string, string, string, ReclaimRule, boolean][] = [
    ['pasted as its own claim', PASTED, `The band toured.\n${PASTED}.\nThey left.`, RULE, true],
    ['not in the other text', PASTED, 'The band toured.\nThey left.', RULE, false],
    ['too short to count as copied', 'Click here for more info', 'Click here for more info.', RULE, false],
    [
      'glued into a longer claim of the other side',
      PASTED,
      `Critics said ${PASTED} and then they went on to describe at great length the tour, the venues, the crowds and every encore they played that night.`,
      RULE,
      false,
    ],
    [
      'glued, when the rule asks nothing of the host claim',
      PASTED,
      `Critics said ${PASTED} and then they went on to describe at great length the tour, the venues, the crowds and every encore they played that night.`,
      { ...RULE, minHost: 0 },
      true,
    ],
    ['only a short run shared', PASTED, 'Dressed as nuns the trio sang.', RULE, false],
    ['inside the other content', PASTED, `The band toured.\n${PASTED}.\nThey left.`, { ...RULE, inside: true }, true],
    ['closing the other page', PASTED, `The band toured.\nThey left.\n${PASTED}.`, { ...RULE, inside: true }, false],
  ];
  for (const [name, para, other, rule, back] of cases) {
    const got = copiedBoilerplate(para, [{ start: 0, end: para.length }], other, lines(other), rule);
    t.same(got, back ? [0] : [], name);
  }
});

t.test('segmentArticle reads the paragraphs it is told are content as content', async (t) => {
  const text =
    'Trombone Glossary\n\nThe trombone is a brass instrument played with a slide.\n\nRecent Posts\n\nFirst item\n\nSecond item here\n\nThird headline';
  const plain = segmentArticle(text, nlp);
  const teaser = plain.boilerplate.find((b) => b.text === 'Second item here');
  t.ok(teaser, 'the teaser item is boilerplate when read alone');
  const back = segmentArticle(text, nlp, [teaser!.start]);
  t.notOk(
    back.boilerplate.some((b) => b.start === teaser!.start),
    'the reclaimed paragraph is no longer boilerplate',
  );
  t.ok(
    back.paragraphs.some((p) => p.start === teaser!.start),
    'it is a content paragraph',
  );
  t.equal(back.boilerplate.length, plain.boilerplate.length - 1, 'the rest stays boilerplate');
});

t.test('the fitted rule is the strict one the fit chose (docs/reclaim.md)', async (t) => {
  t.same(RECLAIM, { ...RULE, inside: true });
});

t.test('a compare aligns a teaser item the rewrite pasted, and leaves furniture both pages share aside', async (t) => {
  const { compare } = await import('../../fixtures/comparer.js');
  const item = 'Dressed as nuns the trio wowed the audience with their fantastic playing and choreography';
  const furniture = 'Your e-mail address is totally secure and will never be shared with anyone at all';
  const body = 'The trombone is a brass instrument whose pitch is changed with a telescoping slide.';
  const original = `Trombone Glossary\n\n${body}\n\nRecent Posts\n\nFirst item\n\n${item}\n\nThird headline\n\nSubscribe\n\n${furniture}\n\nEmail`;
  const rewrite = `A Band Review\n\nThe concert began late on a cold evening in the old hall.\n\n${item}.\n\nSubscribe\n\n${furniture}\n\nEmail`;
  const plain = segmentArticle(original, nlp);
  t.ok(
    plain.boilerplate.some((b) => b.text === item),
    'the item is boilerplate when the original is read alone',
  );
  const out = compare({ text: original }, { text: rewrite });
  const copied = out.rewrite.claims.find((c) => c.text.startsWith('Dressed as nuns'));
  t.ok(copied && (copied.status === 'kept' || copied.status === 'paraphrased'), 'the pasted item aligns');
  t.notOk(
    out.original.boilerplate.some((b) => b.text === item),
    'the original item is content in this compare',
  );
  // The rewrite's own boilerplate stage misses the line, but its copy closes the rewrite's content.
  t.ok(
    out.original.boilerplate.some((b) => b.text === furniture),
    'furniture the rewrite also carries at its end stays boilerplate',
  );
});
