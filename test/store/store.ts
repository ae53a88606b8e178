import t, { type Test } from 'tap';
import type { DerivationLink, NewArticle } from '../../src/store/types.js';
import { type EngineUnderTest, postgresEngine, postgresUnavailable, sqliteEngine } from '../fixtures/stores.js';

/**
 * One storage suite, run for real against both engines: the embedded SQLite file and PostgreSQL (skipped, with the
 * reason printed, where no server answers).
 */

const article = (n: number, extra: Partial<NewArticle> = {}): NewArticle => ({
  id: n.toString(16).padStart(24, '0'),
  text: `Article number ${n}. It says something about ${n}.`,
  outlet: n % 2 ? 'Odd Times' : 'Even Post',
  title: `Title ${n}`,
  published: `2025-01-${String(n).padStart(2, '0')}`,
  range: { lo: Date.UTC(2025, 0, n), hi: Date.UTC(2025, 0, n + 1) },
  keys: [1000 + n, 7, 2 ** 52 - n],
  ...extra,
});

function storageSuite(t: Test, engine: () => EngineUnderTest) {
  t.test('an added article is served with its text and metadata; the same id again changes nothing', async (t) => {
    const store = await engine().open();
    t.teardown(() => store.close());
    t.same(await store.add([article(1), article(2)]), [
      { id: article(1).id, created: true },
      { id: article(2).id, created: true },
    ]);
    t.same(await store.add([article(2, { title: 'Other' }), article(3)]), [
      { id: article(2).id, created: false },
      { id: article(3).id, created: true },
    ]);
    const got = await store.get(article(2).id);
    t.match(got, {
      id: article(2).id,
      text: article(2).text,
      outlet: 'Even Post',
      title: 'Title 2',
      published: '2025-01-02',
      aliases: null,
      chars: article(2).text.length,
    });
    t.ok(!Number.isNaN(Date.parse(got!.storedAt)), 'storedAt is a timestamp');
    t.equal(await store.get('f'.repeat(24)), null);
    t.equal(await store.count(), 3);
    const withAliases = article(4, { aliases: ['OT', 'Odd'] });
    await store.add([withAliases]);
    t.same((await store.get(withAliases.id))!.aliases, ['OT', 'Odd']);
  });

  t.test('pages by cursor: every article once, in storing order, filtered by outlet and date', async (t) => {
    const store = await engine().open();
    t.teardown(() => store.close());
    await store.add([1, 2, 3, 4, 5, 6, 7].map((n) => article(n)));
    await store.add([article(8, { published: undefined, range: null })]);
    const seen: string[] = [];
    let after: number | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await store.list({ limit: 3, after });
      seen.push(...page.articles.map((a) => a.id));
      if (page.next === null) break;
      after = page.next;
    }
    t.same(
      seen,
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => article(n).id),
    );
    const odd = await store.list({ outlet: 'Odd Times', limit: 10 });
    t.same(
      odd.articles.map((a) => a.title),
      ['Title 1', 'Title 3', 'Title 5', 'Title 7'],
    );
    t.equal(odd.next, null);
    const dated = await store.list({ since: Date.UTC(2025, 0, 3), until: Date.UTC(2025, 0, 6), limit: 10 });
    t.same(
      dated.articles.map((a) => a.title),
      ['Title 3', 'Title 4', 'Title 5'],
      'undated articles are left out',
    );
  });

  t.test('postings: each key lists its articles, at most cap + 1; a deleted article leaves no trace', async (t) => {
    const store = await engine().open();
    t.teardown(() => store.close());
    await store.add([1, 2, 3, 4, 5].map((n) => article(n)));
    const all = await store.postings([7, 1001, 999], 10);
    t.equal(all.get(7)!.length, 5);
    t.equal(all.get(1001)!.length, 1);
    t.same(all.get(999), []);
    t.equal((await store.postings([7], 2)).get(7)!.length, 3, 'cap + 1 tells "too common" from "exactly cap"');
    const [seq1] = all.get(1001)!;
    t.same(
      (await store.bySeq([seq1!])).map((a) => a.id),
      [article(1).id],
    );
    t.same((await store.bySeq([seq1!]))[0]!.range, article(1).range);

    t.equal(await store.remove(article(1).id), true);
    t.equal(await store.remove(article(1).id), false);
    t.equal(await store.get(article(1).id), null);
    t.same((await store.postings([1001], 10)).get(1001), []);
    t.equal((await store.postings([7], 10)).get(7)!.length, 4);
    t.same(await store.bySeq([seq1!]), []);
    t.equal(await store.count(), 4);
    t.notOk((await store.list({ limit: 10 })).articles.some((a) => a.id === article(1).id));
  });

  t.test(
    'a key held by more than cap articles reads as its first cap + 1: unchanged by adds, never deleted',
    async (t) => {
      const e = engine();
      const store = await e.open();
      t.teardown(() => store.close());
      await store.add([1, 2, 3, 4, 5, 6].map((n) => article(n)));
      const first = (await store.postings([7], 3)).get(7)!;
      t.equal(first.length, 4);
      t.same(
        [...first].sort((a, b) => a - b),
        first,
        'in storing order',
      );
      t.same((await store.postings([7], 3)).get(7), first, 'read again');
      await store.add([article(7)]);
      t.same((await store.postings([7], 3)).get(7), first, 'an add does not change the first postings');
      t.same((await store.postings([7], 2)).get(7), first.slice(0, 3), 'a smaller cap reads fewer');
      t.equal((await store.postings([7], 10)).get(7)!.length, 7, 'a larger cap reads them all');
      await store.remove(article(2).id);
      const after = (await store.postings([7], 3)).get(7)!;
      t.equal(after.length, 4);
      t.notOk(after.includes(first[1]!), 'a deleted article is not among them');
      const other = await e.open();
      t.teardown(() => other.close());
      await other.remove(article(3).id);
      t.notOk((await store.postings([7], 3)).get(7)!.includes(first[2]!), 'nor one deleted by another instance');
    },
  );

  t.test('one batch: the same text twice is stored once, every article keeps its own postings', async (t) => {
    const store = await engine().open();
    t.teardown(() => store.close());
    t.same(await store.add([]), []);
    const batch = [article(5), article(3), article(5, { title: 'Again' }), article(4, { keys: [7, 2 ** 52 - 1] })];
    t.same(
      (await store.add(batch)).map((o) => o.created),
      [true, true, false, true],
    );
    t.equal(await store.count(), 3);
    t.equal((await store.get(article(5).id))!.title, 'Title 5', 'the first of the two is the one stored');
    const got = await store.postings([7, 1003, 1005, 2 ** 52 - 1, 2 ** 52 - 5], 10);
    t.same(
      [7, 1003, 1005, 2 ** 52 - 1, 2 ** 52 - 5].map((k) => got.get(k)!.length),
      [3, 1, 1, 1, 1],
    );
    const [seq4] = got.get(2 ** 52 - 1)!;
    t.same(
      (await store.bySeq([seq4!])).map((a) => a.id),
      [article(4).id],
    );
  });

  t.test('a restart serves every committed article', async (t) => {
    const e = engine();
    const first = await e.open();
    await first.add([1, 2, 3].map((n) => article(n)));
    await first.remove(article(2).id);
    await first.close();
    const second = await e.open();
    t.teardown(() => second.close());
    t.equal(await second.count(), 2);
    t.equal((await second.get(article(3).id))!.text, article(3).text);
    t.equal((await second.postings([7], 10)).get(7)!.length, 2);
  });

  t.test('derivation links: cached for the current generation only; any add or remove discards them', async (t) => {
    const e = engine();
    const store = await e.open();
    t.teardown(() => store.close());
    await store.add([1, 2, 3].map((n) => article(n)));
    const [a1, a2, a3] = [1, 2, 3].map((n) => article(n).id) as [string, string, string];
    const toA1: DerivationLink = {
      considered: [a1, a3],
      source: { id: a1, verdict: 'wholly_derived', credited: false },
    };
    const none: DerivationLink = { considered: [a1], source: null };
    let g = await store.generation();
    t.same(await store.links([a2, a3], g), new Map(), 'nothing cached yet');
    await store.saveLinks(
      new Map([
        [a2, toA1],
        [a3, none],
      ]),
      g,
    );
    t.same(
      await store.links([a2, a3, a1], g),
      new Map([
        [a2, toA1],
        [a3, none],
      ]),
    );
    const other = await e.open();
    t.teardown(() => other.close());
    t.same((await other.links([a2], g)).get(a2), toA1, 'another instance reads them');
    t.same(await store.links([a2], g + 1), new Map(), 'a generation other than the current one reads nothing');

    t.equal((await store.add([article(2)]))[0]!.created, false);
    t.equal(await store.generation(), g, 'an add that stores nothing changes nothing');
    await store.add([article(4)]);
    t.not(await store.generation(), g, 'an add is a new generation');
    t.same(await store.links([a2, a3], await store.generation()), new Map(), 'an add discards every link');
    await store.saveLinks(new Map([[a3, none]]), g);
    t.same(await store.links([a3], await store.generation()), new Map(), 'a link of an older generation is not saved');

    g = await store.generation();
    await store.saveLinks(new Map([[a2, toA1]]), g);
    t.equal(await store.remove(a1), true);
    t.not(await store.generation(), g, 'a remove is a new generation');
    t.same(await store.links([a2], await store.generation()), new Map(), 'no link names a deleted article');
    g = await store.generation();
    t.equal(await store.remove(a1), false);
    t.equal(await store.generation(), g, 'removing nothing changes nothing');
  });

  t.test('two instances on one store: the same article added at once is created exactly once', async (t) => {
    const e = engine();
    const [a, b] = [await e.open(), await e.open()];
    t.teardown(async () => {
      await a.close();
      await b.close();
    });
    const outcomes = await Promise.all([a.add([article(9)]), b.add([article(9)])]);
    t.same(outcomes.map((o) => o[0]!.created).sort(), [false, true]);
    t.equal(await b.count(), 1);
    t.equal((await a.postings([1009], 10)).get(1009)!.length, 1);
  });
}

t.test('sqlite', async (t) => storageSuite(t, () => sqliteEngine(t)));

const unavailable = await postgresUnavailable();
if (unavailable) t.comment(`postgres skipped: ${unavailable}`);
// One schema per test: each `engine()` call is a fresh store.
t.test('postgres', { skip: unavailable ?? false }, async (t) => storageSuite(t, () => postgresEngine(t)));
