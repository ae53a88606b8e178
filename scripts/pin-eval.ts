/**
 * Writes `test/fixtures/eval/pinned.json` from the current figures (run after an improvement:
 * `npm run build && node dist/scripts/pin-eval.js [--corpora DIR]`). `test/eval-regression.test.ts` fails when a
 * figure drops by more than a point below it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { casesDir, pinnedFigures, runCorpora, runEval } from './eval.js';

// The dev corpora (outside the repository: --corpora DIR or ARTICLE_DIFF_CORPORA) are pinned when present.
const dir = casesDir();
writeFileSync(join(dir, 'pinned.json'), `${JSON.stringify(pinnedFigures(runEval(dir), runCorpora()), null, 1)}\n`);
console.log(`pinned ${join(dir, 'pinned.json')}`);
