// The tests of the core as a whole (not of one stage), in one process: each module below registers its own tests.
// tap starts a process per test file, and a start (tap's module hooks and coverage, the core's resources) costs more
// than most of these take to run. One module alone: `node dist/test/core/properties.js`.
import './analysis-cache.js';
import './derive.js';
import './fresh-analysis.js';
import './properties.js';
import './purity.js';
