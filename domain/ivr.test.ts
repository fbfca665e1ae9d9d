import { describe, expect, it } from 'vitest';
import { initialCallState, respond, type CallContext, type CallState } from './ivr.ts';
import type { TenantTier } from './tenancy.ts';

// The IVR reducer's plan gates, where each feature acts: the menu (and its joke), the SIP
// softphone, the AI voice mode. The API refuses the settings; this is what a call does when a
// plan changed under them (a downgrade keeps the saved settings).

const ctx = (tier: TenantTier, overrides: Partial<CallContext> = {}): CallContext => ({
  tenantId: 't1',
  businessName: 'Shiny',
  tier,
  status: 'active',
  ivrMode: 'ivr',
  tenantNumber: '+19185550100',
  forwardingNumber: '+19185550111',
  sipUri: null,
  timeZone: 'America/Chicago',
  businessHours: null,
  jokesEnabled: true,
  missedCallTextBack: false,
  ownerNotifyPhone: null,
  ownerNotifyEmail: null,
  texts: { greeting: null, info: null, infoSms: null, afterHours: null, missedCall: null },
  appUrl: 'http://localhost:3000',
  ...overrides,
});
const menuState: CallState = { ...initialCallState(), step: 1, phase: 'menu' };
const now = new Date('2026-06-10T17:00:00Z');

describe('plan gates in the IVR', () => {
  it('a plan without the menu never offers or tells a joke: a menu request on such a call just forwards', () => {
    const starter = ctx('starter');
    expect(respond(starter, initialCallState(), { kind: 'incoming' }, 'CA1', '+19185550199', now).twiml).toMatch(/<Dial[^>]*>.*<Number>\+19185550111<\/Number>/);
    const pressed7 = respond(starter, menuState, { kind: 'menu', digits: '7' }, 'CA1', '+19185550199', now);
    expect(pressed7.twiml).not.toMatch(/Press 7|joke|laugh/i);
    expect(pressed7.twiml).toMatch(/<Number>\+19185550111<\/Number>/);
    expect(pressed7.state.jokeTold).toBe(false);
    const pressed1 = respond(starter, menuState, { kind: 'menu', digits: '1' }, 'CA1', '+19185550199', now);
    expect(pressed1.effects).toEqual([]);
  });

  it('the menu offers 7 only when the plan has the menu and the tenant turned jokes on', () => {
    const greeting = (c: CallContext) => respond(c, initialCallState(), { kind: 'incoming' }, 'CA1', '+19185550199', now).twiml;
    expect(greeting(ctx('pro'))).toMatch(/Press 7 for a joke/);
    expect(greeting(ctx('pro', { jokesEnabled: false }))).not.toMatch(/Press 7/);
    expect(respond(ctx('pro'), menuState, { kind: 'menu', digits: '7' }, 'CA1', '+19185550199', now).state.jokeTold).toBe(true);
  });

  it('the SIP softphone rings only on a plan that has it; ai-voice is the menu until the receptionist exists', () => {
    const sip = { sipUri: 'sip:owner@shiny.sip.twilio.com', ivrMode: 'simple' as const };
    expect(respond(ctx('elite', sip), initialCallState(), { kind: 'incoming' }, 'CA1', '+1', now).twiml).toMatch(/<Sip>sip:owner@shiny\.sip\.twilio\.com<\/Sip>/);
    expect(respond(ctx('pro', sip), initialCallState(), { kind: 'incoming' }, 'CA1', '+1', now).twiml).toMatch(/<Number>\+19185550111<\/Number>/);
    expect(respond(ctx('elite', { ivrMode: 'ai-voice' }), initialCallState(), { kind: 'incoming' }, 'CA1', '+1', now).twiml).toMatch(/<Gather/);
    expect(respond(ctx('pro', { ivrMode: 'ai-voice' }), initialCallState(), { kind: 'incoming' }, 'CA1', '+1', now).twiml).toMatch(/<Gather/);
    expect(respond(ctx('starter', { ivrMode: 'ai-voice' }), initialCallState(), { kind: 'incoming' }, 'CA1', '+1', now).twiml).toMatch(/<Dial/);
  });
});

describe("key 7 tells the tenant's own trade's jokes", () => {
  const joke = (c: CallContext) => respond(c, menuState, { kind: 'menu', digits: '7' }, 'CA1', '+19185550199', now).twiml;

  it('a joke from the context the call was read with (the tenant\'s industry pack)', () => {
    const jokes = ['Why did the broom get a promotion? It swept the competition. Thanks for calling!', 'Why did the sponge get hired? It was absorbed in its work. Thanks for calling!'];
    expect(jokes.some((line) => joke(ctx('pro', { jokes })).includes(line))).toBe(true);
    expect(joke(ctx('pro', { jokes }))).not.toMatch(/car|wheel|exhaust|mower/i);
  });

  it('a call whose context came before packs (a running call replayed) keeps the jokes it was told then', () => {
    expect(joke(ctx('pro'))).toMatch(/wheel-y good|sore exhausts|cut it close/);
  });
});
