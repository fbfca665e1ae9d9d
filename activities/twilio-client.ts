import twilio from 'twilio';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient.js';
import type { Config } from '../domain/config.ts';
import { twilioCredentials } from '../domain/twilio-credentials.ts';

/** Where the local Twilio sandbox is mounted in our own API (api/sandbox/twilio.ts). */
export const TWILIO_SANDBOX_PATH = '/sandbox/twilio';

/** Every Twilio REST host is replaced by `baseUrl` (which may carry a path prefix). */
export function rebaseTwilioUrl(uri: string, baseUrl: string): string {
  const original = new URL(uri);
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  return `${base.origin}${prefix}${original.pathname}${original.search}`;
}

/**
 * The SDK's own HTTP client (auth, form encoding, error mapping all unchanged) with only the
 * origin swapped, so sandboxes and test fakes see exactly the requests Twilio would.
 */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    options: ConstructorParameters<typeof twilio.RequestClient>[0],
  ) {
    super(options);
  }

  override request<TData>(opts: TwilioRequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: rebaseTwilioUrl(opts.uri, this.baseUrl) });
  }
}

/** The base URL the client talks to: an explicit override, the local sandbox, or Twilio itself (undefined). */
export function twilioApiBaseUrl(config: Pick<Config, 'TWILIO_API_BASE_URL' | 'PUBLIC_BASE_URL'>, sandbox: boolean): string | undefined {
  if (config.TWILIO_API_BASE_URL) return config.TWILIO_API_BASE_URL;
  return sandbox ? `${config.PUBLIC_BASE_URL}${TWILIO_SANDBOX_PATH}` : undefined;
}

/**
 * The official Twilio client for the configured account. With no credentials it talks to the
 * local sandbox with the sandbox account, so `npm start` sends "texts" offline.
 */
export function createTwilioClient(config: Config, masterKey: Buffer, options: { timeoutMs?: number } = {}): twilio.Twilio {
  const credentials = twilioCredentials(config, masterKey);
  const baseUrl = twilioApiBaseUrl(config, credentials.sandbox);
  // A short timeout: an activity that hangs on Twilio is worse than one that fails and is retried.
  const httpOptions = { timeout: options.timeoutMs ?? 10_000, keepAlive: true };
  const httpClient = baseUrl ? new RebasedRequestClient(baseUrl, httpOptions) : new twilio.RequestClient(httpOptions);
  return twilio(credentials.accountSid, credentials.authToken, { httpClient });
}
