import { initialCallState, respond, type CallContext } from '../../../../domain/ivr.ts';

// What a caller will hear, from the IVR's own reducer (domain/ivr.ts, the code the voice webhooks
// run): the answer to the call, then the answer after "press 1". Nothing is called or stored.

export interface PreviewInput {
  businessName: string;
  greetingText: string;
  infoText: string;
  timeZone: string;
  ownerPhone: string | null;
  phoneNumber: string | null;
}

export interface PreviewTurn {
  /** What happened on the line ("The call is answered", "The caller presses 1"). */
  label: string;
  /** The sentences the caller hears, in order. */
  said: string[];
  twiml: string;
}

const PREVIEW_CALL = 'CA00000000000000000000000000preview';
const PREVIEW_CALLER = '+19185550199';

function context(input: PreviewInput): CallContext {
  return {
    tenantId: 'preview',
    businessName: input.businessName,
    // The menu plan: on Starter, calls skip the menu and ring the owner's mobile.
    tier: 'pro',
    status: 'trialing',
    ivrMode: 'ivr',
    tenantNumber: input.phoneNumber ?? '+15005550006',
    forwardingNumber: input.ownerPhone,
    sipUri: null,
    timeZone: input.timeZone,
    businessHours: null,
    jokesEnabled: true,
    missedCallTextBack: true,
    ownerNotifyPhone: null,
    ownerNotifyEmail: null,
    texts: { greeting: input.greetingText.trim() || null, info: input.infoText.trim() || null, infoSms: null, afterHours: null, missedCall: null },
    appUrl: '',
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every <Say> of a TwiML answer, in order. Our own TwiML (domain/twiml.ts): a Say holds only text. */
export function spoken(twiml: string): string[] {
  return [...twiml.matchAll(/<Say\b[^>]*>([^<]*)<\/Say>/g)].map((match) => match[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!).trim()).filter(Boolean);
}

/** The call answered, then the caller pressing 1: what they hear each time. */
export function previewCall(input: PreviewInput, now = new Date()): PreviewTurn[] {
  const ctx = context(input);
  const answered = respond(ctx, initialCallState(), { kind: 'incoming' }, PREVIEW_CALL, PREVIEW_CALLER, now);
  const pressedOne = respond(ctx, answered.state, { kind: 'menu', digits: '1' }, PREVIEW_CALL, PREVIEW_CALLER, now);
  return [
    { label: 'The call is answered', said: spoken(answered.twiml), twiml: answered.twiml },
    { label: 'The caller presses 1', said: spoken(pressedOne.twiml), twiml: pressedOne.twiml },
  ];
}
