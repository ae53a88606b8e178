// The tests of the terms stage, in one process: each module below registers its own tests. tap starts a process per
// test file, and a start (tap's module hooks and coverage, the core's resources) costs more than most of these
// tables take to run. One module alone: `node dist/test/core/terms/strings.js`.
import './terms/strings.js';
import './terms/tokens-read.js';
import './terms/tokens.js';
import './terms/vocabulary-texts.js';
import './terms/vocabulary.js';
