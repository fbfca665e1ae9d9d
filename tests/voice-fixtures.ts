import type { Hono } from 'hono';
import type { AppEnv } from '../api/context.ts';
import { twimlVerbs, type TwimlNode } from './twiml.ts';
import type { TestApp } from './app-harness.ts';
import { randomPhone } from './sms-fixtures.ts';
import { uniqueId } from './stack.ts';
import { postTwilio, twilioSid } from './twilio-post.ts';

// What the voice tests share: a tenant with a number, a new call, and a signed webhook that
// returns the parsed TwiML.

export async function voiceTenant(t: TestApp, options: { forwardingNumber?: string | null; ownerNotifyPhone?: string | null; textBack?: boolean } = {}) {
  const id = uniqueId('edge');
  const phoneNumber = randomPhone();
  await t.deps.db.tenant.create({
    data: {
      id,
      slug: id,
      config: { create: { businessName: `Gleam ${id}`, tier: 'pro', status: 'active' } },
      phoneConfig: {
        create: {
          phoneNumber,
          ivrMode: 'ivr',
          forwardingNumber: options.forwardingNumber === undefined ? randomPhone() : options.forwardingNumber,
          ownerNotifyPhone: options.ownerNotifyPhone ?? null,
          missedCallTextBack: options.textBack ?? false,
          timeZone: 'America/Chicago',
        },
      },
    },
  });
  return { id, phoneNumber };
}

export const newVoiceCall = (t: TestApp, to: string) => ({ CallSid: twilioSid('CA'), AccountSid: t.twilio.accountSid, From: randomPhone(), To: to, CallStatus: 'ringing', Direction: 'inbound' });

/** A signed voice webhook to `app` (the test app's by default), its TwiML parsed. */
export async function voicePost(t: TestApp, path: string, params: Record<string, string>, app: Hono<AppEnv> = t.app) {
  const answer = await postTwilio(app, t.deps, path, params);
  return { ...answer, verbs: twimlVerbs(answer.body), names: twimlVerbs(answer.body).map(([name]) => name) };
}

export const actionOf = (node: TwimlNode | undefined) => String(node?.['@action'] ?? '');
