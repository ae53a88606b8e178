/**
 * Prints the OpenAPI document the service serves at /docs/json, as the routes' schemas generate it, so that it can
 * be linted (`npm run lint:openapi`) or published without starting a server.
 */
import { buildApp } from '../src/http/app.js';

// No inline compare at build time: the document needs the routes, not the core's resources.
const app = await buildApp({ logger: false, config: { inlineMaxChars: 0 } });
await app.ready();
process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
