/**
 * A lexicon row as the float unit vector every word-vector cosine is computed from: the int8 components times the
 * row's scale, normalised, in float32. One definition for the similarity (which memoises it) and for the
 * build-time neighbour lists (which store cosines computed from it): their cosines must agree bit for bit.
 * @param data int8 components, `dims` per row
 * @param scales each row's scale
 */
export function unitVectorOf(data: Int8Array, scales: Float32Array, dims: number, row: number): Float32Array {
  const v = new Float32Array(dims);
  const sc = scales[row]!;
  let norm = 0;
  for (let d = 0; d < dims; d++) {
    const x = data[row * dims + d]! * sc;
    v[d] = x;
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) v[d]! /= norm;
  return v;
}

/** The cosine of two unit vectors as the similarity computes it: float32 components multiplied in double
 *  precision and summed in component order (the WebAssembly `dots` kernel does exactly this). */
export function unitDot(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let d = 0; d < a.length; d++) dot += a[d]! * b[d]!;
  return dot;
}
