// The tests of the benchmark's own logic, in one process: each module below registers its own tests. tap starts a process per
// test file, and a start (tap's module hooks and coverage, the core's resources) costs more than most of these
// tables take to run. One module alone: `node dist/test/bench/bench.js`.
import './bench/bench.js';
import './bench/pan-accounting.js';
