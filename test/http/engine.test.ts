// The tests of the compare engine behind the routes (the worker pool, its budget and faults, shedding under load,
// readiness, shutdown), in one process: each module below registers its own tests and runs them one after another.
// tap starts a process per test file, and a start (tap's module hooks and coverage, the app's modules) costs more
// than most of these take to run. One module alone: `node dist/test/http/engine/faults.js`.
import './engine/faults.js';
import './engine/load.js';
import './engine/pool.js';
import './engine/pressure.js';
import './engine/ready.js';
import './engine/shutdown.js';
