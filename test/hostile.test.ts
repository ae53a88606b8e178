// The tests of hostile requests and texts, in one process: each module below registers its own tests. tap starts a
// process per test file, and a start (tap's module hooks and coverage, the app's modules and resources) costs more
// than most of these files take to run. One module alone: `node dist/test/hostile/requests.js`.
import './hostile/edges.js';
import './hostile/logging.js';
import './hostile/report-csp.js';
import './hostile/requests.js';
import './hostile/security.js';
import './hostile/texts.js';
import './hostile/texts-large.js';
