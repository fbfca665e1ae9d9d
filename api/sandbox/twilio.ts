import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { isE164 } from '../../domain/phone.ts';
import { smsSegments } from '../../domain/sms-segments.ts';
import { twilioCredentials } from '../../domain/twilio-credentials.ts';
import type { AppDeps } from '../context.ts';
import { sampleVoicemailWav } from './sample-voicemail.ts';
import { createSandboxNumbers } from './twilio-numbers.ts';

// Enough of Twilio's Messages REST API (and of its recordings' media, and its phone numbers) for the official SDK to talk to. Two uses, one code:
// mounted in our API at /sandbox/twilio when no Twilio account is configured (offline `npm start`),
// and served on a free port by tests as the fake behind TWILIO_API_BASE_URL.

export interface SandboxMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  numSegments: number;
  dateCreated: string;
}

export interface TwilioSandboxOptions {
  accountSid: string;
  authToken: string;
  /** How many recent messages to keep in memory. */
  keep?: number;
}

const MESSAGE_SID = /^SM[0-9a-f]{32}$/;
const RECORDING_MEDIA = /^(RE[0-9a-f]{32})(\.wav)?$/;
const twilioError = (c: Context, status: 400 | 401 | 404 | 500, code: number, message: string) =>
  c.json({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, status);

function toJson(message: SandboxMessage) {
  return {
    account_sid: message.accountSid,
    api_version: '2010-04-01',
    body: message.body,
    date_created: new Date(message.dateCreated).toUTCString(),
    date_sent: null,
    date_updated: new Date(message.dateCreated).toUTCString(),
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: message.from,
    messaging_service_sid: message.messagingServiceSid,
    num_media: '0',
    num_segments: String(message.numSegments),
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${message.accountSid}/Messages/${message.sid}/Media.json` },
    to: message.to,
    uri: `/2010-04-01/Accounts/${message.accountSid}/Messages/${message.sid}.json`,
  };
}

export function createTwilioSandbox(options: TwilioSandboxOptions) {
  const keep = options.keep ?? 200;
  const messages: SandboxMessage[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  let failures: { remaining: number; to?: string } = { remaining: 0 };
  let attempts = 0;
  let recordingFetches = 0;
  const deletedRecordings = new Set<string>();

  const app = new Hono();

  // Twilio answers a wrong account or token with 401 / 20003 before anything else.
  app.use('/2010-04-01/Accounts/:sid/*', async (c, next) => {
    if (c.req.header('authorization') !== expectedAuth || c.req.param('sid') !== options.accountSid) {
      return twilioError(c, 401, 20003, 'Authenticate');
    }
    await next();
  });

  // Phone numbers: search, buy, point, release (twilio-numbers.ts).
  const { app: numberRoutes, reset: resetNumbers, ...numbers } = createSandboxNumbers(options.accountSid);
  app.route('/', numberRoutes);

  app.post('/2010-04-01/Accounts/:sid/Messages.json', async (c) => {
    attempts += 1;
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : null);
    const to = field('To');
    if (failures.remaining > 0 && (!failures.to || failures.to === to)) {
      failures.remaining -= 1;
      return twilioError(c, 500, 20500, 'Internal Server Error');
    }
    const body = field('Body') ?? '';
    if (!to || !isE164(to)) return twilioError(c, 400, 21211, `The 'To' number ${to ?? ''} is not a valid phone number.`);
    if (!field('From') && !field('MessagingServiceSid')) return twilioError(c, 400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.");
    const message: SandboxMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      accountSid: options.accountSid,
      to,
      from: field('From'),
      messagingServiceSid: field('MessagingServiceSid'),
      body,
      statusCallback: field('StatusCallback'),
      numSegments: smsSegments(body),
      dateCreated: new Date().toISOString(),
    };
    messages.push(message);
    if (messages.length > keep) messages.splice(0, messages.length - keep);
    return c.json(toJson(message), 201);
  });

  app.get('/2010-04-01/Accounts/:sid/Messages.json', (c) => {
    const to = c.req.query('To');
    const pageSize = Math.min(Number(c.req.query('PageSize') ?? 50) || 50, 1000);
    // Newest first, as Twilio lists them; one page is all the sandbox ever holds.
    const list = messages.filter((m) => !to || m.to === to).reverse().slice(0, pageSize);
    const uri = `/2010-04-01/Accounts/${options.accountSid}/Messages.json?PageSize=${pageSize}&Page=0`;
    return c.json({ messages: list.map(toJson), end: list.length - 1, first_page_uri: uri, next_page_uri: null, page: 0, page_size: pageSize, previous_page_uri: null, start: 0, uri });
  });

  app.get('/2010-04-01/Accounts/:sid/Messages/:messageSid{.+\\.json}', (c) => {
    const sid = c.req.param('messageSid').replace(/\.json$/, '');
    // Only a SID is looked up and named back; any other path text is not echoed.
    if (!MESSAGE_SID.test(sid)) return twilioError(c, 404, 20404, 'The requested resource was not found');
    const message = messages.find((m) => m.sid === sid);
    return message ? c.json(toJson(message)) : twilioError(c, 404, 20404, `The requested resource Message ${sid} was not found`);
  });

  // Every recording SID has media (the sample voicemail, as WAV) unless a test deleted it.
  app.get('/2010-04-01/Accounts/:sid/Recordings/:media', (c) => {
    const sid = RECORDING_MEDIA.exec(c.req.param('media'))?.[1];
    recordingFetches += 1;
    if (!sid || deletedRecordings.has(sid)) return twilioError(c, 404, 20404, 'The requested resource was not found');
    const wav = sampleVoicemailWav();
    return c.body(new Uint8Array(wav), 200, { 'content-type': 'audio/x-wav', 'content-length': String(wav.length) });
  });

  return {
    app,
    ...numbers,
    /** Recording media requests received (found or not). */
    recordingFetches: () => recordingFetches,
    /** From now on the recording is gone from "Twilio" (a 404), as after someone deletes it there. */
    deleteRecording(sid: string) {
      deletedRecordings.add(sid);
    },
    /** Messages accepted so far, oldest first. */
    messages: (): readonly SandboxMessage[] => [...messages],
    /** Create-message requests received, failed ones included. */
    attempts: () => attempts,
    /** The next `count` create-message requests (to `to`, when given) fail with a 500, as in a Twilio outage. */
    failNext(count: number, options: { to?: string } = {}) {
      failures = { remaining: count, to: options.to };
    },
    reset() {
      resetNumbers();
      messages.length = 0;
      attempts = 0;
      recordingFetches = 0;
      deletedRecordings.clear();
      failures = { remaining: 0 };
    },
  };
}

export type TwilioSandbox = ReturnType<typeof createTwilioSandbox>;

const localSandboxes = new Map<string, TwilioSandbox>();

/**
 * What the API mounts at /sandbox/twilio: the sandbox for the derived local account when no Twilio
 * account is configured (one per process, so every app instance sees the same texts), else nothing.
 */
export function localTwilioSandbox(deps: Pick<AppDeps, 'config' | 'masterKey'>): TwilioSandbox | null {
  const credentials = twilioCredentials(deps.config, deps.masterKey);
  if (!credentials.sandbox) return null;
  let sandbox = localSandboxes.get(credentials.accountSid);
  if (!sandbox) {
    sandbox = createTwilioSandbox(credentials);
    localSandboxes.set(credentials.accountSid, sandbox);
  }
  return sandbox;
}

/** The sandbox's routes in sandbox mode; an empty group (so a 404) when a real account is configured. */
export const twilioSandboxRoutes = (deps: Pick<AppDeps, 'config' | 'masterKey'>) => localTwilioSandbox(deps)?.app ?? new Hono();
