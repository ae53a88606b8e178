import { diffWords } from 'diff';
import type { DiffPart } from './types.js';

/**
 * Word-level diff of two short texts (an aligned group), as equal/removed/added parts.
 * `diffWords` is quadratic on long dissimilar inputs, so it only ever runs inside aligned groups and with
 * `maxEditLength` (deterministic, unlike a timeout); past it the group is reported as one removal plus one addition.
 */
export function wordDiff(a: string, b: string, maxEdits: number): DiffPart[] {
  const changes = diffWords(a, b, { maxEditLength: maxEdits });
  if (!changes) return coarse(a, b);
  return changes.map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'equal', text: c.value }));
}

function coarse(a: string, b: string): DiffPart[] {
  const parts: DiffPart[] = [];
  if (a) parts.push({ op: 'removed', text: a });
  if (b) parts.push({ op: 'added', text: b });
  return parts;
}
