import { fixFor, registrationPages, smsSenderFor, STATE_LABELS, type Campaign, type Refusal, type RegistrationState } from '../../domain/carrier-registration/index.ts';
import type { CarrierRegistrationModel } from '../../prisma/client.ts';

// A business's carrier registration as the dashboard shows it: where it stands, what to fix, which
// number its texts go from meanwhile, and the campaign's words for the fix form.

type Row = Pick<CarrierRegistrationModel, 'state' | 'failedStep' | 'errors' | 'submissions' | 'campaign' | 'approvedAt' | 'updatedAt'>;

/** The short form the dashboard's home and the registry carry. */
export function registrationSummary(row: Pick<Row, 'state' | 'errors'> | null) {
  const state: RegistrationState = row?.state ?? 'not_started';
  const fixes = state === 'action_needed' ? ((row?.errors ?? []) as unknown as Refusal[]).map(fixFor) : [];
  return { state, label: STATE_LABELS[state], sendsFrom: smsSenderFor(state), fixes };
}

export function registrationView(row: Row | null, facts: { publicBaseUrl: string; slug: string; platformNumber: string }) {
  const summary = registrationSummary(row);
  const campaign = (row?.campaign ?? null) as unknown as Campaign | null;
  return {
    ...summary,
    failedStep: row?.failedStep ?? null,
    submissions: row?.submissions ?? 0,
    /** Asked never: the owner may start it. */
    canStart: summary.state === 'not_started',
    canResubmit: summary.state === 'action_needed' && summary.fixes.every((fix) => fix.canResubmit),
    platformNumber: facts.platformNumber,
    pages: registrationPages(facts.publicBaseUrl, facts.slug),
    wording: campaign
      ? { description: campaign.description, messageFlow: campaign.messageFlow, messageSamples: campaign.messageSamples, optInMessage: campaign.optInMessage, optOutMessage: campaign.optOutMessage, helpMessage: campaign.helpMessage }
      : null,
    approvedAt: row?.approvedAt?.toISOString() ?? null,
    updatedAt: row?.updatedAt?.toISOString() ?? null,
  };
}
