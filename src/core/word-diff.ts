import { wordDiff as words, type ChangeObject } from 'diff';
import { editScript } from './myers.js';
import type { DiffPart } from './types.js';

/**
 * Word-level diff of two short texts (an aligned group), as equal/removed/added parts: exactly `diffWords` of the
 * `diff` package (its tokens carry their surrounding whitespace, and it tidies the whitespace of changes), with
 * its inner Myers loop replaced by `editScript` on interned tokens (allocation-free; issue #6).
 * Myers is quadratic on long dissimilar inputs, so it only ever runs inside aligned groups and with
 * `maxEditLength` (deterministic, unlike a timeout); past it the group is reported as one removal plus one addition.
 */
export function wordDiff(a: string, b: string, maxEdits: number): DiffPart[] {
  // Identical texts are one equal part (what `diffWords` returns: its tokens join back to the text).
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  const options = { maxEditLength: maxEdits };
  const oldTokens = words.removeEmpty(words.tokenize(a, options)), newTokens = words.removeEmpty(words.tokenize(b, options));
  // `diffWords` compares tokens without their surrounding whitespace.
  const ids = new Map<string, number>();
  const intern = (tokens: string[]) => {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const k = tokens[i]!.trim();
      let id = ids.get(k);
      if (id === undefined) ids.set(k, id = ids.size);
      out[i] = id;
    }
    return out;
  };
  const runs = editScript(intern(oldTokens), intern(newTokens), maxEdits);
  if (!runs) return coarse(a, b);
  // The library's change objects (values as its buildValues: kept and added text from the new side).
  let oldPos = 0, newPos = 0;
  const changes: ChangeObject<string>[] = runs.map(({ op, count }) => {
    if (op === 2) {
      const value = words.join(oldTokens.slice(oldPos, oldPos += count));
      return { count, added: false, removed: true, value };
    }
    const value = words.join(newTokens.slice(newPos, newPos + count));
    newPos += count;
    if (op === 0) oldPos += count;
    return { count, added: op === 1, removed: false, value };
  });
  return words.postProcess(changes, options).map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'equal', text: c.value }));
}

function coarse(a: string, b: string): DiffPart[] {
  const parts: DiffPart[] = [];
  if (a) parts.push({ op: 'removed', text: a });
  if (b) parts.push({ op: 'added', text: b });
  return parts;
}
