#!/usr/bin/env node
// Writes WordNet's antonym pairs (verbs, adjectives, adverbs) into dist/lexicon/antonyms.json at build time, after
// build-vectors.mjs: the engine reads them back in a few milliseconds instead of parsing WordNet's data files at its
// first compare. Without the file the engine parses them itself (same pairs). Why and how: src/lexicon/antonyms.ts.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'dist', 'lexicon');
const { loadAntonymTable, writeAntonymTable } = await import(
  pathToFileURL(join(root, 'dist', 'src', 'lexicon', 'antonyms.js')).href
);
if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
writeAntonymTable(dir, loadAntonymTable());
