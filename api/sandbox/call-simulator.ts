// Plays a phone call the way Twilio would, so anyone can walk a tenant's IVR without a phone:
// signed, form-encoded webhooks to /twilio/voice/incoming, each TwiML answer parsed as XML and
// followed verb by verb (<Gather> gets the next keypress, <Dial> rings and screens the callee,
// <Record> leaves a voicemail), then the status callback that ends the call. The pieces live in
// ./call-simulator/: the call's state and requests (session.ts), the caller's verbs (caller.ts),
// keys and sounds (gather.ts), the callee's leg (dial.ts).
import { runDocument } from './call-simulator/caller.ts';
import { CallSession } from './call-simulator/session.ts';
import type { Flow, SimulateCallOptions, SimulatedCall } from './call-simulator/types.ts';

export { SimulatorError, twilioSid } from './call-simulator/session.ts';
export type { Leg, SimulateCallOptions, SimulatedCall, SimulatedStep, TranscriptLine } from './call-simulator/types.ts';

export async function simulateCall(options: SimulateCallOptions): Promise<SimulatedCall> {
  const session = new CallSession(options);
  const { call, baseUrl } = session;
  try {
    let next: Flow = { kind: 'goto', request: { leg: 'caller', method: 'POST', url: `${baseUrl}/twilio/voice/incoming`, params: session.callerParams('ringing') } };
    while (next.kind === 'goto') {
      const document = await session.fetchDocument(next.request);
      if (next.callback) await session.send(next.callback);
      next = await runDocument(session, document);
    }
    call.endedBy = next.endedBy;
  } catch (error) {
    call.error = (error as Error).message;
    call.endedBy = (error as Error).message.startsWith('Stopped after') ? 'too-many-steps' : 'error';
    // What Twilio does when a webhook fails: apologise and hang up.
    session.line('system', 'error', call.error);
    session.line('caller', 'say', 'We are sorry, an application error has occurred. Goodbye.');
  }
  await endCall(session);
  return call;
}

/** The status callback that ends every call, with its simulated length. */
async function endCall(session: CallSession) {
  const { call } = session;
  call.durationSec = Math.max(1, session.seconds);
  try {
    await session.send({ leg: 'caller', method: 'POST', url: `${session.baseUrl}/twilio/voice/status`, params: { ...session.callerParams('completed'), CallDuration: String(call.durationSec) } }, { final: true });
  } catch (error) {
    call.error ??= `The status callback failed: ${(error as Error).message}`;
    session.line('system', 'error', `status callback: ${(error as Error).message}`);
  }
}
