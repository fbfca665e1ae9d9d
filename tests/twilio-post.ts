import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../api/context.ts';
import { signTwilioRequest } from '../api/twilio/signature.ts';
import { twilioCredentials } from '../domain/twilio-credentials.ts';

/**
 * Posts a form to `app` exactly as Twilio would: signed with the configured (or sandbox) auth
 * token over PUBLIC_BASE_URL + path. `app` may be a second app over other deps (a dead database,
 * a dead Temporal) sharing the test stack's config.
 */
export async function postTwilio(app: Hono<AppEnv>, deps: Pick<AppDeps, 'config' | 'masterKey'>, path: string, params: Record<string, string>) {
  const { authToken } = twilioCredentials(deps.config, deps.masterKey);
  const response = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(authToken, `${deps.config.PUBLIC_BASE_URL}${path}`, params) },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}

let sidSeq = 0;
/** A Twilio-looking id (CA…, RE…, SM…) unique across parallel test files. */
export const twilioSid = (prefix: 'CA' | 'RE' | 'SM') => `${prefix}${Date.now().toString(16)}${(sidSeq++).toString(16).padStart(6, '0')}${Math.random().toString(16).slice(2, 14)}`.slice(0, 34);
