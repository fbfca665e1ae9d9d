// The call log, voicemail inbox and texts of a tenant: newest first, paged, callers by name,
// and never a row of another tenant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTenant } from '../../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { createTenant } from '../../tests/tenant-fixtures.ts';

let t: TestApp;
let owner: string;
let a: { id: string; phoneNumber: string | null };
let b: { id: string; phoneNumber: string | null };
const voicemailIds: Record<string, string> = {};

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
const json = async <T,>(r: Response) => (await r.json()) as T;

type CallView = { callSid: string; from: string; callerName: string | null; digits: string[]; outcome: string; durationSec: number };
type VoicemailView = { id: string; callSid: string; callerName: string | null; listened: boolean; recording: unknown; recordingUrl?: string };
type MessageView = { body: string; direction: string; status: string; counterpart: string; customerName: string | null };

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.ownerToken();
  a = await createTenant(t, owner, 'pro');
  b = await createTenant(t, owner, 'pro');

  const adb = forTenant(t.deps.db, a.id);
  const ana = await adb.customer.create({ data: { name: 'Ana Lopez', phone: '+19185550201' } });
  await adb.customer.create({ data: { name: 'Ben Ortiz', phone: '+19185550202' } });
  const call = (sid: string, from: string, started: number, extra: object = {}) => ({
    callSid: sid, fromNumber: from, toNumber: a.phoneNumber!, startedAt: minutesAgo(started), endedAt: minutesAgo(started - 1), durationSec: 42, outcome: 'answered' as const, ...extra,
  });
  await adb.call.createMany({
    data: [
      call('CA-a1', '+19185550201', 30, { customerId: ana.id, digits: '2' }),
      call('CA-a2', '+19185550202', 20, { digits: '9,3', outcome: 'voicemail' }), // matched by number
      call('CA-a3', '+19185550299', 10, { outcome: 'missed' }), // unknown caller
    ],
  });
  for (const [sid, from, ago] of [['CA-a2', '+19185550202', 19], ['CA-a3', '+19185550299', 9]] as const) {
    const row = await adb.voicemail.create({ data: { callSid: sid, recordingSid: `RE-${sid}`, recordingUrl: `https://api.twilio.com/rec/${sid}`, fromNumber: from, durationSec: 12, createdAt: minutesAgo(ago) } });
    voicemailIds[sid] = row.id;
  }
  await adb.message.createMany({
    data: [
      { direction: 'inbound', idempotencyKey: 'in-1', fromNumber: '+19185550201', toNumber: a.phoneNumber!, body: 'Do you do boats?', status: 'received', createdAt: minutesAgo(5) },
      { direction: 'outbound', idempotencyKey: 'out-1', fromNumber: a.phoneNumber!, toNumber: '+19185550201', body: 'Yes we do!', status: 'sent', providerSid: 'SM1', createdAt: minutesAgo(4) },
      { direction: 'outbound', idempotencyKey: 'out-2', fromNumber: a.phoneNumber!, toNumber: '+19185550299', body: 'Sorry we missed you', status: 'blocked_opt_out', createdAt: minutesAgo(3) },
    ],
  });

  const bdb = forTenant(t.deps.db, b.id);
  await bdb.call.create({ data: { callSid: 'CA-b1', fromNumber: '+19185550201', toNumber: b.phoneNumber!, startedAt: minutesAgo(1), outcome: 'missed' } });
  const bVoicemail = await bdb.voicemail.create({ data: { callSid: 'CA-b1', recordingSid: 'RE-b1', recordingUrl: 'https://api.twilio.com/rec/b1', fromNumber: '+19185550201' } });
  voicemailIds['CA-b1'] = bVoicemail.id;
  await bdb.message.create({ data: { direction: 'outbound', idempotencyKey: 'b-out', fromNumber: b.phoneNumber!, toNumber: '+19185550201', body: 'B only', status: 'sent' } });
});
afterAll(async () => t?.close());

describe('GET /api/tenants/:tenantId/calls', () => {
  it("newest first, callers by name (linked or matched by number), only this tenant's calls", async () => {
    const r = await t.call('GET', `/api/tenants/${a.id}/calls`, { token: owner });
    expect(r.status).toBe(200);
    const { calls, nextCursor } = await json<{ calls: CallView[]; nextCursor: string | null }>(r);
    expect(calls.map((c) => [c.callSid, c.callerName, c.outcome])).toEqual([
      ['CA-a3', null, 'missed'],
      ['CA-a2', 'Ben Ortiz', 'voicemail'],
      ['CA-a1', 'Ana Lopez', 'answered'],
    ]);
    expect(calls[1]!.digits).toEqual(['9', '3']);
    expect(nextCursor).toBeNull();
  });

  it('pages with a cursor, without repeating or skipping a call', async () => {
    const first = await json<{ calls: CallView[]; nextCursor: string }>(await t.call('GET', `/api/tenants/${a.id}/calls?limit=2`, { token: owner }));
    expect(first.calls.map((c) => c.callSid)).toEqual(['CA-a3', 'CA-a2']);
    expect(first.nextCursor).toBeTruthy();
    const second = await json<{ calls: CallView[]; nextCursor: string | null }>(await t.call('GET', `/api/tenants/${a.id}/calls?limit=2&cursor=${first.nextCursor}`, { token: owner }));
    expect(second.calls.map((c) => c.callSid)).toEqual(['CA-a1']);
    expect(second.nextCursor).toBeNull();
  });

  it('400 for a bad cursor or limit; 403 for a member of another tenant', async () => {
    expect((await t.call('GET', `/api/tenants/${a.id}/calls?cursor=garbage`, { token: owner })).status).toBe(400);
    expect((await t.call('GET', `/api/tenants/${a.id}/calls?limit=1000`, { token: owner })).status).toBe(400);
    const bOwner = await t.memberToken(b.id, 'owner');
    for (const list of ['calls', 'voicemails', 'messages']) {
      expect((await t.call('GET', `/api/tenants/${a.id}/${list}`, { token: bOwner })).status).toBe(403);
    }
    const bCalls = await json<{ calls: CallView[] }>(await t.call('GET', `/api/tenants/${b.id}/calls`, { token: bOwner }));
    expect(bCalls.calls.map((c) => c.callSid)).toEqual(['CA-b1']);
  });
});

describe('voicemail inbox', () => {
  it('lists voicemails with caller names and the unlistened count; staff can mark one listened', async () => {
    const staff = await t.memberToken(a.id, 'staff');
    const list = await json<{ voicemails: VoicemailView[]; unlistened: number }>(await t.call('GET', `/api/tenants/${a.id}/voicemails`, { token: staff }));
    expect(list.voicemails.map((v) => [v.callSid, v.callerName, v.listened])).toEqual([
      ['CA-a3', null, false],
      ['CA-a2', 'Ben Ortiz', false],
    ]);
    // The raw Twilio URL never reaches the browser; a fallback id (RE-…) has no recording to play.
    expect(list.voicemails[0]!.recordingUrl).toBeUndefined();
    expect(list.voicemails[0]!.recording).toBeNull();
    expect(list.unlistened).toBe(2);

    const r = await t.call('PATCH', `/api/tenants/${a.id}/voicemails/${voicemailIds['CA-a2']}`, { token: staff, body: { listened: true } });
    expect(r.status).toBe(200);
    expect((await json<{ voicemail: VoicemailView }>(r)).voicemail).toMatchObject({ callSid: 'CA-a2', listened: true, callerName: 'Ben Ortiz' });
    const unlistened = await json<{ voicemails: VoicemailView[]; unlistened: number }>(await t.call('GET', `/api/tenants/${a.id}/voicemails?unlistened=true`, { token: owner }));
    expect(unlistened.voicemails.map((v) => v.callSid)).toEqual(['CA-a3']);
    expect(unlistened.unlistened).toBe(1);
  });

  it("another tenant's voicemail is not found through this tenant (404), nor is a bad id; the body is checked", async () => {
    expect((await t.call('PATCH', `/api/tenants/${a.id}/voicemails/${voicemailIds['CA-b1']}`, { token: owner, body: { listened: true } })).status).toBe(404);
    expect((await t.call('PATCH', `/api/tenants/${a.id}/voicemails/not-a-uuid`, { token: owner, body: { listened: true } })).status).toBe(404);
    expect((await t.call('PATCH', `/api/tenants/${a.id}/voicemails/${voicemailIds['CA-a3']}`, { token: owner, body: { listened: 'yes' } })).status).toBe(400);
    const bList = await json<{ voicemails: VoicemailView[] }>(await t.call('GET', `/api/tenants/${b.id}/voicemails`, { token: owner }));
    expect(bList.voicemails.map((v) => v.listened)).toEqual([false]);
  });
});

describe('GET /api/tenants/:tenantId/messages', () => {
  it('texts in and out with their status and the other party by name; none of another tenant', async () => {
    const { messages } = await json<{ messages: MessageView[] }>(await t.call('GET', `/api/tenants/${a.id}/messages`, { token: owner }));
    expect(messages.map((m) => [m.direction, m.body, m.status, m.counterpart, m.customerName])).toEqual([
      ['outbound', 'Sorry we missed you', 'blocked_opt_out', '+19185550299', null],
      ['outbound', 'Yes we do!', 'sent', '+19185550201', 'Ana Lopez'],
      ['inbound', 'Do you do boats?', 'received', '+19185550201', 'Ana Lopez'],
    ]);
  });

  it("a text held by quiet hours says until when, with the business's time zone to show it in", async () => {
    const c = await createTenant(t, owner, 'pro');
    await t.deps.db.tenantPhoneConfig.update({ where: { tenantId: c.id }, data: { timeZone: 'America/Denver' } });
    await forTenant(t.deps.db, c.id).message.create({
      data: { direction: 'outbound', idempotencyKey: 'held-1', kind: 'automation', fromNumber: c.phoneNumber!, toNumber: '+19185550201', body: 'We missed your call!', status: 'blocked_quiet_hours', heldUntil: new Date('2026-01-15T15:00:00Z') },
    });
    const list = await json<{ messages: (MessageView & { heldUntil: string | null; kind: string | null })[]; timeZone: string }>(await t.call('GET', `/api/tenants/${c.id}/messages`, { token: owner }));
    expect(list.timeZone).toBe('America/Denver');
    expect(list.messages).toEqual([expect.objectContaining({ status: 'blocked_quiet_hours', heldUntil: '2026-01-15T15:00:00.000Z', kind: 'automation' })]);
  });
});
