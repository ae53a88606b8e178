// The tests of the store's routes (articles, bulk ingest, check) through `app.inject`, in one process: each module
// below registers its own tests. tap starts a process per test file, and a start (tap's module hooks and coverage,
// the app's modules and resources) costs more than most of these files take to run. One module alone: `node dist/test/http/articles.js`.
import './articles.js';
import './articles-bulk.js';
import './check.js';
