// Plain words for the business's home page. Pure, so they are unit-tested.
import type { Dashboard, SetupStep } from '../api/types.ts';
import { trialHeadline, type Tone } from './billing-format.ts';
import { statusLabel, tierLabel } from './format.ts';

export const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "3 answered · 2 missed (1 left a voicemail)", or what an empty day means. */
export function callsLine(calls: Dashboard['calls']): string {
  if (calls.total === 0) return 'No calls yet today.';
  const voicemail = calls.voicemail > 0 ? ` (${calls.voicemail} left a voicemail)` : '';
  return `${calls.answered} answered · ${calls.missed} missed${voicemail}`;
}

/** "Wednesday, December 2" on the business's clock. */
export function todayHeading(date: string): string {
  // The date is the business's own; noon UTC of it names the same day in every zone near it.
  const noon = Date.parse(`${date}T12:00:00Z`);
  if (Number.isNaN(noon)) return date;
  return new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(noon);
}

/** The plan tile: where the business stands with ServicePro, in one line and a tone. */
export function accountLine(account: Dashboard['account']): { headline: string; detail: string; tone: Tone } {
  const plan = `${tierLabel(account.tier)} plan`;
  if (!account.billed) return { headline: plan, detail: 'Never billed: this business runs the platform.', tone: 'neutral' };
  switch (account.status) {
    case 'trialing':
      return {
        headline: account.trialDaysLeft === null ? 'Free trial' : trialHeadline(account.trialDaysLeft),
        detail: account.hasPaymentMethod ? `${plan} · card on file` : `${plan} · add a card to keep your line`,
        tone: account.hasPaymentMethod || (account.trialDaysLeft ?? 99) > 3 ? 'info' : 'warning',
      };
    case 'active':
      return { headline: 'All paid up', detail: plan, tone: 'good' };
    case 'past_due':
      return { headline: 'Payment failed', detail: 'Update your card to keep your line running.', tone: 'warning' };
    case 'suspended':
      return { headline: 'Account paused', detail: 'Add a card to turn your line back on.', tone: 'danger' };
    default:
      return { headline: statusLabel(account.status), detail: plan, tone: 'neutral' };
  }
}

/** Each setup step as the owner reads it: what to do, and what it looks like done. */
export const SETUP_STEP_WORDS: Record<SetupStep, { todo: string; done: string; why: string }> = {
  number: { todo: 'Get your business number', done: 'Business number ready', why: 'The number customers call and text. The platform owner assigns it.' },
  forwarding: { todo: 'Choose where calls ring', done: 'Calls ring your phone', why: 'Your mobile or office phone, for callers who want a person.' },
  greeting: { todo: 'Write your greeting', done: 'Greeting written', why: 'The first thing callers hear.' },
  card: { todo: 'Add a card', done: 'Card on file', why: 'Keeps your line running after the free trial.' },
};
