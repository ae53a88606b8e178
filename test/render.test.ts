// The tests of the renderers, in one process: each module below registers its own tests. tap starts a process per
// test file, and a start (tap's module hooks and coverage, the core's resources) costs more than most of these
// tables take to run. One module alone: `node dist/test/render/html.js`.
import './render/html.js';
import './render/matrix.js';
import './render/rows.js';
import './render/text.js';
