import { describe, expect, it } from 'vitest';
import { phoneSettingsInput } from '../../../../../domain/inputs/phone-settings.ts';
import type { PhoneSettings } from '../../../api/types.ts';
import { formValues, phoneSettingsChanges, phoneSettingsForm, type PhoneSettingsFormValues } from './form-values.ts';

const saved: PhoneSettings = {
  tenantId: 'root', tier: 'elite', phoneNumber: '+19185550100', ivrMode: 'ivr', effectiveIvrMode: 'ivr',
  forwardingNumber: null, businessHours: null, timeZone: 'America/Chicago',
  greetingText: null, infoText: 'We detail cars.', infoSmsText: null, afterHoursText: null, missedCallText: null, autoReplyText: null,
  jokesEnabled: true, missedCallTextBack: true, ownerNotifyPhone: null, ownerNotifyEmail: null,
  allowedCountries: null, platformAllowedCountries: ['US', 'CA'],
  sipDomain: null, sipUsername: null, sipPasswordSet: false,
  planLocks: { ivrModes: { simple: null, ivr: null, 'ai-voice': null }, sip: null, jokes: null }, updatedAt: null,
};

// The form checks with the API's own field rules (domain/inputs/phone-settings.ts): what it
// reports, keyed by the API's field names, and what it sends.
const validatePhoneSettings = (values: PhoneSettingsFormValues) => {
  const result = phoneSettingsForm.safeParse(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};
const changesFrom = (values: PhoneSettingsFormValues, from: PhoneSettings) => phoneSettingsChanges(phoneSettingsForm.parse(values), from);

describe('phone settings form', () => {
  it('unchanged values send nothing; each change sends only its field', () => {
    const values = formValues(saved);
    expect(changesFrom(values, saved)).toEqual({});
    expect(changesFrom({ ...values, forwardingNumber: '(918) 555-0111', infoText: '  ', jokesEnabled: false }, saved)).toEqual({
      forwardingNumber: '+19185550111',
      infoText: null,
      jokesEnabled: false,
    });
  });

  it('business hours: "any time" is null; set hours are sent sorted, without closed days', () => {
    const values = formValues(saved);
    expect(values.hoursMode).toBe('always');
    const businessHours = { ...values.businessHours, tue: [['13:00', '17:00'], ['08:00', '12:00']] as [string, string][] };
    expect(changesFrom({ ...values, hoursMode: 'set', businessHours }, saved).businessHours).toEqual({ tue: [['08:00', '12:00'], ['13:00', '17:00']] });
    const withHours = { ...saved, businessHours: { mon: [['08:00', '17:00']] as [string, string][] } };
    expect(changesFrom({ ...formValues(withHours), hoursMode: 'always' }, withHours)).toEqual({ businessHours: null });
  });

  it('names the fields the API would name: bad numbers, overlapping periods, no hours at all', () => {
    const values = formValues(saved);
    const businessHours = { ...values.businessHours, mon: [['08:00', '12:00'], ['11:00', '13:00']] as [string, string][], wed: [['17:00', '09:00']] as [string, string][] };
    expect(validatePhoneSettings({ ...values, forwardingNumber: '555', ownerNotifyEmail: 'nope', hoursMode: 'set', businessHours })).toEqual({
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
    expect(changesFrom({ ...values, allowedCountries: ['US'] }, saved)).toEqual({ allowedCountries: ['US'] });
    const narrowed = { ...saved, allowedCountries: ['US'] };
    expect(formValues(narrowed).allowedCountries).toEqual(['US']);
    expect(changesFrom({ ...formValues(narrowed), allowedCountries: ['CA', 'US'] }, narrowed)).toEqual({ allowedCountries: null });
    expect(changesFrom(formValues(narrowed), narrowed)).toEqual({});
    expect(validatePhoneSettings({ ...values, allowedCountries: [] })).toEqual({ allowedCountries: expect.stringMatching(/at least one country/) });
  });

  it('refuses no phone number the API accepts, national formats included, and accepts none it refuses', () => {
    const values = formValues(saved);
    for (const number of ['918 555 0123', '(918) 555-0123', '9185550123', '+1 918 555 0123', '+1 613 555 0123', '555', '+12', 'call me', '+881 6 1234 5678']) {
      const api = phoneSettingsInput.safeParse({ forwardingNumber: number, ownerNotifyPhone: number });
      const form = phoneSettingsForm.safeParse({ ...values, forwardingNumber: number, ownerNotifyPhone: number });
      expect(form.success, number).toBe(api.success);
      if (api.success && form.success) expect(form.data.forwardingNumber).toBe(api.data.forwardingNumber);
    }
    expect(changesFrom({ ...values, forwardingNumber: '918 555 0123' }, saved)).toEqual({ forwardingNumber: '+19185550123' });
  });
});
