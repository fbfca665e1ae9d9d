import type { Config } from './config.ts';
import { deriveKey } from './secrets.ts';

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  /** True when no Twilio account is configured: texts and calls stay in the local sandbox. */
  sandbox: boolean;
}

/**
 * The configured Twilio account, or a local sandbox account whose auth token derives from the
 * encryption key — so the call simulator can sign requests exactly as Twilio would.
 */
export function twilioCredentials(config: Pick<Config, 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN'>, masterKey: Buffer): TwilioCredentials {
  if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN) {
    return { accountSid: config.TWILIO_ACCOUNT_SID, authToken: config.TWILIO_AUTH_TOKEN, sandbox: false };
  }
  return {
    accountSid: `AC${deriveKey(masterKey, 'twilio-sandbox-account').toString('hex').slice(0, 32)}`,
    authToken: deriveKey(masterKey, 'twilio-sandbox-auth-token').toString('hex').slice(0, 32),
    sandbox: true,
  };
}
