// The tests of the checks stage, in one process: each module below registers its own tests. tap starts a process per
// test file, and a start (tap's module hooks and coverage, the core's resources) costs more than most of these
// tables take to run. One module alone: `node dist/test/core/checks/attribution.js`.
import './checks/attribution.js';
import './checks/fact-alignment.js';
import './checks/fact-changes.js';
import './checks/fact-equivalence.js';
import './checks/journalism.js';
import './checks/outlet-names.js';
import './checks/planted-changes.js';
import './checks/quote-check.js';
import './checks/quote-find.js';
import './checks/quote-words.js';
