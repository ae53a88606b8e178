import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { CORPORA_PIN, casesDir, corporaPins, type Pinned, runCorpora, runEval } from '../scripts/eval.js';
import { corporaAvailable, corporaDir } from '../scripts/fit/corpora.js';

// Pins the eval figures reached so far (test/fixtures/eval/pinned.json, written by scripts/pin-eval.ts):
// a figure may not drop by more than one percentage point, an independent case's aligned share may not rise
// by more than one point nor exceed 5%, and every verdict must stay what it was.
const TOLERANCE = 0.01;
const dir = casesDir();
const pinned = JSON.parse(readFileSync(join(dir, 'pinned.json'), 'utf8')) as Pinned;
const results = runEval(dir);

t.test('every eval case is pinned', async (t) => {
  t.same(
    results.map((r) => r.name).sort(),
    Object.keys(pinned)
      .filter((k) => k !== CORPORA_PIN)
      .sort(),
  );
});

for (const r of results) {
  t.test(r.name, async (t) => {
    const pin = pinned[r.name];
    if (!pin) return t.fail('not pinned');
    if (pin.verdict) t.equal(r.verdict.got, pin.verdict, 'verdict');
    if (r.verdict.gold) t.equal(r.verdict.got, r.verdict.gold, 'verdict matches gold');
    const actual: Record<string, number> = {};
    if (r.original && r.rewrite) {
      actual['original.alignedF1'] = r.original.alignedF1;
      actual['rewrite.alignedF1'] = r.rewrite.alignedF1;
      actual['original.labelAccuracy'] = r.original.labelAccuracy;
      actual['rewrite.labelAccuracy'] = r.rewrite.labelAccuracy;
      actual.linksF1 = r.linksF1 ?? 0;
    }
    if (r.alignedShare !== undefined && r.verdict.gold !== 'independent') actual.alignedShare = r.alignedShare;
    for (const [k, v] of Object.entries(pin.higher))
      t.ok(
        (actual[k] ?? -1) >= v - TOLERANCE,
        `${k} ${(100 * (actual[k] ?? -1)).toFixed(1)} >= pinned ${(100 * v).toFixed(1)} - 1`,
      );
    if (pin.alignedShare !== undefined) {
      t.ok(
        (r.alignedShare ?? 1) <= pin.alignedShare + TOLERANCE,
        `aligned share ${r.alignedShare} <= pinned ${pin.alignedShare} + 1 point`,
      );
      t.ok((r.alignedShare ?? 1) <= 0.05, 'at most 5% of an independent rewrite aligned');
    }
  });
}

// The dev corpora live outside the repository (their licences: evaluation and development only); where they are
// (ARTICLE_DIFF_CORPORA, or ../shared/eval/corpora), their figures may not drop by more than a point either.
const corpora = corporaDir();
const skip = corporaAvailable(corpora) ? false : `dev corpora not found at ${corpora}`;
t.test('dev corpora', { skip }, async (t) => {
  const pin = pinned[CORPORA_PIN];
  if (!pin) return t.fail('not pinned');
  const figures = runCorpora(corpora);
  if (!figures) return t.fail('dev corpora unreadable');
  const actual = corporaPins(figures);
  for (const [k, v] of Object.entries(pin.higher)) {
    const got = actual[k] ?? -1;
    t.ok(got >= v - TOLERANCE, `${k} ${(100 * got).toFixed(1)} >= pinned ${(100 * v).toFixed(1)} - 1`);
  }
  t.equal(actual['semeval unrelated independent'], 1, 'every unrelated SemEval pair independent');
});
