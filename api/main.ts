// `npm run api`: the API process alone (serving web/dist when built), for a deployment that runs
// its parts separately; `npm start` runs everything in one process instead.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, parseConfig } from '../domain/config.ts';
import { closeDeps, createDeps } from '../workers/runtime/deps.ts';
import { createLogger } from '../workers/runtime/logger.ts';
import { startApiServer } from './server.ts';

async function main() {
  const config = parseConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL, { process: 'api' });
  const webDist = path.resolve('web/dist');
  const deps = await createDeps(config, logger, existsSync(path.join(webDist, 'index.html')) ? { webDist } : {});
  const api = await startApiServer(deps, config.PORT); // on HOST: loopback unless configured
  logger.info({ url: config.PUBLIC_BASE_URL, listening: `${api.host}:${config.PORT}` }, 'API listening');

  const stop = async () => {
    await api.close();
    await closeDeps(deps);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
