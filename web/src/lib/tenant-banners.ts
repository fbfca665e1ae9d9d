// What the banner across every page of a business says about its account: closed, paused, a failed
// payment, a trial about to end. Pure, so the words are unit-tested.
import { TRIAL_ENDING_SOON_DAYS } from '../../../domain/trial-days.ts';
import type { TenantSummary } from '../api/types.ts';
import type { Tone } from './billing-format.ts';
import { formatDate } from './format.ts';

export type AccountBannerKind = 'closed' | 'suspended' | 'past_due' | 'trial_ending' | 'setup';

export interface AccountBannerMessage {
  kind: AccountBannerKind;
  tone: Tone;
  title: string;
  detail: string;
  /** Where to act, in order; the first is the main one. */
  links: { label: string; section: 'billing' | 'exports' }[];
  /** About billing: the billing page says it itself, so its banner is left out there. */
  billing: boolean;
}

type BannerFacts = Pick<TenantSummary, 'status' | 'closedAt' | 'billed' | 'trialDaysLeft' | 'hasPaymentMethod'>;

/** The account's banner, or null when all is well. */
export function accountBanner(tenant: BannerFacts): AccountBannerMessage | null {
  switch (tenant.status) {
    case 'closed':
      return {
        kind: 'closed',
        tone: 'neutral',
        title: tenant.closedAt ? `This business was closed on ${formatDate(tenant.closedAt)}.` : 'This business is closed.',
        detail: 'Everything is read-only now: you can still look through your calls, voicemail and texts, and export all your data.',
        links: [{ label: 'Export your data', section: 'exports' }],
        billing: false,
      };
    case 'suspended':
      return {
        kind: 'suspended',
        tone: 'danger',
        title: 'Your account is paused.',
        detail: 'Texts and automations are stopped and callers hear a paused message. Your number and data are kept.',
        links: [
          { label: 'Add a card to resume', section: 'billing' },
          { label: 'Export your data', section: 'exports' },
        ],
        billing: true,
      };
    case 'past_due':
      return {
        kind: 'past_due',
        tone: 'warning',
        title: 'Your last payment failed.',
        detail: 'Update your card to keep your phone line running.',
        links: [{ label: 'Update your card', section: 'billing' }],
        billing: true,
      };
    case 'trialing': {
      const days = tenant.trialDaysLeft;
      if (!tenant.billed || tenant.hasPaymentMethod || days === null || days > TRIAL_ENDING_SOON_DAYS) return null;
      return {
        kind: 'trial_ending',
        tone: 'info',
        title: days <= 0 ? 'Your free trial ends today.' : `Your free trial ends in ${days} ${days === 1 ? 'day' : 'days'}.`,
        detail: 'Add a card to keep your phone line and texts running. You are not charged until the trial ends.',
        links: [{ label: 'Add a card', section: 'billing' }],
        billing: true,
      };
    }
    // Not provisioned yet: the setup wizard is where the owner goes on (no billing, no line to pause).
    case 'onboarding':
      return { kind: 'setup', tone: 'info', title: 'Your business is not set up yet.', detail: 'Finish the setup steps to get your business number, website and 14-day free trial.', links: [], billing: false };
    case 'failed':
      return { kind: 'setup', tone: 'warning', title: 'Setting up your business did not finish.', detail: 'Nothing was charged and no number was kept. Open the setup, check what it says, and finish again.', links: [], billing: false };
    case 'expired':
      return { kind: 'setup', tone: 'neutral', title: 'This setup expired.', detail: 'It was not finished within 7 days, so nothing was kept for it. Ask support to set it up again.', links: [], billing: false };
    default:
      return null;
  }
}
