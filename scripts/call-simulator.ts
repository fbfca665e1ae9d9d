// Plays a phone call the way Twilio would, so anyone can walk a tenant's IVR without a phone:
// signed, form-encoded webhooks to /twilio/voice/incoming, each TwiML answer parsed as XML and
// followed verb by verb (<Gather> gets the next keypress, <Dial> rings and screens the callee,
// <Record> leaves a voicemail), then the status callback that ends the call.
import { randomBytes } from 'node:crypto';
import { signTwilioRequest } from '../api/twilio/signature.ts';
import { parseTwiml, verbsOf, type TwimlNode } from './twiml.ts';

export interface SimulateCallOptions {
  /** The URL Twilio is configured with (PUBLIC_BASE_URL): requests are signed against it. */
  baseUrl: string;
  authToken: string;
  accountSid?: string;
  from: string;
  to: string;
  /** One entry per `<Gather>`: ['2'], or ['9', '3'] for an invalid key, then 3. */
  digits?: string[];
  callSid?: string;
  /** Whether the person a `<Dial>` rings picks up and accepts the screening prompt (presses 1). */
  answerScreening?: boolean;
  /**
   * What the caller does at a `<Gather>` once `digits` are used up: by default nothing (Twilio's
   * no-input path); with this set, they hang up, as a caller who got what they wanted would.
   * A `<Record>` still gets a message either way.
   */
  hangUpWhenDone?: boolean;
  /** How long a `<Record>`ed voicemail is. */
  recordingDurationSec?: number;
  /** Where requests actually go when it differs from baseUrl (e.g. the server's own address). */
  sendTo?: string;
  /** Guards against a `<Redirect>` loop. */
  maxRequests?: number;
  requestTimeoutMs?: number;
}

export type Leg = 'caller' | 'callee';

/** One webhook Twilio made and the TwiML it got back. */
export interface SimulatedStep {
  leg: Leg;
  method: 'GET' | 'POST';
  url: string;
  params: Record<string, string>;
  status: number;
  ms: number;
  /** The response body (TwiML, or empty for callbacks). */
  twiml: string;
}

/** A line of the conversation: who heard or did what. */
export interface TranscriptLine {
  leg: Leg | 'system';
  kind: 'say' | 'play' | 'pause' | 'press' | 'no-input' | 'dial' | 'record' | 'sms' | 'hangup' | 'note' | 'error';
  text: string;
}

export interface SimulatedCall {
  callSid: string;
  accountSid: string;
  from: string;
  to: string;
  steps: SimulatedStep[];
  lines: TranscriptLine[];
  /** What the caller heard, in order. */
  heard: string[];
  /** The keys actually sent, one entry per `<Gather>` answered. */
  pressed: string[];
  /** Simulated length of the call (speech, pauses, rings, recordings), sent as CallDuration. */
  durationSec: number;
  endedBy: 'hangup' | 'caller-hung-up' | 'end-of-twiml' | 'reject' | 'media-stream' | 'error' | 'too-many-steps';
  error?: string;
}

export class SimulatorError extends Error {
  override name = 'SimulatorError';
}

const API_VERSION = '2010-04-01';
const DEFAULT_GATHER_TIMEOUT = 5;
const DEFAULT_DIAL_TIMEOUT = 30;
const CONNECTED_TALK_SEC = 45;

/** A Twilio-style SID: two letters and 32 hex digits. */
export function twilioSid(prefix: 'CA' | 'RE' | 'AC'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

type Request = { leg: Leg; method: 'GET' | 'POST'; url: string; params: Record<string, string> };
/** Where the call goes next; `callback` is a request Twilio makes on the side (no TwiML followed). */
type Flow = { kind: 'goto'; request: Request; callback?: Request } | { kind: 'end'; endedBy: SimulatedCall['endedBy'] };

const spokenSeconds = (text: string) => Math.ceil(text.split(/\s+/).filter(Boolean).length / 2.5) + 1;
const number = (value: string | undefined, fallback: number) => (value !== undefined && Number.isFinite(Number(value)) ? Number(value) : fallback);
const methodOf = (value: string | undefined): 'GET' | 'POST' => (value?.toUpperCase() === 'GET' ? 'GET' : 'POST');

export async function simulateCall(options: SimulateCallOptions): Promise<SimulatedCall> {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const sendTo = options.sendTo?.replace(/\/$/, '');
  const accountSid = options.accountSid ?? twilioSid('AC');
  const callSid = options.callSid ?? twilioSid('CA');
  const digits = [...(options.digits ?? [])];
  const maxRequests = options.maxRequests ?? 30;
  const call: SimulatedCall = { callSid, accountSid, from: options.from, to: options.to, steps: [], lines: [], heard: [], pressed: [], durationSec: 0, endedBy: 'end-of-twiml' };
  let seconds = 0;

  // The child call's fields while a <Dial> rings someone.
  let calleeParams: Record<string, string> | undefined;

  const line = (leg: TranscriptLine['leg'], kind: TranscriptLine['kind'], text: string) => {
    call.lines.push({ leg, kind, text });
    if (leg === 'caller' && (kind === 'say' || kind === 'play')) call.heard.push(text);
  };

  const callerParams = (status: 'ringing' | 'in-progress' | 'completed'): Record<string, string> => ({
    AccountSid: accountSid,
    ApiVersion: API_VERSION,
    CallSid: callSid,
    CallStatus: status,
    Called: options.to,
    Caller: options.from,
    Direction: 'inbound',
    From: options.from,
    To: options.to,
  });

  /** Twilio resolves action URLs against the document that named them; we only follow our own server. */
  function resolve(target: string | undefined, documentUrl: string): string {
    const url = new URL(target?.trim() || documentUrl, documentUrl).toString();
    if (!url.startsWith(`${baseUrl}/`)) throw new SimulatorError(`The TwiML sends the call to ${url}, outside ${baseUrl}; the simulator only follows its own server.`);
    return url;
  }

  async function send(request: Request, { final = false } = {}): Promise<SimulatedStep> {
    if (!final && call.steps.length >= maxRequests) throw new SimulatorError(`Stopped after ${maxRequests} requests: the TwiML seems to loop.`);
    // Twilio signs POSTs over URL + sorted form fields, GETs over the URL with its query.
    const url = new URL(request.url);
    if (request.method === 'GET') for (const [key, value] of Object.entries(request.params)) url.searchParams.set(key, value);
    const signedUrl = url.toString();
    const signature = signTwilioRequest(options.authToken, signedUrl, request.method === 'POST' ? request.params : {});
    const target = sendTo ? sendTo + signedUrl.slice(baseUrl.length) : signedUrl;
    const started = performance.now();
    const response = await fetch(target, {
      method: request.method,
      headers: {
        'X-Twilio-Signature': signature,
        'User-Agent': 'TwilioProxy/1.1 (ServicePro call simulator)',
        ...(request.method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: request.method === 'POST' ? new URLSearchParams(request.params).toString() : undefined,
      signal: AbortSignal.timeout(options.requestTimeoutMs ?? 15_000),
    }).catch((error: Error) => {
      throw new SimulatorError(`Could not reach ${target}: ${error.cause instanceof Error ? error.cause.message : error.message}`);
    });
    const step: SimulatedStep = { ...request, status: response.status, ms: Math.round(performance.now() - started), twiml: await response.text() };
    call.steps.push(step);
    if (response.status >= 400) throw new SimulatorError(`${request.method} ${new URL(request.url).pathname} answered HTTP ${response.status}: ${step.twiml.slice(0, 300)}`);
    return step;
  }

  async function fetchDocument(request: Request): Promise<{ url: string; verbs: TwimlNode[] }> {
    const step = await send(request);
    return { url: request.url, verbs: verbsOf(parseTwiml(step.twiml)) };
  }

  /** Say, Play and Pause — the verbs that only make sound; true when `verb` was one of them. */
  function sound(verb: TwimlNode, leg: Leg): boolean {
    const times = Math.max(1, number(verb.attrs.loop, 1));
    if (verb.name === 'Say') {
      for (let i = 0; i < times; i++) line(leg, 'say', verb.text);
      seconds += spokenSeconds(verb.text) * times;
      return true;
    }
    if (verb.name === 'Play') {
      if (verb.attrs.digits) line(leg, 'play', `(plays tones ${verb.attrs.digits})`);
      else for (let i = 0; i < times; i++) line(leg, 'play', `(plays audio ${verb.text})`);
      seconds += 5 * times;
      return true;
    }
    if (verb.name === 'Pause') {
      const length = number(verb.attrs.length, 1);
      line(leg, 'pause', `(${length} s of silence)`);
      seconds += length;
      return true;
    }
    return false;
  }

  function gather(verb: TwimlNode, documentUrl: string, leg: Leg, keys: string | undefined): Flow | null {
    for (const child of verbsOf(verb)) sound(child, leg);
    const action = resolve(verb.attrs.action, documentUrl);
    const method = methodOf(verb.attrs.method);
    const params = leg === 'caller' ? callerParams('in-progress') : calleeParams!;
    if (keys !== undefined) {
      const numDigits = number(verb.attrs.numDigits, Infinity);
      const sent = keys.slice(0, numDigits);
      line(leg, 'press', `presses ${sent}`);
      seconds += sent.length;
      if (leg === 'caller') call.pressed.push(sent);
      return { kind: 'goto', request: { leg, method, url: action, params: { ...params, Digits: sent } } };
    }
    line(leg, 'no-input', 'presses nothing');
    seconds += number(verb.attrs.timeout, DEFAULT_GATHER_TIMEOUT);
    // Without input Twilio moves on to the next verb, unless told to report the empty result.
    if (verb.attrs.actionOnEmptyResult === 'true') return { kind: 'goto', request: { leg, method, url: action, params } };
    return null;
  }

  /** The person a <Dial> rings: follows their (screening) TwiML; true when they took the call. */
  async function ringCallee(dial: TwimlNode, target: TwimlNode, documentUrl: string): Promise<boolean> {
    const answers = options.answerScreening ?? false;
    if (!target.attrs.url) return answers;
    calleeParams = {
      AccountSid: accountSid,
      ApiVersion: API_VERSION,
      CallSid: twilioSid('CA'),
      ParentCallSid: callSid,
      CallStatus: 'in-progress',
      Direction: 'outbound-dial',
      From: dial.attrs.callerId ?? options.from,
      To: target.text,
    };
    let request: Request | null = { leg: 'callee', method: methodOf(target.attrs.method), url: resolve(target.attrs.url, documentUrl), params: calleeParams };
    while (request) {
      const document = await fetchDocument(request);
      request = null;
      for (const verb of document.verbs) {
        if (sound(verb, 'callee')) continue;
        if (verb.name === 'Hangup' || verb.name === 'Reject') {
          line('callee', 'hangup', 'the screening hangs up on the callee');
          return false;
        }
        if (verb.name === 'Gather') {
          const flow = gather(verb, document.url, 'callee', answers ? '1' : undefined);
          if (flow?.kind === 'goto') {
            request = flow.request;
            break;
          }
          continue;
        }
        if (verb.name === 'Redirect') {
          request = { leg: 'callee', method: methodOf(verb.attrs.method), url: resolve(verb.text, document.url), params: calleeParams };
          break;
        }
        line('system', 'note', `(the callee's <${verb.name}> is not simulated)`);
      }
    }
    // The whisper TwiML ran to its end: Twilio bridges the two calls.
    return answers;
  }

  async function dial(verb: TwimlNode, documentUrl: string): Promise<Flow | null> {
    const targets = verbsOf(verb).filter((child) => ['Number', 'Sip', 'Client'].includes(child.name));
    const target = targets[0] ?? { name: 'Number', attrs: {}, children: [], text: verb.text };
    const callerId = verb.attrs.callerId ? ` with caller ID ${verb.attrs.callerId}` : '';
    line('system', 'dial', `rings ${target.text || '(nobody)'}${callerId}${target.attrs.url ? ', with call screening' : ''}`);
    const accepted = await ringCallee(verb, target, documentUrl);
    const dialParams: Record<string, string> = { DialCallStatus: accepted ? 'completed' : 'no-answer', DialCallSid: calleeParams?.CallSid ?? twilioSid('CA') };
    if (accepted) {
      line('system', 'dial', `the call is answered and connected (${CONNECTED_TALK_SEC} s conversation)`);
      dialParams.DialCallDuration = String(CONNECTED_TALK_SEC);
      seconds += CONNECTED_TALK_SEC;
    } else {
      line('system', 'dial', 'nobody takes the call (no-answer)');
      seconds += number(verb.attrs.timeout, DEFAULT_DIAL_TIMEOUT);
    }
    if (!verb.attrs.action) return null;
    return { kind: 'goto', request: { leg: 'caller', method: methodOf(verb.attrs.method), url: resolve(verb.attrs.action, documentUrl), params: { ...callerParams('in-progress'), ...dialParams } } };
  }

  async function record(verb: TwimlNode, documentUrl: string): Promise<Flow> {
    const maxLength = number(verb.attrs.maxLength, 3600);
    const duration = Math.min(options.recordingDurationSec ?? 8, maxLength);
    const recordingSid = twilioSid('RE');
    const recordingUrl = `https://api.twilio.com/${API_VERSION}/Accounts/${accountSid}/Recordings/${recordingSid}`;
    if (verb.attrs.playBeep !== 'false') line('caller', 'play', '(beep)');
    line('caller', 'record', `leaves a message (${duration} s), then presses #`);
    seconds += duration;
    const recording = { RecordingUrl: recordingUrl, RecordingSid: recordingSid, RecordingDuration: String(duration) };
    const action: Request = { leg: 'caller', method: methodOf(verb.attrs.method), url: resolve(verb.attrs.action, documentUrl), params: { ...callerParams('in-progress'), ...recording, Digits: '#' } };
    if (verb.attrs.recordingStatusCallback) {
      // Twilio reports the finished recording separately (asynchronously); we send it right after the action.
      const callback: Request = {
        leg: 'caller',
        method: methodOf(verb.attrs.recordingStatusCallbackMethod),
        url: resolve(verb.attrs.recordingStatusCallback, documentUrl),
        params: { AccountSid: accountSid, CallSid: callSid, ...recording, RecordingStatus: 'completed', RecordingChannels: '1', RecordingSource: 'RecordVerb' },
      };
      return { kind: 'goto', request: action, callback };
    }
    return { kind: 'goto', request: action };
  }

  /** Runs one document's verbs in order; returns where the call goes next. */
  async function run(document: { url: string; verbs: TwimlNode[] }): Promise<Flow> {
    for (const verb of document.verbs) {
      if (sound(verb, 'caller')) continue;
      switch (verb.name) {
        case 'Gather': {
          if (digits.length === 0 && options.hangUpWhenDone) {
            for (const child of verbsOf(verb)) sound(child, 'caller');
            line('caller', 'hangup', 'hangs up');
            return { kind: 'end', endedBy: 'caller-hung-up' };
          }
          const flow = gather(verb, document.url, 'caller', digits.shift());
          if (flow) return flow;
          break;
        }
        case 'Redirect':
          return { kind: 'goto', request: { leg: 'caller', method: methodOf(verb.attrs.method), url: resolve(verb.text, document.url), params: callerParams('in-progress') } };
        case 'Dial': {
          const flow = await dial(verb, document.url);
          if (flow) return flow;
          break;
        }
        case 'Record':
          return record(verb, document.url);
        case 'Hangup':
          line('system', 'hangup', 'the call is hung up');
          return { kind: 'end', endedBy: 'hangup' };
        case 'Reject':
          line('system', 'hangup', `the call is rejected (${verb.attrs.reason ?? 'rejected'})`);
          return { kind: 'end', endedBy: 'reject' };
        case 'Sms':
        case 'Message':
          line('system', 'sms', `texts ${verb.attrs.to ?? options.from}: ${verb.text}`);
          break;
        case 'Connect':
          line('system', 'note', `connects the call to ${verbsOf(verb).map((c) => `${c.name} ${c.attrs.url ?? ''}`.trim()).join(', ') || 'a service'} (not simulated)`);
          return { kind: 'end', endedBy: 'media-stream' };
        default:
          line('system', 'note', `(<${verb.name}> is not simulated)`);
      }
    }
    line('system', 'hangup', 'the TwiML ends, so Twilio hangs up');
    return { kind: 'end', endedBy: 'end-of-twiml' };
  }

  try {
    let next: Flow = { kind: 'goto', request: { leg: 'caller', method: 'POST', url: `${baseUrl}/twilio/voice/incoming`, params: callerParams('ringing') } };
    while (next.kind === 'goto') {
      const document = await fetchDocument(next.request);
      if (next.callback) await send(next.callback);
      next = await run(document);
    }
    call.endedBy = next.endedBy;
  } catch (error) {
    call.error = (error as Error).message;
    call.endedBy = (error as Error).message.startsWith('Stopped after') ? 'too-many-steps' : 'error';
    // What Twilio does when a webhook fails: apologise and hang up.
    line('system', 'error', call.error);
    line('caller', 'say', 'We are sorry, an application error has occurred. Goodbye.');
  }

  call.durationSec = Math.max(1, seconds);
  try {
    await send({ leg: 'caller', method: 'POST', url: `${baseUrl}/twilio/voice/status`, params: { ...callerParams('completed'), CallDuration: String(call.durationSec) } }, { final: true });
  } catch (error) {
    call.error ??= `The status callback failed: ${(error as Error).message}`;
    line('system', 'error', `status callback: ${(error as Error).message}`);
  }
  return call;
}
