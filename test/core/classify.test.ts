// The tests of the classify stage, in one process: each module below registers its own tests. tap starts a process per
// test file, and a start (tap's module hooks and coverage, the core's resources) costs more than most of these
// tables take to run. One module alone: `node dist/test/core/classify/group-words.js`.
import './classify/group-words.js';
import './classify/edge-split.js';
import './classify/word-diff.js';
