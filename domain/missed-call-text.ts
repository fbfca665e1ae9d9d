import { DateTime } from 'luxon';
import type { CallOutcome, CallState } from './ivr.ts';

// The missed-call text ("Sorry we missed your call…") is for a caller who reached nobody and got
// nothing, and a caller who keeps trying must not get it every time: one per caller per window.

/**
 * Only a call really missed: nobody answered a forward, or the caller hung up before reaching
 * anyone — and left no voicemail, did not get the info text, did not hear a joke. A paused or
 * closed line is not a missed call.
 */
export function deservesMissedCallText(state: CallState, outcome: CallOutcome): boolean {
  if (outcome !== 'missed' && outcome !== 'abandoned') return false;
  if (state.phase === 'closed') return false;
  return !state.answered && !state.voicemailRecorded && !state.infoTexted && !state.jokeTold;
}

const HOUR_MS = 3_600_000;

/**
 * The outbox key of the caller's missed-call text in the window `now` falls in: every missed call
 * of that window shares it, so the outbox sends the first and drops the rest. Windows are counted
 * on the tenant's clock, so a daily window turns over at local midnight — inside quiet hours,
 * when automations are held anyway — not in the middle of a business day. `callerKey` is a keyed
 * digest of the caller's number (keys reach log lines; numbers must not).
 */
export function missedCallTextKey(input: { callerKey: string; everyHours: number; timeZone: string; now: Date }): string {
  const local = DateTime.fromJSDate(input.now, { zone: input.timeZone });
  const offsetMs = (local.isValid ? local.offset : 0) * 60_000;
  const window = Math.floor((input.now.getTime() + offsetMs) / (input.everyHours * HOUR_MS));
  return `missed-call:${input.callerKey}:${input.everyHours}h:${window}`;
}
