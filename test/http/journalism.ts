import t from 'tap';
import { testApp } from '../fixtures/app.js';
import { seeds } from '../fixtures/seeds.js';

const post = (payload: unknown) => ({
  method: 'POST' as const,
  url: '/v1/compare',
  payload: payload as Record<string, unknown>,
});
/** In-process compares with a generous budget: these tests check answers, not latency, on a shared machine. */
const config = { inlineMaxChars: 10_000_000, compareTimeoutMs: 120_000, maxEventLoopDelayMs: 0 };
// One app answers every test: they read answers, and none changes the app's state.
const shared = await testApp(t, { config });
const seedBody = {
  original: { text: seeds.atlantic, outlet: 'The Atlantic' },
  rewrite: { text: seeds.caliber, outlet: 'Caliber.Az' },
};

interface QuoteOut {
  id: string;
  side: string;
  start: number;
  end: number;
  text: string;
  status: string | null;
  group: string | null;
  source: { start: number; end: number; text: string } | null;
  edits: { kind: string; text: string }[];
  nested: { text: string }[];
  speaker: { text: string } | null;
  diff: { op: string; text: string }[];
}

/** The first rewrite quotation overlapping half of `words` (as the scorer reads it). */
function quoteAt(quotes: QuoteOut[], text: string, words: string) {
  const at = text.indexOf(words);
  return quotes.find(
    (q) => q.side === 'rewrite' && Math.min(q.end, at + words.length) - Math.max(q.start, at) >= words.length / 2,
  );
}

t.test('seed 001 → 000: every quotation finding of the dev gold, through the API', async (t) => {
  const app = shared;
  const res = await app.inject(post(seedBody));
  t.equal(res.statusCode, 200);
  const out = res.json();
  const quotes = out.quotes as QuoteOut[];
  const expect: [string, string[]][] = [
    ['Trump still wants to establish closer ties with Putin', ['from_narration']],
    ['Trump is being played by Putin', ['altered']],
    [
      'by agreeing to talks—even in vague, toothless terms—Putin had done enough to placate Trump for now',
      ['from_narration'],
    ],
    ['If it doesn’t [happen], I just back away', ['verbatim', 'altered']],
    ['I’ll have that done in 24 hours', ['verbatim']],
  ];
  for (const [words, statuses] of expect) {
    const q = quoteAt(quotes, seeds.caliber, words);
    t.ok(q && statuses.includes(q.status ?? ''), `“${words.slice(0, 40)}”: ${q?.status}`);
  }
  const altered = quoteAt(quotes, seeds.caliber, 'Trump is being played by Putin')!;
  t.equal(altered.source?.text, 'He’s being played by Putin', 'the altered quote names its source');
  t.ok(
    altered.diff.some((d) => d.op === 'added' && /Trump/.test(d.text)),
    'and carries the word diff',
  );
  t.equal(altered.speaker?.text, 'Senator Richard Blumenthal');
  const inserted = quoteAt(quotes, seeds.caliber, 'If it doesn’t [happen], I just back away')!;
  t.same(
    inserted.edits.map((e) => [e.kind, e.text]),
    [['insertion', '[happen]']],
  );
  const stitched = quotes.filter(
    (q) => q.group && q.group === quoteAt(quotes, seeds.caliber, 'by agreeing to talks')!.group,
  );
  t.same(
    stitched.map((q) => q.status),
    ['verbatim', 'from_narration'],
    'the stitched Sullivan quotation is two linked pieces',
  );
  const trade = quoteAt(quotes, seeds.caliber, 'Russia wants to do largescale TRADE')!;
  t.same(
    trade.nested.map((n) => n.text),
    ['bloodbath'],
    'nested single quote reported',
  );
  for (const q of quotes) {
    const text = q.side === 'original' ? seeds.atlantic : seeds.caliber;
    t.equal(text.slice(q.start, q.end), q.text, `${q.id} slices to its text`);
    if (q.source)
      t.equal(seeds.atlantic.slice(q.source.start, q.source.end), q.source.text, `${q.id} source slices the original`);
    if (q.side === 'original') t.equal(q.status, null, 'original-side quotes carry no status');
  }
  t.match(out.summary.quotes, { altered: 1, from_narration: 2 });
  t.equal(out.summary.quotes.dropped, out.droppedQuotes.length);
  t.ok(out.droppedQuotes.length > 0, 'some of the original’s quotations are not carried');
  t.ok(
    out.summary.flags.some((f: string) => f.startsWith('altered_quote:')),
    'altered quote flagged',
  );
  t.ok(
    out.summary.flags.some((f: string) => f.startsWith('quote_from_narration:')),
    'narration put in quotes flagged',
  );
});

t.test('attribution through the API: credited with evidence; uncredited derived rewrite is flagged', async (t) => {
  const app = shared;
  const credited = (await app.inject(post(seedBody))).json();
  t.match(credited.summary.attribution, {
    credited: true,
    evidence: [{ text: 'citing Atlantic' }],
    names: ['The Atlantic', 'Atlantic'],
  });
  t.notOk(credited.summary.flags.some((f: string) => f.startsWith('derived_uncredited')));

  const other = (
    await app.inject(post({ ...seedBody, original: { text: seeds.atlantic, outlet: 'The New Yorker' } }))
  ).json();
  t.equal(other.summary.attribution.credited, false);
  t.not(other.summary.verdict, 'independent');
  t.ok(
    other.summary.flags.some((f: string) => /^derived_uncredited: .*The New Yorker/.test(f)),
    other.summary.flags.join(' | '),
  );

  const unknown = (
    await app.inject(post({ original: { text: seeds.atlantic }, rewrite: { text: seeds.caliber } }))
  ).json();
  t.strictSame(
    unknown.summary.attribution,
    { credited: null, evidence: [], names: [], cited: [{ start: 582, end: 590, text: 'Atlantic' }] },
    'no outlet: credit not checked (null), and the source the rewrite cites',
  );
  t.notOk(
    unknown.summary.flags.some((f: string) => f.startsWith('derived_uncredited')),
    'no false alarm',
  );
  t.ok(unknown.summary.flags.some((f: string) => /^credit_not_checked: .*outlet is unknown.*cites Atlantic/.test(f)));
  const byUrl = (
    await app.inject(
      post({
        original: { text: seeds.atlantic, url: 'https://www.theatlantic.com/' },
        rewrite: { text: seeds.caliber },
      }),
    )
  ).json();
  t.match(
    byUrl.summary.attribution,
    { credited: true, evidence: [{ text: 'citing Atlantic' }] },
    'the outlet found from the URL',
  );
});

t.test('an independent article on the same topic raises no attribution flag', async (t) => {
  const app = shared;
  const out = (
    await app.inject(
      post({ original: { text: seeds.atlantic, outlet: 'The Atlantic' }, rewrite: { text: seeds.independent004 } }),
    )
  ).json();
  t.equal(out.summary.verdict, 'independent');
  t.notOk(out.summary.flags.some((f: string) => f.startsWith('derived_uncredited')));
});

t.test('a planted fact change in an aligned sentence shows up on its alignment and in the summary', async (t) => {
  const app = shared;
  const sentence =
    'Trump spent two hours on the phone with Putin in a conversation that both the' +
    ' White House and the Kremlin described as warm.';
  const original =
    `${sentence}\n\nLater that day, Trump declared on Truth Social that Putin had` +
    ` agreed to start direct negotiations with Ukraine.`;
  const rewrite =
    `${sentence.replace('two hours', '40 minutes')}\n\nLater that day, Trump declared` +
    ` on Truth Social that Putin had agreed to start direct negotiations with` +
    ` Ukraine.`;
  const out = (await app.inject(post({ original: { text: original }, rewrite: { text: rewrite } }))).json();
  const changes = out.alignments.flatMap((a: { changes: unknown[] }) => a.changes);
  t.match(changes, [{ kind: 'number', original: { text: 'two hours' }, rewrite: { text: '40 minutes' } }]);
  t.equal(out.summary.changedFacts, 1);
  t.ok(out.summary.flags.some((f: string) => f.startsWith('changed_facts: 1')));
  const unchanged = (await app.inject(post({ original: { text: original }, rewrite: { text: original } }))).json();
  t.equal(unchanged.summary.changedFacts, 0, 'an identical rewrite changes no facts');
});

t.test('same words, different speaker: speakerChanged, counted and flagged', async (t) => {
  const app = shared;
  const rewrite =
    'Graham kept up the pressure. “He’s in again and out again in his attempts to' +
    ' make a deal,” Senator Lindsey Graham said.';
  const out = (await app.inject(post({ original: { text: seeds.atlantic }, rewrite: { text: rewrite } }))).json();
  const q = (out.quotes as (QuoteOut & { speakerChanged: boolean })[]).find((x) => x.side === 'rewrite')!;
  t.equal(q.status, 'verbatim');
  t.equal(q.speaker?.text, 'Senator Lindsey Graham');
  t.equal(q.speakerChanged, true, 'the original has Blumenthal say it');
  t.equal(out.summary.quotes.speakerChanged, 1);
  t.ok(out.summary.flags.some((f: string) => f.startsWith('quote_speaker_changed: 1')));
  const ids = new Set(out.quotes.filter((x: QuoteOut) => x.side === 'original').map((x: QuoteOut) => x.id));
  t.ok(
    out.droppedQuotes.every((id: string) => ids.has(id)),
    'dropped ids name original quotations',
  );
  t.equal(out.droppedQuotes.length, ids.size - 1, 'every original quotation but the one carried is dropped');
});
