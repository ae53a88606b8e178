import fc from 'fast-check';
import t from 'tap';
import type { CompareResult } from '../../src/core/types.js';
import { buildRows, diffMarks, piecesOf } from '../../src/render/rows.js';
import { compare } from '../fixtures/comparer.js';
import { sampleResult } from '../fixtures/result.js';
import { seeds } from '../fixtures/seeds.js';

t.test('rows put aligned claims face to face, dropped left, added right after their context', async (t) => {
  const { result } = sampleResult();
  const rows = buildRows(result);
  const shape = rows.map(
    (r) => `${r.kind}:${r.original.map((c) => c.claim.id).join('+')}|${r.rewrite.map((c) => c.claim.id).join('+')}`,
  );
  t.same(shape, [
    'aligned:o1|r2',
    'aligned:o2|r1',
    'dropped:o3|',
    'aligned:o4|r3',
    'added:|r4',
    'boilerplate:|',
    'boilerplate:|',
  ]);
  t.equal(rows[0]!.moved, true, 'the moved group is marked');
  t.same(
    rows
      .filter((r) => r.kind === 'boilerplate')
      .map((r) => r.boilerplate!.item.kind)
      .sort(),
    ['photo_credit', 'read_more'],
  );
});

t.test('changed facts and quote findings become row flags, once, on the side they are about', async (t) => {
  const rows = buildRows(sampleResult().result);
  t.same(
    rows[0]!.flags.map((f) => [f.side, f.kind, f.note]),
    [['rewrite', 'quote', 'quotation altered']],
  );
  t.same(
    rows[1]!.flags.map((f) => [f.side, f.kind, f.note]),
    [['rewrite', 'fact', '“5%” became “7%”']],
    'a fact changed on both sides is one note, under the rewrite',
  );
  t.same(
    rows.map((r) => r.problem),
    [true, true, false, false, false, false, false],
    'rows with a problem are marked',
  );
  t.same(rows[3]!.flags, [], 'a kept row has no flags');
});

t.test('a quotation running over two rows is noted in the row where it begins, not repeated', async (t) => {
  const { result, rewrite } = sampleResult();
  // Stretch the altered quotation (in r2) to the end of r1's row partner: it now covers claims of two rows.
  const q = result.quotes.find((x) => x.side === 'rewrite')!;
  const r2 = result.rewrite.claims.find((c) => c.id === 'r2')!;
  const r3 = result.rewrite.claims.find((c) => c.id === 'r3')!;
  Object.assign(q, { start: r2.start, end: r3.end, text: rewrite.slice(r2.start, r3.end) });
  const rows = buildRows(result);
  const noted = rows.filter((r) => r.flags.some((f) => f.kind === 'quote'));
  t.same(
    noted.map((r) => r.rewrite.map((c) => c.claim.id)),
    [['r2']],
  );
});

t.test('word-diff marks point at the changed words by offset', async (t) => {
  const { result, original, rewrite } = sampleResult();
  const a2 = result.alignments[1]!;
  const o = diffMarks(a2, 'original', [result.original.claims[1]!]).map((m) => original.slice(m.start, m.end));
  const r = diffMarks(a2, 'rewrite', [result.rewrite.claims[0]!]).map((m) => rewrite.slice(m.start, m.end));
  t.ok(o.join(' ').includes('5'), `original side marks ${JSON.stringify(o)}`);
  t.ok(r.join(' ').includes('7'), `rewrite side marks ${JSON.stringify(r)}`);
  t.same(
    diffMarks({ ...a2, diff: [{ op: 'equal', text: 'unrelated text' }] }, 'original', [result.original.claims[1]!]),
    [],
    'a diff that does not contain the claim gives no marks rather than wrong ones',
  );
});

t.test('pieces of a claim concatenate back to the claim text', async (t) => {
  const { result } = sampleResult();
  for (const row of buildRows(result)) {
    for (const rc of [...row.original, ...row.rewrite])
      t.equal(rc.pieces.map((p) => p.text).join(''), rc.claim.text, rc.claim.id);
  }
  const c = result.original.claims[0]!;
  const pieces = piecesOf(c, [
    { side: 'original', start: c.start - 5, end: c.start + 5, kind: 'fact', detail: 'x', note: 'n' },
  ]);
  t.equal(pieces[0]!.text, c.text.slice(0, 5), 'a mark crossing the claim start is clipped');
});

/** Every claim of a result appears in exactly one row, and its pieces rebuild its text. */
function checkRows(result: CompareResult) {
  const seen = new Map<string, number>();
  for (const row of buildRows(result)) {
    for (const rc of [...row.original, ...row.rewrite]) {
      seen.set(rc.claim.id, (seen.get(rc.claim.id) ?? 0) + 1);
      if (rc.pieces.map((p) => p.text).join('') !== rc.claim.text)
        return `pieces of ${rc.claim.id} differ from its text`;
    }
  }
  for (const c of [...result.original.claims, ...result.rewrite.claims])
    if (seen.get(c.id) !== 1) return `${c.id} in ${seen.get(c.id) ?? 0} rows`;
  return null;
}

/**
 * The words a diff changed on a side, whitespace removed, against the words its marks cover: the marks must cover
 * exactly the changed words.
 */
function markedVersusChanged(
  result: CompareResult,
  side: 'original' | 'rewrite',
): { id: string; marked: string; changed: string }[] {
  const op = side === 'original' ? 'removed' : 'added';
  const text = side === 'original' ? result.original : result.rewrite;
  const byId = new Map(text.claims.map((c) => [c.id, c]));
  return result.alignments.map((a) => {
    const claims = a[side].map((id) => byId.get(id)!);
    const marks = diffMarks(a, side, claims).filter((m) => m.detail === op);
    const slice = (m: { start: number; end: number }) => {
      const c = claims.find((x) => x.start <= m.start && m.end <= x.end)!;
      return c.text.slice(m.start - c.start, m.end - c.start);
    };
    return {
      id: a.id,
      marked: marks.map(slice).join('').replace(/\s+/g, ''),
      changed: a.diff
        .filter((p) => p.op === op)
        .map((p) => p.text)
        .join('')
        .replace(/\s+/g, ''),
    };
  });
}

t.test(
  'seed pairs: every reworded group gets strike and insert marks covering exactly its changed words',
  async (t) => {
    const pairs: [string, string][] = [
      ['atlantic', 'caliber'],
      ['caliber', 'atlantic'],
      ['report002', 'blog003'],
      ['blog003', 'report002'],
    ];
    let groups = 0;
    for (const [o, r] of pairs) {
      const result = compare({ text: seeds[o as keyof typeof seeds] }, { text: seeds[r as keyof typeof seeds] });
      for (const side of ['original', 'rewrite'] as const) {
        for (const g of markedVersusChanged(result, side)) {
          if (g.changed) groups++;
          if (g.marked !== g.changed) t.fail(`${o} → ${r}, ${side} of ${g.id}: marked ${g.marked} for ${g.changed}`);
        }
      }
    }
    t.ok(groups > 100, `${groups} reworded group sides checked`);
  },
);

t.test('seed pair: every claim in exactly one row', async (t) => {
  t.equal(checkRows(compare({ text: seeds.atlantic }, { text: seeds.caliber })), null);
});

t.test('property: every claim of any compare lands in exactly one row', async (t) => {
  const words = fc.constantFrom(
    'Trump',
    'Putin',
    'said',
    'the',
    'war',
    'peace',
    'talks',
    '5',
    'officials',
    '“quote”',
    '<b>',
    '&',
    'will',
    'not',
  );
  const sentence = fc.array(words, { minLength: 3, maxLength: 10 }).map((w) => `${w.join(' ')}.`);
  const article = fc
    .array(
      fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')),
      { minLength: 1, maxLength: 5 },
    )
    .map((p) => p.join('\n\n'));
  fc.assert(
    fc.property(article, article, (a, b) => {
      const result = compare({ text: a }, { text: b });
      const problem = checkRows(result);
      if (problem) throw new Error(problem);
      for (const side of ['original', 'rewrite'] as const) {
        for (const g of markedVersusChanged(result, side))
          if (g.marked !== g.changed) throw new Error(`${side} ${g.id}: ${g.marked} ≠ ${g.changed}`);
      }
    }),
    { numRuns: 60 },
  );
  t.pass('no counterexample');
});
