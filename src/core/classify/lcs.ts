/**
 * Length of a longest common subsequence by bit-parallel dynamic programming (Allison & Dix 1986, "A bit-string
 * longest-common-subsequence algorithm"; in Hyyrö's form, 2004): one row of the LCS table is a bit vector over the
 * shorter sequence, and each token of the longer one updates it with an addition and a few bitwise operations, so
 * the cost is |longer| · ⌈|shorter| / 32⌉ word steps whatever the edit distance. The kept-vs-paraphrased test asks
 * the LCS of every aligned group, and paraphrases (most groups) are the costliest case for a Myers search, whose
 * work grows with the edit distance.
 */

/**
 * Length of a longest common subsequence of `a` and `b`, or -1 when turning one into the other takes more than
 * `maxEdits` insertions and deletions (D = |a| + |b| − 2·LCS): the same number as the common tokens of the `diff`
 * package's `diffArrays` (a minimal edit script keeps a longest common subsequence). A common prefix and suffix
 * belong to some longest common subsequence, so they are counted directly and only the middle is searched.
 */
export function lcsLength(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  maxEdits: number,
  buffers = new LcsBuffers(),
): number {
  let lo = 0,
    aEnd = a.length,
    bEnd = b.length;
  while (lo < aEnd && lo < bEnd && a[lo] === b[lo]) lo++;
  while (aEnd > lo && bEnd > lo && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  const n = aEnd - lo,
    m = bEnd - lo;
  // At least |n − m| edits whatever the LCS: a long, lopsided pair is refused before any work.
  if (Math.abs(n - m) > maxEdits) return -1;
  const common =
    a.length - n + (n && m ? (n <= m ? middle(a, b, lo, n, m, buffers) : middle(b, a, lo, m, n, buffers)) : 0);
  return a.length + b.length - 2 * common <= maxEdits ? common : -1;
}

/** What `lcsLength` reuses from call to call (it runs to completion without calling out), grown as needed: the match
 *  masks, one row of ⌈n/32⌉ words per distinct token of the shorter sequence, and the bit vector. */
export class LcsBuffers {
  masks = new Int32Array(64);
  row = new Int32Array(2);
}

/** LCS length of x[lo, lo + n) and y[lo, lo + m), n ≤ m, n ≥ 1. */
function middle(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  lo: number,
  n: number,
  m: number,
  buffers: LcsBuffers,
): number {
  const words = (n + 31) >>> 5;
  if (buffers.masks.length < n * words) buffers.masks = new Int32Array(n * words);
  if (buffers.row.length < words) buffers.row = new Int32Array(words);
  const masks = buffers.masks,
    row = buffers.row;
  // Bit i of a token's mask is set when x[lo + i] is that token.
  const slot = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const token = x[lo + i]!;
    let s = slot.get(token);
    if (s === undefined) {
      slot.set(token, (s = slot.size * words));
      masks.fill(0, s, s + words);
    }
    masks[s + (i >>> 5)]! |= 1 << (i & 31);
  }
  // V' = (V + (V & M)) | (V & ~M); a zero bit of V marks a position of x in the LCS (Hyyrö 2004). Bits above n in
  // the top word only receive carries, which never flow down, so they are left alone and not counted.
  const v = row.fill(-1, 0, words);
  for (let j = 0; j < m; j++) {
    const s = slot.get(y[lo + j]!);
    if (s === undefined) continue; // V & M = 0: the row does not change
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const vw = v[w]!,
        mw = masks[s + w]!;
      const sum = (vw >>> 0) + ((vw & mw) >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = sum | (vw & ~mw);
    }
  }
  let lcs = 0;
  for (let i = 0; i < n; i++) if (((v[i >>> 5]! >>> (i & 31)) & 1) === 0) lcs++;
  return lcs;
}
