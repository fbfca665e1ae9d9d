import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import twilio from 'twilio';
import { twilioCredentials } from '../../domain/twilio-credentials.ts';
import { cleanTwilioParams } from '../../domain/twilio-fields.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';

export type TwilioParams = Record<string, string>;

const FORM = 'application/x-www-form-urlencoded';

/**
 * The webhook's form fields. Twilio always posts url-encoded forms: URLSearchParams reads one in
 * a few µs, where Request.formData() (Hono's parseBody) takes about half a millisecond — on every
 * voice webhook. Anything else still goes through parseBody; a repeated field keeps its last
 * value either way, as parseBody does.
 */
async function formFields(c: Context): Promise<TwilioParams> {
  if ((c.req.header('content-type') ?? '').toLowerCase().startsWith(FORM)) return Object.fromEntries(new URLSearchParams(await c.req.text()));
  const form = await c.req.parseBody();
  return Object.fromEntries(Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * Twilio signs each webhook with the account's auth token over the full URL it called and the
 * form fields. The URL is rebuilt from PUBLIC_BASE_URL (the one configured in Twilio), never
 * from the Host header. A bad or missing signature is refused before anything else runs.
 * The signature covers the raw values; only once it holds are control characters taken out
 * (domain/twilio-fields.ts), so every route, voice and SMS, sees fields that are safe to store.
 */
export const verifyTwilioSignature = createMiddleware<AppEnv & { Variables: { twilioParams: TwilioParams } }>(async (c, next) => {
  const { config, masterKey } = c.get('deps');
  const signature = c.req.header('x-twilio-signature');
  const params = await formFields(c).catch(() => {
    throw new ApiError(400, 'bad_request', 'Expected a form-encoded Twilio webhook body.');
  });
  const url = new URL(c.req.url);
  const signedUrl = `${config.PUBLIC_BASE_URL}${url.pathname}${url.search}`;
  const { authToken } = twilioCredentials(config, masterKey);
  if (!signature || !twilio.validateRequest(authToken, signature, signedUrl, params)) {
    c.get('logger').warn({ path: url.pathname }, 'rejected a webhook with a bad Twilio signature');
    throw new ApiError(403, 'invalid_signature', 'This request is not signed by Twilio.');
  }
  c.set('twilioParams', cleanTwilioParams(params));
  await next();
});

/** Signs a webhook the way Twilio does: for the simulator, the benchmark and tests. */
export function signTwilioRequest(authToken: string, url: string, params: TwilioParams): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
