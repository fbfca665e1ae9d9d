import MessagingResponse from 'twilio/lib/twiml/MessagingResponse.js';
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';

// TwiML as data: a list of verbs, rendered to XML by the twilio SDK's own TwiML builder (only
// xmlbuilder underneath, no Node built-ins), so it also runs inside the workflow sandbox: the call
// workflow's update answers with it.

export type Verb =
  | { say: string }
  | { gather: { action: string; numDigits: number; timeout: number; say: string } }
  | { dial: { action?: string; callerId: string; timeout: number; number?: { to: string; screenUrl?: string }; sip?: string } }
  | { record: { action: string; maxLength: number } }
  | { hangup: true };

const VOICE: VoiceResponse.SayAttributes = { voice: 'Polly.Joanna', language: 'en-US' };

function addVerb(response: VoiceResponse, verb: Verb): void {
  if ('say' in verb) {
    response.say(VOICE, verb.say);
  } else if ('gather' in verb) {
    const { action, numDigits, timeout, say } = verb.gather;
    // actionOnEmptyResult: no input also comes back to us, so the workflow decides (repeat, then voicemail).
    response.gather({ input: ['dtmf'], numDigits, timeout, action, method: 'POST', actionOnEmptyResult: true }).say(VOICE, say);
  } else if ('dial' in verb) {
    const { action, callerId, timeout, number, sip } = verb.dial;
    const dial = response.dial({ callerId, timeout, answerOnBridge: true, ...(action ? { action, method: 'POST' } : {}) });
    if (sip) dial.sip(sip);
    else if (number) dial.number(number.screenUrl ? { url: number.screenUrl, method: 'POST' } : {}, number.to);
  } else if ('record' in verb) {
    response.record({ action: verb.record.action, method: 'POST', maxLength: verb.record.maxLength, playBeep: true, finishOnKey: '#' });
  } else {
    response.hangup();
  }
}

/** A voice TwiML document: the verbs in order. */
export function renderTwiml(verbs: Verb[]): string {
  const response = new VoiceResponse();
  for (const verb of verbs) addVerb(response, verb);
  return response.toString();
}

/** The empty messaging answer: replies go out through the sendSms activity, never as TwiML. */
export const emptyMessagingTwiml = (): string => new MessagingResponse().toString();
