import { randomBytes } from 'node:crypto';
import { signTwilioRequest } from '../../twilio/signature.ts';
import { parseTwiml, verbsOf, type TwimlNode } from '../twiml-parser.ts';
import type { Request, SimulateCallOptions, SimulatedCall, SimulatedStep, TranscriptLine } from './types.ts';

// One simulated call's state — the transcript so far, the simulated clock, the keys still to press,
// the callee's leg while a <Dial> rings — and its requests to our server, signed as Twilio signs them.

export const API_VERSION = '2010-04-01';

export class SimulatorError extends Error {
  override name = 'SimulatorError';
}

/** A Twilio-style SID: two letters and 32 hex digits. */
export function twilioSid(prefix: 'CA' | 'RE' | 'AC'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

export const number = (value: string | undefined, fallback: number) => (value !== undefined && Number.isFinite(Number(value)) ? Number(value) : fallback);
export const methodOf = (value: string | undefined): 'GET' | 'POST' => (value?.toUpperCase() === 'GET' ? 'GET' : 'POST');

export class CallSession {
  readonly baseUrl: string;
  private readonly sendTo: string | undefined;
  readonly accountSid: string;
  readonly callSid: string;
  /** Keys still to press, one entry per <Gather>. */
  readonly digits: string[];
  private readonly maxRequests: number;
  readonly call: SimulatedCall;
  /** The simulated clock: speech, pauses, rings and recordings. */
  seconds = 0;
  /** The child call's fields while a <Dial> rings someone. */
  calleeParams: Record<string, string> | undefined;

  constructor(readonly options: SimulateCallOptions) {
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
    this.sendTo = options.sendTo?.replace(/\/$/, '');
    this.accountSid = options.accountSid ?? twilioSid('AC');
    this.callSid = options.callSid ?? twilioSid('CA');
    this.digits = [...(options.digits ?? [])];
    this.maxRequests = options.maxRequests ?? 30;
    this.call = { callSid: this.callSid, accountSid: this.accountSid, from: options.from, to: options.to, steps: [], lines: [], heard: [], pressed: [], durationSec: 0, endedBy: 'end-of-twiml' };
  }

  line(leg: TranscriptLine['leg'], kind: TranscriptLine['kind'], text: string) {
    this.call.lines.push({ leg, kind, text });
    if (leg === 'caller' && (kind === 'say' || kind === 'play')) this.call.heard.push(text);
  }

  callerParams(status: 'ringing' | 'in-progress' | 'completed'): Record<string, string> {
    const { accountSid, callSid, options } = this;
    return { AccountSid: accountSid, ApiVersion: API_VERSION, CallSid: callSid, CallStatus: status, Called: options.to, Caller: options.from, Direction: 'inbound', From: options.from, To: options.to };
  }

  /** Twilio resolves action URLs against the document that named them; we only follow our own server. */
  resolve(target: string | undefined, documentUrl: string): string {
    const url = new URL(target?.trim() || documentUrl, documentUrl).toString();
    if (!url.startsWith(`${this.baseUrl}/`)) throw new SimulatorError(`The TwiML sends the call to ${url}, outside ${this.baseUrl}; the simulator only follows its own server.`);
    return url;
  }

  async send(request: Request, { final = false } = {}): Promise<SimulatedStep> {
    if (!final && this.call.steps.length >= this.maxRequests) throw new SimulatorError(`Stopped after ${this.maxRequests} requests: the TwiML seems to loop.`);
    // Twilio signs POSTs over URL + sorted form fields, GETs over the URL with its query.
    const url = new URL(request.url);
    if (request.method === 'GET') for (const [key, value] of Object.entries(request.params)) url.searchParams.set(key, value);
    const signedUrl = url.toString();
    const signature = signTwilioRequest(this.options.authToken, signedUrl, request.method === 'POST' ? request.params : {});
    const target = this.sendTo ? this.sendTo + signedUrl.slice(this.baseUrl.length) : signedUrl;
    const started = performance.now();
    const response = await fetch(target, {
      method: request.method,
      headers: {
        'X-Twilio-Signature': signature,
        'User-Agent': 'TwilioProxy/1.1 (ServicePro call simulator)',
        ...(request.method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: request.method === 'POST' ? new URLSearchParams(request.params).toString() : undefined,
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 15_000),
    }).catch((error: Error) => {
      throw new SimulatorError(`Could not reach ${target}: ${error.cause instanceof Error ? error.cause.message : error.message}`);
    });
    const step: SimulatedStep = { ...request, status: response.status, ms: Math.round(performance.now() - started), twiml: await response.text() };
    this.call.steps.push(step);
    if (response.status >= 400) throw new SimulatorError(`${request.method} ${new URL(request.url).pathname} answered HTTP ${response.status}: ${step.twiml.slice(0, 300)}`);
    return step;
  }

  /** A request whose answer is TwiML to follow: its verbs, in document order. */
  async fetchDocument(request: Request): Promise<{ url: string; verbs: TwimlNode[] }> {
    const step = await this.send(request);
    return { url: request.url, verbs: verbsOf(parseTwiml(step.twiml)) };
  }
}
