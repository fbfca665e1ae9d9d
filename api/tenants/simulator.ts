import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { KEYPRESS_PATTERN } from '../../domain/keypresses.ts';
import { toE164 } from '../../domain/phone.ts';
import { twilioCredentials } from '../../domain/twilio-credentials.ts';
import { simulateCall } from '../sandbox/call-simulator.ts';
import type { AppDeps } from '../context.ts';
import { ApiError } from '../errors.ts';

export const simulatedCallInput = z.strictObject(
  {
    from: z
      .string({ error: 'Caller number must be text, like +19185550199' })
      .default('+19185550199')
      .transform((value, ctx) => {
        const e164 = toE164(value);
        if (!e164) ctx.addIssue({ code: 'custom', message: 'Enter a valid phone number for the caller, like +19185550199' });
        return e164 ?? value;
      }),
    digits: z.array(z.string().regex(KEYPRESS_PATTERN, 'Keys are 0–9, * and #'), { error: 'Keys to press: a list like ["2"] or ["9","3"]' }).max(10, 'At most 10 menus').default([]),
    answerScreening: z.boolean({ error: 'answerScreening must be true or false' }).default(false),
    hangUpWhenDone: z.boolean({ error: 'hangUpWhenDone must be true or false' }).default(false),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown field: ${issue.keys.join(', ')}` : undefined) },
);
export type SimulatedCallInput = z.output<typeof simulatedCallInput>;

/**
 * The address this very server was reached on, so the simulated webhooks come back to it even
 * when PUBLIC_BASE_URL names a tunnel or proxy (signatures are still made for PUBLIC_BASE_URL).
 */
export function ownAddress(env: unknown): string | undefined {
  const socket = (env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
  if (!socket?.localPort || !socket.localAddress) return undefined;
  const host = socket.localAddress.replace(/^::ffff:/, '');
  return `http://${host.includes(':') ? `[${host}]` : host}:${socket.localPort}`;
}

/** Plays a call to the tenant's own number through the real voice webhooks, the way Twilio would. */
export async function runSimulatedCall(deps: Pick<AppDeps, 'db' | 'config' | 'masterKey'>, tenantId: string, input: SimulatedCallInput, sendTo: string | undefined) {
  const phone = await deps.db.tenantPhoneConfig.findUnique({ where: { tenantId } });
  if (!phone) throw new ApiError(409, 'phone_number_required', 'This business has no phone number yet, so there is nothing to call. The platform owner must assign a number first.');
  const credentials = twilioCredentials(deps.config, deps.masterKey);
  // With a real Twilio account the call workflow would send real texts to the made-up caller.
  if (!credentials.sandbox) throw new ApiError(409, 'sandbox_only', 'The call simulator runs only with the local Twilio sandbox. Call your number from a phone instead.');
  return simulateCall({
    baseUrl: deps.config.PUBLIC_BASE_URL,
    sendTo,
    authToken: credentials.authToken,
    accountSid: credentials.accountSid,
    from: input.from,
    to: phone.phoneNumber,
    digits: input.digits,
    answerScreening: input.answerScreening,
    hangUpWhenDone: input.hangUpWhenDone,
  });
}
