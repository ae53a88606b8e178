// The tests of the command line (the report and the store commands), in one process: each module below registers its
// own tests. tap starts a process per test file, and a start (tap's module hooks and coverage, the core's resources)
// costs more than most of these take to run. One module alone: `node dist/test/cli/report.js`.
import './cli/report.js';
import './cli/store.js';
