// The availability rules one by one, then the DST matrix: seven US zones × the 2026 and 2027
// spring and fall changes, slots at the intended wall-clock times on the change day and around it,
// and the reminders of a job just after a change at theirs.
import { describe, expect, it } from 'vitest';
import { DateTime, IANAZone } from 'luxon';
import { localIso } from './view.ts';
import { availableSlots, checkStart, isoOnClock, noticeText, startRefusalMessage, type AvailabilityInput, type AvailabilityResource, type BusyBooking } from './availability.ts';
import { planReminders } from './reminders.ts';
import type { WeeklyHours } from '../weekly-hours.ts';

const ZONE = 'America/Chicago';
const weekdays = (periods: [string, string][]): WeeklyHours => ({ mon: periods, tue: periods, wed: periods, thu: periods, fri: periods });
const everyDay = (periods: [string, string][]): WeeklyHours => ({ ...weekdays(periods), sat: periods, sun: periods });
const resource = (id: string, over: Partial<AvailabilityResource> = {}): AvailabilityResource => ({ id, weeklyHours: null, timeOff: [], bookings: [], ...over });

/** Monday 2031-03-03 in Chicago is CST (-06:00): far from any change. */
const MONDAY = '2031-03-03';
const input = (over: Partial<AvailabilityInput> = {}): AvailabilityInput => ({
  timeZone: ZONE,
  businessHours: weekdays([['08:00', '12:00']]),
  resources: [resource('van-1')],
  service: { durationMin: 60, bufferBeforeMin: 0, bufferAfterMin: 0 },
  rules: { slotIntervalMin: 30, minNoticeMin: 0, maxAdvanceDays: 10_000 },
  now: new Date('2031-01-01T00:00:00Z'),
  ...over,
});
/** Wall-clock times (HH:mm) of one day's slots. */
const times = (i: AvailabilityInput, date = MONDAY) => availableSlots(i, { from: date, days: 1 })[0]!.slots.map((s) => s.start.slice(11, 16));
const at = (iso: string) => new Date(iso);
const booking = (from: string, until: string, over: Partial<BusyBooking> = {}): BusyBooking => ({ blockedFrom: at(from), blockedUntil: at(until), status: 'confirmed', holdExpiresAt: null, ...over });

describe('availability rules', () => {
  it('starts at the period start and every interval after, as long as the whole job fits the period', () => {
    expect(times(input())).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00']);
    const [slot] = availableSlots(input(), { from: MONDAY, days: 1 })[0]!.slots;
    expect(slot).toEqual({ start: '2031-03-03T08:00:00-06:00', end: '2031-03-03T09:00:00-06:00', resourceIds: ['van-1'] });
  });

  it('counts the grid from each period of a split shift, and a closed day has none', () => {
    const i = input({ businessHours: { mon: [['08:15', '10:00'], ['13:00', '14:30']] }, rules: { slotIntervalMin: 45, minNoticeMin: 0, maxAdvanceDays: 10_000 } });
    expect(times(i)).toEqual(['08:15', '09:00', '13:00']);
    expect(times(i, '2031-03-04')).toEqual([]);
  });

  it('a resource with its own week uses it instead of the business hours; resourceIds lists who is free', () => {
    const i = input({ resources: [resource('van-1'), resource('van-2', { weeklyHours: { mon: [['10:00', '13:00']] } })] });
    const slots = availableSlots(i, { from: MONDAY, days: 1 })[0]!.slots;
    expect(slots.map((s) => [s.start.slice(11, 16), s.resourceIds])).toEqual([
      ['08:00', ['van-1']], ['08:30', ['van-1']], ['09:00', ['van-1']], ['09:30', ['van-1']],
      ['10:00', ['van-1', 'van-2']], ['10:30', ['van-1', 'van-2']], ['11:00', ['van-1', 'van-2']],
      ['11:30', ['van-2']], ['12:00', ['van-2']],
    ]);
  });

  it('a confirmed booking removes the slots whose job would overlap it; touching is fine', () => {
    // 9:00–10:00 local is 15:00–16:00 UTC.
    const i = input({ resources: [resource('van-1', { bookings: [booking('2031-03-03T15:00:00Z', '2031-03-03T16:00:00Z')] })] });
    expect(times(i)).toEqual(['08:00', '10:00', '10:30', '11:00']);
  });

  it('buffers block around the job: the slot’s blocked range must miss busy time, not only the job', () => {
    const busy = [booking('2031-03-03T15:00:00Z', '2031-03-03T16:00:00Z')];
    const i = input({ resources: [resource('van-1', { bookings: busy })], service: { durationMin: 60, bufferBeforeMin: 30, bufferAfterMin: 15 } });
    // 08:00 job ends 9:00 + 15 min after → overlaps; 10:00 needs 9:30 free before → overlaps; 10:30 is the first.
    expect(times(i)).toEqual(['10:30', '11:00']);
  });

  it('buffers may run outside working hours: an 8:00 start with 30 minutes before is still offered', () => {
    const i = input({ service: { durationMin: 60, bufferBeforeMin: 30, bufferAfterMin: 30 } });
    expect(times(i)[0]).toBe('08:00');
    expect(times(i).at(-1)).toBe('11:00');
  });

  it('a hold counts until it expires; an expired hold, a cancelled or expired booking do not', () => {
    const now = at('2031-03-01T00:00:00Z');
    const hold = (expires: string) => booking('2031-03-03T15:00:00Z', '2031-03-03T16:00:00Z', { status: 'held', holdExpiresAt: at(expires) });
    const with_ = (b: BusyBooking) => times(input({ now, resources: [resource('van-1', { bookings: [b] })] }));
    expect(with_(hold('2031-03-01T00:05:00Z'))).not.toContain('09:00');
    expect(with_(hold('2031-03-01T00:00:00Z'))).toContain('09:00');
    expect(with_(booking('2031-03-03T15:00:00Z', '2031-03-03T16:00:00Z', { status: 'cancelled' }))).toContain('09:00');
    expect(with_(booking('2031-03-03T15:00:00Z', '2031-03-03T16:00:00Z', { status: 'expired' }))).toContain('09:00');
    expect(with_(booking('2031-03-03T15:00:00Z', '2031-03-03T16:00:00Z', { status: 'completed' }))).not.toContain('09:00');
  });

  it('time off removes slots like a booking does', () => {
    const i = input({ resources: [resource('van-1', { timeOff: [{ from: at('2031-03-03T14:00:00Z'), until: at('2031-03-03T17:00:00Z') }] })] });
    expect(times(i)).toEqual(['11:00']);
  });

  it('nothing starts sooner than the minimum notice', () => {
    // now 08:10 local; 2 h notice → 10:10 earliest → 10:30.
    const i = input({ now: at('2031-03-03T14:10:00Z'), rules: { slotIntervalMin: 30, minNoticeMin: 120, maxAdvanceDays: 60 } });
    expect(times(i)).toEqual(['10:30', '11:00']);
    expect(times({ ...i, rules: { ...i.rules, minNoticeMin: 0 } })[0]).toBe('08:30');
  });

  it('nothing starts on a local date beyond today plus the max advance days', () => {
    // now is 21:00 Sunday 2 March local (03:00 UTC on the 3rd): today is the 2nd, so 1 day ahead allows Monday the 3rd only.
    const i = input({ now: at('2031-03-03T03:00:00Z'), rules: { slotIntervalMin: 30, minNoticeMin: 0, maxAdvanceDays: 1 } });
    const days = availableSlots(i, { from: MONDAY, days: 2 });
    expect(days.map((d) => [d.date, d.slots.length])).toEqual([['2031-03-03', 7], ['2031-03-04', 0]]);
  });

  it('a booking being moved does not block its own new time', () => {
    const busy = [booking('2031-03-03T15:00:00Z', '2031-03-03T16:00:00Z', { id: 'b1' })];
    const i = input({ resources: [resource('van-1', { bookings: busy })], ignoreBookingId: 'b1' });
    expect(times(i)).toContain('09:30');
  });

  it('odd input gives no slots rather than throwing', () => {
    expect(times(input({ businessHours: null }))).toEqual([]);
    expect(times(input({ businessHours: {} }))).toEqual([]);
    expect(times(input({ rules: { slotIntervalMin: 0, minNoticeMin: 0, maxAdvanceDays: 60 } }))).toEqual([]);
    expect(times(input({ service: { durationMin: 0, bufferBeforeMin: 0, bufferAfterMin: 0 } }))).toEqual([]);
    expect(times(input({ businessHours: { mon: [['9am', '5pm'], ['12:00', '10:00'], ['10:00', '11:00']] } }))).toEqual(['10:00']);
    expect(times(input({ resources: [] }))).toEqual([]);
    expect(availableSlots(input(), { from: '2031-02-30', days: 3 })).toEqual([]);
    expect(availableSlots(input(), { from: MONDAY, days: -1 })).toEqual([]);
    // A job longer than any period fits nowhere.
    expect(times(input({ service: { durationMin: 300, bufferBeforeMin: 0, bufferAfterMin: 0 } }))).toEqual([]);
  });

  it('an unknown time zone falls back to US Central instead of failing', () => {
    const [slot] = availableSlots(input({ timeZone: 'Mars/Olympus' }), { from: MONDAY, days: 1 })[0]!.slots;
    expect(slot!.start).toBe('2031-03-03T08:00:00-06:00');
  });

  it('writes times exactly as the booking view does', () => {
    const zone = IANAZone.create('Asia/Kolkata');
    for (const iso of ['2031-03-03T08:00:00Z', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z']) {
      expect(isoOnClock(at(iso).getTime(), zone)).toBe(localIso(at(iso), 'Asia/Kolkata'));
      expect(isoOnClock(at(iso).getTime(), IANAZone.create('America/New_York'))).toBe(localIso(at(iso), 'America/New_York'));
    }
  });
});

describe('checkStart', () => {
  const refusal = (i: AvailabilityInput, start: string) => checkStart(i, at(start));
  it('offers a free grid start and names who is free', () => {
    expect(refusal(input({ resources: [resource('a'), resource('b')] }), '2031-03-03T15:00:00Z')).toEqual({ offered: true, resourceIds: ['a', 'b'] });
  });
  it('names the first rule a refused start breaks', () => {
    expect(refusal(input(), '2031-03-03T12:00:00Z').reason).toBe('outside_hours');
    // 11:30 starts inside hours but its hour runs past noon.
    expect(refusal(input(), '2031-03-03T17:30:00Z').reason).toBe('outside_hours');
    expect(refusal(input(), '2031-03-03T15:10:00Z').reason).toBe('not_a_slot');
    expect(refusal(input({ now: at('2031-03-03T14:00:00Z'), rules: { slotIntervalMin: 30, minNoticeMin: 120, maxAdvanceDays: 60 } }), '2031-03-03T15:00:00Z').reason).toBe('too_soon');
    expect(refusal(input({ rules: { slotIntervalMin: 30, minNoticeMin: 0, maxAdvanceDays: 3 } }), '2031-03-03T15:00:00Z').reason).toBe('too_far');
    expect(refusal(input({ resources: [resource('a', { bookings: [booking('2031-03-03T15:30:00Z', '2031-03-03T16:00:00Z')] })] }), '2031-03-03T15:00:00Z')).toEqual({ offered: false, resourceIds: [], reason: 'taken' });
    expect(refusal(input({ resources: [] }), '2031-03-03T15:00:00Z').reason).toBe('no_resource');
  });
  it('says it in people’s words', () => {
    const rules = { slotIntervalMin: 30, minNoticeMin: 120, maxAdvanceDays: 60 };
    expect(startRefusalMessage('too_soon', rules)).toBe('Book at least 2 hours ahead');
    expect(startRefusalMessage('outside_hours', rules)).toBe('That time is outside business hours');
    expect(startRefusalMessage('taken', rules)).toBe('That time was just taken');
    expect([noticeText(60), noticeText(90), noticeText(1)]).toEqual(['1 hour', '90 minutes', '1 minute']);
  });
});

// ── The DST matrix ───────────────────────────────────────────────────────────────────────────

/** Standard and daylight offsets; Phoenix and Honolulu keep one all year. */
const ZONES: Record<string, [standard: string, daylight: string]> = {
  'America/New_York': ['-05:00', '-04:00'],
  'America/Chicago': ['-06:00', '-05:00'],
  'America/Denver': ['-07:00', '-06:00'],
  'America/Phoenix': ['-07:00', '-07:00'],
  'America/Los_Angeles': ['-08:00', '-07:00'],
  'America/Anchorage': ['-09:00', '-08:00'],
  'Pacific/Honolulu': ['-10:00', '-10:00'],
};
/** US changes, at 2:00 local: spring forward (2:00–2:59 does not exist), fall back (1:00–1:59 happens twice). */
const CHANGES = [
  { kind: 'spring', day: '2026-03-08', before: '2026-03-07', after: '2026-03-09' },
  { kind: 'fall', day: '2026-11-01', before: '2026-10-31', after: '2026-11-02' },
  { kind: 'spring', day: '2027-03-14', before: '2027-03-13', after: '2027-03-15' },
  { kind: 'fall', day: '2027-11-07', before: '2027-11-06', after: '2027-11-08' },
] as const;

/** Hours that include the small hours, so the skipped and repeated hours are inside a period. */
const DST_HOURS = everyDay([['00:00', '04:00'], ['08:00', '10:00']]);
const ALL_STARTS = ['00:00', '00:30', '01:00', '01:30', '02:00', '02:30', '03:00', '08:00', '08:30', '09:00'];

describe.each(Object.entries(ZONES))('DST matrix: %s', (zone, [standard, daylight]) => {
  const keepsOneOffset = standard === daylight;
  const dstInput = (): AvailabilityInput => input({ timeZone: zone, businessHours: DST_HOURS, now: at('2025-12-01T00:00:00Z') });
  const slotsOn = (date: string) => availableSlots(dstInput(), { from: date, days: 1 })[0]!.slots;
  const wall = (iso: string) => iso.slice(11, 16);
  const offset = (iso: string) => iso.slice(19);

  it.each(CHANGES)('$kind $day: the days around keep every wall-clock start at the right offset', ({ kind, before, after }) => {
    const [offBefore, offAfter] = kind === 'spring' ? [standard, daylight] : [daylight, standard];
    for (const [date, expected] of [[before, offBefore], [after, offAfter]] as const) {
      const slots = slotsOn(date);
      expect(slots.map((s) => wall(s.start))).toEqual(ALL_STARTS);
      expect(slots.every((s) => s.start.startsWith(date) && offset(s.start) === expected)).toBe(true);
    }
  });

  it.each(CHANGES)('$kind $day: the change day has 9:00 at 9:00 local and the small hours handled', ({ kind, day }) => {
    const slots = slotsOn(day);
    const starts = slots.map((s) => wall(s.start));
    const nine = slots.find((s) => wall(s.start) === '09:00')!;
    expect(nine.start).toBe(`${day}T09:00:00${kind === 'spring' ? daylight : standard}`);
    // Durations are real elapsed minutes, whatever the clock did in between.
    for (const s of slots) expect(Date.parse(s.end) - Date.parse(s.start)).toBe(60 * 60_000);
    // Each instant is offered once.
    expect(new Set(slots.map((s) => Date.parse(s.start))).size).toBe(slots.length);
    if (keepsOneOffset) {
      expect(starts).toEqual(ALL_STARTS);
      return;
    }
    if (kind === 'spring') {
      // 2:00 and 2:30 never happen: skipped, not shifted to 3:00/3:30 (3:00 is there once, on its own).
      expect(starts).toEqual(['00:00', '00:30', '01:00', '01:30', '03:00', '08:00', '08:30', '09:00']);
      expect(slots.find((s) => wall(s.start) === '01:30')!.start).toBe(`${day}T01:30:00${standard}`);
      expect(slots.find((s) => wall(s.start) === '03:00')!.start).toBe(`${day}T03:00:00${daylight}`);
      // The 1:30 job lasts an hour of real time: it ends at 3:30 on the new clock.
      expect(slots.find((s) => wall(s.start) === '01:30')!.end).toBe(`${day}T03:30:00${daylight}`);
    } else {
      // 1:00 and 1:30 happen twice: offered once, at the first (daylight) occurrence.
      expect(starts).toEqual(ALL_STARTS);
      expect(slots.find((s) => wall(s.start) === '01:30')!.start).toBe(`${day}T01:30:00${daylight}`);
      expect(slots.find((s) => wall(s.start) === '01:30')!.end).toBe(`${day}T01:30:00${standard}`);
      expect(slots.find((s) => wall(s.start) === '02:00')!.start).toBe(`${day}T02:00:00${standard}`);
    }
  });

  it.each(CHANGES)('$kind $day: reminders of a 9:00 job the day after go at 9:00 the day before and 7:00 that morning, local', ({ kind, day, after }) => {
    const nine = slotsOn(after).find((s) => wall(s.start) === '09:00')!;
    const reminders = planReminders(new Date(nine.start), zone, [1440, 120], at(`${day}T00:00:00Z`));
    const local = reminders.map((r) => DateTime.fromISO(r.at, { zone }).toISO({ suppressMilliseconds: true }));
    // The day before is the change day itself, after its 2:00 change: its offset is the new one.
    const newOffset = kind === 'spring' ? daylight : standard;
    expect(local).toEqual([`${day}T09:00:00${newOffset}`, `${after}T07:00:00${newOffset}`]);
    // Both times are after the change: the day before is a plain 24 hours here.
    const hoursBefore = (Date.parse(nine.start) - Date.parse(reminders[0]!.at)) / 3_600_000;
    expect(hoursBefore).toBe(24);
  });

  it.each(CHANGES)('$kind $day: the day-before reminder of a 9:00 job on the change day is at 9:00 local the day before, 23 or 25 hours ahead', ({ kind, day, before }) => {
    const nine = slotsOn(day).find((s) => wall(s.start) === '09:00')!;
    const [dayBefore] = planReminders(new Date(nine.start), zone, [1440], at(`${before}T00:00:00Z`));
    const oldOffset = kind === 'spring' ? standard : daylight;
    expect(DateTime.fromISO(dayBefore!.at, { zone }).toISO({ suppressMilliseconds: true })).toBe(`${before}T09:00:00${oldOffset}`);
    const hoursBefore = (Date.parse(nine.start) - Date.parse(dayBefore!.at)) / 3_600_000;
    expect(hoursBefore).toBe(keepsOneOffset ? 24 : kind === 'spring' ? 23 : 25);
  });

  it.each(CHANGES)('$kind $day: a period that opens inside the change starts at the first real time', ({ kind, day }) => {
    const slots = availableSlots({ ...dstInput(), businessHours: everyDay([['02:00', '05:00']]) }, { from: day, days: 1 })[0]!.slots;
    const first = slots[0]!.start;
    if (keepsOneOffset || kind === 'fall') expect(wall(first)).toBe('02:00');
    else expect(first).toBe(`${day}T03:00:00${daylight}`);
    // And a 3-day range across the change lists each day's own date.
    const range = availableSlots(dstInput(), { from: CHANGES.find((c) => c.day === day)!.before, days: 3 });
    expect(range.map((d) => d.slots.every((s) => s.start.startsWith(d.date)))).toEqual([true, true, true]);
  });
});
