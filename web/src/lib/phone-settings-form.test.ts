import { describe, expect, it } from 'vitest';
import type { PhoneSettings } from '../api/tenant-types.ts';
import { formValues, phoneSettingsChanges, validatePhoneSettings } from './phone-settings-form.ts';

const saved: PhoneSettings = {
  tenantId: 'root', tier: 'elite', phoneNumber: '+19185550100', ivrMode: 'ivr', effectiveIvrMode: 'ivr',
  forwardingNumber: null, businessHours: null, timeZone: 'America/Chicago',
  greetingText: null, infoText: 'We detail cars.', infoSmsText: null, afterHoursText: null, missedCallText: null, autoReplyText: null,
  jokesEnabled: true, missedCallTextBack: true, ownerNotifyPhone: null, ownerNotifyEmail: null,
  allowedCountries: null, platformAllowedCountries: ['US', 'CA'],
  sipDomain: null, sipUsername: null, sipPasswordSet: false,
  planLocks: { ivrModes: { simple: null, ivr: null, 'ai-voice': null }, sip: null, jokes: null }, updatedAt: null,
};

describe('phone settings form', () => {
  it('unchanged values send nothing; each change sends only its field', () => {
    const values = formValues(saved);
    expect(phoneSettingsChanges(values, saved)).toEqual({});
    expect(phoneSettingsChanges({ ...values, forwardingNumber: '(918) 555-0111', infoText: '  ', jokesEnabled: false }, saved)).toEqual({
      forwardingNumber: '9185550111',
      infoText: null,
      jokesEnabled: false,
    });
  });

  it('business hours: "any time" is null; set hours are sent sorted, without closed days', () => {
    const values = formValues(saved);
    expect(values.hoursMode).toBe('always');
    const hours = { ...values.hours, tue: [['13:00', '17:00'], ['08:00', '12:00']] as [string, string][] };
    expect(phoneSettingsChanges({ ...values, hoursMode: 'set', hours }, saved).businessHours).toEqual({ tue: [['08:00', '12:00'], ['13:00', '17:00']] });
    const withHours = { ...saved, businessHours: { mon: [['08:00', '17:00']] as [string, string][] } };
    expect(phoneSettingsChanges({ ...formValues(withHours), hoursMode: 'always' }, withHours)).toEqual({ businessHours: null });
  });

  it('names the fields the API would name: bad numbers, overlapping periods, no hours at all', () => {
    const values = formValues(saved);
    const hours = { ...values.hours, mon: [['08:00', '12:00'], ['11:00', '13:00']] as [string, string][], wed: [['17:00', '09:00']] as [string, string][] };
    expect(validatePhoneSettings({ ...values, forwardingNumber: '555', ownerNotifyEmail: 'nope', hoursMode: 'set', hours })).toEqual({
      forwardingNumber: expect.stringMatching(/area code/),
      ownerNotifyEmail: expect.stringMatching(/email/),
      'businessHours.mon.1': 'This overlaps 08:00–12:00',
      'businessHours.wed.0': expect.stringMatching(/after the opening time/),
    });
    expect(validatePhoneSettings({ ...values, hoursMode: 'set' })).toEqual({ businessHours: expect.stringMatching(/at least one opening time/) });
  });

  it('allowed countries: every country the platform allows is sent as null; fewer as the list; none is an error', () => {
    const values = formValues(saved);
    expect(values.allowedCountries).toEqual(['US', 'CA']);
    expect(phoneSettingsChanges({ ...values, allowedCountries: ['US'] }, saved)).toEqual({ allowedCountries: ['US'] });
    const narrowed = { ...saved, allowedCountries: ['US'] };
    expect(formValues(narrowed).allowedCountries).toEqual(['US']);
    expect(phoneSettingsChanges({ ...formValues(narrowed), allowedCountries: ['CA', 'US'] }, narrowed)).toEqual({ allowedCountries: null });
    expect(phoneSettingsChanges(formValues(narrowed), narrowed)).toEqual({});
    expect(validatePhoneSettings({ ...values, allowedCountries: [] })).toEqual({ allowedCountries: expect.stringMatching(/at least one country/) });
  });
});
