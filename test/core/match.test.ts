// The tests of the match stage, in one process: each module below registers its own tests. tap starts a process per
// test file, and a start (tap's module hooks and coverage, the core's resources) costs more than most of these
// tables take to run. One module alone: `node dist/test/core/match/batch-scorer.js`.
import './match/batch-scorer.js';
import './match/candidates.js';
import './match/pair-features.js';
import './match/kernels/cross-table.js';
import './match/kernels/cross.js';
