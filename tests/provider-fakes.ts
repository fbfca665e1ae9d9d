import { stripeCredentials } from '../domain/stripe-credentials.ts';
import { twilioCredentials } from '../domain/twilio-credentials.ts';
import { startOpenAiFake, type OpenAiFake } from './openai-fake.ts';
import { startSmtpFake, type SmtpFake } from './smtp-fake.ts';
import { startStripeFake, type StripeFake } from './stripe-fake.ts';
import { startTwilioFake, type TwilioFake } from './twilio-fake.ts';

// The providers a test app talks to, in one place. Twilio, Stripe and SMTP are the only parts of
// a test that are not real; each is a local server reached over HTTP (or SMTP) by the official
// client, so what the product sends is what the provider would receive.

export type ProviderFakeName = 'twilio' | 'stripe' | 'smtp' | 'openai';

export interface ProviderFakeOptions {
  /**
   * Providers faked as a configured account (credentials set, so the app is out of sandbox mode
   * for them). SMTP is only there when named.
   */
  accounts?: readonly ProviderFakeName[];
  /**
   * The encryption key of an app nobody serves over HTTP. Its local sandboxes are mounted in the
   * API at PUBLIC_BASE_URL, which nothing answers, so texts and billing would retry forever (or
   * reach a developer's `npm start` on :3000): Twilio and Stripe not named in `accounts` get a fake
   * under the sandbox account this key derives, and the app stays in sandbox mode.
   */
  sandboxKey?: Buffer;
  rejectRecipients?: RegExp;
}

export interface ProviderFakes {
  twilio?: TwilioFake;
  stripe?: StripeFake;
  smtp?: SmtpFake;
  openai?: OpenAiFake;
  /** The environment that points an app (or a worker process) at these fakes. */
  env: Record<string, string>;
  close: () => Promise<void>;
}

/** Starts the fakes `options` ask for; `close()` stops them all. */
export async function startProviderFakes(options: ProviderFakeOptions): Promise<ProviderFakes> {
  const accounts = new Set(options.accounts ?? []);
  const { sandboxKey } = options;
  const [twilio, stripe, smtp, openai] = await Promise.all([
    accounts.has('twilio') ? startTwilioFake() : sandboxKey ? startTwilioFake(twilioCredentials({}, sandboxKey)) : undefined,
    accounts.has('stripe') ? startStripeFake() : sandboxKey ? startStripeFake(stripeCredentials({}, sandboxKey)) : undefined,
    accounts.has('smtp') ? startSmtpFake({ rejectRecipients: options.rejectRecipients }) : undefined,
    accounts.has('openai') ? startOpenAiFake() : undefined,
  ]);
  return {
    twilio,
    stripe,
    smtp,
    openai,
    env: { ...twilio?.env, ...stripe?.env, ...smtp?.env, ...openai?.env },
    close: async () => {
      await Promise.all([twilio?.close(), stripe?.close(), smtp?.close(), openai?.close()]);
    },
  };
}
