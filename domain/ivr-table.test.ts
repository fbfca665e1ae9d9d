import { describe, expect, it } from 'vitest';
import { decodeCallState } from './call-steps.ts';
import { twimlText, twimlVerbs, type TwimlNode } from '../tests/twiml.ts';
import { initialCallState, respond, type CallContext, type CallEvent, type CallState, type Effect } from './ivr.ts';
import { IVR_MODES, TENANT_STATUSES, TENANT_TIERS, type IvrMode, type TenantStatus, type TenantTier } from './tenancy.ts';

// The IVR reducer as a table: (tenant, call so far, what Twilio said) → (the verbs the caller gets,
// the effects the workflow performs, the phase the call is in next). Verbs are read back from the
// TwiML: `Gather(menu)` is a menu whose answer comes back as a `menu` step, `Dial(number, screen)`
// a forward the owner must accept first.

const CALL_SID = 'CA0123456789abcdef0123456789abcdef';
const CALLER = '+19185550199';
const FORWARD_TO = '+19185550111';
const SIP = 'sip:owner@shiny.sip.twilio.com';
// A Wednesday, 12:00 in Chicago.
const NOW = new Date('2026-06-10T17:00:00Z');
const OPEN_NOW = { wed: [['08:00', '17:00']] as [string, string][] };
const CLOSED_NOW = { wed: [['13:00', '17:00']] as [string, string][] };

const context = (tier: TenantTier, overrides: Partial<CallContext> = {}): CallContext => ({
  tenantId: 't1',
  businessName: 'Shiny',
  tier,
  status: 'active',
  ivrMode: 'ivr',
  tenantNumber: '+19185550100',
  forwardingNumber: FORWARD_TO,
  sipUri: null,
  timeZone: 'America/Chicago',
  businessHours: OPEN_NOW,
  jokesEnabled: true,
  missedCallTextBack: false,
  ownerNotifyPhone: null,
  ownerNotifyEmail: null,
  texts: { greeting: null, info: null, infoSms: null, afterHours: null, missedCall: null },
  appUrl: 'http://localhost:3000',
  ...overrides,
});

const IN_MENU: Partial<CallState> = { step: 1, phase: 'menu' };
const DIALING: Partial<CallState> = { step: 2, phase: 'dialing', dialed: true, digits: ['2'] };

interface Expected {
  verbs: string[];
  effects?: Effect['type'][];
  phase: CallState['phase'];
  /** Words the caller hears (any <Say>, the menu's included). */
  hears?: string;
  /** Other parts of the next state. */
  then?: Partial<CallState>;
}

interface Row extends Expected {
  name: string;
  tier?: TenantTier;
  ctx?: Partial<CallContext>;
  state?: Partial<CallState>;
  event: CallEvent;
}

/** The kind of step an action URL reports back as, checking it names this call and carries the next step's state. */
function actionKind(action: unknown, step: number): string {
  const url = new URL(String(action), 'https://example.test');
  expect(url.pathname).toBe('/twilio/voice/step');
  expect(url.searchParams.get('v')).toBe('1');
  expect(url.searchParams.get('call')).toBe(CALL_SID);
  expect(decodeCallState(url.searchParams.get('s') ?? undefined)?.step).toBe(step);
  return url.searchParams.get('kind') ?? '';
}

/** The TwiML as a list of verbs, and all the words it says. */
function readTwiml(twiml: string, step: number) {
  const said: string[] = [];
  const verbs = twimlVerbs(twiml).map(([name, node]) => {
    if (name === 'Say') said.push(twimlText(node));
    if (name === 'Gather') {
      said.push(twimlText(node.Say));
      return `Gather(${actionKind(node['@action'], step)})`;
    }
    if (name === 'Record') return `Record(${actionKind(node['@action'], step)})`;
    if (name === 'Dial') {
      expect(node['@callerId']).toBe(CALLER); // the owner sees who is calling
      expect(actionKind(node['@action'], step)).toBe('dial-result');
      if (node.Sip) return `Dial(sip ${twimlText(node.Sip)})`;
      const number = node.Number as TwimlNode;
      const screened = number['@url'] ? `, screen ${actionKind(number['@url'], step)}` : '';
      return `Dial(${twimlText(number)}${screened})`;
    }
    return name;
  });
  return { verbs, said: said.join(' ') };
}

function check(row: Row) {
  const state: CallState = { ...initialCallState(), ...row.state };
  const turn = respond(context(row.tier ?? 'pro', row.ctx), state, row.event, CALL_SID, CALLER, NOW);
  const { verbs, said } = readTwiml(turn.twiml, state.step + 1);
  expect(verbs).toEqual(row.verbs);
  expect(turn.effects.map((effect) => effect.type)).toEqual(row.effects ?? []);
  expect(turn.state.phase).toBe(row.phase);
  expect(turn.state.step).toBe(state.step + 1);
  if (row.hears) expect(said).toContain(row.hears);
  if (row.then) expect(turn.state).toMatchObject(row.then);
  expect(state, 'respond leaves the state it was given alone').toEqual({ ...initialCallState(), ...row.state });
  return turn;
}

// ---------------------------------------------------------------------------------------------
// A call comes in: every mode × plan × status × open or after hours.

const PAUSED: Expected = { verbs: ['Say', 'Hangup'], phase: 'closed', hears: 'Thanks for calling Shiny. This line is paused right now.' };
const NOT_IN_SERVICE: Expected = { verbs: ['Say', 'Hangup'], phase: 'closed', hears: 'The number you have called is not in service.' };
const AFTER_HOURS: Expected = { verbs: ['Say', 'Record(recorded)'], phase: 'voicemail', hears: "We're closed right now. Please leave a message" };
const FORWARDED: Expected = { verbs: [`Dial(${FORWARD_TO})`], phase: 'dialing', then: { dialed: true } };
const MENU: Expected = { verbs: ['Gather(menu)'], phase: 'menu', hears: 'Thanks for calling Shiny. Press 1 to hear about our services' };

/** An open line, by what the plan allows of the chosen mode (ai-voice is the menu until the AI receptionist exists). */
const ANSWERED_BY: Record<TenantTier, Record<IvrMode, Expected>> = {
  starter: { simple: FORWARDED, ivr: FORWARDED, 'ai-voice': FORWARDED },
  pro: { simple: FORWARDED, ivr: MENU, 'ai-voice': MENU },
  elite: { simple: FORWARDED, ivr: MENU, 'ai-voice': MENU },
};

/** Suspended and closed (and a setup rolled back or abandoned) answer the same at any hour; every other status as an active line. */
const BY_STATUS: Record<TenantStatus, (open: Expected) => Expected> = {
  // Provisioning points the new number at us just before the tenant turns `trialing`: a first call is answered.
  onboarding: (open) => open,
  trialing: (open) => open,
  active: (open) => open,
  past_due: (open) => open,
  suspended: () => PAUSED,
  closed: () => NOT_IN_SERVICE,
  failed: () => NOT_IN_SERVICE,
  expired: () => NOT_IN_SERVICE,
};

const incomingRows: Row[] = TENANT_TIERS.flatMap((tier) =>
  IVR_MODES.flatMap((ivrMode) =>
    TENANT_STATUSES.flatMap((status) =>
      [false, true].map((afterHours): Row => ({
        name: `${tier} · ${ivrMode} · ${status} · ${afterHours ? 'after hours' : 'open'}`,
        tier,
        ctx: { ivrMode, status, businessHours: afterHours ? CLOSED_NOW : OPEN_NOW },
        event: { kind: 'incoming' },
        ...BY_STATUS[status](afterHours ? AFTER_HOURS : ANSWERED_BY[tier][ivrMode]),
      })),
    ),
  ),
);

describe('a call comes in', () => {
  it.each(incomingRows)('$name', (row) => void check(row));

  it.each<Row>([
    { name: 'no business hours set: always open', ctx: { businessHours: null }, event: { kind: 'incoming' }, ...MENU },
    { name: "the tenant's own greeting opens the menu", ctx: { texts: { ...context('pro').texts, greeting: 'Hi from Shiny!' } }, event: { kind: 'incoming' }, ...MENU, hears: 'Hi from Shiny! Press 1' },
    { name: "the tenant's own after-hours message", ctx: { businessHours: CLOSED_NOW, texts: { ...context('pro').texts, afterHours: 'Back at 8.' } }, event: { kind: 'incoming' }, ...AFTER_HOURS, hears: 'Back at 8.' },
    { name: 'jokes on: the menu offers 7', event: { kind: 'incoming' }, ...MENU, hears: 'Press 3 to leave a message. Press 7 for a joke.' },
    { name: 'simple on elite with a SIP softphone: it rings', tier: 'elite', ctx: { ivrMode: 'simple', sipUri: SIP }, event: { kind: 'incoming' }, verbs: [`Dial(sip ${SIP})`], phase: 'dialing' },
    { name: 'simple on pro with a SIP address saved: the plan has no softphone, the number rings', ctx: { ivrMode: 'simple', sipUri: SIP }, event: { kind: 'incoming' }, ...FORWARDED },
    { name: 'simple with nowhere to forward: voicemail', ctx: { ivrMode: 'simple', forwardingNumber: null }, event: { kind: 'incoming' }, verbs: ['Say', 'Record(recorded)'], phase: 'voicemail', hears: 'no one can take your call right now', then: { dialed: false } },
  ])('$name', (row) => void check(row));

  it('a menu without jokes does not offer 7', () => {
    const { twiml } = respond(context('pro', { jokesEnabled: false }), initialCallState(), { kind: 'incoming' }, CALL_SID, CALLER, NOW);
    expect(twiml).toContain('Press 3 to leave a message.');
    expect(twiml).not.toContain('Press 7');
  });
});

// ---------------------------------------------------------------------------------------------
// The caller answers the menu: digits 1, 2, 3, 7, an invalid one and none, on every plan.

const VOICEMAIL: Expected = { verbs: ['Say', 'Record(recorded)'], phase: 'voicemail' };
const AGAIN = (hears: string, misses: number): Expected => ({ verbs: ['Gather(menu)'], phase: 'menu', hears, then: { menuMisses: misses } });

/** What each answer to the menu does on a plan with the menu (pro and elite alike). */
const MENU_ANSWERS: [string, string | undefined, Expected][] = [
  ['1: info, and our prices by text', '1', { verbs: ['Gather(menu)'], effects: ['text-info-to-caller'], phase: 'menu', hears: "Shiny is happy to help. We're texting you our prices", then: { infoTexted: true, digits: ['1'] } }],
  ['2: the owner, who must accept first', '2', { verbs: [`Dial(${FORWARD_TO}, screen screen)`], phase: 'dialing', then: { dialed: true, digits: ['2'] } }],
  ['3: voicemail', '3', { ...VOICEMAIL, hears: 'Please leave your name, number and how we can help', then: { digits: ['3'] } }],
  ['7: a joke, then the menu again', '7', { verbs: ['Gather(menu)'], phase: 'menu', hears: 'Press 1', then: { jokeTold: true, menuMisses: 0 } }],
  ['an invalid digit: the menu again', '9', AGAIN("Sorry, that isn't an option.", 1)],
  ['no input: the menu again', undefined, AGAIN("Sorry, I didn't catch that.", 1)],
  ['empty input: as no input', ' ', AGAIN("Sorry, I didn't catch that.", 1)],
  ['more than one digit: the first counts', '12', { verbs: ['Gather(menu)'], effects: ['text-info-to-caller'], phase: 'menu', then: { digits: ['1'] } }],
];

const menuRows: Row[] = [
  ...(['pro', 'elite'] as const).flatMap((tier) => MENU_ANSWERS.map(([name, digits, expected]): Row => ({ name: `${tier} · ${name}`, tier, state: IN_MENU, event: { kind: 'menu', digits }, ...expected }))),
  // The plan lost its menu under the call (a downgrade): whatever was pressed, the forward.
  ...MENU_ANSWERS.map(([name, digits]): Row => ({ name: `starter · ${name} → the forward`, tier: 'starter', state: IN_MENU, event: { kind: 'menu', digits }, ...FORWARDED, then: { dialed: true, digits: [], jokeTold: false, infoTexted: false } })),
];

describe('the caller answers the menu', () => {
  it.each(menuRows)('$name', (row) => void check(row));

  it.each<Row>([
    { name: '1 again: the info again, but no second text', state: { ...IN_MENU, infoTexted: true }, event: { kind: 'menu', digits: '1' }, verbs: ['Gather(menu)'], phase: 'menu' },
    { name: '7 with jokes off: not an option', ctx: { jokesEnabled: false }, state: IN_MENU, event: { kind: 'menu', digits: '7' }, ...AGAIN("Sorry, that isn't an option.", 1), then: { jokeTold: false, menuMisses: 1 } },
    { name: 'a second miss: the menu once more', state: { ...IN_MENU, menuMisses: 1 }, event: { kind: 'menu', digits: '8' }, ...AGAIN("Sorry, that isn't an option.", 2) },
    { name: 'a third miss: voicemail', state: { ...IN_MENU, menuMisses: 2 }, event: { kind: 'menu' }, ...VOICEMAIL, hears: "Let's take a message instead.", then: { menuMisses: 3 } },
    { name: '2 on elite with a SIP softphone: it rings, unscreened', tier: 'elite', ctx: { sipUri: SIP }, state: IN_MENU, event: { kind: 'menu', digits: '2' }, verbs: [`Dial(sip ${SIP})`], phase: 'dialing' },
    { name: '2 on pro with a SIP address saved: the number, screened', ctx: { sipUri: SIP }, state: IN_MENU, event: { kind: 'menu', digits: '2' }, verbs: [`Dial(${FORWARD_TO}, screen screen)`], phase: 'dialing' },
    { name: '2 with nowhere to forward: voicemail', ctx: { forwardingNumber: null }, state: IN_MENU, event: { kind: 'menu', digits: '2' }, ...VOICEMAIL, hears: 'no one can take your call right now', then: { dialed: false } },
    { name: "1 with the tenant's own info text", ctx: { texts: { ...context('pro').texts, info: 'We detail cars.' } }, state: IN_MENU, event: { kind: 'menu', digits: '1' }, verbs: ['Gather(menu)'], effects: ['text-info-to-caller'], phase: 'menu', hears: 'We detail cars. Press 1' },
  ])('$name', (row) => void check(row));
});

// ---------------------------------------------------------------------------------------------
// The forward: the owner screens the call, the dial ends, the caller leaves a message.

describe('screening, dial results and the recording', () => {
  it.each<Row>([
    { name: 'screen: the owner hears who the call is for, and must press 1', state: DIALING, event: { kind: 'screen' }, verbs: ['Gather(screen-result)', 'Hangup'], phase: 'dialing', hears: 'Call for Shiny. Press 1 to accept.' },
    { name: 'screen-result 1: connected', state: DIALING, event: { kind: 'screen-result', digits: '1' }, verbs: [], phase: 'dialing', then: { answered: true } },
    { name: 'screen-result another digit: the owner leg hangs up', state: DIALING, event: { kind: 'screen-result', digits: '2' }, verbs: ['Hangup'], phase: 'dialing', then: { answered: false } },
    { name: 'screen-result nothing (the owner’s voicemail picked up): hangs up', state: DIALING, event: { kind: 'screen-result' }, verbs: ['Hangup'], phase: 'dialing', then: { answered: false } },
    { name: 'dial completed: done', state: DIALING, event: { kind: 'dial-result', dialStatus: 'completed' }, verbs: ['Hangup'], phase: 'done', then: { answered: true } },
    ...['no-answer', 'busy', 'failed', 'canceled'].map((dialStatus): Row => ({ name: `dial ${dialStatus}: voicemail`, state: DIALING, event: { kind: 'dial-result', dialStatus }, ...VOICEMAIL, hears: 'Sorry we missed you.', then: { answered: false } })),
    { name: 'dial no-answer after the owner accepted: done, answered', state: { ...DIALING, answered: true }, event: { kind: 'dial-result', dialStatus: 'no-answer' }, verbs: ['Hangup'], phase: 'done', then: { answered: true } },
    { name: 'recorded: thanks, and the voicemail is kept', state: { step: 3, phase: 'voicemail' }, event: { kind: 'recorded', recordingSid: 'RE1', recordingUrl: 'https://api.twilio.com/RE1', durationSec: 12 }, verbs: ['Say', 'Hangup'], effects: ['store-voicemail'], phase: 'done', hears: 'Thanks, we got your message. Goodbye.', then: { voicemailRecorded: true } },
    { name: 'recorded again (a retried webhook): thanks, kept once', state: { step: 4, phase: 'done', voicemailRecorded: true }, event: { kind: 'recorded', recordingSid: 'RE1', recordingUrl: 'https://api.twilio.com/RE1', durationSec: 12 }, verbs: ['Say', 'Hangup'], phase: 'done' },
  ])('$name', (row) => void check(row));

  it('the voicemail effect carries the recording as Twilio reported it', () => {
    const turn = check({ name: 'recorded', state: { step: 3, phase: 'voicemail' }, event: { kind: 'recorded', recordingSid: 'RE9', recordingUrl: 'https://api.twilio.com/RE9', durationSec: 31 }, verbs: ['Say', 'Hangup'], effects: ['store-voicemail'], phase: 'done' });
    expect(turn.effects).toEqual([{ type: 'store-voicemail', recordingSid: 'RE9', recordingUrl: 'https://api.twilio.com/RE9', durationSec: 31 }]);
  });
});
