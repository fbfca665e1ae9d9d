import type { Config, SettingProblem } from './config.ts';
import { deriveKey } from './secrets.ts';

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  /** True when no Twilio account is configured: texts and calls stay in the local sandbox. */
  sandbox: boolean;
}

type TwilioSettings = Pick<Config, 'NODE_ENV' | 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN'>;

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const WHERE = 'Twilio console → Account info';
const SANDBOX = 'unset both to use the local sandbox';

/**
 * What stops start-up in the Twilio settings: both or neither (one alone would quietly run on the
 * sandbox), an account SID that is one, and a real account in production (the sandbox is for development).
 */
export function twilioSettingsProblems(env: TwilioSettings): SettingProblem[] {
  const { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token } = env;
  const problems: SettingProblem[] = [];
  if (sid && !token) problems.push({ variable: 'TWILIO_AUTH_TOKEN', message: `is required with TWILIO_ACCOUNT_SID (${WHERE}); or ${SANDBOX}` });
  if (token && !sid) problems.push({ variable: 'TWILIO_ACCOUNT_SID', message: `is required with TWILIO_AUTH_TOKEN (${WHERE}, AC…); or ${SANDBOX}` });
  if (sid && !ACCOUNT_SID.test(sid)) problems.push({ variable: 'TWILIO_ACCOUNT_SID', message: `must be an account SID: AC and 32 hexadecimal digits (${WHERE})` });
  if (env.NODE_ENV === 'production') {
    for (const [variable, value] of [['TWILIO_ACCOUNT_SID', sid], ['TWILIO_AUTH_TOKEN', token]] as const) {
      if (!value) problems.push({ variable, message: `is required in production: the built-in Twilio sandbox is for development (${WHERE})` });
    }
  }
  return problems;
}

/**
 * The configured Twilio account, or a local sandbox account whose auth token derives from the
 * encryption key — so the call simulator can sign requests exactly as Twilio would. Half an
 * account is refused (parseConfig already stops start-up on it).
 */
export function twilioCredentials(config: Pick<Config, 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN'>, masterKey: Buffer): TwilioCredentials {
  if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN) {
    return { accountSid: config.TWILIO_ACCOUNT_SID, authToken: config.TWILIO_AUTH_TOKEN, sandbox: false };
  }
  if (config.TWILIO_ACCOUNT_SID || config.TWILIO_AUTH_TOKEN) throw new Error('Set both TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or neither (the local sandbox).');
  return {
    accountSid: `AC${deriveKey(masterKey, 'twilio-sandbox-account').toString('hex').slice(0, 32)}`,
    authToken: deriveKey(masterKey, 'twilio-sandbox-auth-token').toString('hex').slice(0, 32),
    sandbox: true,
  };
}
