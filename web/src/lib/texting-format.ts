import type { RegistrationState } from '../api/types.ts';

// The dashboard's words for carrier registration (A2P 10DLC): what each state means for the
// owner's texts, and the steps shown as a progress list.

export const REGISTRATION_STEPS = [
  { key: 'profile', label: 'Business profile' },
  { key: 'brand', label: 'Brand' },
  { key: 'campaign', label: 'Campaign' },
  { key: 'approved', label: 'Texting from your number' },
] as const;

const DONE_IN_STATE: Record<RegistrationState, number> = { not_started: 0, pending: 0, profile_review: 0, brand_review: 1, campaign_review: 2, action_needed: 0, approved: 4 };
/** A refused step: the steps before it are done (the website is checked as part of the campaign). */
const DONE_BEFORE_FAILED: Record<string, number> = { profile: 0, brand: 1, website: 2, campaign: 2, number: 3 };

/** How many steps are behind the business (the step in review is not done yet). */
export function stepsDone(state: RegistrationState, failedStep: string | null): number {
  return state === 'action_needed' ? (DONE_BEFORE_FAILED[failedStep ?? 'profile'] ?? 0) : DONE_IN_STATE[state];
}

/** One sentence on where the registration stands and where texts go from meanwhile. */
export function registrationSentence(state: RegistrationState, platformNumber: string): string {
  const meanwhile = `Until then your texts to customers go out from the ServicePro number ${platformNumber}, so none is lost.`;
  switch (state) {
    case 'not_started':
      return 'US carriers ask every business that texts its customers to register. Your texts go out from your own number today; registering keeps them from being blocked. Approval usually takes 1 to 7 business days.';
    case 'pending':
      return `We are preparing your registration. ${meanwhile}`;
    case 'profile_review':
    case 'brand_review':
      return `Twilio and the carriers are checking your business. This usually takes a few days. ${meanwhile}`;
    case 'campaign_review':
      return `Carriers review every campaign by hand: usually 1 to 7 business days, sometimes a few weeks. ${meanwhile}`;
    case 'action_needed':
      return `Carriers need a change before they approve you. ${meanwhile}`;
    case 'approved':
      return 'Approved: your texts to customers now go out from your own business number.';
  }
}
