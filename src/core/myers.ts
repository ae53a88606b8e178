/**
 * Myers' O((N+M)·D) difference algorithm (Myers 1986, "An O(ND) difference algorithm and its variations") on
 * integer sequences (interned tokens), without a per-step allocation. The `diff` package runs the same algorithm
 * but allocates a path object per step and compares strings; on the aligned groups of one compare that was
 * ~14 ms of ~80 (issue #6). `editScript` gives the very edit script of `Diff.diff` (same tie-breaking), so word
 * diffs are byte for byte the library's (word-diff.ts). (The kept-vs-paraphrased LCS, which needs no script, is
 * bit-parallel: lcs.ts.)
 */

/** One run of an edit script: `count` tokens kept (op 0), added from the new sequence (1) or removed from the old (2). */
export interface EditRun {
  op: 0 | 1 | 2;
  count: number;
}

/** Growable pool of immutable path components (count, op, previous component), as `diff`'s linked list. */
class Components {
  count = new Int32Array(256);
  op = new Uint8Array(256);
  prev = new Int32Array(256);
  size = 0;
  add(count: number, op: number, prev: number): number {
    if (this.size === this.count.length) {
      const grow = <T extends Int32Array | Uint8Array>(x: T, make: (n: number) => T): T => { const y = make(x.length * 2); y.set(x); return y; };
      this.count = grow(this.count, (n) => new Int32Array(n));
      this.op = grow(this.op, (n) => new Uint8Array(n));
      this.prev = grow(this.prev, (n) => new Int32Array(n));
    }
    this.count[this.size] = count; this.op[this.size] = op; this.prev[this.size] = prev;
    return this.size++;
  }
}

// One pool and one pair of path arrays reused across calls (editScript runs to completion without calling out):
// allocating, growing and filling them per call was about a third of its time (issue #6).
const components = new Components();
let pathOldScratch = new Int32Array(0), pathLastScratch = new Int32Array(0);

/**
 * The edit script `diff`'s `Diff.diff` finds between token sequences `old` and `neu` (equal ids = equal tokens),
 * as runs in order, or null when it takes more than `maxEditLength` edits. A line-by-line transcription of
 * `diffWithOptionsObj` in diff 9 (`libesm/diff/base.js`): the same diagonal order, the same choice between
 * the insertion and the deletion path, the same pruning of diagonals that reached an edge, and the same
 * merging of consecutive runs, so that the runs are identical to the library's change objects.
 */
export function editScript(old: ArrayLike<number>, neu: ArrayLike<number>, maxEditLength: number): EditRun[] | null {
  const oldLen = old.length, newLen = neu.length;
  const maxLen = Math.min(oldLen + newLen, maxEditLength);
  const pool = components;
  pool.size = 0;
  const NONE = -1; // no component (an empty path)
  const UNSET = -2; // bestPath[d] === undefined
  const off = maxLen + 2, slots = 2 * maxLen + 5;
  if (pathOldScratch.length < slots) { pathOldScratch = new Int32Array(slots); pathLastScratch = new Int32Array(slots); }
  const pathOld = pathOldScratch.fill(UNSET, 0, slots), pathLast = pathLastScratch.fill(NONE, 0, slots);
  // extractCommon: follows the snake on `diagonal` from the path stored at `slot`; returns newPos.
  const extractCommon = (slot: number, diagonal: number): number => {
    let oldPos = pathOld[slot]!, newPos = oldPos - diagonal, common = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && old[oldPos + 1] === neu[newPos + 1]) { newPos++; oldPos++; common++; }
    if (common) pathLast[slot] = pool.add(common, 0, pathLast[slot]!);
    pathOld[slot] = oldPos;
    return newPos;
  };
  const build = (last: number): EditRun[] => {
    const runs: EditRun[] = [];
    for (let c = last; c !== NONE; c = pool.prev[c]!) runs.push({ op: pool.op[c] as 0 | 1 | 2, count: pool.count[c]! });
    return runs.reverse();
  };
  pathOld[off] = -1;
  let newPos = extractCommon(off, 0);
  if (pathOld[off]! + 1 >= oldLen && newPos + 1 >= newLen) return build(pathLast[off]!);
  let minDiagonal = -Infinity, maxDiagonal = Infinity;
  for (let editLength = 1; editLength <= maxLen; editLength++) {
    for (let diagonal = Math.max(minDiagonal, -editLength); diagonal <= Math.min(maxDiagonal, editLength); diagonal += 2) {
      const rs = diagonal - 1 + off, as = diagonal + 1 + off;
      const removeOld = pathOld[rs]!, removeLast = pathLast[rs]!, addOld = pathOld[as]!, addLast = pathLast[as]!;
      const hasRemove = removeOld !== UNSET, hasAdd = addOld !== UNSET;
      if (hasRemove) pathOld[rs] = UNSET;
      let canAdd = false;
      if (hasAdd) { const p = addOld - diagonal; canAdd = 0 <= p && p < newLen; }
      const canRemove = hasRemove && removeOld + 1 < oldLen;
      const slot = diagonal + off;
      if (!canAdd && !canRemove) { pathOld[slot] = UNSET; continue; }
      // addToPath: a step of the same kind as the path's last component extends it (as a new component).
      const useAdd = !canRemove || (canAdd && removeOld < addOld);
      const last = useAdd ? addLast : removeLast, op = useAdd ? 1 : 2;
      pathOld[slot] = useAdd ? addOld : removeOld + 1;
      pathLast[slot] = last !== NONE && pool.op[last] === op ? pool.add(pool.count[last]! + 1, op, pool.prev[last]!) : pool.add(1, op, last);
      newPos = extractCommon(slot, diagonal);
      if (pathOld[slot]! + 1 >= oldLen && newPos + 1 >= newLen) return build(pathLast[slot]!);
      if (pathOld[slot]! + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, diagonal - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, diagonal + 1);
    }
  }
  return null;
}
