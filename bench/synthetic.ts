import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Deterministic synthetic article pairs of any size for the scaling benchmark, built from the seed
 * paragraphs: shuffled, perturbed (word substitutions, dropped and added sentences) and repeated. Every copy of
 * a paragraph is perturbed differently, so long texts are not runs of identical sentences (which would be an
 * unrealistically easy — or, for an inverted index, unrealistically hard — case).
 */

/** `shared`: the rewrite is a light rewrite of the original. `unrelated`: same topic, different stories. */
export type PairKind = 'shared' | 'unrelated';

export interface SyntheticPair {
  original: string;
  rewrite: string;
  words: { original: number; rewrite: number };
}

/** mulberry32: a tiny seeded PRNG, so every run builds byte-identical inputs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `seeds/` of the package: found by walking up from this file (works from `bench/` and from `dist/bench/`). */
export function seedsDir(): string {
  let dir = new URL('./', import.meta.url);
  for (let i = 0; i < 5; i++) {
    if (existsSync(fileURLToPath(new URL('seeds/manifest.json', dir)))) return fileURLToPath(new URL('seeds/', dir));
    dir = new URL('../', dir);
  }
  throw new Error(`seeds/ not found above ${import.meta.url}`);
}
const SEEDS = seedsDir();

/** Content paragraphs (lines of at least 8 words) of the given seed files. */
export function seedParagraphs(files: string[], dir: string = SEEDS): string[] {
  return files.flatMap((f) =>
    readFileSync(dir + f, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.split(/\s+/).length >= 8),
  );
}

const ORIGINAL_FILES = ['001_d2036ec9883e01fd.txt'];
const OTHER_FILES = ['002_c5b4f3e6f07220d2.txt', '003_6455e6dab78b474c.txt', '004_abc8f516191ce043.txt'];

const countWords = (s: string) => (s.match(/\S+/g) ?? []).length;

/** Replaces each word with a random vocabulary word with probability `p`. */
function perturb(text: string, p: number, vocab: string[], rand: () => number): string {
  if (p <= 0) return text;
  return text.replace(/[A-Za-z][\w'’-]*/g, (w) => (rand() < p ? (vocab[Math.floor(rand() * vocab.length)] ?? w) : w));
}

function sentences(paragraph: string): string[] {
  return (
    paragraph
      .match(/[^.!?]+[.!?]+["”’)]*\s*|[^.!?]+$/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [paragraph]
  );
}

/** Builds a text of about `words` words from `pool`, cycling through shuffled, perturbed copies. */
export function buildText(pool: string[], words: number, rand: () => number, vocab: string[]): string {
  const out: string[] = [];
  let n = 0;
  for (let round = 0; n < words; round++) {
    const order = pool.map((p, i) => ({ p, k: rand(), i })).sort((a, b) => a.k - b.k);
    for (const { p } of order) {
      // The first round is the seed text itself; later copies are perturbed so repetitions are not identical.
      const para = round === 0 ? p : perturb(p, 0.15, vocab, rand);
      out.push(para);
      n += countWords(para);
      if (n >= words) break;
    }
  }
  return out.join('\n\n');
}

/** A light rewrite: most sentences kept (a few words changed), some heavily reworded, some dropped, some added. */
export function rewriteOf(text: string, rand: () => number, vocab: string[], extra: string[]): string {
  const paragraphs = text
    .split('\n\n')
    .map((para) => {
      const kept: string[] = [];
      for (const s of sentences(para)) {
        const r = rand();
        if (r < 0.1) continue; // dropped
        kept.push(perturb(s, r < 0.2 ? 0.3 : 0.03, vocab, rand));
        if (rand() < 0.05) kept.push(sentences(extra[Math.floor(rand() * extra.length)] ?? '')[0] ?? ''); // added
      }
      return kept.join(' ');
    })
    .filter((p) => p.trim());
  // Local reordering: swap neighbouring paragraphs now and then, as rewriters do.
  for (let i = 1; i < paragraphs.length; i++) {
    if (rand() < 0.15) [paragraphs[i - 1], paragraphs[i]] = [paragraphs[i]!, paragraphs[i - 1]!];
  }
  return paragraphs.join('\n\n');
}

/** A deterministic pair of about `words` words per side. */
export function syntheticPair(words: number, kind: PairKind, seed = 6): SyntheticPair {
  const rand = rng(seed * 1_000_003 + words);
  const own = seedParagraphs(ORIGINAL_FILES);
  const other = seedParagraphs(OTHER_FILES);
  const vocab = [...new Set([...own, ...other].join(' ').match(/[A-Za-z][\w'’-]*/g) ?? [])];
  const original = buildText(own, words, rand, vocab);
  const rewrite = kind === 'shared' ? rewriteOf(original, rand, vocab, other) : buildText(other, words, rand, vocab);
  return { original, rewrite, words: { original: countWords(original), rewrite: countWords(rewrite) } };
}
