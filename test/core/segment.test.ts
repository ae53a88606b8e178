// The tests of the segment stage, in one process: each module below registers its own tests. tap starts a process per
// test file, and a start (tap's module hooks and coverage, the core's resources) costs more than most of these
// tables take to run. One module alone: `node dist/test/core/segment/article.js`.
import './segment/article.js';
import './segment/boilerplate.js';
import './segment/normalize.js';
import './segment/reclaim.js';
