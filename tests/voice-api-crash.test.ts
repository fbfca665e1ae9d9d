import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTwilioRequest } from '../api/twilio/signature.ts';
import { twilioCredentials } from '../domain/twilio-credentials.ts';
import { freePort } from '../scripts/ports.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { testStack } from './stack.ts';
import { twimlVerbs } from './twiml.ts';
import { actionOf, newVoiceCall, voiceTenant } from './voice-fixtures.ts';

// Issue 14: a step is durable before its answer goes back. The API runs as its own process
// (`npm run api`) and is SIGKILLed right after answering "press 1": the info text still goes out, once.

let t: TestApp;
let api: ChildProcess | undefined;
beforeAll(async () => {
  t = await createTestApp({ fakes: ['twilio'] });
});
afterAll(async () => {
  if (api?.exitCode === null) api.kill('SIGKILL');
  await t?.close();
});

async function startApiProcess(port: number, base: string): Promise<ChildProcess> {
  const stack = testStack();
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    env: {
      ...process.env,
      ...t.providerEnv,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: base,
      DATABASE_URL: stack.adminDatabaseUrl,
      APP_DATABASE_URL: stack.appDatabaseUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_TASK_QUEUE: t.taskQueue,
      SERVICEPRO_ENCRYPTION_KEY: stack.masterKeyBase64,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await expect.poll(() => output, { timeout: 60_000, interval: 200 }).toMatch(/API listening|Error/);
  expect(output).toMatch(/API listening/);
  return child;
}

describe('the API process killed mid-call', () => {
  it('SIGKILLed right after answering "press 1": the info text still goes out, once', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    api = await startApiProcess(port, base);
    const { authToken } = twilioCredentials(t.deps.config, t.deps.masterKey);
    const post = async (path: string, params: Record<string, string>) => {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(authToken, `${base}${path}`, params) },
        body: new URLSearchParams(params).toString(),
      });
      return twimlVerbs(await response.text());
    };
    const tenant = await voiceTenant(t);
    const call = newVoiceCall(t, tenant.phoneNumber);
    const menu = await post('/twilio/voice/incoming', call);
    const info = await post(actionOf(menu[0]![1]), { ...call, Digits: '1' });
    api.kill('SIGKILL');
    expect(info.map(([name]) => name)).toEqual(['Gather']);

    const texts = () => t.twilio.messages().filter((m) => m.to === call.From);
    await expect.poll(() => texts().length, { timeout: 20_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(texts()).toHaveLength(1);
  });
});
