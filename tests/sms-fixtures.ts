import { toE164 } from '../domain/phone.ts';
import { signTwilioRequest } from '../api/twilio/signature.ts';
import type { TestApp } from './app-harness.ts';
import { uniqueId } from './stack.ts';

/** A valid, random US number, so parallel test files never share a tenant number or a customer. */
export function randomPhone(): string {
  for (;;) {
    const exchange = 200 + Math.floor(Math.random() * 800);
    const line = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
    const number = toE164(`+1405${exchange}${line}`);
    // 555 is fictional; 976 is the premium-rate exchange ServicePro never texts (domain/phone-destinations.ts).
    if (number && exchange !== 555 && exchange !== 976) return number;
  }
}

/** A tenant with a number, created through the admin API, then given its texting settings. */
export async function createSmsTenant(
  t: TestApp,
  settings: { businessName?: string; autoReplyText?: string | null; ownerNotifyPhone?: string | null; timeZone?: string; status?: 'active' | 'suspended' } = {},
) {
  const id = uniqueId('sms');
  const number = randomPhone();
  const businessName = settings.businessName ?? 'Sudsy Paws Grooming';
  const r = await t.call('POST', '/api/admin/tenants', { token: await t.ownerToken(), body: { id, businessName, tier: 'pro', phoneNumber: number } });
  if (r.status !== 201) throw new Error(`tenant not created: ${r.status} ${await r.text()}`);
  await t.deps.db.tenantPhoneConfig.update({
    where: { tenantId: id },
    data: { autoReplyText: settings.autoReplyText ?? null, ownerNotifyPhone: settings.ownerNotifyPhone ?? null, timeZone: settings.timeZone ?? 'America/Chicago' },
  });
  if (settings.status) await t.deps.db.tenantConfig.update({ where: { tenantId: id }, data: { status: settings.status } });
  return { tenantId: id, number, businessName };
}

/** Posts a text to /twilio/sms/incoming exactly as Twilio would, signed with the configured token. */
export async function postInboundSms(t: TestApp, params: Record<string, string>, options: { signature?: string | null; authToken?: string } = {}) {
  const url = `${t.deps.config.PUBLIC_BASE_URL}/twilio/sms/incoming`;
  const authToken = options.authToken ?? t.deps.config.TWILIO_AUTH_TOKEN ?? '';
  const signature = options.signature === undefined ? signTwilioRequest(authToken, url, params) : options.signature;
  return t.app.request('/twilio/sms/incoming', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
    body: new URLSearchParams(params).toString(),
  });
}

let sequence = 0;
/** A Twilio-shaped inbound SMS webhook body. */
export function inboundParams(from: string, to: string, body: string, messageSid = `SM${Date.now().toString(16)}${(sequence++).toString(16).padStart(6, '0')}${Math.random().toString(16).slice(2, 10)}`) {
  return { MessageSid: messageSid, SmsSid: messageSid, AccountSid: 'ACtest', From: from, To: to, Body: body, NumMedia: '0', NumSegments: '1' };
}
