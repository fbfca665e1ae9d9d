// The customer book through the API: search in the ways people type, newest activity first, the
// customer page's merged history, edits by owners and staff, assets, and never another tenant's rows.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdSlot } from '../../prisma/bookings.ts';
import { forTenant } from '../../prisma/tenant-db.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { createTenant } from '../../tests/tenant-fixtures.ts';

let t: TestApp;
let owner: string;
let staff: string;
let a: { id: string; phoneNumber: string | null };
let b: { id: string; phoneNumber: string | null };
const ids: Record<string, string> = {};

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
const json = async <T,>(r: Response) => (await r.json()) as T;
const path = (tenant: string, rest = '') => `/api/tenants/${tenant}/customers${rest}`;

type Row = { id: string; name: string; phone: string | null; lastContactAt: string | null; upcomingBookings: number };
type List = { customers: Row[]; nextCursor: string | null };
type History = { kind: string; at: string; outcome?: string; direction?: string; body?: string; booking?: { status: string; start: string; service: { name: string } | null }; serviceName?: string };
type Page = { customer: { name: string; phone: string; notes: string | null; address: string | null }; assetLabel: { singular: string } | null; assets: { id: string; description: string; notes: string | null }[]; upcomingBookings: { id: string; start: string }[]; history: History[] };

const names = (list: List) => list.customers.map((c) => c.name);
const search = async (q: string, tenant = a.id) => json<List>(await t.call('GET', path(tenant, `?q=${encodeURIComponent(q)}`), { token: owner }));

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.ownerToken();
  a = await createTenant(t, owner, 'pro');
  b = await createTenant(t, owner, 'pro');
  staff = await t.memberToken(a.id, 'staff');
  await t.adminSql(`UPDATE tenant_config SET industry = 'auto-detailing' WHERE tenant_id = $1`, [a.id]);
  await t.adminSql(`UPDATE tenant_phone_config SET time_zone = 'America/Denver' WHERE tenant_id = $1`, [a.id]);

  const adb = forTenant(t.deps.db, a.id);
  // Added in this order, an hour apart: with no contact yet, the newest added is first.
  for (const [key, name, phone, email, ago] of [
    ['ana', 'Ana Lopez', '+19185550142', 'ana@example.com', 300],
    ['ben', 'Ben Ortiz', '+19185550177', null, 240],
    ['cara', 'Cara Lopez-Smith', '+14155550100', 'cara@shop.test', 180],
  ] as const) {
    ids[key] = (await adb.customer.create({ data: { name, phone, email, createdAt: minutesAgo(ago), lastActivityAt: minutesAgo(ago) } })).id;
  }
  await forTenant(t.deps.db, b.id).customer.create({ data: { name: 'Ana Lopez', phone: '+19185550142' } });

  // Ana's history: a call matched by number (no customer id), its voicemail, a text each way, a booking, a website request.
  await adb.call.create({ data: { callSid: `CA-${randomUUID()}`, fromNumber: '+19185550142', toNumber: a.phoneNumber!, startedAt: minutesAgo(50), durationSec: 75, outcome: 'voicemail', digits: '3' } });
  await adb.voicemail.create({ data: { callSid: 'CA-vm', recordingSid: `RE-${randomUUID()}`, recordingUrl: 'https://api.twilio.com/rec/x', fromNumber: '+19185550142', durationSec: 20, createdAt: minutesAgo(49) } });
  await adb.message.create({ data: { direction: 'inbound', idempotencyKey: `in-${randomUUID()}`, fromNumber: '+19185550142', toNumber: a.phoneNumber!, body: 'Can you do Friday?', status: 'received', createdAt: minutesAgo(40) } });
  await adb.message.create({ data: { direction: 'outbound', idempotencyKey: `out-${randomUUID()}`, fromNumber: a.phoneNumber!, toNumber: '+19185550142', body: 'Friday works', status: 'sent', createdAt: minutesAgo(39) } });
  await adb.websiteRequest.create({ data: { customerId: ids.ana!, serviceName: 'Interior detail', preferredTime: 'mornings', createdAt: minutesAgo(30) } });
  // Someone else's text to Ben's number's neighbour: not Ana's, not Ben's.
  await adb.message.create({ data: { direction: 'inbound', idempotencyKey: `in-${randomUUID()}`, fromNumber: '+19185550199', toNumber: a.phoneNumber!, body: 'Who is this?', status: 'received' } });

  const service = await adb.service.create({ data: { name: 'Full detail', durationMin: 120 } });
  const resource = await adb.resource.create({ data: { name: 'Van 1' } });
  const booked = await holdSlot(t.deps.db, a.id, {
    bookingId: randomUUID(), serviceId: service.id, customerId: ids.ana!, resourceId: resource.id, source: 'owner', holdMinutes: 5, confirm: true,
    start: new Date(Date.UTC(2031, 5, 3, 15, 0)), // 9:00 in Denver (MDT)
  });
  if (!booked.ok) throw new Error(`booking failed: ${booked.reason}`);
  ids.booking = booked.booking.id;
});
afterAll(async () => t?.close());

describe('GET /customers: search', () => {
  it('finds a number however it is typed', async () => {
    expect(names(await search('918 555'))).toEqual(expect.arrayContaining(['Ana Lopez', 'Ben Ortiz']));
    expect(names(await search('918 555'))).not.toContain('Cara Lopez-Smith');
    expect(names(await search('(918) 555-0142'))).toEqual(['Ana Lopez']);
    expect(names(await search('+1 918-555-0177'))).toEqual(['Ben Ortiz']);
  });

  it('finds by any words of the name, and by email', async () => {
    expect(names(await search('lopez')).sort()).toEqual(['Ana Lopez', 'Cara Lopez-Smith']);
    expect(names(await search('LOPEZ smith'))).toEqual(['Cara Lopez-Smith']);
    expect(names(await search('shop.test'))).toEqual(['Cara Lopez-Smith']);
    expect(names(await search('nobody-like-this'))).toEqual([]);
  });

  it("never shows another tenant's customers", async () => {
    expect((await search('ana', b.id)).customers).toHaveLength(1);
    expect(names(await search('ben', b.id))).toEqual([]);
  });
});

describe('GET /customers: the list', () => {
  it('is newest activity first: a call, text or request moves a customer up, and shows as the last contact', async () => {
    const list = await json<List>(await t.call('GET', path(a.id), { token: owner }));
    // Ana was added first but was in touch 30 minutes ago (the website request, kept by the trigger).
    expect(names(list).slice(0, 3)).toEqual(['Ana Lopez', 'Cara Lopez-Smith', 'Ben Ortiz']);
    const ana = list.customers[0]!;
    expect(Math.abs(new Date(ana.lastContactAt!).getTime() - minutesAgo(30).getTime())).toBeLessThan(60_000);
    expect(ana.upcomingBookings).toBe(1);
    expect(list.customers.find((c) => c.name === 'Ben Ortiz')!.lastContactAt).toBeNull();

    // A call from Ben, just now: he is first.
    await forTenant(t.deps.db, a.id).call.create({ data: { callSid: `CA-${randomUUID()}`, fromNumber: '+19185550177', toNumber: a.phoneNumber!, startedAt: new Date(), outcome: 'answered' } });
    expect(names(await json<List>(await t.call('GET', path(a.id), { token: owner })))[0]).toBe('Ben Ortiz');
  });

  it('pages with a cursor, without repeating or skipping anyone', async () => {
    const first = await json<List>(await t.call('GET', path(a.id, '?limit=2'), { token: owner }));
    expect(first.customers).toHaveLength(2);
    const second = await json<List>(await t.call('GET', path(a.id, `?limit=2&cursor=${first.nextCursor}`), { token: owner }));
    expect(second.nextCursor).toBeNull();
    expect([...names(first), ...names(second)].sort()).toEqual(['Ana Lopez', 'Ben Ortiz', 'Cara Lopez-Smith']);
  });
});

describe('POST /customers', () => {
  it('stores the number in E.164 and refuses a second customer with it, naming the first', async () => {
    const created = await t.call('POST', path(a.id), { token: staff, body: { name: 'Dee Park', phone: '(918) 555-0161', email: 'Dee@Example.com' } });
    expect(created.status).toBe(201);
    const { customer } = await json<{ customer: { id: string; phone: string; email: string } }>(created);
    expect([customer.phone, customer.email]).toEqual(['+19185550161', 'dee@example.com']);

    const again = await t.call('POST', path(a.id), { token: owner, body: { name: 'D. Park', phone: '918.555.0161' } });
    expect(again.status).toBe(409);
    const { error } = await json<{ error: { code: string; message: string; fields: Record<string, string> } }>(again);
    expect(error.code).toBe('duplicate_customer');
    expect(error.message).toContain('Dee Park');
    expect(error.fields.phone).toContain('Dee Park');
  });

  it('answers a bad number or a missing name with field messages', async () => {
    const r = await t.call('POST', path(a.id), { token: owner, body: { name: ' ', phone: '12' } });
    expect(r.status).toBe(400);
    const { error } = await json<{ error: { fields: Record<string, string> } }>(r);
    expect(Object.keys(error.fields).sort()).toEqual(['name', 'phone']);
  });
});

describe('GET /customers/:id: the customer page', () => {
  it('has the contact, the trade’s asset word, upcoming bookings and the history newest first', async () => {
    const r = await t.call('GET', path(a.id, `/${ids.ana}`), { token: staff });
    expect(r.status).toBe(200);
    const page = await json<Page>(r);
    expect(page.customer.name).toBe('Ana Lopez');
    expect(page.assetLabel?.singular).toBe('vehicle');
    expect(page.upcomingBookings.map((x) => x.start)).toEqual(['2031-06-03T09:00:00-06:00']);
    // The booking was made just now, so it is first; then the request, the texts, the voicemail, the call.
    expect(page.history.map((h) => h.kind)).toEqual(['booking', 'website_request', 'text', 'text', 'voicemail', 'call']);
    expect(page.history[0]!.booking).toMatchObject({ status: 'confirmed', start: '2031-06-03T09:00:00-06:00', service: { name: 'Full detail' } });
    expect(page.history[1]!.serviceName).toBe('Interior detail');
    expect(page.history.slice(2, 4).map((h) => [h.direction, h.body])).toEqual([['outbound', 'Friday works'], ['inbound', 'Can you do Friday?']]);
    expect(page.history[5]).toMatchObject({ kind: 'call', outcome: 'voicemail' });
  });

  it("is 404 for another tenant's customer and for a made-up id", async () => {
    expect((await t.call('GET', path(b.id, `/${ids.ana}`), { token: owner })).status).toBe(404);
    expect((await t.call('GET', path(a.id, `/${randomUUID()}`), { token: owner })).status).toBe(404);
    expect((await t.call('GET', path(a.id, '/not-an-id'), { token: owner })).status).toBe(404);
  });
});

describe('PATCH /customers/:id and assets', () => {
  it('staff edit notes and the address; a blank clears, a taken number is refused', async () => {
    const r = await t.call('PATCH', path(a.id, `/${ids.ben}`), { token: staff, body: { notes: 'Gate code 4412', address: '12 Elm St' } });
    expect(r.status).toBe(200);
    expect((await json<{ customer: { notes: string; address: string } }>(r)).customer).toMatchObject({ notes: 'Gate code 4412', address: '12 Elm St' });
    const cleared = await json<{ customer: { address: string | null; notes: string } }>(await t.call('PATCH', path(a.id, `/${ids.ben}`), { token: owner, body: { address: '' } }));
    expect(cleared.customer).toMatchObject({ address: null, notes: 'Gate code 4412' });
    expect((await t.call('PATCH', path(a.id, `/${ids.ben}`), { token: owner, body: { phone: '918-555-0142' } })).status).toBe(409);
    expect((await t.call('PATCH', path(b.id, `/${ids.ben}`), { token: owner, body: { notes: 'x' } })).status).toBe(404);
  });

  it('adds, changes and removes an asset of that customer only', async () => {
    const added = await t.call('POST', path(a.id, `/${ids.cara}/assets`), { token: staff, body: { description: '2019 Honda Civic, silver', notes: 'Dog hair in the back' } });
    expect(added.status).toBe(201);
    const { asset } = await json<{ asset: { id: string } }>(added);
    const changed = await t.call('PATCH', path(a.id, `/${ids.cara}/assets/${asset.id}`), { token: owner, body: { notes: null, description: '2019 Honda Civic' } });
    expect((await json<{ asset: unknown }>(changed)).asset).toMatchObject({ description: '2019 Honda Civic', notes: null });
    // Another customer's path to it finds nothing.
    expect((await t.call('DELETE', path(a.id, `/${ids.ben}/assets/${asset.id}`), { token: owner })).status).toBe(404);
    const page = await json<Page>(await t.call('GET', path(a.id, `/${ids.cara}`), { token: owner }));
    expect(page.assets.map((x) => x.description)).toEqual(['2019 Honda Civic']);
    expect((await t.call('DELETE', path(a.id, `/${ids.cara}/assets/${asset.id}`), { token: owner })).status).toBe(204);
    expect((await json<Page>(await t.call('GET', path(a.id, `/${ids.cara}`), { token: owner }))).assets).toEqual([]);
  });
});

describe('caller names wherever a number is shown', () => {
  it('calls, voicemail, texts, the dashboard and website requests name the customer and link to them', async () => {
    const get = async <T,>(rest: string) => json<T>(await t.call('GET', `/api/tenants/${a.id}${rest}`, { token: owner }));
    const calls = await get<{ calls: { from: string; callerName: string | null; customerId: string | null }[] }>('/calls');
    expect(calls.calls.find((c) => c.from === '+19185550142')).toMatchObject({ callerName: 'Ana Lopez', customerId: ids.ana });
    const voicemails = await get<{ voicemails: { from: string; callerName: string | null; customerId: string | null }[] }>('/voicemails');
    expect(voicemails.voicemails[0]).toMatchObject({ callerName: 'Ana Lopez', customerId: ids.ana });
    const texts = await get<{ messages: { body: string; customerName: string | null; customerId: string | null }[] }>('/messages');
    expect(texts.messages.find((m) => m.body === 'Friday works')).toMatchObject({ customerName: 'Ana Lopez', customerId: ids.ana });
    expect(texts.messages.find((m) => m.body === 'Who is this?')).toMatchObject({ customerName: null, customerId: null });
    const { dashboard } = await get<{ dashboard: { voicemail: { latest: { callerName: string; customerId: string }[] }; texts: { latest: { counterpart: string; customerName: string | null; customerId: string | null }[] } } }>('/dashboard');
    expect(dashboard.voicemail.latest[0]).toMatchObject({ callerName: 'Ana Lopez', customerId: ids.ana });
    expect(dashboard.texts.latest.find((x) => x.counterpart === '+19185550199')).toMatchObject({ customerName: null, customerId: null });
    const { requests } = await get<{ requests: { customer: { id: string; name: string } }[] }>('/site/requests');
    expect(requests[0]!.customer).toMatchObject({ id: ids.ana, name: 'Ana Lopez' });
  });
});
