// The tests of the storage engines, in one process: each module below registers its own tests. tap starts a process
// per test file, and a start (tap's module hooks and coverage) costs more than most of these take to run. One module
// alone: `node dist/test/store/store.js`.
import './store/durability.js';
import './store/postings-cache.js';
import './store/sqlite-driver.js';
import './store/store.js';
