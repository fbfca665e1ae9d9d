import type { CallEvent, CallState } from './ivr.ts';

// A call's small state travels in the TwiML action URLs (`v=1&s=<state>`): Twilio signs the whole
// URL, so the API renders the next answer from it without asking anyone, and the call workflow
// hears each step as a signal carrying the state the caller was in. Pure; shared by the API, the
// workflow and the tests.

/** The only state format this code writes and reads; any other `v` gets the safe answer. */
export const CALL_STATE_VERSION = '1';

const PHASES = { new: 'n', menu: 'm', dialing: 'g', voicemail: 'v', closed: 'c', done: 'd' } as const satisfies Record<CallState['phase'], string>;
const FLAGS = ['dialed', 'answered', 'voicemailRecorded', 'infoTexted', 'jokeTold'] as const;
/** A call never has more steps than this (Twilio ends a call long before); anything past it is not ours. */
const MAX_STEP = 500;
const MAX_DIGITS = 60;

/** `step.phase.flags.misses.digits`, e.g. `3.m.8.1.19` — URL- and XML-safe (`#` is written as `%23`). */
export function encodeCallState(state: CallState): string {
  const flags = FLAGS.reduce((bits, flag, i) => bits | (state[flag] ? 1 << i : 0), 0);
  const digits = state.digits.slice(-MAX_DIGITS).join('').replace(/#/g, '%23');
  return `${state.step}.${PHASES[state.phase]}.${flags}.${Math.min(state.menuMisses, 9)}.${digits}`;
}

const STATE_PATTERN = /^(\d{1,3})\.([nmgvcd])\.(\d{1,2})\.(\d)\.([0-9*#]{0,60})$/;

/** The state in an action URL, or null when it is not one this version wrote (tampered, truncated, another format). */
export function decodeCallState(encoded: string | undefined): CallState | null {
  const match = STATE_PATTERN.exec(encoded ?? '');
  if (!match) return null;
  const [, step, phaseCode, flagBits, misses, digits] = match as unknown as [string, string, string, string, string, string];
  const phase = (Object.keys(PHASES) as CallState['phase'][]).find((name) => PHASES[name] === phaseCode)!;
  const bits = Number(flagBits);
  if (Number(step) > MAX_STEP || bits >= 1 << FLAGS.length) return null;
  const flags = Object.fromEntries(FLAGS.map((flag, i) => [flag, (bits & (1 << i)) !== 0])) as Pick<CallState, (typeof FLAGS)[number]>;
  return { step: Number(step), phase, menuMisses: Number(misses), digits: [...digits], ...flags };
}

/** One step of a call, as the API signals it to `call:<CallSid>` (and keeps it in Postgres when Temporal is away). */
export interface CallStep {
  /** `<step>:<kind>`: Twilio retrying a request, or a duplicate `incoming`, carries the same key and is applied once. */
  key: string;
  event: CallEvent;
  /** The state the caller was in, from the signed action URL (the initial state for `incoming`). */
  before: CallState;
  /** When the API answered (ISO 8601): business hours are judged at this instant, as the caller heard them. */
  at: string;
}

export const callStepKey = (before: CallState, event: CallEvent) => `${before.step}:${event.kind}`;

/**
 * The call as the workflow knows it after one more step: steps may arrive out of order (one kept in
 * Postgres during an outage is delivered later), so flags are kept once set and the furthest step
 * wins for where the call is and what was pressed.
 */
export function mergeCallState(known: CallState, next: CallState): CallState {
  const furthest = next.step >= known.step ? next : known;
  const flags = Object.fromEntries(FLAGS.map((flag) => [flag, known[flag] || next[flag]])) as Pick<CallState, (typeof FLAGS)[number]>;
  return { ...furthest, digits: [...furthest.digits], ...flags };
}
