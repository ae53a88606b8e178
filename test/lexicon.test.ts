// The tests of the lexicon, in one process: each module below registers its own tests. tap starts a process per
// test file, and a start (tap's module hooks and coverage, the core's resources) costs more than most of these
// tables take to run. One module alone: `node dist/test/lexicon/antonyms.js`.
import './lexicon/antonyms.js';
import './lexicon/int8-scan.js';
import './lexicon/neighbours.js';
