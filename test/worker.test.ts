// The tests of the compare worker's start and messages, in one process: each module below registers its own tests.
// tap starts a process per test file, and a start (tap's module hooks and coverage) costs more than the start-flag
// table takes to run. One module alone: `node dist/test/worker/worker-start.js`. The budget's tests stay in a file
// of their own (`test/worker/budget.test.ts`): they run under forced garbage collection.
import './worker/compare-worker.js';
import './worker/worker-start.js';
