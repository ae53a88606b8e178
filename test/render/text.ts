import t from 'tap';
import { escapeMarkdown, stripControls } from '../../src/render/escape.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { diffNotation, renderText } from '../../src/render/text.js';
import { columns, words, wrap } from '../../src/render/wrap.js';
import { compare } from '../fixtures/comparer.js';
import { sampleResult } from '../fixtures/result.js';
import { seeds } from '../fixtures/seeds.js';

const over = (text: string, width: number) => text.split('\n').filter((l) => columns(l) > width);

t.test('text report: summary, findings first, then one entry per claim row with a status marker', async (t) => {
  const out = renderText(sampleResult().result, { originalOutlet: 'Example Times', width: 300 });
  const lines = out.trimEnd().split('\n');
  t.match(
    lines[0],
    /^PARTIALLY DERIVED \| coverage 62% \| containment 71% \| DERIVED BUT UNCREDITED: no credit to Example Times/,
  );
  const findings = lines.slice(lines.indexOf('Findings:') + 1, lines.indexOf('', lines.indexOf('Findings:')));
  t.same(
    findings.map((l) => l.replace(/:.*/, '')),
    ['! Derived but uncredited', '! Altered quotation (r2)', '! Changed fact (r1)'],
    'findings with human labels and the claim they sit in, problems marked !',
  );
  t.notMatch(out, /derived_uncredited|altered_quote|changed_facts/, 'no raw flag codes');
  const claimLines = lines.filter((l) => /^(?:[=~+-]|! [or]\d)/.test(l));
  // o1>r2 holds the altered quotation and o2>r1 the changed number: findings, marked `!` instead of `~`.
  t.same(
    claimLines.map((l) => l.split(/\s+/).slice(0, 2).join(' ')),
    ['! o1>r2', '! o2>r1', '- o3', '= o4>r3', '+ r4'],
  );
  t.match(claimLines[0], /\(moved\)$/);
  t.match(
    claimLines[1],
    /Beta rose \[-5%-\]\{\+7%\+\} this year|Beta rose \[-5-\]\{\+7\+\}% this year/,
    'word diff in --word-diff notation',
  );
  t.match(claimLines[2], /Gamma is gone for good\./);
  t.match(claimLines[3], /Kappa stays exactly the same here\.$/, 'kept: the text, no diff markup');
  t.equal(lines.filter((l) => /^\s+! \w+: “5%” became “7%”/.test(l)).length, 1, 'the changed fact once, under its row');
  t.notMatch(out, /\x1b/, 'no ANSI colours unless asked');
});

t.test(
  'text report: the credit state is "not checked" when the original’s outlet is unknown, never an alarm',
  async (t) => {
    const out = renderText(sampleResult({ credited: null }).result);
    t.match(out.split('\n')[0], /credit not checked \(original's outlet unknown\)/);
    t.notMatch(out, /UNCREDITED|Derived but uncredited/);
    t.match(out, /^\* Credit not checked: /m, 'listed as information, not as a problem');
    t.notMatch(
      renderText(sampleResult({ credited: null }).result, { color: true }),
      /\x1b\[41;97m/,
      'no red alarm colour',
    );
  },
);

t.test('text report: colours on request, control characters from articles stripped', async (t) => {
  const coloured = renderText(sampleResult().result, { color: true });
  t.match(coloured, /\x1b\[1mPARTIALLY\x1b\[0m \x1b\[1mDERIVED\x1b\[0m/);
  const hostile = renderText(sampleResult({ hostile: true }).result);
  t.notMatch(hostile, /\x1b/, 'an ESC planted in the article does not reach the terminal');
  t.equal(stripControls('a\u0007b\u001bc\u009bd\ne\tf'), 'abcd\ne\tf');
  t.equal(
    diffNotation([
      { op: 'equal', text: 'a ' },
      { op: 'removed', text: 'b' },
      { op: 'added', text: 'c' },
      { op: 'added', text: ' ' },
    ]),
    'a [-b-]{+c+}',
  );
});

t.test('text and Markdown reports of the seed pair fit the width asked, with hanging indents', async (t) => {
  const result = compare({ text: seeds.atlantic }, { text: seeds.caliber });
  for (const width of [40, 72, 100, 160]) {
    const text = renderText(result, { width });
    t.same(over(text, width), [], `text at ${width} columns`);
    const md = renderMarkdown(result, { width });
    t.same(over(md, width), [], `Markdown at ${width} columns`);
    // Continuation lines of a claim hang under its text: they start with spaces, never at a marker's column.
    const lines = text.split('\n');
    const start = lines.findIndex((l) => /^(?:[=~+-]|!) [or]\d/.test(l));
    for (let i = start + 1; i < lines.length; i++) {
      if (lines[i] && !/^(?:[=~+-]|! [or]\d)/.test(lines[i]!)) {
        if (!/^ {4,}/.test(lines[i]!)) {
          t.fail(`line ${i} at ${width} does not hang: ${lines[i]}`);
          break;
        }
      }
    }
  }
  t.ok(
    renderText(result)
      .split('\n')
      .some((l) => columns(l) > 90),
    'the default width (100) is used',
  );
  t.same(over(renderText(result), 100), []);
});

t.test('wrap: hanging indent, long words cut, glued words kept together, styles per word', async (t) => {
  const list = words('aaa bbb ccc ddd eee');
  t.same(wrap(list, 30, '> ', 2), ['> aaa bbb ccc ddd eee']);
  t.same(wrap(words('aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii'), 24, '- ', 4), [
    '- aaaa bbbb cccc dddd',
    '    eeee ffff gggg hhhh',
    '    iiii',
  ]);
  const long = wrap(words('x'.repeat(50)), 20, '', 0);
  t.same(
    long.map((l) => l.length),
    [20, 20, 10],
    'a word longer than the line is cut',
  );
  const glued = wrap([{ text: 'aaaa' }, { text: 'bbbb' }, { text: 'cccc' }, { text: ',dd', glued: true }], 24, '', 0);
  t.same(glued, ['aaaa bbbb cccc,dd']);
  const painted = wrap([{ text: 'red', style: 'r' }, { text: 'plain' }], 40, '', 0, (s, x) => (s ? `<${x}>` : x));
  t.same(painted, ['<red> plain']);
  t.equal(columns('\x1b[31mabc\x1b[0m'), 3, 'colour escapes take no columns');
});

t.test('markdown report: summary and findings as lists, one item per claim row, escaped text', async (t) => {
  const md = renderMarkdown(sampleResult({ hostile: true }).result, {
    originalOutlet: 'Example Times',
    rewriteOutlet: 'Copycat',
  });
  t.match(md, /^# Copycat vs Example Times\n/);
  t.match(md, /^- \*\*Verdict:\*\* \*\*partially derived\*\*$/m);
  t.match(md, /^- \*\*Credit:\*\* \*\*DERIVED BUT UNCREDITED: no credit to Example Times found\*\*$/m);
  t.match(
    md,
    new RegExp(
      String.raw`## Findings\n\n- ⚠ \*\*Derived but uncredited\*\*: [\s\S]+?\n` +
        String.raw`- ⚠ \*\*Altered quotation\*\* \(r2\): “we shall win” — the original has “we will win”\n`,
    ),
    'findings are separate list items',
  );
  t.notMatch(md, /> \*\*Warning:\*\*/);
  t.match(md, /- `!` \*\*paraphrased, changed\*\* o1\u00a0→\u00a0r2 \*\(moved\)\*:/);
  t.match(md, /- `-` \*\*dropped\*\* o3: Gamma is gone for good\./);
  t.match(md, /- `\+` \*\*added\*\* r4: Delta is new\./);
  t.match(md, /Beta rose ~~5~~\*\*7\*\*% this year/, 'diff as strike/bold');
  t.match(md, / {2}- ⚠ rewrite: “5%” became “7%”/);
  t.notMatch(md, /<script>|<img/, 'no raw HTML from the article');
  t.match(md, /&lt;script&gt;/);
  t.equal(escapeMarkdown('a*b_c [d](e) |f| `g` <h>\n&'), 'a\\*b\\_c \\[d\\](e) \\|f\\| \\`g\\` &lt;h&gt; &amp;');
});

t.test('markdown wrapping never starts a line with a block marker', async (t) => {
  const text = 'One two three four five six seven eight - nine ten # eleven 12. twelve > thirteen + fourteen';
  const result = sampleResult().result;
  const c = result.original.claims[2]!;
  const long = { ...c, text };
  result.original.claims[2] = long;
  for (let width = 40; width <= 60; width++) {
    const md = renderMarkdown(result, { width });
    for (const line of md.split('\n')) {
      if (/^ {2}(?:[-+*>#]|\d+\.)(?:\s|$)/.test(line) && !/^ {2}- ⚠/.test(line))
        t.fail(`a continuation line starts a block at ${width}: ${line}`);
    }
  }
  t.pass('checked widths 40 to 60');
});
