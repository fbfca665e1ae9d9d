// The Exports API and the signed download, through the real app, database, Temporal and worker:
// request → progress → ready with a fresh link → the zip; and every way a link can be wrong.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLinkKey, signExportLink } from '../../domain/export-links.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { seedExportTenant } from '../../tests/export-fixtures.ts';
import { readZip } from '../../tests/export-zip.ts';
import type { ExportView } from '../exports/tenant-exports.ts';

let t: TestApp;
let storageDir: string;
let a: Awaited<ReturnType<typeof seedExportTenant>>;
let b: Awaited<ReturnType<typeof seedExportTenant>>;
let ownerA: string;
let staffA: string;
let ownerB: string;
let ready: ExportView;

const json = async <T,>(r: Response) => (await r.json()) as T;
const local = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};
const key = () => exportLinkKey(t.deps.masterKey);
const hourFromNow = () => new Date(Date.now() + 3_600_000);

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'exports-api-'));
  t = await createTestApp({ fakes: ['twilio'], env: { EXPORT_STORAGE_DIR: storageDir } });
  a = await seedExportTenant(t.deps.db, { prefix: 'apiexp', customers: 30, status: 'suspended' });
  b = await seedExportTenant(t.deps.db, { prefix: 'apiexpb', customers: 12 });
  [ownerA, staffA, ownerB] = await Promise.all([t.memberToken(a.tenantId, 'owner'), t.memberToken(a.tenantId, 'staff'), t.memberToken(b.tenantId, 'owner')]);
});
afterAll(async () => {
  await t?.close();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

describe('POST → GET → download', () => {
  it('a suspended business: the owner requests an export, watches it finish and downloads the zip', async () => {
    const posted = await t.call('POST', `/api/tenants/${a.tenantId}/exports`, { token: ownerA });
    expect(posted.status).toBe(202);
    const { export: started } = await json<{ export: ExportView }>(posted);
    expect(started).toMatchObject({ reason: 'owner', status: 'running', progress: { status: 'counting' }, downloadUrl: null, completedAt: null });

    await expect
      .poll(async () => (await json<{ export: ExportView }>(await t.call('GET', `/api/tenants/${a.tenantId}/exports/${started.id}`, { token: staffA }))).export.status, { timeout: 30_000, interval: 250 })
      .toBe('ready');

    const { exports } = await json<{ exports: ExportView[] }>(await t.call('GET', `/api/tenants/${a.tenantId}/exports`, { token: staffA }));
    ready = exports.find((e) => e.id === started.id)!;
    expect(ready).toMatchObject({
      status: 'ready',
      progress: { status: 'ready', percent: 100 },
      rowCounts: expect.objectContaining({ customers: 30, settings: 1 }),
      sizeBytes: expect.any(Number),
      completedAt: expect.any(String),
      error: null,
    });
    expect(ready.downloadUrl).toMatch(new RegExp(`^${t.deps.config.PUBLIC_BASE_URL}/exports/${a.tenantId}/${started.id}/download\\?expires=\\d+&sig=[0-9a-f]{64}$`));
    expect(new Date(ready.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 71 * 3_600_000); // EXPORT_LINK_TTL_HOURS = 72

    const download = await t.app.request(local(ready.downloadUrl!));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${a.tenantId}-export-${ready.completedAt!.slice(0, 10)}.zip"`);
    const body = Buffer.from(await download.arrayBuffer());
    expect(body.length).toBe(ready.sizeBytes);
    const zip = await readZip(body);
    expect(parse(zip.get('customers.csv')!, { columns: true, bom: true })).toHaveLength(30);
    expect(JSON.parse(zip.get('settings.json')!.toString('utf8'))[0]).toMatchObject({ tenant_id: a.tenantId, status: 'suspended' });
  });

  it('signs a fresh link on every read, each of which works', async () => {
    const again = (await json<{ export: ExportView }>(await t.call('GET', `/api/tenants/${a.tenantId}/exports/${ready.id}`, { token: ownerA }))).export;
    expect(again.downloadUrl).toEqual(expect.any(String));
    expect((await t.app.request(local(again.downloadUrl!))).status).toBe(200);
  });

  it('lists newest first', async () => {
    const second = (await json<{ export: ExportView }>(await t.call('POST', `/api/tenants/${a.tenantId}/exports`, { token: ownerA }))).export;
    const { exports } = await json<{ exports: ExportView[] }>(await t.call('GET', `/api/tenants/${a.tenantId}/exports`, { token: ownerA }));
    expect(exports.map((e) => e.id).slice(0, 2)).toEqual([second.id, ready.id]);
  });
});

describe('who may do what', () => {
  it('staff can see exports but not start one; another business sees nothing of them', async () => {
    expect((await t.call('POST', `/api/tenants/${a.tenantId}/exports`, { token: staffA })).status).toBe(403);
    expect((await t.call('GET', `/api/tenants/${a.tenantId}/exports`, { token: ownerB })).status).toBe(403);
    expect((await t.call('GET', `/api/tenants/${b.tenantId}/exports/${ready.id}`, { token: ownerB })).status).toBe(404);
    expect((await t.call('GET', `/api/tenants/${a.tenantId}/exports`)).status).toBe(401);
  });

  it('the platform owner can request an export of any business', async () => {
    const r = await t.call('POST', `/api/tenants/${b.tenantId}/exports`, { token: await t.ownerToken() });
    expect(r.status).toBe(202);
  });
});

describe('the download link', () => {
  const errorOf = async (r: Response) => ({ status: r.status, ...(await json<{ error: { code: string; message: string } }>(r)).error });

  it('a changed signature → 403 with a message saying what to do', async () => {
    const url = local(ready.downloadUrl!);
    const sig = url.match(/sig=([0-9a-f]+)/)![1]!;
    const tampered = url.replace(sig, `${sig.slice(0, -2)}${sig.endsWith('00') ? '11' : '00'}`);
    const error = await errorOf(await t.app.request(tampered));
    expect(error).toMatchObject({ status: 403, code: 'invalid_link' });
    expect(error.message).toContain('Exports page');
    expect((await t.app.request(url.replace(/&sig=.*$/, ''))).status).toBe(403);
  });

  it("the same link pointed at another tenant → 403; another tenant's export under a genuine signature → 404", async () => {
    expect((await t.app.request(local(ready.downloadUrl!).replace(`/exports/${a.tenantId}/`, `/exports/${b.tenantId}/`))).status).toBe(403);
    const crossSigned = signExportLink({ tenantId: b.tenantId, exportId: ready.id, expiresAt: hourFromNow() }, key());
    expect(await errorOf(await t.app.request(crossSigned))).toMatchObject({ status: 404, code: 'not_found' });
    expect((await t.app.request(signExportLink({ tenantId: a.tenantId, exportId: randomUUID(), expiresAt: hourFromNow() }, key()))).status).toBe(404);
  });

  it('an expired link → 410, telling the owner where to get a fresh one', async () => {
    const expired = signExportLink({ tenantId: a.tenantId, exportId: ready.id, expiresAt: new Date(Date.now() - 1_000) }, key());
    const error = await errorOf(await t.app.request(expired));
    expect(error).toMatchObject({ status: 410, code: 'link_expired' });
    expect(error.message).toContain('Exports page');
  });

  it('an export that is not finished cannot be downloaded, even with a genuine link', async () => {
    const running = await t.deps.db.dataExport.create({ data: { tenantId: a.tenantId, reason: 'owner', status: 'running' } });
    const link = signExportLink({ tenantId: a.tenantId, exportId: running.id, expiresAt: hourFromNow() }, key());
    expect(await errorOf(await t.app.request(link))).toMatchObject({ status: 409, code: 'export_not_ready' });
  });
});
