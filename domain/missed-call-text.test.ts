import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';
import { initialCallState, type CallState } from './ivr.ts';
import { deservesMissedCallText, missedCallTextKey } from './missed-call-text.ts';

const state = (overrides: Partial<CallState>): CallState => ({ ...initialCallState(), ...overrides });

describe('the missed-call text', () => {
  it('goes to a caller nobody answered and who got nothing: a forward nobody took, or a hang-up before anyone', () => {
    expect(deservesMissedCallText(state({ phase: 'menu' }), 'abandoned')).toBe(true);
    expect(deservesMissedCallText(state({ phase: 'voicemail', dialed: true }), 'missed')).toBe(true);
    expect(deservesMissedCallText(state({ phase: 'voicemail' }), 'abandoned')).toBe(true); // after hours, hung up at the tone
  });

  it('never to one who got the info text, heard a joke, left a voicemail or was answered; never for a paused line', () => {
    expect(deservesMissedCallText(state({ infoTexted: true }), 'abandoned')).toBe(false);
    expect(deservesMissedCallText(state({ jokeTold: true }), 'abandoned')).toBe(false);
    expect(deservesMissedCallText(state({ voicemailRecorded: true }), 'voicemail')).toBe(false);
    expect(deservesMissedCallText(state({ answered: true, dialed: true }), 'answered')).toBe(false);
    expect(deservesMissedCallText(state({ phase: 'closed' }), 'missed')).toBe(false);
  });

  it('is keyed per caller and window of the tenant’s own clock, so one caller gets one per window', () => {
    const at = (iso: string) => missedCallTextKey({ callerKey: 'k1', everyHours: 24, timeZone: 'America/Chicago', now: new Date(iso) });
    // 09:00 and 20:00 in Chicago are the same local day; midnight in Chicago starts the next one.
    expect(at('2026-06-10T14:00:00Z')).toBe(at('2026-06-11T01:00:00Z'));
    expect(at('2026-06-11T04:59:00Z')).not.toBe(at('2026-06-11T05:01:00Z'));
    expect(at('2026-06-10T14:00:00Z')).toMatch(/^missed-call:k1:24h:\d+$/);
    expect(missedCallTextKey({ callerKey: 'k2', everyHours: 24, timeZone: 'America/Chicago', now: new Date('2026-06-10T14:00:00Z') })).not.toBe(at('2026-06-10T14:00:00Z'));
    const hourly = (iso: string) => missedCallTextKey({ callerKey: 'k1', everyHours: 1, timeZone: 'UTC', now: new Date(iso) });
    expect(hourly('2026-06-10T14:05:00Z')).toBe(hourly('2026-06-10T14:55:00Z'));
    expect(hourly('2026-06-10T14:55:00Z')).not.toBe(hourly('2026-06-10T15:05:00Z'));
  });

  it('MISSED_CALL_TEXT_EVERY_HOURS is whole hours from 1 to 720, 24 by default', () => {
    expect(parseConfig({}).MISSED_CALL_TEXT_EVERY_HOURS).toBe(24);
    expect(parseConfig({ MISSED_CALL_TEXT_EVERY_HOURS: '6' }).MISSED_CALL_TEXT_EVERY_HOURS).toBe(6);
    for (const bad of ['0', '1.5', '721']) expect(() => parseConfig({ MISSED_CALL_TEXT_EVERY_HOURS: bad })).toThrow(/MISSED_CALL_TEXT_EVERY_HOURS: must be whole hours, 1 to 720/);
    expect(() => parseConfig({ MISSED_CALL_TEXT_EVERY_HOURS: 'daily' })).toThrow(/MISSED_CALL_TEXT_EVERY_HOURS/);
  });
});
