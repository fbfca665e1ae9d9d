// Browser test of the voicemail inbox: a voicemail left on the phone line plays in the page's own
// <audio> player (the recording streamed through the API from our copy of it), playing it marks it
// listened, and its transcript shows under it — on a desktop and on a 390 px phone. The real web
// build and API, the sandbox's Twilio (real speech audio), the OpenAI fake for speech-to-text.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.ts';
import { SAMPLE_VOICEMAIL_WORDS, sampleVoicemailWav } from '../../api/sandbox/sample-voicemail.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { buildWebApp } from '../../scripts/web-build.ts';
import { startTestServer } from '../app-harness.ts';
import { startOpenAiFake, type OpenAiFake } from '../openai-fake.ts';
import { randomPhone } from '../sms-fixtures.ts';
import { uniqueId } from '../stack.ts';
import { createTenant } from '../tenant-fixtures.ts';
import { launchChromium } from './browser.ts';

/** The sample recording's real length: 8 kHz, 16-bit mono after its 44-byte WAV header. */
const SAMPLE_SECONDS = (sampleVoicemailWav().length - 44) / 16_000;

const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let openai: OpenAiFake | undefined;
let webDist: string | undefined;
let browser: Browser | undefined;
let tenantId = '';
const pageErrors: string[] = [];

/** A voicemail as the call workflow stores it; its audio workflow copies the recording and transcribes it. */
async function leaveVoicemail() {
  const deps = server!.testApp.deps;
  const recordingSid = `RE${randomBytes(16).toString('hex')}`;
  const { voicemailId } = await createActivities(deps).storeVoicemail({ tenantId, callSid: uniqueId('CA'), recordingSid, recordingUrl: '', from: randomPhone(), durationSec: 9 });
  await deps.temporal.workflow.getHandle(workflowIds.voicemailAudio(tenantId, voicemailId)).result();
  return voicemailId;
}

async function signedInPage(viewport: { width: number; height: number }, mobile: boolean): Promise<Page> {
  const page = await browser!.newPage({ viewport, isMobile: mobile, hasTouch: mobile });
  page.setDefaultTimeout(WAIT.timeout);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server!.url}/login`);
  await page.getByLabel('Email').fill(server!.ownerEmail);
  await page.getByLabel('Password').fill(server!.ownerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/admin/tenants', WAIT);
  return page;
}

/** Plays the voicemail in the page's player with a real click on its play button; what the element then reports. */
async function play(page: Page, voicemailId: string) {
  const item = page.locator(`li[data-voicemail-id="${voicemailId}"]`);
  const audio = item.locator('audio');
  await audio.waitFor(WAIT);
  // The native controls' play button sits at their left end.
  await audio.click({ position: { x: 18, y: 20 } });
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.readyState), WAIT).toBeGreaterThanOrEqual(2);
  return { item, audio, duration: await audio.evaluate((el: HTMLAudioElement) => el.duration) };
}

describe('the voicemail inbox plays recordings (browser)', () => {
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'servicepro-web-'));
    await buildWebApp(webDist);
    openai = await startOpenAiFake();
    server = await startTestServer({ webDist, env: openai.env });
    ({ id: tenantId } = await createTenant(server.testApp, await server.testApp.ownerToken(), 'pro'));
    browser = await launchChromium();
    await mkdir(path.resolve('test-results'), { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await openai?.close();
    if (webDist) await rm(webDist, { recursive: true, force: true });
  });

  it('the player loads the recording (its real length), playing it marks the message listened, and the transcript shows', async () => {
    const voicemailId = await leaveVoicemail();
    const page = await signedInPage({ width: 1280, height: 900 }, false);
    await page.goto(`${server!.url}/t/${tenantId}/voicemails`);
    const { item, duration } = await play(page, voicemailId);
    expect(duration).toBeCloseTo(SAMPLE_SECONDS, 0);
    await expect.poll(() => item.locator('.new-badge').count(), WAIT).toBe(0);
    await item.getByRole('button', { name: 'Mark as new' }).waitFor(WAIT);
    expect(await item.locator('.voicemail-transcript').textContent()).toBe(SAMPLE_VOICEMAIL_WORDS);
    await page.screenshot({ path: path.resolve('test-results', 'voicemail-desktop.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('on a 390 px phone the player fits the screen and plays', async () => {
    const voicemailId = await leaveVoicemail();
    const page = await signedInPage(PHONE, true);
    await page.goto(`${server!.url}/t/${tenantId}/voicemails`);
    const { audio, duration } = await play(page, voicemailId);
    expect(duration).toBeCloseTo(SAMPLE_SECONDS, 0);
    const box = (await audio.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: path.resolve('test-results', 'voicemail-phone.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
