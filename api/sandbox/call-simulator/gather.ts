import { verbsOf, type TwimlNode } from '../twiml-parser.ts';
import { methodOf, number, type CallSession } from './session.ts';
import type { Flow, Leg } from './types.ts';

// What either leg hears (<Say>, <Play>, <Pause>) and presses (<Gather>), on the simulated clock.

const DEFAULT_GATHER_TIMEOUT = 5;

const spokenSeconds = (text: string) => Math.ceil(text.split(/\s+/).filter(Boolean).length / 2.5) + 1;

/** Say, Play and Pause — the verbs that only make sound; true when `verb` was one of them. */
export function sound(session: CallSession, verb: TwimlNode, leg: Leg): boolean {
  const times = Math.max(1, number(verb.attrs.loop, 1));
  if (verb.name === 'Say') {
    for (let i = 0; i < times; i++) session.line(leg, 'say', verb.text);
    session.seconds += spokenSeconds(verb.text) * times;
    return true;
  }
  if (verb.name === 'Play') {
    if (verb.attrs.digits) session.line(leg, 'play', `(plays tones ${verb.attrs.digits})`);
    else for (let i = 0; i < times; i++) session.line(leg, 'play', `(plays audio ${verb.text})`);
    session.seconds += 5 * times;
    return true;
  }
  if (verb.name === 'Pause') {
    const length = number(verb.attrs.length, 1);
    session.line(leg, 'pause', `(${length} s of silence)`);
    session.seconds += length;
    return true;
  }
  return false;
}

/** A <Gather>: its prompt, then `keys` pressed (or nothing); where the call goes, null to run on. */
export function gather(session: CallSession, verb: TwimlNode, documentUrl: string, leg: Leg, keys: string | undefined): Flow | null {
  for (const child of verbsOf(verb)) sound(session, child, leg);
  const action = session.resolve(verb.attrs.action, documentUrl);
  const method = methodOf(verb.attrs.method);
  const params = leg === 'caller' ? session.callerParams('in-progress') : session.calleeParams!;
  if (keys !== undefined) {
    const numDigits = number(verb.attrs.numDigits, Infinity);
    const sent = keys.slice(0, numDigits);
    session.line(leg, 'press', `presses ${sent}`);
    session.seconds += sent.length;
    if (leg === 'caller') session.call.pressed.push(sent);
    return { kind: 'goto', request: { leg, method, url: action, params: { ...params, Digits: sent } } };
  }
  session.line(leg, 'no-input', 'presses nothing');
  session.seconds += number(verb.attrs.timeout, DEFAULT_GATHER_TIMEOUT);
  // Without input Twilio moves on to the next verb, unless told to report the empty result.
  if (verb.attrs.actionOnEmptyResult === 'true') return { kind: 'goto', request: { leg, method, url: action, params } };
  return null;
}
