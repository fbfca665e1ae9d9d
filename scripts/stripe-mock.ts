// stripe-mock, Stripe's own API mock: it checks every request against Stripe's OpenAPI
// specification (a request that does not match is a 400) and answers fixture objects. It keeps no
// state, so it checks the *shape* of our calls, not a lifecycle. A Go program: `npm install`
// installs it (scripts/install-tools.ts) when Go is on the machine; .ci/run makes sure of it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { onPath } from './temporal-server.ts';

/** Pinned: a newer stripe-mock carries a newer spec, which may accept or refuse different requests. */
export const STRIPE_MOCK_VERSION = 'v0.203.0';
export const STRIPE_MOCK_MODULE = 'github.com/stripe/stripe-mock';
/** Installed with the dependencies (and gone with them): node_modules/.tools/bin. */
export const STRIPE_MOCK_INSTALL_DIR = path.resolve(import.meta.dirname, '..', 'node_modules', '.tools', 'bin');

export const STRIPE_MOCK_INSTALL_HELP = [
  'stripe-mock (Stripe\'s API mock, used by the Stripe request tests) was not found. Install it with Go (1.22 or newer):',
  `  GOBIN=${STRIPE_MOCK_INSTALL_DIR} go install ${STRIPE_MOCK_MODULE}@${STRIPE_MOCK_VERSION}`,
  'or run `npm install` again on a machine with Go on PATH, or set STRIPE_MOCK_BIN to a stripe-mock binary.',
].join('\n');

/** The stripe-mock binary: `STRIPE_MOCK_BIN`, else `stripe-mock` on PATH, else the one npm install put in node_modules/.tools/bin. */
export function resolveStripeMockBinary(explicit = process.env.STRIPE_MOCK_BIN): string {
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`STRIPE_MOCK_BIN points at ${explicit}, which does not exist.\n${STRIPE_MOCK_INSTALL_HELP}`);
    return explicit;
  }
  const installed = path.join(STRIPE_MOCK_INSTALL_DIR, 'stripe-mock');
  const found = onPath('stripe-mock') ?? (existsSync(installed) ? installed : undefined);
  if (!found) throw new Error(STRIPE_MOCK_INSTALL_HELP);
  return found;
}

/** `go install` of the pinned version into node_modules/.tools/bin; throws with the reason (no Go, no network). */
export function installStripeMock(): string {
  if (!onPath('go')) throw new Error(`Go is not on PATH.\n${STRIPE_MOCK_INSTALL_HELP}`);
  mkdirSync(STRIPE_MOCK_INSTALL_DIR, { recursive: true });
  const result = spawnSync('go', ['install', `${STRIPE_MOCK_MODULE}@${STRIPE_MOCK_VERSION}`], { env: { ...process.env, GOBIN: STRIPE_MOCK_INSTALL_DIR }, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`go install ${STRIPE_MOCK_MODULE}@${STRIPE_MOCK_VERSION} failed.\n${STRIPE_MOCK_INSTALL_HELP}`);
  return resolveStripeMockBinary(path.join(STRIPE_MOCK_INSTALL_DIR, 'stripe-mock'));
}

export interface RunningStripeMock {
  /** http://127.0.0.1:<port>, for STRIPE_API_BASE_URL. */
  url: string;
  stop: () => Promise<void>;
}

/** Starts stripe-mock on loopback ports the system chooses (HTTP for us; its HTTPS listener cannot be turned off, so it gets one too). */
export async function startStripeMock(options: { binary?: string } = {}): Promise<RunningStripeMock> {
  const binary = options.binary ?? resolveStripeMockBinary();
  const child = spawn(binary, ['-http-addr', '127.0.0.1:0', '-https-addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`stripe-mock did not start in 15 s:\n${output}`)), 15_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Listening for HTTP at address: (127\.0\.0\.1:\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(`http://${listening[1]}`);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`stripe-mock exited (${code}) before it listened:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
