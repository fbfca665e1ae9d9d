// Plain words for the billing and export pages: what a status means for the owner's business,
// prices, plan moves and file sizes. Pure functions, unit-tested.
import { TIERS, type Billing, type DataExport, type Tier, type UsagePrices } from '../api/types.ts';
import { formatDate } from './format.ts';

export type Tone = 'info' | 'good' | 'warning' | 'danger' | 'neutral';

export interface StatusMessage {
  headline: string;
  detail: string;
  tone: Tone;
}

/** "12 days left in your free trial"; the last day says so. */
export function trialHeadline(daysLeft: number): string {
  if (daysLeft <= 0) return 'Your free trial ends today';
  return `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left in your free trial`;
}

const on = (iso: string | null) => (iso ? formatDate(iso) : null);

/** What the account's status means, in the words of the business owner's day. */
export function billingStatusMessage(billing: Billing): StatusMessage {
  if (!billing.billed) {
    return { headline: 'Not billed', detail: 'This is the flagship business that runs the platform: it keeps its plan and is never charged.', tone: 'neutral' };
  }
  switch (billing.status) {
    case 'trialing': {
      const ends = on(billing.trialEndsAt);
      const headline = billing.trialDaysLeft === null ? "You're on a free trial" : trialHeadline(billing.trialDaysLeft);
      const detail = billing.hasPaymentMethod
        ? `Your card is on file. Your first payment is taken when the trial ends${ends ? ` on ${ends}` : ''}.`
        : `Add a card before the trial ends${ends ? ` on ${ends}` : ''} to keep your phone line and texts running. You won't be charged until then.`;
      return { headline, detail, tone: 'info' };
    }
    case 'active': {
      const next = on(billing.currentPeriodEnd);
      return { headline: 'Your plan is active', detail: next ? `Your next payment is on ${next}.` : 'Everything is paid and running.', tone: 'good' };
    }
    case 'past_due': {
      const grace = on(billing.graceEndsAt);
      return {
        headline: 'Your last payment failed — update your card to keep your phone line running',
        detail: `We'll try the card again automatically.${grace ? ` If it still can't be paid by ${grace}, your account will be paused.` : ''} Your phone line and texts keep working until then.`,
        tone: 'warning',
      };
    }
    case 'suspended': {
      const kept = on(billing.retentionEndsAt);
      return {
        headline: 'Your account is paused',
        detail: `Your account is paused: texts and automations are stopped, callers hear a paused message. Your number and all your data are kept. Add a card to resume — you can still export everything.${kept ? ` If the account stays paused, your data is kept until ${kept}.` : ''}`,
        tone: 'danger',
      };
    }
    case 'closed':
      return { headline: 'This business is closed', detail: 'Nothing is charged any more. You can still export all of its data.', tone: 'neutral' };
    // Not provisioned: no subscription exists (or it was cancelled when setup was rolled back).
    case 'onboarding':
    case 'failed':
    case 'expired':
      return { headline: 'No plan yet', detail: 'Your 14-day free trial starts when you finish setting up your business. No card needed.', tone: 'neutral' };
  }
}

/** Where a plan sits against the current one: the button the owner sees on its card. */
export function planMove(current: Tier, target: Tier): 'current' | 'upgrade' | 'downgrade' {
  const diff = TIERS.indexOf(target) - TIERS.indexOf(current); // cheapest first
  return diff === 0 ? 'current' : diff > 0 ? 'upgrade' : 'downgrade';
}

/** Features a downgrade takes away: the ones the current plan has and the target lacks. */
export function featuresLost(currentFeatures: string[], targetFeatures: string[]): string[] {
  const kept = new Set(targetFeatures);
  return currentFeatures.filter((feature) => !kept.has(feature));
}

/** The usage prices a plan card shows under its monthly price: ["$0.02 per text segment", "$0.03 per call minute"]. */
export function usagePriceLines(prices: UsagePrices): string[] {
  return [
    prices.smsSegmentCents > 0 ? `${formatMoney(prices.smsSegmentCents)} per text segment` : 'Texts included',
    prices.callMinuteCents > 0 ? `${formatMoney(prices.callMinuteCents)} per call minute` : 'Call minutes included',
  ];
}

/** 4900, 'usd' → "$49"; 4950 → "$49.50". */
export function formatMoney(cents: number, currency = 'usd'): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(cents / 100);
}

export const INVOICE_STATUS_LABELS: Record<string, { label: string; tone: Tone }> = {
  paid: { label: 'Paid', tone: 'good' },
  open: { label: 'Due', tone: 'warning' },
  draft: { label: 'Being prepared', tone: 'neutral' },
  void: { label: 'Cancelled', tone: 'neutral' },
  uncollectible: { label: 'Not paid', tone: 'danger' },
};

export function invoiceStatus(status: string): { label: string; tone: Tone } {
  return INVOICE_STATUS_LABELS[status] ?? { label: status, tone: 'neutral' };
}

/** 1536 → "1.5 KB"; sizes people recognise from their file manager. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** "customers" → "Customers", "vehicles_assets" → "Vehicles assets". */
export function entityLabel(entity: string): string {
  const words = entity.replace(/[-_]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : entity;
}

/** The line under a running export's progress bar. */
export function progressLine(item: Pick<DataExport, 'progress'>): string {
  const progress = item.progress;
  if (!progress || progress.status === 'counting' || !progress.rowsTotal) return 'Counting your records…';
  if (progress.status === 'announcing') return 'Almost done — preparing your download…';
  const rows = `${progress.rowsDone.toLocaleString('en-US')} of ${progress.rowsTotal.toLocaleString('en-US')} rows`;
  return progress.entity ? `Writing ${entityLabel(progress.entity).toLowerCase()}… ${rows}` : `${rows} written`;
}

/** The progress bar's value, 0–100, whatever the API sends. */
export function progressPercent(item: Pick<DataExport, 'progress' | 'status'>): number {
  if (item.status === 'ready') return 100;
  const percent = item.progress?.percent ?? 0;
  return Math.max(0, Math.min(100, Math.round(percent)));
}
