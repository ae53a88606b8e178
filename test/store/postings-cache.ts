import t from 'tap';
import { PostingsCache } from '../../src/store/postings-cache.js';

t.test('lists are served for the generation and cap they were read with', async (t) => {
  const cache = new PostingsCache(100);
  cache.at(3);
  cache.set(7, 500, [1, 2, 3]);
  const table: [string, number, number, number, readonly number[] | undefined][] = [
    ['same generation and cap', 3, 7, 500, [1, 2, 3]],
    ['another cap', 3, 7, 10, undefined],
    ['a key never read', 3, 8, 500, undefined],
    ['after a write (next generation)', 4, 7, 500, undefined],
    ['back at the old generation: emptied, not restored', 3, 7, 500, undefined],
  ];
  for (const [name, generation, key, cap, want] of table) {
    cache.at(generation);
    t.same(cache.get(key, cap), want, name);
  }
  t.equal(cache.size, 0);
});

t.test('the least recently used lists go once the cached postings exceed the budget', async (t) => {
  const cache = new PostingsCache(6);
  cache.at(0);
  cache.set(1, 500, [1, 2]);
  cache.set(2, 500, [3, 4]);
  t.ok(cache.get(1, 500), 'key 1 read again: now the most recently used');
  cache.set(3, 500, [5, 6, 7]);
  t.same(
    [1, 2, 3].map((k) => cache.get(k, 500) !== undefined),
    [true, false, true],
    'key 2 went',
  );
  t.equal(cache.size, 5);
  cache.set(1, 500, [1]);
  t.equal(cache.size, 4, 'a list read again replaces the old one');
  cache.set(4, 500, [1, 2, 3, 4, 5, 6, 7]);
  t.equal(cache.get(4, 500), undefined, 'a list longer than the budget is not kept');
  t.equal(cache.size, 4);
});
