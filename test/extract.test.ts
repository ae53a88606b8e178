// The tests of reading an article out of a web page, in one process: each module below registers its own tests. tap
// starts a process per test file, and a start (tap's module hooks and coverage, the core's resources) costs more than
// the page tables take to run. One module alone: `node dist/test/extract/html.js`.
import './extract/html.js';
import './extract/route.js';
