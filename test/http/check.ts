import t from 'tap';
import { SEED_ARTICLES, storeApp } from '../fixtures/store-app.js';

// Each check runs several compares in the worker pool: on a loaded shared machine a file takes minutes.
t.setTimeout(600_000);

async function seeded(t: Parameters<typeof storeApp>[0]) {
  const { app, store } = await storeApp(t);
  const ids: Record<string, string> = {};
  for (const [k, a] of Object.entries(SEED_ARTICLES)) {
    ids[k] = (await app.inject({ method: 'POST', url: '/v1/articles', payload: a })).json().id;
  }
  return { app, store, ids };
}

t.test('the seeds: 000 finds 001 first, credited; 003 finds 002; 004 finds nothing derived', async (t) => {
  const { app, ids } = await seeded(t);
  const check = async (k: keyof typeof SEED_ARTICLES) =>
    (await app.inject({ method: 'POST', url: '/v1/check', payload: SEED_ARTICLES[k] })).json();
  const c000 = await check('000');
  t.equal(c000.sources[0].article.id, ids['001']);
  t.equal(c000.sources[0].credited, true);
  t.not(c000.sources[0].verdict, 'independent');
  t.ok(c000.compared >= 1 && c000.compared < 5, 'not every stored article is compared');
  t.equal(c000.stored, 5);
  const c003 = await check('003');
  t.equal(c003.sources[0].article.id, ids['002']);
  t.same((await check('004')).sources, []);
});

t.test('only earlier articles are sources, and never the article itself', async (t) => {
  const { app } = await seeded(t);
  // 001 is the original of 000 but a day older: 000 cannot be its source.
  const c001 = (await app.inject({ method: 'POST', url: '/v1/check', payload: SEED_ARTICLES['001'] })).json();
  t.same(c001.sources, []);
  // Undated, it may: the date rule needs both dates.
  const { published: _p, ...undated } = SEED_ARTICLES['001'];
  const u = (await app.inject({ method: 'POST', url: '/v1/check?nearMisses=true', payload: undated })).json();
  const titles = u.sources.map((s: { article: { title: string } }) => s.article.title);
  t.notOk(titles.includes(SEED_ARTICLES['001'].title), 'not its own source');
});

t.test('a chain of copies points back to the first article (derivedFrom)', async (t) => {
  const { app, ids } = await seeded(t);
  // A later rewrite of 000 (itself a rewrite of 001): every other paragraph of 000, lightly edited.
  const paras = SEED_ARTICLES['000'].text
    .split(/\n\s*\n/)
    .filter((_, i) => i % 2 === 0)
    .map((p) => p.replace(/\bsaid\b/g, 'stated').replace(/\bTrump\b/g, 'the US president'));
  const text = `${paras.join('\n\n')}\n\nAccording to Caliber.Az.`;
  const third = { text, outlet: 'Copy Desk', published: '2025-06-01' };
  const res = (await app.inject({ method: 'POST', url: '/v1/check', payload: third })).json();
  const viaCaliber = res.sources.find((s: { article: { id: string } }) => s.article.id === ids['000']);
  t.ok(viaCaliber, 'the direct source is found');
  t.equal(viaCaliber.derivedFrom?.article.id, ids['001'], 'and it says what it came from');
  t.equal(viaCaliber.derivedFrom?.credited, true, 'with the credit the middle link gave');
});

t.test('chain links are cached until the store changes; a deleted article leaves every chain', async (t) => {
  const { app, store, ids } = await seeded(t);
  const third = { ...SEED_ARTICLES['000'], text: `${SEED_ARTICLES['000'].text}\n\nMore.`, published: '2025-06-01' };
  const check = async () => (await app.inject({ method: 'POST', url: '/v1/check', payload: third })).json();
  const first = await check();
  t.equal(first.sources[0].article.id, ids['000']);
  t.equal(first.sources[0].derivedFrom?.article.id, ids['001']);
  const generation = await store.generation();
  const cached = (await store.links([ids['000']!], generation)).get(ids['000']!);
  t.equal(cached?.source?.id, ids['001'], 'the link found is cached');
  t.same(await check(), first, 'a check reading the cached links answers as the one that found them');

  t.equal((await app.inject({ method: 'DELETE', url: `/v1/articles/${ids['001']}` })).statusCode, 204);
  t.same(await store.links([ids['000']!], await store.generation()), new Map(), 'the delete discarded the links');
  const after = await check();
  t.equal(after.sources[0].article.id, ids['000']);
  t.not(after.sources[0].derivedFrom?.article.id, ids['001'], 'the deleted article is no longer a link');
});

t.test('near misses, full results and the limit', async (t) => {
  const { app } = await seeded(t);
  const plain = (await app.inject({ method: 'POST', url: '/v1/check', payload: SEED_ARTICLES['003'] })).json();
  const nearUrl = '/v1/check?nearMisses=true';
  const near = (await app.inject({ method: 'POST', url: nearUrl, payload: SEED_ARTICLES['003'] })).json();
  t.ok(near.sources.length > plain.sources.length, 'near misses add the independent candidates');
  t.ok(near.sources.slice(plain.sources.length).every((s: { verdict: string }) => s.verdict === 'independent'));
  t.notOk('result' in plain.sources[0]);
  const payload = { ...SEED_ARTICLES['000'], limit: 1 };
  const full = (await app.inject({ method: 'POST', url: '/v1/check?full=true', payload })).json();
  t.equal(full.sources.length, 1);
  t.equal(full.sources[0].result.summary.verdict, full.sources[0].verdict);
  t.equal(full.sources[0].result.summary.coverage, full.sources[0].coverage);
});

t.test('formats: text, Markdown and an HTML report with a side-by-side per source', async (t) => {
  const { app } = await seeded(t);
  const text = await app.inject({ method: 'POST', url: '/v1/check?format=text', payload: SEED_ARTICLES['000'] });
  t.match(text.headers['content-type'], /text\/plain/);
  t.match(text.body, /1\. Trump Hands Putin Another Victory \(The Atlantic, 2025-05-22\)/);
  t.match(text.body, /credits source/);
  const payload = SEED_ARTICLES['000'];
  const md = await app.inject({ method: 'POST', url: '/v1/check', headers: { accept: 'text/markdown' }, payload });
  t.match(md.body, /^# Sources/);
  t.match(md.body, /\| 1 \| Trump Hands Putin Another Victory/);
  const html = await app.inject({ method: 'POST', url: '/v1/check', headers: { accept: 'text/html' }, payload });
  t.match(html.headers['content-type'], /text\/html/);
  t.match(html.body, /<details class="outlet" id="source-0" open>/);
  t.match(html.body, /class="rows"/, 'the side-by-side report of the source');
  t.notMatch(html.body, /<script>(?!document)/);
  const none = await app.inject({ method: 'POST', url: '/v1/check?format=text', payload: SEED_ARTICLES['004'] });
  t.match(none.body, /^No source found among 5 stored article\(s\)/);
});

t.test('undated copies of each other: the chain ends, never loops', async (t) => {
  const { app } = await storeApp(t);
  const base = SEED_ARTICLES['001'].text;
  const a = { text: base.replace(/\bPutin\b/g, 'the Russian president'), outlet: 'Copy A' };
  const b = { text: base.replace(/\bTrump\b/g, 'the US president'), outlet: 'Copy B' };
  for (const x of [a, b]) {
    t.equal((await app.inject({ method: 'POST', url: '/v1/articles', payload: x })).statusCode, 201);
  }
  const res = await app.inject({ method: 'POST', url: '/v1/check', payload: { text: base } });
  t.equal(res.statusCode, 200);
  type Link = { article: { outlet: string }; derivedFrom: unknown };
  const sources = res.json().sources as { article: { outlet: string }; derivedFrom: Link | null }[];
  t.same(sources.map((s) => s.article.outlet).sort(), ['Copy A', 'Copy B']);
  for (const s of sources) {
    t.not(s.derivedFrom?.article.outlet, s.article.outlet, 'a source does not derive from itself');
    t.equal(s.derivedFrom?.derivedFrom ?? null, null, 'the chain stops where its path would repeat');
  }
});
