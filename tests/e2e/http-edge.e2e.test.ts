// The HTTP edge in a real browser: the built web app under its Content-Security-Policy, signing
// out ending the session on the server, and the Temporal UI's origin decoding payloads with the
// session cookie (CORS with credentials, SameSite=Lax across ports). Everything is addressed as
// `localhost`, as `npm start` prints it.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type RunningApi } from '../../api/server.ts';
import { freePort } from '../../scripts/ports.ts';
import { buildWebApp } from '../../scripts/web-build.ts';
import { EncryptionCodec } from '../../workers/runtime/codec.ts';
import { createTestApp, type TestApp } from '../app-harness.ts';
import { testStack } from '../stack.ts';
import { launchChromium } from './browser.ts';

const WAIT = { timeout: 30_000 };

let webDist: string | undefined;
let testApp: TestApp | undefined;
let api: RunningApi | undefined;
let appUrl = '';
let uiUrl = '';
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const cspViolations: string[] = [];

async function signIn() {
  const { owner } = testStack();
  await page.goto(`${appUrl}/login`);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/admin/tenants', WAIT);
  const raw = await page.evaluate(() => localStorage.getItem('servicepro.session'));
  return (JSON.parse(raw!) as { token: string }).token;
}

const me = (token: string) => fetch(`${appUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

describe('the HTTP edge in a browser', () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    const port = await freePort();
    appUrl = `http://localhost:${port}`;
    // The stack's Temporal UI, by the same host name as the app.
    const ui = new URL(testStack().temporalUiUrl);
    ui.hostname = 'localhost';
    uiUrl = ui.origin;
    testApp = await createTestApp({ webDist, env: { PUBLIC_BASE_URL: appUrl, TEMPORAL_UI_URL: uiUrl } });
    api = await startApiServer(testApp.deps, port);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Reported by the browser itself, on every page of ours.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`));
    });
    page = await context.newPage();
    page.setDefaultTimeout(WAIT.timeout);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|CSP violation|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) cspViolations.push(message.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await testApp?.close();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it('the production build ships no source maps', async () => {
    const files = (await readdir(webDist!, { recursive: true })).map(String);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith('.js') || f.endsWith('.css'))) {
      expect(await readFile(path.join(webDist!, file), 'utf8'), file).not.toMatch(/sourceMappingURL/);
    }
  });

  it('every page of the app works under the CSP: not one violation, not one page error', async () => {
    const token = await signIn();
    const response = await page.goto(`${appUrl}/admin/tenants`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('article[data-testid="tenant-card"]').first().waitFor(WAIT);
    // `home` leads to the dashboard at /t/root.
    for (const section of ['home', 'calls', 'voicemails', 'texts', 'phone', 'sip', 'simulator', 'billing', 'exports']) {
      await page.goto(`${appUrl}/t/root/${section}`);
      await page.getByRole('navigation', { name: 'Business sections' }).waitFor(WAIT);
      await page.waitForLoadState('networkidle');
    }
    expect(await me(token)).toBe(200);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('the violation check above is real: an inline script is refused and reported', async () => {
    const before = cspViolations.length;
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
    });
    await expect.poll(() => cspViolations.length, WAIT).toBeGreaterThan(before);
    expect(await page.evaluate(() => (window as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    cspViolations.length = before;
  });

  it('Sign out ends the session on the server: the token it had is refused afterwards', async () => {
    await page.goto(`${appUrl}/admin/tenants`);
    const raw = await page.evaluate(() => localStorage.getItem('servicepro.session'));
    const token = (JSON.parse(raw!) as { token: string }).token;
    expect(await me(token)).toBe(200);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor(WAIT);
    await expect.poll(() => me(token), WAIT).toBe(401);
    // The browser drops the cookie when the logout answer arrives, which may be after the server already refuses the token.
    await expect.poll(async () => (await context.cookies(appUrl)).find((c) => c.name === 'servicepro_session'), WAIT).toBeUndefined();
  });

  it('from the Temporal UI origin, the session cookie decodes payloads (preflight + POST), and a signed-out browser gets a readable 401', async () => {
    await signIn();
    const [encrypted] = await new EncryptionCodec(testApp!.deps.masterKey).encode([{ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('{"customer":"Ada"}') }]);
    const body = JSON.stringify({
      payloads: [{ metadata: Object.fromEntries(Object.entries(encrypted!.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])), data: Buffer.from(encrypted!.data!).toString('base64') }],
    });
    const uiPage = await context.newPage();
    await uiPage.goto(uiUrl);
    // What the UI's data encoder does with "Include cross-origin credentials" on.
    const decodeFromUi = () =>
      uiPage.evaluate(
        async ({ endpoint, body }) => {
          try {
            const r = await fetch(`${endpoint}/decode`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json', 'X-Namespace': 'default' }, body });
            return { status: r.status, json: (await r.json()) as { payloads?: { data: string }[]; error?: { code: string } } };
          } catch (error) {
            return { status: 0, json: { error: { code: `network: ${(error as Error).message}` } } };
          }
        },
        { endpoint: `${appUrl}/codec`, body },
      );
    const decoded = await decodeFromUi();
    expect(decoded.status).toBe(200);
    expect(Buffer.from(decoded.json.payloads![0]!.data, 'base64').toString()).toBe('{"customer":"Ada"}');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor(WAIT);
    await expect.poll(async () => (await decodeFromUi()).status, WAIT).toBe(401);
    expect((await decodeFromUi()).json.error?.code).toBe('unauthenticated');
    await uiPage.close();
  });

  it('in the real Temporal UI, set up as docs/operations.md says, a workflow input is shown decoded; signed out, the UI says it could not connect', async () => {
    const handle = await testApp!.deps.temporal.workflow.start('codecProbe', { taskQueue: `nobody-polls-${Date.now()}`, workflowId: `codec-probe-${Date.now()}`, args: [{ customer: 'Ada Lovelace' }] });
    try {
      const token = await signIn();
      const uiPage = await context.newPage();
      uiPage.setDefaultTimeout(WAIT.timeout);
      const workflowPage = `${uiUrl}/namespaces/${testStack().temporalNamespace}/workflows/${handle.workflowId}`;
      await uiPage.goto(workflowPage);
      await uiPage.getByRole('button', { name: /Codec Server/ }).first().click();
      const dialog = uiPage.getByRole('dialog');
      await dialog.getByText('Use my browser setting and ignore Cluster-level setting.').click();
      await dialog.getByText('Codec Server browser endpoint').waitFor(WAIT);
      await dialog.locator('textarea').fill(`${appUrl}/codec`);
      await dialog.getByText('Include cross-origin credentials', { exact: true }).click();
      await uiPage.getByRole('button', { name: 'Apply' }).click();
      await uiPage.goto(workflowPage);
      await uiPage.getByText('"Ada Lovelace"').first().waitFor(WAIT);

      await page.goto(`${appUrl}/admin/tenants`);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect.poll(() => me(token), WAIT).toBe(401);
      await uiPage.goto(workflowPage);
      await uiPage.getByText('Codec Server could not connect').filter({ visible: true }).first().waitFor(WAIT);
      expect(await uiPage.getByText('"Ada Lovelace"').count()).toBe(0);
      await uiPage.close();
    } finally {
      await handle.terminate('codec probe done');
    }
  });
});
