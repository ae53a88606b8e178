/**
 * Myers' O((N+M)·D) difference algorithm (Myers 1986, "An O(ND) difference algorithm and its variations") on
 * integer sequences (interned tokens), without a per-step allocation. The `diff` package runs the same algorithm
 * but allocates a path object per step and compares strings. `editScript` gives the very edit script of `Diff.diff`
 * (same tie-breaking), so word diffs are byte for byte the library's (classify/word-diff.ts). (The kept-vs-paraphrased
 * LCS, which needs no script, is bit-parallel: classify/lcs.ts.)
 */

/**
 * One run of an edit script: `count` tokens kept (op 0), added from the new sequence (1) or removed from the old (2).
 */
export interface EditRun {
  op: 0 | 1 | 2;
  count: number;
}

/**
 * What `editScript` reuses from call to call (it runs to completion without calling out): path components (count,
 * op, previous component), as `diff`'s immutable linked list, in three parallel arrays, and the furthest path per
 * diagonal. Allocating, growing and filling them per call was about a third of its time.
 */
export class EditBuffers {
  compCount = new Int32Array(1024);
  compOp = new Uint8Array(1024);
  compPrev = new Int32Array(1024);
  pathOld = new Int32Array(0);
  pathLast = new Int32Array(0);

  /** Room for `n` components (copies the `size` in use). */
  reserve(size: number, n: number): void {
    if (n <= this.compCount.length) return;
    const cap = Math.max(n, this.compCount.length * 2);
    const count = new Int32Array(cap),
      op = new Uint8Array(cap),
      prev = new Int32Array(cap);
    count.set(this.compCount.subarray(0, size));
    op.set(this.compOp.subarray(0, size));
    prev.set(this.compPrev.subarray(0, size));
    this.compCount = count;
    this.compOp = op;
    this.compPrev = prev;
  }

  /** The runs of the path ending at component `last`, in order. */
  runsOf(last: number): EditRun[] {
    const runs: EditRun[] = [];
    for (let c = last; c !== -1; c = this.compPrev[c]!)
      runs.push({ op: this.compOp[c] as 0 | 1 | 2, count: this.compCount[c]! });
    return runs.reverse();
  }
}

/**
 * The edit script `diff`'s `Diff.diff` finds between token sequences `old` and `neu` (equal ids = equal tokens),
 * as runs in order, or null when it takes more than `maxEditLength` edits. A transcription of `diffWithOptionsObj`
 * in diff 9 (`libesm/diff/base.js`, with `addToPath` and `extractCommon` inlined): the same diagonal order, the
 * same choice between the insertion and the deletion path, the same pruning of diagonals that reached an edge,
 * and the same merging of consecutive runs, so that the runs are identical to the library's change objects.
 * A common prefix is the search's first snake anyway; a common suffix cannot be cut off first: the greedy search
 * does not keep it whole (x a y a → a keeps the first a: −x =a −ya).
 */
export function editScript(
  old: ArrayLike<number>,
  neu: ArrayLike<number>,
  maxEditLength: number,
  buffers = new EditBuffers(),
): EditRun[] | null {
  const oldLen = old.length,
    newLen = neu.length;
  const maxLen = Math.min(oldLen + newLen, maxEditLength);
  const NONE = -1; // no component (an empty path)
  const UNSET = -2; // bestPath[d] === undefined
  const off = maxLen + 2,
    slots = 2 * maxLen + 5;
  if (buffers.pathOld.length < slots) {
    buffers.pathOld = new Int32Array(slots);
    buffers.pathLast = new Int32Array(slots);
  }
  // Per diagonal slot: the furthest path's oldPos and last component.
  const pathOld = buffers.pathOld.fill(UNSET, 0, slots),
    pathLast = buffers.pathLast.fill(NONE, 0, slots);
  let size = 0,
    count = buffers.compCount,
    op = buffers.compOp,
    prev = buffers.compPrev;
  // The common prefix (extractCommon on the empty path).
  let oldPos = -1,
    newPos = -1;
  while (newPos + 1 < newLen && oldPos + 1 < oldLen && old[oldPos + 1] === neu[newPos + 1]) {
    newPos++;
    oldPos++;
  }
  if (oldPos >= 0) {
    count[0] = oldPos + 1;
    op[0] = 0;
    prev[0] = NONE;
    pathLast[off] = size++;
  }
  pathOld[off] = oldPos;
  if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return buffers.runsOf(pathLast[off]!);
  let minDiagonal = -Infinity,
    maxDiagonal = Infinity;
  for (let editLength = 1; editLength <= maxLen; editLength++) {
    // A round visits at most editLength + 1 diagonals and adds at most two components on each.
    buffers.reserve(size, size + 2 * editLength + 2);
    count = buffers.compCount;
    op = buffers.compOp;
    prev = buffers.compPrev;
    for (
      let diagonal = Math.max(minDiagonal, -editLength);
      diagonal <= Math.min(maxDiagonal, editLength);
      diagonal += 2
    ) {
      const rs = diagonal - 1 + off,
        as = diagonal + 1 + off;
      const removeOld = pathOld[rs]!,
        removeLast = pathLast[rs]!,
        addOld = pathOld[as]!,
        addLast = pathLast[as]!;
      const hasRemove = removeOld !== UNSET,
        hasAdd = addOld !== UNSET;
      if (hasRemove) pathOld[rs] = UNSET;
      let canAdd = false;
      if (hasAdd) {
        const p = addOld - diagonal;
        canAdd = 0 <= p && p < newLen;
      }
      const canRemove = hasRemove && removeOld + 1 < oldLen;
      const slot = diagonal + off;
      if (!canAdd && !canRemove) {
        pathOld[slot] = UNSET;
        continue;
      }
      // addToPath: a step of the same kind as the path's last component extends it (as a new component).
      const useAdd = !canRemove || (canAdd && removeOld < addOld);
      const last = useAdd ? addLast : removeLast,
        kind = useAdd ? 1 : 2;
      let comp = size++;
      if (last !== NONE && op[last] === kind) {
        count[comp] = count[last]! + 1;
        prev[comp] = prev[last]!;
      } else {
        count[comp] = 1;
        prev[comp] = last;
      }
      op[comp] = kind;
      // extractCommon: the snake from there.
      oldPos = useAdd ? addOld : removeOld + 1;
      newPos = oldPos - diagonal;
      const from = oldPos;
      while (newPos + 1 < newLen && oldPos + 1 < oldLen && old[oldPos + 1] === neu[newPos + 1]) {
        newPos++;
        oldPos++;
      }
      if (oldPos > from) {
        count[size] = oldPos - from;
        op[size] = 0;
        prev[size] = comp;
        comp = size++;
      }
      pathOld[slot] = oldPos;
      pathLast[slot] = comp;
      if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return buffers.runsOf(comp);
      if (oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, diagonal - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, diagonal + 1);
    }
  }
  return null;
}
