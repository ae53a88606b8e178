import t from 'tap';
import { renderText, wordDiff } from '../../src/render/text.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { escapeMarkdown, stripControls } from '../../src/render/escape.js';
import { sampleResult } from '../fixtures/result.js';

t.test('text report: one summary line, then one line per claim row with a status marker', async (t) => {
  const out = renderText(sampleResult().result, { originalOutlet: 'Example Times' });
  const lines = out.trimEnd().split('\n');
  t.match(lines[0], /^PARTIALLY DERIVED \| coverage 62% \| containment 71% \| DERIVED BUT UNCREDITED: no credit to Example Times found \| original: 1 kept · 2 paraphrased · 1 dropped/);
  t.match(lines[0], /1 altered quote \| 1 changed fact/);
  t.match(lines[1], /^! derived_uncredited/);
  const claimLines = lines.slice(1).filter((l) => /^(?:[=~+-]|! [or]\d)/.test(l));
  // o1>r2 holds the altered quotation and o2>r1 the changed number: findings, marked `!` instead of `~`.
  t.same(claimLines.map((l) => l.split(/\s+/).slice(0, 2).join(' ')), ['! o1>r2', '! o2>r1', '- o3', '= o4>r3', '+ r4']);
  t.match(claimLines[0], /\(moved\)$/);
  t.match(claimLines[1], /Beta rose \[-5-\]\{\+7\+\}% this year/, 'word diff in --word-diff notation');
  t.match(claimLines[2], /Gamma is gone for good\./);
  t.match(claimLines[3], /Kappa stays exactly the same here\.$/, 'kept: the text, no diff markup');
  t.ok(lines.some((l) => /^\s+! original: “5%” became “7%”/.test(l)), 'changed fact under its row');
  t.notMatch(out, /\x1b/, 'no ANSI colours unless asked');
});

t.test('text report: colours on request, control characters from articles stripped', async (t) => {
  const coloured = renderText(sampleResult().result, { color: true });
  t.match(coloured, /\x1b\[1mPARTIALLY DERIVED\x1b\[0m/);
  const hostile = renderText(sampleResult({ hostile: true }).result);
  t.notMatch(hostile, /\x1b/, 'an ESC planted in the article does not reach the terminal');
  t.equal(stripControls('a\u0007b\u001bc\u009bd\ne\tf'), 'abcd\ne\tf');
  t.equal(wordDiff([{ op: 'equal', text: 'a ' }, { op: 'removed', text: 'b' }, { op: 'added', text: 'c' }, { op: 'added', text: ' ' }]), 'a [-b-]{+c+} ');
});

t.test('markdown report: summary table, list of claims, escaped text', async (t) => {
  const md = renderMarkdown(sampleResult({ hostile: true }).result, { originalOutlet: 'Example Times', rewriteOutlet: 'Copycat' });
  t.match(md, /^# Copycat vs Example Times\n/);
  t.match(md, /\| Verdict \| \*\*partially derived\*\* \|/);
  t.match(md, /\| Credit \| \*\*DERIVED BUT UNCREDITED: no credit to Example Times found\*\* \|/);
  t.match(md, /- `!` \*\*paraphrased, changed\*\* o1 → r2 \*\(moved\)\*:/);
  t.match(md, /- `-` \*\*dropped\*\* o3: Gamma is gone for good\./);
  t.match(md, /- `\+` \*\*added\*\* r4: Delta is new\./);
  t.match(md, /Beta rose ~~5~~\*\*7\*\*% this year/, 'diff as strike/bold');
  t.match(md, /  - ⚠ original: “5%” became “7%”/);
  t.notMatch(md, /<script>|<img/, 'no raw HTML from the article');
  t.match(md, /&lt;script&gt;/);
  t.equal(escapeMarkdown('a*b_c [d](e) |f| `g` <h>\n&'), 'a\\*b\\_c \\[d\\](e) \\|f\\| \\`g\\` &lt;h&gt; &amp;');
});
