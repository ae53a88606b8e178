import { readFileSync } from 'node:fs';

/**
 * The package's root and version, from its package.json (the one source of the version): the nearest package.json
 * named "article-diff" above this module, which is `src/` when run from source and `dist/src/` when built.
 */
function findPackage(from: URL): { root: URL; version: string } | null {
  for (let dir = from; ; dir = new URL('..', dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'article-diff' && pkg.version) return { root: dir, version: pkg.version };
    } catch {
      /* no package.json here: look further up */
    }
    if (new URL('..', dir).href === dir.href) return null;
  }
}

export function packageVersion(from: URL = new URL('.', import.meta.url)): string {
  return findPackage(from)?.version ?? '0.0.0';
}

/** The directory of the package (the repository root when run from a checkout). */
export function packageRoot(from: URL = new URL('.', import.meta.url)): URL {
  const found = findPackage(from);
  if (!found) throw new Error('article-diff: package.json not found above this module');
  return found.root;
}
