// The tests of hostile requests to the service, in one process: each module below registers its own tests. tap starts a
// process per test file, and a start (tap's module hooks and coverage, the app's modules and resources) costs
// more than most of these files take to run. One module alone: `node dist/test/hostile/requests.js`.
import './requests.js';
import './security.js';
import './edges.js';
import './logging.js';
import './report-csp.js';
