import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/workflow-ids.ts';
import { createTestApp, type TestApp } from '../../tests/app-harness.ts';
import { progressOf, putStep, signUp, wizardAnswers } from '../../tests/onboarding-fixtures.ts';

// The wizard's steps through the API: each a Temporal update with a validator; a refused step is a
// 400 with field messages and leaves nothing in the workflow's history; the progress resumes anywhere.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** The names of the updates the workflow's history accepted, in order. */
async function acceptedUpdates(tenantId: string): Promise<string[]> {
  const history = await t.deps.temporal.workflow.getHandle(workflowIds.onboarding(tenantId)).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).map((e) => e.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest!.input!.name!);
}

describe('the wizard steps', () => {
  it('a good step is stored and the progress moves on; the chosen pack pre-fills services and greeting', async () => {
    const who = await signUp(t);
    const answers = wizardAnswers(who);
    const business = await putStep(t, who, 'business', answers.business);
    expect(business.status).toBe(200);
    expect(await business.json()).toMatchObject({ status: 'in_progress', step: 'industry', steps: expect.arrayContaining([{ name: 'business', done: true }, { name: 'industry', done: false }]) });

    const industry = await (await putStep(t, who, 'industry', { pack: 'auto-detailing' })).json();
    expect(industry.step).toBe('services');
    expect(industry.values.services.services.length).toBeGreaterThanOrEqual(3);
    expect(industry.values.greeting.greetingText).toContain('Fresh Start Detailing');
    expect(industry.steps.find((s: { name: string }) => s.name === 'services').done).toBe(false);
  });

  it.each([
    ['business', { businessName: '', slug: 'Not A Slug!', ownerName: 'Dana', ownerPhone: '12', timeZone: 'Mars/Olympus', serviceArea: 'x' }, ['businessName', 'ownerPhone', 'serviceArea', 'slug', 'timeZone']],
    ['industry', { pack: 'rocket-repair' }, ['pack']],
    ['services', { services: [{ name: 'ab', durationMinutes: 5, priceCents: -1 }] }, ['services.0.durationMinutes', 'services.0.name', 'services.0.priceCents']],
    ['services', { services: [] }, ['services']],
    ['phone', { phoneNumber: 'call me maybe' }, ['phoneNumber']],
    ['greeting', { greetingText: 'Hi', infoText: 'short' }, ['greetingText', 'infoText']],
    ['branding', { primaryColor: 'teal', logoUrl: 'javascript:alert(1)' }, ['logoUrl', 'primaryColor']],
    ['website', { template: 'geocities' }, ['template']],
    ['plan', { tier: 'platinum' }, ['tier']],
    ['plan', { tier: 'pro', extra: true }, ['_']],
  ])('%s: bad input is refused by the validator with field messages, and the history has no trace of it', async (step, body, fields) => {
    const who = await signUp(t);
    const response = await putStep(t, who, step, body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields).sort()).toEqual(fields);
    expect(await acceptedUpdates(who.tenantId)).toEqual([]);
    expect((await progressOf(t, who)).steps.every((s) => !s.done)).toBe(true);
  });

  it('a web address another business has is refused before the workflow is asked', async () => {
    const first = await signUp(t);
    const second = await signUp(t);
    const response = await putStep(t, second, 'business', { ...(wizardAnswers(second).business as object), slug: first.tenantId });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { fields: { slug: expect.stringMatching(/taken/) } } });
  });

  it('steps may be revisited; the progress (values included) resumes on another device (a new sign-in)', async () => {
    const who = await signUp(t);
    const answers = wizardAnswers(who);
    for (const step of ['business', 'industry', 'services'] as const) expect((await putStep(t, who, step, answers[step])).status).toBe(200);
    expect((await putStep(t, who, 'business', { ...(answers.business as object), serviceArea: 'All of Green Country' })).status).toBe(200);

    const otherDevice = { ...who, token: await t.login(who.email, 'correct horse battery staple') };
    const progress = await progressOf(t, otherDevice);
    expect(progress.step).toBe('phone');
    expect(progress.values.business).toMatchObject({ serviceArea: 'All of Green Country', ownerPhone: '+19185550177' });
    expect(progress.values.services).toEqual(answers.services);
    expect(progress.expiresAt).toEqual(expect.any(String));
    expect(await acceptedUpdates(who.tenantId)).toEqual(['business', 'industry', 'services', 'business']);
  });

  it('only the business’s owner may use its wizard; an unknown step is a 404', async () => {
    const who = await signUp(t);
    const stranger = await signUp(t);
    expect((await t.call('GET', `/api/tenants/${who.tenantId}/onboarding`, { token: stranger.token })).status).toBe(403);
    expect((await t.call('GET', `/api/tenants/${who.tenantId}/onboarding`)).status).toBe(401);
    const staff = await t.memberToken(who.tenantId, 'staff');
    expect((await t.call('PUT', `/api/tenants/${who.tenantId}/onboarding/plan`, { token: staff, body: { tier: 'pro' } })).status).toBe(403);
    expect((await putStep(t, who, 'payroll', {})).status).toBe(404);
  });
});
