import { verbsOf, type TwimlNode } from '../twiml-parser.ts';
import { dial } from './dial.ts';
import { gather, sound } from './gather.ts';
import { API_VERSION, methodOf, number, twilioSid, type CallSession } from './session.ts';
import type { Flow, Request } from './types.ts';

// The caller's side of the call: one TwiML document's verbs in order, and a <Record>ed voicemail.

async function record(session: CallSession, verb: TwimlNode, documentUrl: string): Promise<Flow> {
  const { accountSid, callSid } = session;
  const maxLength = number(verb.attrs.maxLength, 3600);
  const duration = Math.min(session.options.recordingDurationSec ?? 8, maxLength);
  const recordingSid = twilioSid('RE');
  const recordingUrl = `https://api.twilio.com/${API_VERSION}/Accounts/${accountSid}/Recordings/${recordingSid}`;
  if (verb.attrs.playBeep !== 'false') session.line('caller', 'play', '(beep)');
  session.line('caller', 'record', `leaves a message (${duration} s), then presses #`);
  session.seconds += duration;
  const recording = { RecordingUrl: recordingUrl, RecordingSid: recordingSid, RecordingDuration: String(duration) };
  const action: Request = { leg: 'caller', method: methodOf(verb.attrs.method), url: session.resolve(verb.attrs.action, documentUrl), params: { ...session.callerParams('in-progress'), ...recording, Digits: '#' } };
  if (verb.attrs.recordingStatusCallback) {
    // Twilio reports the finished recording separately (asynchronously); we send it right after the action.
    const callback: Request = {
      leg: 'caller',
      method: methodOf(verb.attrs.recordingStatusCallbackMethod),
      url: session.resolve(verb.attrs.recordingStatusCallback, documentUrl),
      params: { AccountSid: accountSid, CallSid: callSid, ...recording, RecordingStatus: 'completed', RecordingChannels: '1', RecordingSource: 'RecordVerb' },
    };
    return { kind: 'goto', request: action, callback };
  }
  return { kind: 'goto', request: action };
}

/** A <Gather> for the caller: the next key, or — out of keys, with `hangUpWhenDone` — a hang-up. */
function callerGather(session: CallSession, verb: TwimlNode, documentUrl: string): Flow | null {
  if (session.digits.length === 0 && session.options.hangUpWhenDone) {
    for (const child of verbsOf(verb)) sound(session, child, 'caller');
    session.line('caller', 'hangup', 'hangs up');
    return { kind: 'end', endedBy: 'caller-hung-up' };
  }
  return gather(session, verb, documentUrl, 'caller', session.digits.shift());
}

/** Runs one document's verbs in order; returns where the call goes next. */
export async function runDocument(session: CallSession, document: { url: string; verbs: TwimlNode[] }): Promise<Flow> {
  for (const verb of document.verbs) {
    if (sound(session, verb, 'caller')) continue;
    switch (verb.name) {
      case 'Gather': {
        const flow = callerGather(session, verb, document.url);
        if (flow) return flow;
        break;
      }
      case 'Redirect':
        return { kind: 'goto', request: { leg: 'caller', method: methodOf(verb.attrs.method), url: session.resolve(verb.text, document.url), params: session.callerParams('in-progress') } };
      case 'Dial': {
        const flow = await dial(session, verb, document.url);
        if (flow) return flow;
        break;
      }
      case 'Record':
        return record(session, verb, document.url);
      case 'Hangup':
        session.line('system', 'hangup', 'the call is hung up');
        return { kind: 'end', endedBy: 'hangup' };
      case 'Reject':
        session.line('system', 'hangup', `the call is rejected (${verb.attrs.reason ?? 'rejected'})`);
        return { kind: 'end', endedBy: 'reject' };
      case 'Sms':
      case 'Message':
        session.line('system', 'sms', `texts ${verb.attrs.to ?? session.options.from}: ${verb.text}`);
        break;
      case 'Connect':
        session.line('system', 'note', `connects the call to ${verbsOf(verb).map((c) => `${c.name} ${c.attrs.url ?? ''}`.trim()).join(', ') || 'a service'} (not simulated)`);
        return { kind: 'end', endedBy: 'media-stream' };
      default:
        session.line('system', 'note', `(<${verb.name}> is not simulated)`);
    }
  }
  session.line('system', 'hangup', 'the TwiML ends, so Twilio hangs up');
  return { kind: 'end', endedBy: 'end-of-twiml' };
}
