import { verbsOf, type TwimlNode } from '../twiml-parser.ts';
import { gather, sound } from './gather.ts';
import { API_VERSION, methodOf, number, twilioSid, type CallSession } from './session.ts';
import type { Flow, Request } from './types.ts';

// A <Dial>: the callee's phone rings, their screening TwiML (if any) is followed on its own leg,
// and the dial's action hears how it went.

const DEFAULT_DIAL_TIMEOUT = 30;
const CONNECTED_TALK_SEC = 45;

/** The person a <Dial> rings: follows their (screening) TwiML; true when they took the call. */
async function ringCallee(session: CallSession, dial: TwimlNode, target: TwimlNode, documentUrl: string): Promise<boolean> {
  const answers = session.options.answerScreening ?? false;
  if (!target.attrs.url) return answers;
  const calleeParams = {
    AccountSid: session.accountSid,
    ApiVersion: API_VERSION,
    CallSid: twilioSid('CA'),
    ParentCallSid: session.callSid,
    CallStatus: 'in-progress',
    Direction: 'outbound-dial',
    From: dial.attrs.callerId ?? session.options.from,
    To: target.text,
  };
  session.calleeParams = calleeParams;
  let request: Request | null = { leg: 'callee', method: methodOf(target.attrs.method), url: session.resolve(target.attrs.url, documentUrl), params: calleeParams };
  while (request) {
    const document = await session.fetchDocument(request);
    request = null;
    for (const verb of document.verbs) {
      if (sound(session, verb, 'callee')) continue;
      if (verb.name === 'Hangup' || verb.name === 'Reject') {
        session.line('callee', 'hangup', 'the screening hangs up on the callee');
        return false;
      }
      if (verb.name === 'Gather') {
        const flow = gather(session, verb, document.url, 'callee', answers ? '1' : undefined);
        if (flow?.kind === 'goto') {
          request = flow.request;
          break;
        }
        continue;
      }
      if (verb.name === 'Redirect') {
        request = { leg: 'callee', method: methodOf(verb.attrs.method), url: session.resolve(verb.text, document.url), params: calleeParams };
        break;
      }
      session.line('system', 'note', `(the callee's <${verb.name}> is not simulated)`);
    }
  }
  // The whisper TwiML ran to its end: Twilio bridges the two calls.
  return answers;
}

/** Rings the first <Number>, <Sip> or <Client>; where the call goes next (the dial's action), null to run on. */
export async function dial(session: CallSession, verb: TwimlNode, documentUrl: string): Promise<Flow | null> {
  const targets = verbsOf(verb).filter((child) => ['Number', 'Sip', 'Client'].includes(child.name));
  const target = targets[0] ?? { name: 'Number', attrs: {}, children: [], text: verb.text };
  const callerId = verb.attrs.callerId ? ` with caller ID ${verb.attrs.callerId}` : '';
  session.line('system', 'dial', `rings ${target.text || '(nobody)'}${callerId}${target.attrs.url ? ', with call screening' : ''}`);
  const accepted = await ringCallee(session, verb, target, documentUrl);
  const dialParams: Record<string, string> = { DialCallStatus: accepted ? 'completed' : 'no-answer', DialCallSid: session.calleeParams?.CallSid ?? twilioSid('CA') };
  if (accepted) {
    session.line('system', 'dial', `the call is answered and connected (${CONNECTED_TALK_SEC} s conversation)`);
    dialParams.DialCallDuration = String(CONNECTED_TALK_SEC);
    session.seconds += CONNECTED_TALK_SEC;
  } else {
    session.line('system', 'dial', 'nobody takes the call (no-answer)');
    session.seconds += number(verb.attrs.timeout, DEFAULT_DIAL_TIMEOUT);
  }
  if (!verb.attrs.action) return null;
  return { kind: 'goto', request: { leg: 'caller', method: methodOf(verb.attrs.method), url: session.resolve(verb.attrs.action, documentUrl), params: { ...session.callerParams('in-progress'), ...dialParams } } };
}
