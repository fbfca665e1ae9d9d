// Offline, as under `npm start`: a voicemail left through the call simulator is kept from the
// built-in Twilio sandbox (real speech) and plays through the API like any other.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { twilioCredentials } from '../../domain/twilio-credentials.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { startTestServer } from '../../tests/app-harness.ts';
import { randomNumber } from '../../tests/tenant-fixtures.ts';
import { simulateCall } from './call-simulator.ts';
import { sampleVoicemailWav } from './sample-voicemail.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let owner: string;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.testApp.ownerToken();
}, 60_000);
afterAll(async () => server?.stop());

type Listed = { id: string; callSid: string; recording: { url: string } | null; transcript: { status: string } };

it('press 3 in the simulator: the recording is kept from the sandbox and plays, with no transcription offline', async () => {
  const { config, masterKey } = server.testApp.deps;
  const { authToken, accountSid } = twilioCredentials(config, masterKey);
  const call = await simulateCall({ baseUrl: config.PUBLIC_BASE_URL, authToken, accountSid, from: randomNumber(), to: '+19185550100', digits: ['3'] });
  expect(call.error).toBeUndefined();

  const list = async () => {
    const response = await fetch(`${server.url}/api/tenants/root/voicemails?limit=100`, { headers: { authorization: `Bearer ${owner}` } });
    return ((await response.json()) as { voicemails: Listed[] }).voicemails.find((v) => v.callSid === call.callSid);
  };
  await expect.poll(list, { timeout: 15_000 }).toBeDefined();
  const voicemail = (await list())!;
  // The row shows before storeVoicemail has started the audio workflow: wait for it to exist and end.
  const audioWorkflow = server.testApp.deps.temporal.workflow.getHandle(workflowIds.voicemailAudio('root', voicemail.id));
  await expect.poll(() => audioWorkflow.result().then((outcome) => outcome.audio, () => null), { timeout: 15_000 }).toBe('kept');

  const played = await fetch(`${server.url}${voicemail.recording!.url}`);
  expect(played.status).toBe(200);
  expect(played.headers.get('content-type')).toBe('audio/x-wav');
  expect(Buffer.from(await played.arrayBuffer()).equals(sampleVoicemailWav())).toBe(true);
  expect((await list())!.transcript.status).toBe('none');
});
