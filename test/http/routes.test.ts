// The tests of the compare, batch, report and service routes through `app.inject`, in one process: each module
// below registers its own tests. tap starts a process per test file, and a start (tap's module hooks and coverage,
// the app's modules and resources) costs more than most of these files take to run. One module alone: `node dist/test/http/compare.js`.
import './compare.js';
import './negotiation.js';
import './journalism.js';
import './contract.js';
import './service.js';
import './ui.js';
import './engine-config.js';
import './api-keys.js';
import './batch.js';
