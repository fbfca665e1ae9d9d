// The phone settings form as pure functions: values from the API, client-side checks keyed by
// the API's own field names (so server messages land under the same fields), and the PATCH body.
import { SMS_TEXT_MAX, SPOKEN_TEXT_MAX } from '../../../domain/phone-settings-limits.ts';
import { normalizeWeeklyHours, periodProblems, WEEKDAYS, type Period, type Weekday, type WeeklyHours } from '../../../domain/weekly-hours.ts';
import type { IvrMode } from '../api/types.ts';
import type { PhoneSettings, PhoneSettingsChanges } from '../api/tenant-types.ts';
import { normalizePhone } from './tenant-form.ts';

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

export interface PhoneSettingsFormValues extends Record<TextField, string> {
  ivrMode: IvrMode;
  forwardingNumber: string;
  /** 'always': no business hours, calls are answered at any time. */
  hoursMode: 'always' | 'set';
  hours: HoursByDay;
  timeZone: string;
  jokesEnabled: boolean;
  missedCallTextBack: boolean;
  ownerNotifyPhone: string;
  ownerNotifyEmail: string;
  /** The countries ticked, among those the platform allows. */
  allowedCountries: string[];
}

/** Errors keyed like the API's `fields`: `forwardingNumber`, `businessHours.mon.1`, … */
export type FormErrors = Record<string, string>;

export const emptyDays = (): HoursByDay => Object.fromEntries(WEEKDAYS.map((day) => [day, []])) as unknown as HoursByDay;

export function formValues(settings: PhoneSettings): PhoneSettingsFormValues {
  const hours = emptyDays();
  for (const day of WEEKDAYS) hours[day] = (settings.businessHours?.[day] ?? []).map(([start, end]) => [start, end] as Period);
  const texts = Object.fromEntries(TEXT_FIELDS.map((field) => [field, settings[field] ?? ''])) as Record<TextField, string>;
  return {
    ...texts,
    ivrMode: settings.ivrMode,
    forwardingNumber: settings.forwardingNumber ?? '',
    hoursMode: settings.businessHours ? 'set' : 'always',
    hours,
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

/** The hours to store: null for "any time", else the days that have periods, sorted. */
export function hoursToSave(values: Pick<PhoneSettingsFormValues, 'hoursMode' | 'hours'>): WeeklyHours | null {
  if (values.hoursMode === 'always') return null;
  return normalizeWeeklyHours(values.hours);
}

const PHONE_SHAPE = /^\+?\d{10,15}$/;

function checkPhone(errors: FormErrors, field: string, raw: string) {
  const phone = normalizePhone(raw.trim());
  if (phone && !PHONE_SHAPE.test(phone)) errors[field] = 'Enter a phone number with its area code, like +19185550123';
}

export function validatePhoneSettings(values: PhoneSettingsFormValues): FormErrors {
  const errors: FormErrors = {};
  checkPhone(errors, 'forwardingNumber', values.forwardingNumber);
  checkPhone(errors, 'ownerNotifyPhone', values.ownerNotifyPhone);
  const email = values.ownerNotifyEmail.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.ownerNotifyEmail = 'Enter an email address like you@example.com';
  for (const field of TEXT_FIELDS) {
    if (values[field].trim().length > TEXT_LIMITS[field]) errors[field] = `Keep this under ${TEXT_LIMITS[field]} characters`;
  }
  if (values.allowedCountries.length === 0) errors.allowedCountries = 'Choose at least one country: texts and forwarded calls go nowhere else.';
  if (values.hoursMode === 'set') {
    let periods = 0;
    for (const day of WEEKDAYS) {
      periods += values.hours[day].length;
      for (const problem of periodProblems(values.hours[day])) errors[`businessHours.${day}.${problem.index}`] = problem.message;
    }
    if (periods === 0) errors.businessHours = 'Add at least one opening time, or choose “Answer calls at any time”.';
  }
  return errors;
}

const orNull = (value: string) => value.trim() || null;

/** The PATCH body: only what differs from the saved settings. */
export function phoneSettingsChanges(values: PhoneSettingsFormValues, saved: PhoneSettings): PhoneSettingsChanges {
  const changes: PhoneSettingsChanges = {};
  if (values.ivrMode !== saved.ivrMode) changes.ivrMode = values.ivrMode;
  const forwarding = orNull(normalizePhone(values.forwardingNumber));
  if (forwarding !== saved.forwardingNumber) changes.forwardingNumber = forwarding;
  const hours = hoursToSave(values);
  if (JSON.stringify(hours) !== JSON.stringify(saved.businessHours ? normalizeWeeklyHours(saved.businessHours) : null)) changes.businessHours = hours;
  if (values.timeZone !== saved.timeZone) changes.timeZone = values.timeZone;
  for (const field of TEXT_FIELDS) {
    const text = orNull(values[field]);
    if (text !== saved[field]) changes[field] = text;
  }
  if (values.jokesEnabled !== saved.jokesEnabled) changes.jokesEnabled = values.jokesEnabled;
  if (values.missedCallTextBack !== saved.missedCallTextBack) changes.missedCallTextBack = values.missedCallTextBack;
  const notifyPhone = orNull(normalizePhone(values.ownerNotifyPhone));
  if (notifyPhone !== saved.ownerNotifyPhone) changes.ownerNotifyPhone = notifyPhone;
  const notifyEmail = orNull(values.ownerNotifyEmail);
  if (notifyEmail !== saved.ownerNotifyEmail) changes.ownerNotifyEmail = notifyEmail;
  const countries = allowedCountriesToSave(values.allowedCountries, saved.platformAllowedCountries);
  if (JSON.stringify(countries) !== JSON.stringify(saved.allowedCountries)) changes.allowedCountries = countries;
  return changes;
}

/** The time zones to offer: the US ones first, then every zone the browser knows. */
export function timeZoneOptions(current: string): { us: string[]; all: string[] } {
  const us = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu'];
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = [...new Set([...supported, current])].filter((zone) => !us.includes(zone)).sort();
  return { us, all };
}
