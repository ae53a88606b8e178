import { readFileSync } from 'node:fs';

/**
 * The package's version, read from its package.json (the one source of it): the nearest package.json named
 * "article-diff" above this module, which is `src/` when run from source and `dist/src/` when built.
 */
export function packageVersion(from: URL = new URL('.', import.meta.url)): string {
  for (let dir = from; ; dir = new URL('..', dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'article-diff' && pkg.version) return pkg.version;
    } catch { /* no package.json here: look further up */ }
    if (new URL('..', dir).href === dir.href) return '0.0.0';
  }
}
