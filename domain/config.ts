import { z } from 'zod';
import { stripeSettingsProblems } from './stripe-credentials.ts';
import { twilioSettingsProblems } from './twilio-credentials.ts';
import { isE164 } from './phone.ts';
import { DEFAULT_ALLOWED_COUNTRIES, parseCountryList } from './phone-destinations.ts';

const optionalUrl = z.url().optional();
/** A reminder lead: positive minutes, at most 30 days. */
const isLeadMinutes = (n: number) => Number.isFinite(n) && n > 0 && n <= 60 * 24 * 30;
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/**
 * Every setting ServicePro reads, validated once at start-up. Defaults describe the embedded
 * stack (`npm start`): unset service URLs mean "start a local one".
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    PUBLIC_BASE_URL: optionalUrl,
    // ── The HTTP edge ──
    /** The address the API listens on: loopback by default, so only this machine (or a proxy on it) reaches it; `0.0.0.0` or `::` for every interface. */
    HOST: z.union([z.ipv4(), z.ipv6(), z.hostname()], { error: 'must be an IP address or host name to listen on, such as 127.0.0.1, 0.0.0.0 or ::' }).default('127.0.0.1'),
    /** How many reverse proxies in front of the API append to X-Forwarded-For; 0 = trust no forwarded header, use the socket's peer. */
    TRUST_PROXY_HOPS: z.coerce
      .number({ error: 'must be the number of proxies in front of ServicePro (0 when clients connect directly)' })
      .int('must be the number of proxies in front of ServicePro (0 when clients connect directly)')
      .min(0, 'must be the number of proxies in front of ServicePro (0 when clients connect directly)')
      .max(10, 'must be the number of proxies in front of ServicePro (at most 10)')
      .default(0),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SERVICEPRO_DATA_DIR: z.string().default('.servicepro'),

    DATABASE_URL: optionalUrl,
    APP_DATABASE_URL: optionalUrl,

    TEMPORAL_ADDRESS: z.string().optional(),
    TEMPORAL_NAMESPACE: z.string().default('default'),
    TEMPORAL_TASK_QUEUE: z.string().default('servicepro'),
    TEMPORAL_UI_URL: optionalUrl,
    TEMPORAL_BIN: z.string().optional(),
    /** A workflow bundle built at deploy time (`npm run build:workflows -- <file>`); unset: the worker builds one at start. */
    WORKFLOW_BUNDLE_PATH: z.string().optional(),

    SERVICEPRO_ADMIN_EMAIL: z.email().default('owner@cleanmachine.local'),
    SERVICEPRO_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    ROOT_PHONE_NUMBER: z.string().refine(isE164, 'must be an E.164 number such as +19185550100').default('+19185550100'),

    SERVICEPRO_ENCRYPTION_KEY: z
      .string()
      .refine((key) => Buffer.from(key, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)')
      .optional(),
    SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
    /** How long an emailed invite link works (a resend mails a new one). */
    INVITE_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(24 * 7),
    /** How long an emailed password-reset link works. */
    PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),

    TWILIO_ACCOUNT_SID: z.string().optional(),
    TWILIO_AUTH_TOKEN: z.string().optional(),
    TWILIO_API_BASE_URL: optionalUrl,
    /** The platform's own registered number: texts of a business still waiting for carrier registration go from it (unset: ROOT_PHONE_NUMBER). */
    PLATFORM_SMS_NUMBER: z.string().refine(isE164, 'must be an E.164 number such as +19185550100').optional(),
    /** ServicePro's own approved (ISV) Trust Hub profile, BU…: assigned to each business's profile when set. */
    TWILIO_PRIMARY_CUSTOMER_PROFILE_SID: z.string().regex(/^BU[0-9a-f]{32}$/, 'must be a Trust Hub profile SID (BU followed by 32 hex digits)').optional(),
    /** Carrier registration reviews are checked this long after submission, then twice as long each time up to the max (Twilio's callbacks wake it sooner). */
    CARRIER_REGISTRATION_POLL_FIRST_MS: z.coerce.number().int().min(10).max(86_400_000).default(60_000),
    CARRIER_REGISTRATION_POLL_MAX_MS: z.coerce.number().int().min(10).max(7 * 86_400_000).default(3_600_000),
    /** A caller gets at most one missed-call text in this many hours (windows on the tenant's clock). */
    MISSED_CALL_TEXT_EVERY_HOURS: z.coerce.number().int('must be whole hours, 1 to 720').min(1, 'must be whole hours, 1 to 720').max(24 * 30, 'must be whole hours, 1 to 720').default(24),
    /** How long a Twilio voice webhook may wait for its workflow before the API answers a safe fallback (Twilio gives up at 15 s). */
    TWILIO_WEBHOOK_DEADLINE_MS: z.coerce.number().int().min(100).max(10_000).default(2_000),
    /** How long a voice webhook gives Temporal to accept a call's step before keeping it in Postgres instead (and as long again for Postgres). */
    VOICE_EVENT_DEADLINE_MS: z.coerce.number().int().min(50).max(5_000).default(500),
    /** How long an API process answers calls from its cached copy of a tenant's phone settings before reading them again (settings saved in the same process apply at once). */
    CALL_CONTEXT_TTL_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /** ISO country codes texts go to and calls are forwarded to; each tenant may narrow it in Phone settings. */
    SMS_ALLOWED_COUNTRIES: z
      .string()
      .default(DEFAULT_ALLOWED_COUNTRIES.join(','))
      .transform((value, ctx) => {
        try {
          return parseCountryList(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    /** At most this many automatic texts (info text, missed-call text, auto-reply) to one number, per tenant, in any hour and any day. */
    SMS_AUTO_TEXTS_PER_NUMBER_HOUR: z.coerce.number().int().min(1).max(1_000).default(3),
    SMS_AUTO_TEXTS_PER_NUMBER_DAY: z.coerce.number().int().min(1).max(10_000).default(6),
    STRIPE_SECRET_KEY: z.string().optional(),
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    STRIPE_API_BASE_URL: optionalUrl,
    /** Free trial on every tier, from onboarding. */
    BILLING_TRIAL_DAYS: z.coerce.number().int().min(0).max(365).default(14),
    /** An onboarding wizard without a step for this long reminds its owner (email, and a text when they gave a mobile number); fractions allowed. */
    ONBOARDING_REMINDER_HOURS: z.coerce.number().positive().max(24 * 30).default(24),
    /** An onboarding wizard without a step for this long expires, releasing everything it held; fractions allowed. */
    ONBOARDING_EXPIRY_DAYS: z.coerce.number().positive().max(90).default(7),
    /** How long the API waits for the onboarding workflow to answer a wizard step (it needs a worker). */
    ONBOARDING_UPDATE_DEADLINE_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
    // ── Bookings (workflows/booking.ts) ──
    /** Minutes before a booking's start that its reminders go out, comma-separated (tests and the e2e shorten them). */
    BOOKING_REMINDER_LEAD_MINUTES: z
      .string()
      .default('1440,120')
      .transform((value, ctx) => {
        const leads = value.split(',').map((part) => Number(part.trim())).filter((n) => isLeadMinutes(n));
        if (value.trim() !== '' && leads.length !== value.split(',').length) {
          ctx.addIssue({ code: 'custom', message: 'must be minutes before the start, comma-separated, such as 1440,120' });
          return z.NEVER;
        }
        return [...new Set(leads)].sort((a, b) => b - a);
      }),
    /** Minutes after a booking's end that the thank-you (and review request) goes out; fractions allowed. */
    BOOKING_FOLLOW_UP_MINUTES: z.coerce.number().min(0).max(60 * 24 * 30).default(120),
    /** How long the API waits for a booking workflow to answer a change (reschedule, cancel, confirm). */
    BOOKING_UPDATE_DEADLINE_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
    /** Online booking attempts one address may make to one business per hour. */
    BOOKING_ATTEMPTS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
    /** How long a past-due tenant keeps working before it is suspended. */
    BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(14),
    /** How long a suspended tenant's data is kept before a final export is made and its rows are purged. */
    BILLING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    /** Monthly price of each tier in cents (the Stripe prices are ensured by lookup key `servicepro_<tier>_monthly`). */
    BILLING_PRICE_STARTER_CENTS: z.coerce.number().int().min(0).default(4_900),
    BILLING_PRICE_PRO_CENTS: z.coerce.number().int().min(0).default(14_900),
    BILLING_PRICE_ELITE_CENTS: z.coerce.number().int().min(0).default(29_900),
    /** Usage billed on top of the plan, per SMS segment and per started call minute (Stripe metered prices on the usage meters). */
    BILLING_PRICE_SMS_SEGMENT_CENTS: z.coerce.number().int().min(0).default(2),
    BILLING_PRICE_CALL_MINUTE_CENTS: z.coerce.number().int().min(0).default(3),
    /** Outgoing mail (owner notifications, invites, password resets): smtp://user:pass@host:587. Unset → mail is recorded, not sent, and readable at /sandbox/mailbox (not in production). */
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must look like smtp://user:password@host:587').optional(),
    MAIL_FROM: z.string().default('ServicePro <no-reply@servicepro.local>'),
    /** Where data exports (zip files) are written; default `<SERVICEPRO_DATA_DIR>/exports`. */
    EXPORT_STORAGE_DIR: z.string().optional(),
    /** How long a download link of an export works. */
    EXPORT_LINK_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(72),
    /** How often each tenant's SMS segments and call minutes are reported to Stripe (a Temporal Schedule). */
    USAGE_REPORT_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
    // ── Websites (api/sites) ──
    /** Each site is also served at `<slug>.<SITES_BASE_DOMAIN>` (a wildcard DNS record to this server); unset: only at /s/<slug>. */
    SITES_BASE_DOMAIN: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(?=.{4,200}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as sites.example.com (no scheme, port or path)')
      .optional(),
    /** How long an API process serves a rendered site page before building it again (an owner's edit in the same process applies at once). */
    SITE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
    /** Booking requests one address may send to one site per hour. */
    SITE_REQUESTS_PER_HOUR: z.coerce.number().int().min(1).max(1_000).default(10),
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_BASE_URL: optionalUrl,
    OPENAI_MODEL: z.string().default('gpt-4o-mini'),
    /** Voicemail speech-to-text: `openai` (the OpenAI endpoint above) or `off`; unset → on whenever OpenAI is configured. */
    VOICEMAIL_TRANSCRIPTION: z.enum(['openai', 'off'], { error: 'must be openai or off' }).optional(),
    /** The speech-to-text model voicemails are sent to (OpenAI: whisper-1, gpt-4o-mini-transcribe, gpt-4o-transcribe). */
    OPENAI_TRANSCRIBE_MODEL: z.string().default('whisper-1'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SERVICEPRO_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['SERVICEPRO_ENCRYPTION_KEY'], message: 'is required in production (openssl rand -base64 32)' });
    }
    // Half a provider would run on its sandbox without a word. (OpenAI has no such half: a base URL
    // without a key is a local endpoint, a key alone is OpenAI, neither is the offline agent.)
    if (env.VOICEMAIL_TRANSCRIPTION === 'openai' && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['VOICEMAIL_TRANSCRIPTION'], message: 'is openai, but OpenAI is not configured: set OPENAI_API_KEY (or OPENAI_BASE_URL for a compatible endpoint), or unset it' });
    }
    for (const { variable, message } of [...twilioSettingsProblems(env), ...stripeSettingsProblems(env)]) {
      ctx.addIssue({ code: 'custom', path: [variable], message });
    }
  });

/** One thing to fix in the environment, as parseConfig reports it: `VARIABLE: message`. */
export interface SettingProblem {
  variable: string;
  message: string;
}

export type Config = z.output<typeof configSchema> & { PUBLIC_BASE_URL: string };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (normally `process.env`); the error lists each variable to set and why. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, emptyAsUndefined(v)]));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`ServicePro configuration is invalid — set these environment variables:\n${lines.join('\n')}`);
  }
  const config = result.data;
  return { ...config, PUBLIC_BASE_URL: (config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '') };
}
