// The tests of the align stage, in one process: each module below registers its own tests. tap starts a process per
// test file, and a start (tap's module hooks and coverage, the core's resources) costs more than most of these
// tables take to run. One module alone: `node dist/test/core/align/align.js`.
import './align/align.js';
import './align/belief-gates.js';
import './align/context.js';
import './align/merges.js';
import './align/properties.js';
