// Where a business stands with US carrier registration for texting (A2P 10DLC), as the
// carrier_registrations table keeps it and the registry and dashboard show it. Each step is
// Twilio's: the Trust Hub profile, the brand (BrandRegistrations), the campaign (UsAppToPerson),
// then the business number attached to its own Messaging Service.

export const REGISTRATION_STATES = [
  /** Never asked to register: texts go from the business's own number, as before registration existed (every tenant older than it, root included). */
  'not_started',
  /** Asked to register; nothing submitted yet. */
  'pending',
  /** The business profile is with Twilio's Trust Hub for review. */
  'profile_review',
  /** The brand is with The Campaign Registry. */
  'brand_review',
  /** The campaign is with the carriers' vetting (by hand: days to weeks). */
  'campaign_review',
  /** Something was refused or is missing: the owner fixes it and submits again. */
  'action_needed',
  /** Approved: the business number texts through its own registered Messaging Service. */
  'approved',
] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/** The steps that can be refused (and so fixed and submitted again). */
export const REGISTRATION_STEPS = ['profile', 'brand', 'campaign', 'website', 'number'] as const;
export type RegistrationStep = (typeof REGISTRATION_STEPS)[number];

/** The owner's words for each state: the registry's badge and the dashboard's heading. */
export const STATE_LABELS: Record<RegistrationState, string> = {
  not_started: 'Not registered',
  pending: 'Getting ready',
  profile_review: 'Business profile in review',
  brand_review: 'Brand in review',
  campaign_review: 'Campaign in review',
  action_needed: 'Action needed',
  approved: 'Approved',
};

/** Which number a business's texts to customers go out from. */
export type SmsSender = 'own' | 'platform';

/**
 * Until carriers approve a business, its texts go from the platform's registered number, so none
 * is blocked or dropped; approved, from its own number (through its Messaging Service). A business
 * that never asked keeps texting exactly as it did before registration existed.
 */
export function smsSenderFor(state: RegistrationState | null | undefined): SmsSender {
  return !state || state === 'not_started' || state === 'approved' ? 'own' : 'platform';
}

/** The platform's registered number: PLATFORM_SMS_NUMBER, or root's own when none is configured (offline, the sandbox). */
export const platformSmsNumber = (config: { PLATFORM_SMS_NUMBER?: string; ROOT_PHONE_NUMBER: string }) => config.PLATFORM_SMS_NUMBER ?? config.ROOT_PHONE_NUMBER;

/** States in which the workflow is waiting on Twilio (polling), not on the owner. */
export const isInReview = (state: RegistrationState) => state === 'profile_review' || state === 'brand_review' || state === 'campaign_review';
