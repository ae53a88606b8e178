import fc from 'fast-check';
import t from 'tap';
import {
  cellSim,
  crossSim,
  crossTable,
  finishTable,
  LogBuffers,
  setSim,
} from '../../../../src/core/match/kernels/cross-table.js';

/**
 * The cross table is sparse: a bit per cell and the non-zero similarities in cell order, found by
 * rank. Whatever the writes (any cells, any order, a cell written twice), every cell must read back as the last
 * value written to it, 0 when never written, and the values must lie in cell order (pair scoring reads them so).
 */
t.test('any writes read back as a dense table would hold them (last write wins, 0 elsewhere)', async () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 1, max: 70 }),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 0.01, max: 1, noNaN: true })), { maxLength: 300 }),
      (rows, cols, writes) => {
        // Terms 0..rows-1 on the original side, rows..rows+cols-1 on the rewrite side (no term on both sides).
        const o = Array.from({ length: rows }, (_, i) => i),
          r = Array.from({ length: cols }, (_, j) => rows + j);
        const table = crossTable(rows + cols, o, r, o, r);
        const dense = new Float64Array(rows * cols);
        for (const [i, j, s] of writes) {
          const at = (i % rows) * cols + (j % cols);
          setSim(table, at, s);
          dense[at] = s;
        }
        finishTable(table);
        for (let at = 0; at < rows * cols; at++) if (cellSim(table, at) !== dense[at]) return false;
        // Either orientation of a term pair, and -1 for a pair of one side's terms.
        if (
          crossSim(table, 0, rows) !== dense[0] ||
          crossSim(table, rows, 0) !== dense[0] ||
          crossSim(table, 0, 0) !== -1
        )
          return false;
        return JSON.stringify([...table.sims]) === JSON.stringify([...dense].filter((s) => s !== 0));
      },
    ),
    { numRuns: 300, seed: 6 },
  );
});

t.test('a term on both sides is similar to itself; numbers get rows and columns after the other terms', async (t) => {
  // Ids: 0 original only, 1 on both sides, 2 rewrite only, 3 a number on both sides.
  const table = crossTable(4, [0, 1, 3], [1, 2, 3], [0, 1], [1, 2]);
  finishTable(table);
  t.same([...table.row], [0, 1, -1, 2]);
  t.same([...table.col], [-1, 0, 1, 2]);
  t.equal(crossSim(table, 1, 1), 1, 'the shared term');
  t.equal(crossSim(table, 3, 3), 1, 'the shared number');
  t.equal(crossSim(table, 0, 2), 0);
  t.equal(crossSim(table, 0, 3), 0, 'a term and a number: never similar');
  t.equal(table.sims.length, 2);
});

t.test('write logs: a long log, two tables filled at once, and the reused log all read back exactly', async (t) => {
  const rows = 600,
    cols = 600;
  const o = Array.from({ length: rows }, (_, i) => i),
    r = Array.from({ length: cols }, (_, j) => rows + j);
  // Tables made with one set of buffers, as a comparer makes them.
  const buffers = new LogBuffers();
  // Every cell written twice (720,000 writes: past the longest log kept for reuse), the second write wins.
  const big = crossTable(rows + cols, o, r, o, r, buffers);
  // A second table made while the first is unfinished gets a log of its own.
  const small = crossTable(4, [0, 1], [2, 3], [0, 1], [2, 3], buffers);
  for (let at = 0; at < rows * cols; at++) setSim(big, at, 0.5);
  setSim(small, 1, 0.25);
  for (let at = 0; at < rows * cols; at++) setSim(big, at, ((at % 97) + 1) / 100);
  finishTable(small, buffers);
  t.ok(buffers.spare, 'the small log is kept for reuse');
  finishTable(big, buffers);
  t.equal(cellSim(small, 1), 0.25);
  t.equal(cellSim(small, 0), 0);
  let wrong = 0;
  for (let at = 0; at < rows * cols; at++) if (cellSim(big, at) !== ((at % 97) + 1) / 100) wrong++;
  t.equal(wrong, 0, 'every cell of the long log');
  // Later tables (the small table's log is reused; the long one was not kept) start with empty logs.
  for (let k = 0; k < 3; k++) {
    const next = crossTable(4, [0, 1], [2, 3], [0, 1], [2, 3], buffers);
    setSim(next, 2, 0.75);
    finishTable(next, buffers);
    t.same([...next.sims], [0.75], `table ${k + 1} after`);
  }
});
