// What a new business still has to do before its phone line works for it, in the order to do it.

export const SETUP_STEPS = ['number', 'forwarding', 'greeting', 'card'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface SetupFacts {
  phoneNumber: string | null;
  /** Where "talk to a person" rings: a forwarding number, or a SIP app. */
  forwardingNumber: string | null;
  sipUsername: string | null;
  greetingText: string | null;
  /** False for root, which runs the platform and is never billed: it has no card to add. */
  billed: boolean;
  hasPaymentMethod: boolean;
}

/** Each step with whether it is done; the card step only for a business that is billed. */
export function setupSteps(facts: SetupFacts): { step: SetupStep; done: boolean }[] {
  const done: Record<SetupStep, boolean> = {
    number: Boolean(facts.phoneNumber),
    forwarding: Boolean(facts.forwardingNumber || facts.sipUsername),
    greeting: Boolean(facts.greetingText?.trim()),
    card: facts.hasPaymentMethod,
  };
  return SETUP_STEPS.filter((step) => step !== 'card' || facts.billed).map((step) => ({ step, done: done[step] }));
}
