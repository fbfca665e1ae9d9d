import { describe, expect, it } from 'vitest';
import { callStepKey, decodeCallState, encodeCallState, mergeCallState } from './call-steps.ts';
import { initialCallState, respond, type CallContext, type CallState } from './ivr.ts';

const ctx: CallContext = {
  tenantId: 'gleam', businessName: 'Gleam', tier: 'pro', status: 'active', ivrMode: 'ivr', tenantNumber: '+19185550100', forwardingNumber: '+19185550111',
  sipUri: null, timeZone: 'America/Chicago', businessHours: null, jokesEnabled: true, missedCallTextBack: false, ownerNotifyPhone: null, ownerNotifyEmail: null,
  texts: { greeting: null, info: null, infoSms: null, afterHours: null, missedCall: null }, appUrl: 'http://localhost:3000',
};
const now = new Date('2026-06-10T17:00:00Z');

describe('the call state carried in action URLs', () => {
  it('round-trips every phase, flag and key a caller can press, in a short URL- and XML-safe string', () => {
    const state: CallState = { step: 7, phase: 'voicemail', digits: ['1', '9', '*', '#', '3'], menuMisses: 2, dialed: true, answered: false, voicemailRecorded: false, infoTexted: true, jokeTold: true };
    const encoded = encodeCallState(state);
    expect(encoded).toMatch(/^[0-9a-z.*%]+$/);
    expect(encoded.length).toBeLessThan(24);
    expect(decodeCallState(decodeURIComponent(encoded))).toEqual(state);
    for (const phase of ['new', 'menu', 'dialing', 'voicemail', 'closed', 'done'] as const) expect(decodeCallState(encodeCallState({ ...initialCallState(), phase }))?.phase).toBe(phase);
  });

  it('anything this version did not write is refused, never guessed at', () => {
    for (const bad of [undefined, '', '1.m.0.0', '1.x.0.0.', '1.m.99.0.', '9999.m.0.0.', '1.m.0.0.12a', '1.m.0.0.1;drop', '-1.m.0.0.', '1.m.0.10.', `1.m.0.0.${'1'.repeat(61)}`]) {
      expect(decodeCallState(bad), String(bad)).toBeNull();
    }
  });

  it('the reducer writes the next state into every action URL, and the next request reads it back', () => {
    const menu = respond(ctx, initialCallState(), { kind: 'incoming' }, 'CA1', '+19185550199', now);
    const action = new URL(menu.twiml.match(/action="([^"]+)"/)![1]!.replace(/&amp;/g, '&'), 'https://x.test');
    expect(action.searchParams.get('v')).toBe('1');
    expect(action.searchParams.get('t')).toBe('gleam');
    expect(decodeCallState(action.searchParams.get('s')!)).toEqual(menu.state);
  });

  it('steps merge in any order: flags stay set, the furthest step says where the call is', () => {
    const info = { ...initialCallState(), step: 2, phase: 'menu' as const, digits: ['1'], infoTexted: true };
    const voicemail = { ...initialCallState(), step: 3, phase: 'voicemail' as const, digits: ['1', '3'], infoTexted: true };
    const recorded = { ...voicemail, step: 4, phase: 'done' as const, voicemailRecorded: true };
    const forward = [info, voicemail, recorded].reduce(mergeCallState, initialCallState());
    const backward = [recorded, voicemail, info].reduce(mergeCallState, initialCallState());
    expect(backward).toEqual(forward);
    expect(forward).toMatchObject({ step: 4, phase: 'done', digits: ['1', '3'], infoTexted: true, voicemailRecorded: true });
    expect(callStepKey(info, { kind: 'menu', digits: '3' })).toBe('2:menu');
  });
});
