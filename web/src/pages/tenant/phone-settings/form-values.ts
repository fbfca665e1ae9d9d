// The phone settings form: its values made from the API's view, the schema that checks them (the
// API's own field rules, domain/inputs/phone-settings.ts), and the PATCH body of what changed.
import { z } from 'zod';
import { businessHoursInput, countryCodes, phoneSettingsFields as api } from '../../../../../domain/inputs/phone-settings.ts';
import { SMS_TEXT_MAX, SPOKEN_TEXT_MAX } from '../../../../../domain/phone-settings-limits.ts';
import { normalizeWeeklyHours, WEEKDAYS, type Period, type Weekday, type WeeklyHours } from '../../../../../domain/weekly-hours.ts';
import type { IvrMode, PhoneSettings, PhoneSettingsChanges } from '../../../api/types.ts';

export const TEXT_FIELDS = ['greetingText', 'infoText', 'afterHoursText', 'infoSmsText', 'missedCallText', 'autoReplyText'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const TEXT_LIMITS: Record<TextField, number> = {
  greetingText: SPOKEN_TEXT_MAX,
  infoText: SPOKEN_TEXT_MAX,
  afterHoursText: SPOKEN_TEXT_MAX,
  infoSmsText: SMS_TEXT_MAX,
  missedCallText: SMS_TEXT_MAX,
  autoReplyText: SMS_TEXT_MAX,
};

export type HoursByDay = Record<Weekday, Period[]>;

/** What the form holds; the names are the API's, so its field messages land under the right field. */
export interface PhoneSettingsFormValues extends Record<TextField, string> {
  ivrMode: IvrMode;
  forwardingNumber: string;
  /** 'always': no business hours, calls are answered at any time. */
  hoursMode: 'always' | 'set';
  /** Every day of the week; a day without periods is closed. */
  businessHours: HoursByDay;
  timeZone: string;
  jokesEnabled: boolean;
  missedCallTextBack: boolean;
  ownerNotifyPhone: string;
  ownerNotifyEmail: string;
  /** The countries ticked, among those the platform allows. */
  allowedCountries: string[];
}

const hasOpeningTime = (hours: WeeklyHours) => WEEKDAYS.some((day) => (hours[day]?.length ?? 0) > 0);

// Hours are checked only when the owner chose set hours; "any time" stores none.
const hours = z.discriminatedUnion('hoursMode', [
  z.object({ hoursMode: z.literal('always'), businessHours: z.unknown().transform(() => null) }),
  z.object({
    hoursMode: z.literal('set'),
    businessHours: businessHoursInput.refine(hasOpeningTime, 'Add at least one opening time, or choose “Answer calls at any time”.'),
  }),
]);

/** The whole form, checked with the API's rules (phone numbers by libphonenumber, national formats welcome). */
export const phoneSettingsForm = z
  .object({
    ivrMode: api.ivrMode,
    forwardingNumber: api.forwardingNumber,
    timeZone: api.timeZone,
    greetingText: api.greetingText,
    infoText: api.infoText,
    afterHoursText: api.afterHoursText,
    infoSmsText: api.infoSmsText,
    missedCallText: api.missedCallText,
    autoReplyText: api.autoReplyText,
    jokesEnabled: api.jokesEnabled,
    missedCallTextBack: api.missedCallTextBack,
    ownerNotifyPhone: api.ownerNotifyPhone,
    ownerNotifyEmail: api.ownerNotifyEmail,
    // The form has no "null = every country": the owner ticks them, and at least one.
    allowedCountries: countryCodes.min(1, 'Choose at least one country: texts and forwarded calls go nowhere else.'),
  })
  .and(hours);
export type CheckedPhoneSettings = z.output<typeof phoneSettingsForm>;

export const emptyDays = (): HoursByDay => Object.fromEntries(WEEKDAYS.map((day) => [day, []])) as unknown as HoursByDay;

export function formValues(settings: PhoneSettings): PhoneSettingsFormValues {
  const businessHours = emptyDays();
  for (const day of WEEKDAYS) businessHours[day] = (settings.businessHours?.[day] ?? []).map(([start, end]) => [start, end] as Period);
  const texts = Object.fromEntries(TEXT_FIELDS.map((field) => [field, settings[field] ?? ''])) as Record<TextField, string>;
  return {
    ...texts,
    ivrMode: settings.ivrMode,
    forwardingNumber: settings.forwardingNumber ?? '',
    hoursMode: settings.businessHours ? 'set' : 'always',
    businessHours,
    timeZone: settings.timeZone,
    jokesEnabled: settings.jokesEnabled,
    missedCallTextBack: settings.missedCallTextBack,
    ownerNotifyPhone: settings.ownerNotifyPhone ?? '',
    ownerNotifyEmail: settings.ownerNotifyEmail ?? '',
    allowedCountries: settings.allowedCountries ?? [...settings.platformAllowedCountries],
  };
}

/** "Canada" for CA, in the browser's language. */
export function countryLabel(code: string): string {
  try {
    return new Intl.DisplayNames(undefined, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The list to store: null when every country the platform allows is ticked (so a wider platform list reaches this business too). */
export function allowedCountriesToSave(ticked: string[], platform: string[]): string[] | null {
  const chosen = platform.filter((code) => ticked.includes(code));
  return chosen.length === platform.length ? null : chosen;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The PATCH body: only what differs from the saved settings (`checked` is the schema's output). */
export function phoneSettingsChanges(checked: CheckedPhoneSettings, saved: PhoneSettings): PhoneSettingsChanges {
  const changes: PhoneSettingsChanges = {};
  const hoursNow = checked.businessHours ? normalizeWeeklyHours(checked.businessHours) : null;
  if (!same(hoursNow, saved.businessHours ? normalizeWeeklyHours(saved.businessHours) : null)) changes.businessHours = hoursNow;
  const countries = allowedCountriesToSave(checked.allowedCountries, saved.platformAllowedCountries);
  if (!same(countries, saved.allowedCountries)) changes.allowedCountries = countries;
  const plain = ['ivrMode', 'forwardingNumber', 'timeZone', ...TEXT_FIELDS, 'jokesEnabled', 'missedCallTextBack', 'ownerNotifyPhone', 'ownerNotifyEmail'] as const;
  for (const field of plain) {
    if (checked[field] !== saved[field]) Object.assign(changes, { [field]: checked[field] });
  }
  return changes;
}

/** The time zones to offer: the US ones first, then every zone the browser knows. */
export function timeZoneOptions(current: string): { us: string[]; all: string[] } {
  const us = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu'];
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = [...new Set([...supported, current])].filter((zone) => !us.includes(zone)).sort();
  return { us, all };
}
