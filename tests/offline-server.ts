import path from 'node:path';
import { startApiServer } from '../api/server.ts';
import { freePort } from '../scripts/ports.ts';
import { createTestApp } from './app-harness.ts';
import { testStack } from './stack.ts';

/**
 * The real API on a free port whose PUBLIC_BASE_URL is its own address, as under `npm start`:
 * Twilio webhooks are signed for it and the local Twilio sandbox mounted in the API is reachable,
 * so calls and texts work end to end offline.
 */
export async function startOfflineServer(options: { webDist?: string } = {}) {
  const stack = testStack();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const testApp = await createTestApp({ webDist: options.webDist ?? path.resolve('web/dist'), env: { PUBLIC_BASE_URL: url } });
  const server = await startApiServer(testApp.deps, port, '127.0.0.1');
  return {
    url,
    ownerEmail: stack.owner.email,
    ownerPassword: stack.owner.password,
    testApp,
    stop: async () => {
      await server.close();
      await testApp.close();
    },
  };
}
