import { isOpen, type WeeklyHours } from './weekly-hours.ts';
import type { IvrMode, TenantStatus, TenantTier } from './tenancy.ts';
import { effectiveIvrMode, hasFeature } from './tiers.ts';
import { renderTwiml, type Verb } from './twiml.ts';
import { CALL_STATE_VERSION, encodeCallState } from './call-steps.ts';

// The single-number IVR as a pure function: (tenant, call so far, what Twilio just told us) →
// (call now, the TwiML to answer with, what must happen outside the call). The call workflow
// holds the state and performs the effects; nothing here does I/O. About 200 lines, kept whole:
// the reducer, the types it reads and writes, and the answers the edge gives when no workflow does.

/** What the call needs to know about the tenant; read once when the call comes in. */
export interface CallContext {
  tenantId: string;
  businessName: string;
  tier: TenantTier;
  status: TenantStatus;
  ivrMode: IvrMode;
  tenantNumber: string;
  forwardingNumber: string | null;
  sipUri: string | null;
  timeZone: string;
  businessHours: WeeklyHours | null;
  jokesEnabled: boolean;
  missedCallTextBack: boolean;
  ownerNotifyPhone: string | null;
  ownerNotifyEmail: string | null;
  texts: { greeting: string | null; info: string | null; infoSms: string | null; afterHours: string | null; missedCall: string | null };
  /** Key 7's jokes, from the tenant's industry pack; carried with the call so a running call keeps its own. Absent in calls read before packs. */
  jokes?: readonly string[];
  /** The tenant app, for links in texts to the owner. */
  appUrl: string;
}

export type CallEvent =
  | { kind: 'incoming' }
  | { kind: 'menu'; digits?: string }
  | { kind: 'dial-result'; dialStatus: string }
  | { kind: 'screen' }
  | { kind: 'screen-result'; digits?: string }
  | { kind: 'recorded'; recordingSid: string; recordingUrl: string; durationSec: number };

export type Effect =
  | { type: 'text-info-to-caller' }
  | { type: 'store-voicemail'; recordingSid: string; recordingUrl: string; durationSec: number };

export interface CallState {
  /** Numbers each TwiML action URL, so a retried Twilio request is recognised as the same step. */
  step: number;
  digits: string[];
  menuMisses: number;
  phase: 'new' | 'menu' | 'dialing' | 'voicemail' | 'closed' | 'done';
  dialed: boolean;
  answered: boolean;
  voicemailRecorded: boolean;
  infoTexted: boolean;
  /** The caller pressed 7 and heard a joke: they got something from the call. */
  jokeTold: boolean;
}

export const initialCallState = (): CallState => ({ step: 0, digits: [], menuMisses: 0, phase: 'new', dialed: false, answered: false, voicemailRecorded: false, infoTexted: false, jokeTold: false });

export interface CallTurn {
  state: CallState;
  twiml: string;
  effects: Effect[];
}

const MAX_MENU_MISSES = 2;

/** What key 7 told before jokes came from the tenant's pack: calls started then replay with these. */
const JOKES_BEFORE_PACKS = [
  'Why did the car get a detail? It wanted to look wheel-y good. Thanks for laughing with us!',
  'What do you call a sparkling clean car? A sight for sore exhausts. Thanks for calling!',
  'Why was the lawn mower so calm? It knew how to cut it close. Thanks for calling!',
];

/** Stands for the call's state in action URLs until the turn's state is final (domain/call-steps.ts). */
const STATE_MARK = 'CALL-STATE';

export function respond(ctx: CallContext, state: CallState, event: CallEvent, callSid: string, caller: string, now: Date): CallTurn {
  const next: CallState = { ...state, digits: [...state.digits], step: state.step + 1 };
  // The state rides in the URL Twilio calls back (and signs), so the next answer needs no lookup.
  const url = (kind: string) => `/twilio/voice/step?v=${CALL_STATE_VERSION}&call=${encodeURIComponent(callSid)}&t=${encodeURIComponent(ctx.tenantId)}&kind=${kind}&s=${STATE_MARK}`;
  const turn = (verbs: Verb[], effects: Effect[] = []): CallTurn => ({ state: next, twiml: renderTwiml(verbs).replaceAll(STATE_MARK, encodeCallState(next)), effects });

  // Jokes play in the menu: a plan without the menu never offers one, whatever was saved before a downgrade.
  const jokesOn = ctx.jokesEnabled && hasFeature(ctx.tier, 'ivr');
  const menuText = () => {
    const options = ['Press 1 to hear about our services and get our prices by text.', 'Press 2 to talk to us.', 'Press 3 to leave a message.'];
    if (jokesOn) options.push('Press 7 for a joke.');
    return options.join(' ');
  };
  const menu = (intro: string) => {
    next.phase = 'menu';
    return { gather: { action: url('menu'), numDigits: 1, timeout: 6, say: `${intro} ${menuText()}`.trim() } } as Verb;
  };
  const voicemail = (prompt: string): CallTurn => {
    next.phase = 'voicemail';
    return turn([{ say: prompt }, { record: { action: url('recorded'), maxLength: 120 } }]);
  };
  const connect = (screened: boolean): CallTurn => {
    const sip = ctx.sipUri && hasFeature(ctx.tier, 'sipSoftphone') ? ctx.sipUri : null;
    if (!sip && !ctx.forwardingNumber) return voicemail(`Sorry, no one can take your call right now. Please leave a message after the tone.`);
    next.phase = 'dialing';
    next.dialed = true;
    return turn([
      {
        dial: {
          action: url('dial-result'),
          // Caller ID passthrough: the owner sees who is calling, not the business number.
          callerId: caller,
          timeout: 20,
          ...(sip ? { sip } : { number: { to: ctx.forwardingNumber!, screenUrl: screened ? url('screen') : undefined } }),
        },
      },
    ]);
  };

  switch (event.kind) {
    case 'incoming': {
      if (ctx.status === 'suspended') {
        next.phase = 'closed';
        return turn([{ say: `Thanks for calling ${ctx.businessName}. This line is paused right now. Please try again later.` }, { hangup: true }]);
      }
      // Closed, or a number whose setup was rolled back or abandoned (released, so only a late call reaches it).
      if (ctx.status === 'closed' || ctx.status === 'failed' || ctx.status === 'expired') {
        next.phase = 'closed';
        return turn([{ say: 'The number you have called is not in service.' }, { hangup: true }]);
      }
      if (!isOpen(ctx.businessHours, ctx.timeZone, now)) {
        return voicemail(ctx.texts.afterHours ?? `Thanks for calling ${ctx.businessName}. We're closed right now. Please leave a message after the tone and we'll call you back.`);
      }
      if (effectiveIvrMode(ctx.tier, ctx.ivrMode) === 'simple') return connect(false);
      // ai-voice behaves as the IVR until the AI receptionist exists.
      return turn([menu(ctx.texts.greeting ?? `Thanks for calling ${ctx.businessName}.`)]);
    }

    case 'menu': {
      // The plan has no menu (it changed under the call): nothing from the menu, just the forward.
      if (!hasFeature(ctx.tier, 'ivr')) return connect(false);
      const digit = event.digits?.trim().slice(0, 1);
      if (digit) next.digits.push(digit);
      if (digit === '1') {
        const effects: Effect[] = next.infoTexted ? [] : [{ type: 'text-info-to-caller' }];
        next.infoTexted = true;
        const info = ctx.texts.info ?? `${ctx.businessName} is happy to help. We're texting you our prices and how to book right now.`;
        return turn([menu(info)], effects);
      }
      if (digit === '2') return connect(true);
      if (digit === '3') return voicemail('Please leave your name, number and how we can help, after the tone. Press pound when you are done.');
      if (digit === '7' && jokesOn) {
        next.jokeTold = true;
        const jokes = ctx.jokes?.length ? ctx.jokes : JOKES_BEFORE_PACKS;
        return turn([menu(jokes[next.step % jokes.length]!)]);
      }
      next.menuMisses += 1;
      if (next.menuMisses > MAX_MENU_MISSES) return voicemail(`Let's take a message instead. Please leave your name and number after the tone.`);
      return turn([menu(digit ? "Sorry, that isn't an option." : "Sorry, I didn't catch that.")]);
    }

    case 'screen':
      // Played to the owner before the caller is connected: an unanswered forward must not reach the owner's own voicemail.
      return turn([{ gather: { action: url('screen-result'), numDigits: 1, timeout: 8, say: `Call for ${ctx.businessName}. Press 1 to accept.` } }, { hangup: true }]);

    case 'screen-result':
      if (event.digits?.startsWith('1')) {
        next.answered = true;
        return turn([]);
      }
      return turn([{ hangup: true }]);

    case 'dial-result':
      if (event.dialStatus === 'completed' || next.answered) {
        next.answered = true;
        next.phase = 'done';
        return turn([{ hangup: true }]);
      }
      return voicemail(`Sorry we missed you. Please leave a message after the tone and we'll call you back.`);

    case 'recorded': {
      next.phase = 'done';
      const first = !next.voicemailRecorded;
      next.voicemailRecorded = true;
      const effects: Effect[] = first ? [{ type: 'store-voicemail', recordingSid: event.recordingSid, recordingUrl: event.recordingUrl, durationSec: event.durationSec }] : [];
      return turn([{ say: 'Thanks, we got your message. Goodbye.' }, { hangup: true }], effects);
    }
  }
}

export type CallOutcome = 'answered' | 'voicemail' | 'missed' | 'abandoned';

/** How the call ended, for the call log. */
export function callOutcome(state: CallState, callStatus: string): CallOutcome {
  if (state.answered) return 'answered';
  if (state.voicemailRecorded) return 'voicemail';
  if (state.dialed || ['no-answer', 'busy', 'failed', 'canceled'].includes(callStatus) || state.phase === 'closed') return 'missed';
  return 'abandoned';
}

/** TwiML for a number no tenant owns. */
export const notInServiceTwiml = () => renderTwiml([{ say: 'The number you have called is not in service.' }, { hangup: true }]);

/**
 * When Temporal is down or slow the caller still hears something useful: the tenant's forwarding
 * number when known, else an apology and a voicemail that is kept.
 */
export function fallbackTwiml(ctx: Pick<CallContext, 'businessName' | 'forwardingNumber' | 'status'> | null, caller: string, recordingAction: string): string {
  if (ctx?.status === 'suspended') return renderTwiml([{ say: `Thanks for calling ${ctx.businessName}. This line is paused right now. Please try again later.` }, { hangup: true }]);
  if (ctx?.forwardingNumber) return renderTwiml([{ dial: { callerId: caller, timeout: 25, number: { to: ctx.forwardingNumber } } }]);
  return renderTwiml([
    { say: `Sorry, we can't take your call right now. Please leave a message after the tone and we'll call you back.` },
    { record: { action: recordingAction, maxLength: 120 } },
  ]);
}
