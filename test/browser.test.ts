// The tests of the pages in Chromium, in one process: each module below registers its own tests. tap starts a
// process per test file, and a start (tap's module hooks and coverage, the app's modules and resources) costs
// more than most of these files take to run. One module alone: `node dist/test/browser/editor.js`.
import './browser/docs.js';
import './browser/editor.js';
import './browser/report.js';
