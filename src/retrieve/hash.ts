/**
 * A 52-bit string hash: two 32-bit multiply-xorshift lanes over the UTF-16 units, combined into an integer that a
 * JavaScript number, a SQLite INTEGER and a PostgreSQL bigint all hold exactly. Persisted as index keys, so it
 * must never change without re-indexing every stored article.
 */
export function hash52(s: string): number {
  let h1 = 0xdeadbeef,
    h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (0xfffff & h2) + (h1 >>> 0);
}
