import t, { type Test as Tap } from 'tap';
import { replay } from '../../bench/judge-replay.js';
import { findSources, type JudgedCandidate } from '../../src/check/find-sources.js';
import { sourceVerdict } from '../../src/check/judge.js';
import type { Derivation } from '../../src/core/compare.js';
import type { ArticleInput, Verdict } from '../../src/core/types.js';
import { prepareArticle } from '../../src/retrieve/prepare.js';
import { rarityWithoutLexicon } from '../../src/retrieve/signature.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

// The compare is injected: each stored article's verdict and aligned claims are set by the row, so the table
// tests how the check judges on its own evidence (the copied run) and ranks the sources found, not the compare.
const result = (verdict: Verdict, aligned: number, coverage: number) =>
  ({ verdict, coverage, containment: 0.1, aligned, attribution: { credited: null } }) as unknown as Derivation;

// Terms every text shares (so the index proposes each stored article), in a different order in each (no run), and
// spread over the checked text (no passage holds many of them: a summary of the stored one would).
const terms =
  'Corvallis wardens Okonkwo Brightwater Hallsteinsson levees reservoir sluicegates floodplain Willamette'.split(' ');
const termsIn = (order: number[]) => order.map((i) => terms[i]).join(', ');
const copied = 'the wardens agreed late on monday to open the lower sluices before the rain came';
const spread = terms.map(
  (term) =>
    `${term} was named, and we did not go there for a long time, as we had to wait for the water to go down and for the roads to open again after the storm.`,
);
const checked = `${spread.join(' ')} Earlier, ${copied}. Residents were told to stay away.`;
const articles = {
  copies: `${termsIn([9, 7, 5, 3, 1, 8, 6, 4, 2, 0])}. Reports from the town say ${copied}, and nothing more.`,
  quotes: `${termsIn([1, 0, 3, 2, 5, 4, 7, 6, 9, 8])}. A warden said: "${copied}". The board met again.`,
  paraphrases: `${termsIn([8, 9, 6, 7, 4, 5, 2, 3, 0, 1])}. The board chose to let water out sooner, before the storm.`,
};
type Name = keyof typeof articles;

async function check(t: Tap, judged: Partial<Record<Name, Derivation>>, observe?: (j: JudgedCandidate) => void) {
  const store = openSqliteStore({ dataDir: ':memory:' });
  t.teardown(() => store.close());
  const names = Object.keys(judged) as Name[];
  for (const n of names) await store.add([prepareArticle({ text: articles[n], title: n }, rarityWithoutLexicon)]);
  const derive = async (original: ArticleInput) => judged[names.find((n) => articles[n] === original.text)!]!;
  const compare = () => Promise.reject(new Error('a check without full results never runs the whole compare'));
  const answer = await findSources(
    { store, compare, derive, rarity: rarityWithoutLexicon, observe },
    { text: checked },
    { limit: 5 },
  );
  return answer.sources.map((s) => s.article.title);
}

t.test('a source copying a run of narration is a source; sources rank by claims aligned', async (t) => {
  const table: [string, Partial<Record<Name, Derivation>>, (string | null)[]][] = [
    [
      'two aligned claims and a copied run: a source the compare calls independent',
      { copies: result('independent', 2, 0.05) },
      ['copies'],
    ],
    ['one aligned claim: a shared phrase, not a source', { copies: result('independent', 1, 0.05) }, []],
    ['the same run inside a quotation is not copying', { quotes: result('independent', 2, 0.05) }, []],
    [
      'a copied run does not rank a source before one with more claims aligned',
      { copies: result('partially_derived', 3, 0.2), paraphrases: result('partially_derived', 8, 0.5) },
      ['paraphrases', 'copies'],
    ],
    [
      'more claims aligned first',
      { copies: result('partially_derived', 8, 0.5), paraphrases: result('partially_derived', 3, 0.2) },
      ['copies', 'paraphrases'],
    ],
  ];
  for (const [name, judged, want] of table) t.same(await check(t, judged), want, name);
});

t.test('the candidates a check compared, replayed with the same judge, give its first source', async (t) => {
  // The fit (`scripts/fit-passage.ts`) replays judges on the observed candidates: the replay must rank as the check.
  const table: [string, Partial<Record<Name, Derivation>>, Name | null][] = [
    [
      'one source by its copied run',
      { copies: result('independent', 2, 0.05), quotes: result('independent', 1, 0.05) },
      'copies',
    ],
    [
      'more claims aligned first',
      { copies: result('partially_derived', 3, 0.2), paraphrases: result('wholly_derived', 8, 0.5) },
      'paraphrases',
    ],
    ['none a source', { quotes: result('independent', 1, 0.05), paraphrases: result('independent', 0, 0) }, null],
  ];
  for (const [name, judged, want] of table) {
    const seen: JudgedCandidate[] = [];
    t.same((await check(t, judged, (j) => seen.push(j)))[0] ?? null, want, `${name}: the check`);
    t.same(seen.map((j) => j.article.title).sort(), Object.keys(judged).sort(), `${name}: every candidate observed`);
    const candidates = seen.map((j) => ({ ...j, listed: j.article.title === want, verbatim: false, scattered: false }));
    const doc = { document: 'd', subcorpus: '02-no-obfuscation', candidates };
    const outcome = replay(doc, (c) => sourceVerdict(c.derivation, c.evidence) !== 'independent');
    t.same([outcome.found, outcome.firstListed], [want !== null, want !== null], `${name}: the replay`);
  }
});
