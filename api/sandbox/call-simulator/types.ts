// The call simulator's inputs and what it reports (api/sandbox/call-simulator.ts runs it).

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

export type Request = { leg: Leg; method: 'GET' | 'POST'; url: string; params: Record<string, string> };
/** Where the call goes next; `callback` is a request Twilio makes on the side (no TwiML followed). */
export type Flow = { kind: 'goto'; request: Request; callback?: Request } | { kind: 'end'; endedBy: SimulatedCall['endedBy'] };
