import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecret } from '../../domain/secrets.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { createTenant } from '../../tests/tenant-fixtures.ts';
import { SIP_PASSWORD_PURPOSE } from './phone-settings.ts';

let t: TestApp;
let owner: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.ownerToken();
});
afterAll(async () => t?.close());

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type Settings = Record<string, unknown> & { planLocks: { ivrModes: Record<string, string | null>; sip: string | null; jokes: string | null } };
const json = async <T,>(r: Response) => (await r.json()) as T;
const path = (id: string) => `/api/tenants/${id}/phone-settings`;
const patch = (id: string, body: unknown, token = owner) => t.call('PATCH', path(id), { token, body });
const settingsOf = async (r: Response) => (await json<{ phoneSettings: Settings }>(r)).phoneSettings;

describe('GET /api/tenants/:tenantId/phone-settings', () => {
  it('a tenant without a number gets the defaults, phoneNumber null, and its plan limits', async () => {
    const { id } = await createTenant(t, owner, 'starter', { withNumber: false });
    const r = await t.call('GET', path(id), { token: owner });
    expect(r.status).toBe(200);
    const settings = await settingsOf(r);
    expect(settings).toMatchObject({ tenantId: id, tier: 'starter', phoneNumber: null, ivrMode: 'simple', effectiveIvrMode: 'simple', businessHours: null, timeZone: 'America/Chicago', missedCallTextBack: true, jokesEnabled: false, sipPasswordSet: false });
    expect(settings.planLocks.ivrModes).toEqual({
      simple: null,
      ivr: 'The phone menu (IVR) is part of the Pro plan — upgrade to use it.',
      'ai-voice': 'The AI voice receptionist is part of the Elite plan — upgrade to use it.',
    });
    expect(settings.planLocks.sip).toMatch(/Elite plan/);
  });

  it('PATCH without a number is a 409 that says the platform owner must assign one', async () => {
    const { id } = await createTenant(t, owner, 'pro', { withNumber: false });
    const r = await patch(id, { greetingText: 'Hello' });
    expect(r.status).toBe(409);
    const { error } = await json<ErrorBody>(r);
    expect(error.code).toBe('phone_number_required');
    expect(error.message).toMatch(/platform owner must assign a number/);
  });

  it('404 for a business that does not exist (platform owner)', async () => {
    expect((await t.call('GET', path('no-such-business'), { token: owner })).status).toBe(404);
  });
});

describe('PATCH /api/tenants/:tenantId/phone-settings', () => {
  it('400 naming each bad field', async () => {
    const { id } = await createTenant(t, owner, 'pro');
    const r = await patch(id, {
      forwardingNumber: '12345',
      timeZone: 'Mars/Olympus_Mons',
      businessHours: { mon: [['08:00', '12:00'], ['11:00', '17:00']], tue: [['17:00', '09:00']], wed: [['8am', '5pm']] },
      greetingText: 'x'.repeat(601),
      ownerNotifyEmail: 'not-an-email',
      ivrMode: 'robot',
    });
    expect(r.status).toBe(400);
    const { error } = await json<ErrorBody>(r);
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toMatchObject({
      forwardingNumber: expect.stringMatching(/valid phone number/),
      timeZone: expect.stringMatching(/time zone/),
      'businessHours.mon.1': 'This overlaps 08:00–12:00',
      'businessHours.tue.0': expect.stringMatching(/closing time must be after the opening time/),
      'businessHours.wed.0': expect.stringMatching(/24-hour times/),
      greetingText: 'Greeting must be 600 characters or fewer',
      ownerNotifyEmail: expect.stringMatching(/email address/),
      ivrMode: expect.stringMatching(/simple, ivr or ai-voice/),
    });
  });

  it('400 for an unknown day, an unknown field and an empty body', async () => {
    const { id } = await createTenant(t, owner, 'pro');
    const r = await patch(id, { businessHours: { monday: [['08:00', '17:00']] }, color: 'red' });
    expect(Object.keys((await json<ErrorBody>(r)).error.fields ?? {}).sort()).toEqual(['_', 'businessHours']);
    expect((await patch(id, {})).status).toBe(400);
  });

  it('changes only the fields sent, normalises numbers and hours, and audits the change', async () => {
    const { id, phoneNumber } = await createTenant(t, owner, 'pro');
    const r = await patch(id, {
      forwardingNumber: '(918) 555-0111',
      businessHours: { tue: [['13:00', '17:00'], ['08:00', '12:00']], mon: [['08:00', '12:00'], ['12:00', '17:00']], sun: [] },
      timeZone: 'America/New_York',
      greetingText: '  Thanks for calling!  ',
      jokesEnabled: true,
    });
    expect(r.status).toBe(200);
    const settings = await settingsOf(r);
    expect(settings).toMatchObject({
      phoneNumber,
      ivrMode: 'ivr',
      forwardingNumber: '+19185550111',
      businessHours: { mon: [['08:00', '12:00'], ['12:00', '17:00']], tue: [['08:00', '12:00'], ['13:00', '17:00']] },
      timeZone: 'America/New_York',
      greetingText: 'Thanks for calling!',
      jokesEnabled: true,
      missedCallTextBack: true,
    });

    const second = await settingsOf(await patch(id, { missedCallTextBack: false, greetingText: '' }));
    expect(second).toMatchObject({ forwardingNumber: '+19185550111', jokesEnabled: true, missedCallTextBack: false, greetingText: null, timeZone: 'America/New_York' });
    expect(await settingsOf(await t.call('GET', path(id), { token: owner }))).toEqual(second);

    const { rows } = await t.adminSql(`SELECT action, before->>'forwardingNumber' AS before, after->>'forwardingNumber' AS after FROM audit_log WHERE tenant_id = $1 AND action = 'phone_settings.updated' ORDER BY id`, [id]);
    expect(rows).toEqual([
      { action: 'phone_settings.updated', before: null, after: '+19185550111' },
      { action: 'phone_settings.updated', before: '+19185550111', after: '+19185550111' },
    ]);
  });

  it('hours with no open period are stored as "no hours" (answer at any time); null clears them', async () => {
    const { id } = await createTenant(t, owner, 'pro');
    expect((await settingsOf(await patch(id, { businessHours: { mon: [['09:00', '17:00']] } }))).businessHours).toEqual({ mon: [['09:00', '17:00']] });
    expect((await settingsOf(await patch(id, { businessHours: { mon: [] } }))).businessHours).toBeNull();
    await patch(id, { businessHours: { fri: [['09:00', '17:00']] } });
    expect((await settingsOf(await patch(id, { businessHours: null }))).businessHours).toBeNull();
  });

  it('starter may only use simple forwarding: ivr is a 403 with the plan message; pro may not use ai-voice', async () => {
    const starter = await createTenant(t, owner, 'starter');
    const r = await patch(starter.id, { ivrMode: 'ivr' });
    expect(r.status).toBe(403);
    const { error } = await json<ErrorBody>(r);
    expect(error).toMatchObject({ code: 'plan_required', message: 'The phone menu (IVR) is part of the Pro plan — upgrade to use it.', fields: { ivrMode: 'The phone menu (IVR) is part of the Pro plan — upgrade to use it.' } });
    expect((await patch(starter.id, { ivrMode: 'simple' })).status).toBe(200);
    expect((await patch(starter.id, { sipDomain: 'starter.sip.twilio.com' })).status).toBe(403);

    const pro = await createTenant(t, owner, 'pro');
    const aiVoice = await patch(pro.id, { ivrMode: 'ai-voice' });
    expect(aiVoice.status).toBe(403);
    expect((await json<ErrorBody>(aiVoice)).error.message).toMatch(/Elite plan/);
    expect((await settingsOf(await t.call('GET', path(pro.id), { token: owner }))).ivrMode).toBe('ivr');
  });

  it('jokes play in the phone menu: starter cannot turn them on (403 naming the Pro plan) but may turn them off; pro can', async () => {
    const starter = await createTenant(t, owner, 'starter');
    const r = await patch(starter.id, { jokesEnabled: true, greetingText: 'Hi there' });
    expect(r.status).toBe(403);
    const { error } = await json<ErrorBody>(r);
    expect(error.code).toBe('plan_required');
    expect(error.message).toBe('Jokes play in the phone menu (press 7), which is part of the Pro plan — upgrade to offer them.');
    expect(error.fields).toEqual({ jokesEnabled: error.message });
    const unchanged = await settingsOf(await t.call('GET', path(starter.id), { token: owner }));
    expect(unchanged).toMatchObject({ jokesEnabled: false, greetingText: null }); // nothing of the refused request was saved
    expect(unchanged.planLocks.jokes).toBe(error.message);
    expect((await patch(starter.id, { jokesEnabled: false })).status).toBe(200);

    const pro = await createTenant(t, owner, 'pro');
    const saved = await settingsOf(await patch(pro.id, { jokesEnabled: true }));
    expect(saved).toMatchObject({ jokesEnabled: true });
    expect(saved.planLocks.jokes).toBeNull();
  });

  it('the SIP password is encrypted at rest, opens with the key, and is never returned', async () => {
    const { id } = await createTenant(t, owner, 'elite');
    const password = 'Sip-Secret-Pass-42';
    const r = await patch(id, { sipDomain: 'Clean-Machine.sip.twilio.com', sipUsername: 'owner.desk', sipPassword: password, ivrMode: 'ai-voice' });
    expect(r.status).toBe(200);
    const raw = await r.text();
    expect(raw).not.toContain(password);
    expect(raw).not.toContain('sipPasswordEncrypted');
    const settings = JSON.parse(raw).phoneSettings as Settings;
    expect(settings).toMatchObject({ sipDomain: 'clean-machine.sip.twilio.com', sipUsername: 'owner.desk', sipPasswordSet: true, ivrMode: 'ai-voice' });
    expect(settings).not.toHaveProperty('sipPassword');
    expect(await (await t.call('GET', path(id), { token: owner })).text()).not.toContain(password);

    const { rows } = await t.adminSql('SELECT sip_password_encrypted AS sealed FROM tenant_phone_config WHERE tenant_id = $1', [id]);
    const sealed = rows[0].sealed as string;
    expect(sealed).not.toContain(password);
    expect(sealed).toMatch(/^v1\./);
    expect(openSecret(t.deps.masterKey, sealed, SIP_PASSWORD_PURPOSE)).toBe(password);
    const audit = await t.adminSql("SELECT coalesce(before::text, '') || coalesce(after::text, '') AS entry FROM audit_log WHERE tenant_id = $1", [id]);
    for (const row of audit.rows) expect(row.entry).not.toContain(password);

    const weak = await patch(id, { sipPassword: 'short' });
    expect((await json<ErrorBody>(weak)).error.fields?.sipPassword).toMatch(/12 characters/);
    expect((await settingsOf(await patch(id, { sipPassword: null }))).sipPasswordSet).toBe(false);
  });
});

describe('numbers calls and texts may go to (toll fraud, call loops)', () => {
  it('refuses a forwarding or owner number that is premium-rate, satellite, outside the allowed countries or the business itself: 400 saying why', async () => {
    const { id, phoneNumber } = await createTenant(t, owner, 'pro');
    const refused: [string, string][] = [
      ['+1 900 555 1234', 'is a premium-rate number (callers or senders pay per minute or message)'],
      ['+1 212 976 1234', 'is a premium-rate number (callers or senders pay per minute or message)'],
      ['+882 123 456 789', 'is a satellite or international-network number (+882), a common toll-fraud target'],
      ['+8816 1234 5678', 'is a satellite or international-network number (+881), a common toll-fraud target'],
      ['+961 1 234 567', 'is a number in Lebanon; ServicePro texts and calls only numbers in United States and Canada'],
      ['+44 70 1234 5678', 'is a number in United Kingdom; ServicePro texts and calls only numbers in United States and Canada'],
    ];
    for (const [number, why] of refused) {
      for (const [field, label] of [['forwardingNumber', 'Forwarding number'], ['ownerNotifyPhone', 'Your mobile number']] as const) {
        const r = await patch(id, { [field]: number });
        expect(r.status, `${field} ${number}`).toBe(400);
        const { error } = await json<ErrorBody>(r);
        expect(error.fields?.[field], `${field} ${number}`).toBe(`${label} ${why}. Enter another number.`);
      }
    }
    const loop = await patch(id, { forwardingNumber: phoneNumber });
    expect(loop.status).toBe(400);
    expect((await json<ErrorBody>(loop)).error.fields?.forwardingNumber).toBe("Forwarding number is this business's own number: calls would ring straight back into it. Enter the phone that should ring.");
    expect((await json<ErrorBody>(await patch(id, { ownerNotifyPhone: phoneNumber }))).error.fields?.ownerNotifyPhone).toMatch(/^Your mobile number is this business's own number/);

    const fine = await settingsOf(await patch(id, { forwardingNumber: '+1 613 555 0123', ownerNotifyPhone: '(918) 555-0142' }));
    expect(fine).toMatchObject({ forwardingNumber: '+16135550123', ownerNotifyPhone: '+19185550142' });
  });

  it("a tenant chooses its allowed countries within the platform's (SMS_ALLOWED_COUNTRIES); null goes back to the platform's", async () => {
    const { id } = await createTenant(t, owner, 'pro');
    const initial = await settingsOf(await t.call('GET', path(id), { token: owner }));
    expect(initial).toMatchObject({ allowedCountries: null, platformAllowedCountries: ['US', 'CA'] });

    expect(await settingsOf(await patch(id, { allowedCountries: ['us'] }))).toMatchObject({ allowedCountries: ['US'] });
    const canada = await patch(id, { forwardingNumber: '+16135550123' });
    expect((await json<ErrorBody>(canada)).error.fields?.forwardingNumber).toBe('Forwarding number is a number in Canada; ServicePro texts and calls only numbers in United States. Enter another number.');

    const outside = await patch(id, { allowedCountries: ['US', 'GB'] });
    expect(outside.status).toBe(400);
    expect((await json<ErrorBody>(outside)).error.fields?.allowedCountries).toBe('ServicePro texts and calls only numbers in United States and Canada: choose among US, CA.');
    const unknown = await json<ErrorBody>(await patch(id, { allowedCountries: ['ZZ'] }));
    expect(unknown.error.fields?.['allowedCountries.0']).toBe('ZZ is not a country code (use two-letter ISO codes, like US or CA)');
    expect((await json<ErrorBody>(await patch(id, { allowedCountries: [] }))).error.fields?.allowedCountries).toBe('Choose at least one country, or null for every country the platform allows');

    expect(await settingsOf(await patch(id, { allowedCountries: null, forwardingNumber: '+16135550123' }))).toMatchObject({ allowedCountries: null, forwardingNumber: '+16135550123' });
    // Narrowing the list may not strand the numbers already saved.
    const strands = await patch(id, { allowedCountries: ['US'] });
    expect(strands.status).toBe(400);
    expect((await json<ErrorBody>(strands)).error.fields?.forwardingNumber).toMatch(/^Forwarding number is a number in Canada/);
  });
});

describe('who may read and change phone settings', () => {
  it('staff can read but not change (403); the owner can', async () => {
    const { id } = await createTenant(t, owner, 'pro');
    const staff = await t.memberToken(id, 'staff');
    expect((await t.call('GET', path(id), { token: staff })).status).toBe(200);
    const r = await patch(id, { greetingText: 'Hi' }, staff);
    expect(r.status).toBe(403);
    expect((await json<ErrorBody>(r)).error.code).toBe('forbidden');
    const tenantOwner = await t.memberToken(id, 'owner');
    expect((await patch(id, { greetingText: 'Hi' }, tenantOwner)).status).toBe(200);
  });

  it("another tenant's member gets 403; no session gets 401", async () => {
    const a = await createTenant(t, owner, 'pro');
    const b = await createTenant(t, owner, 'pro');
    const bOwner = await t.memberToken(b.id, 'owner');
    expect((await t.call('GET', path(a.id), { token: bOwner })).status).toBe(403);
    expect((await patch(a.id, { greetingText: 'Hi' }, bOwner)).status).toBe(403);
    expect((await t.call('GET', path(a.id))).status).toBe(401);
  });

  it('GET /api/tenants/:tenantId tells the app who the business is and whether the user may manage it', async () => {
    const { id, phoneNumber } = await createTenant(t, owner, 'pro');
    const staff = await t.memberToken(id, 'staff');
    const r = await t.call('GET', `/api/tenants/${id}`, { token: staff });
    expect((await json<{ tenant: object }>(r)).tenant).toMatchObject({ id, tier: 'pro', phoneNumber, role: 'staff', canManage: false });
    const asOwner = await json<{ tenant: object }>(await t.call('GET', `/api/tenants/${id}`, { token: owner }));
    expect(asOwner.tenant).toMatchObject({ role: null, canManage: true });
  });
});
