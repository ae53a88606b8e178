import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lexicon } from './lexicon.js';
import { decodeNeighbours, NEIGHBOURS_FILE } from './neighbours.js';

/** Reading the lexicon (`lexicon.ts`) from `dist/lexicon`: the only place with file I/O for it. */
export type { Lexicon } from './lexicon.js';

/**
 * Finds `dist/lexicon` by walking up from this module to the package root, so the same lookup works from
 * `src/` (tap runs the TypeScript sources), from `dist/src/` (`npm start`, CLI, worker threads) and in a
 * Docker image that copies only `dist/` (+ package.json). `LEXICON_DIR` overrides it.
 */
export function findLexiconDir(
  from: string = fileURLToPath(import.meta.url),
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (env.LEXICON_DIR) return existsSync(join(env.LEXICON_DIR, 'vectors.bin')) ? env.LEXICON_DIR : null;
  let dir = dirname(from);
  for (let i = 0; i < 8; i++) {
    for (const candidate of [join(dir, 'dist', 'lexicon'), join(dir, 'lexicon')]) {
      if (existsSync(join(candidate, 'vectors.bin')) && existsSync(join(candidate, 'words.txt'))) return candidate;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

/** Reads the binary lexicon from `dir` (~10 MB of vectors + 2 MB word list + 19 MB of neighbour lists when built). */
export function readLexicon(dir: string): Lexicon {
  const bytes = readShared(join(dir, 'vectors.bin'));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const H = 20;
  if (bytes.length < H || String.fromCharCode(...bytes.subarray(0, 4)) !== 'WVEC' || view.getUint32(4, true) !== 2)
    throw new Error(`${dir}/vectors.bin: not a WVEC v2 file`);
  const count = view.getUint32(8, true),
    dims = view.getUint32(12, true),
    vocabulary = view.getUint32(16, true);
  if (bytes.length !== H + count * 4 + count * dims) throw new Error(`${dir}/vectors.bin: truncated`);
  // Views of the file's bytes, which `readShared` put at offset 0 of shared memory (H is a multiple of 4).
  const scales = new Float32Array(bytes.buffer, H, count);
  const data = new Int8Array(bytes.buffer, H + count * 4, count * dims);
  const words = readFileSync(join(dir, 'words.txt'), 'utf8').split('\n');
  const rank = new Map<string, number>();
  words.forEach((w, i) => {
    if (!rank.has(w)) rank.set(w, i);
  });
  const nbFile = join(dir, NEIGHBOURS_FILE);
  const neighbours = existsSync(nbFile) ? decodeNeighbours(readShared(nbFile), scales) : null;
  return { rank, size: Math.max(vocabulary, words.length), dims, vectorCount: count, scales, data, neighbours };
}

/**
 * A file's bytes read straight into shared memory, at offset 0 (aligned for any typed array): the lexicon's arrays
 * are views of them, with no second copy, and compare workers share them (`adoptLexicon`).
 */
function readShared(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const bytes = new Uint8Array(new SharedArrayBuffer(fstatSync(fd).size));
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

let cached: Lexicon | null | undefined;

/**
 * Makes `lexicon`, loaded by another thread of this process, this thread's lexicon, unless one was loaded already.
 * Its arrays live in shared memory (`readLexicon`), so a compare worker that adopts its parent's lexicon neither
 * reads the files nor holds a copy: only the word ranks (a `Map`, which cannot be shared) are its own.
 */
export function adoptLexicon(lexicon: Lexicon | null): void {
  cached ??= lexicon;
}

/**
 * The process-wide lexicon, loaded lazily on first use; `null` when it was never built (the engine then
 * falls back to lemma/IDF similarity without vectors, which is documented as degraded).
 */
export function defaultLexicon(): Lexicon | null {
  if (cached === undefined) {
    const dir = findLexiconDir();
    cached = dir ? readLexicon(dir) : null;
  }
  return cached;
}
