import { loadConfig } from './config.js';
import { buildApp } from './http/app.js';

/** Entry point: `npm start`. Configuration comes from the environment (README "Configuration"). */
const config = loadConfig();
const app = await buildApp({ config });
try {
  await app.listen({ port: config.port, host: config.host });
} catch (err) {
  app.log.fatal({ err }, 'could not start');
  process.exit(1);
}
