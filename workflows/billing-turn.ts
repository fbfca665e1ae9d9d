import * as wf from '@temporalio/workflow';
import type { BillingActivities, ExportActivities, MailActivities, MessagingActivities, RetentionActivities } from '../activities/contracts.ts';
import { decideBilling, type BillingEffect, type BillingEvent } from '../domain/billing.ts';
import type { TenantStatus, TenantTier } from '../domain/tenancy.ts';
import { workflowIds } from '../domain/workflow-ids.ts';
import type { StripeBillingRun } from './billing-run.ts';
import { TenantIdKey } from './search-attributes.ts';
import { tenantPageUrl } from '../domain/app-links.ts';

// One turn of a tenant's billing loop (the run's state: billing-run.ts), and what it does to the
// world: Stripe, texts and emails to the owner, the final export and purge. Each step is written
// exactly as the recorded histories ran it — the same activities, in the same order, with the same
// awaits and patch ids.

export const stripe = wf.proxyActivities<BillingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', nonRetryableErrorTypes: ['StripeRejected', 'NoStripeCustomer'] },
});
const retention = wf.proxyActivities<RetentionActivities & Pick<ExportActivities, 'createExportRecord'>>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes', nonRetryableErrorTypes: ['PurgeRefused'] },
});
const mail = wf.proxyActivities<MailActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10 },
});
const messaging = wf.proxyActivities<MessagingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10, nonRetryableErrorTypes: ['TwilioRejected', 'NoSenderNumber'] },
});

/** A final export that failed is tried again this much later; nothing is purged meanwhile. */
const FINAL_EXPORT_RETRY_MS = 86_400_000;

const PAYMENT_FAILED = {
  subject: 'Your ServicePro payment did not go through',
  text: 'Your last payment did not go through. Campaigns are paused until it is paid. Please update your card to keep your phone line and automations running.',
  action: 'Update your card',
};
const TRIAL_ENDING = { subject: 'Your ServicePro trial ends in 3 days', text: 'Your free trial ends in 3 days. Add a card to keep your phone line and texts running.', action: 'Add a card' };

/** Notices sent after this patch end with the full address of the billing page ("Update your card: https://…"). */
const OWNER_ALERT_LINKS = 'owner-alert-links';

export async function applyTier(run: StripeBillingRun, tier: TenantTier) {
  run.state.tier = tier;
  run.publish();
  await stripe.setTenantTier({ tenantId: run.state.tenantId, tier });
}

/** A text (and, once patched in, an email) to the owner; one that cannot be sent is logged, not retried for ever. */
async function notifyOwner(run: StripeBillingRun, notice: { text: string; subject: string; action: string }, step: string) {
  const { tenantId } = run.state;
  const owner = await stripe.loadBillingOwner({ tenantId });
  const link = owner.appUrl && wf.patched(OWNER_ALERT_LINKS) ? ` ${notice.action}: ${tenantPageUrl(owner.appUrl, tenantId, 'billing')}` : '';
  const message = { subject: notice.subject, text: `${notice.text}${link}` };
  if (owner.phone) {
    try {
      await messaging.sendSms({ tenantId, to: owner.phone, body: `ServicePro: ${message.text}`, idempotencyKey: run.key(step), kind: 'owner-alert', customerId: null });
    } catch (error) {
      wf.log.warn('owner not texted', { step, error: String(error) });
    }
  }
  if (owner.email && wf.patched('owner-billing-email')) {
    try {
      await mail.sendEmail({ tenantId, to: owner.email, subject: message.subject, text: message.text, idempotencyKey: run.key(`${step}:email`) });
    } catch (error) {
      wf.log.warn('owner not emailed', { step, error: String(error) });
    }
  }
}

/** Suspended or closed: the retention window starts (once); back to active: it is called off. */
function followStatus(run: StripeBillingRun, status: TenantStatus) {
  if ((status === 'suspended' || status === 'closed') && !run.life.isRoot) {
    if (run.retentionEndsAt === null && wf.patched('retention-window')) run.retentionEndsAt = Date.now() + run.retentionMs;
  } else {
    run.retentionEndsAt = null;
  }
}

async function perform(run: StripeBillingRun, effect: BillingEffect) {
  switch (effect.type) {
    case 'set-status':
      run.state.status = effect.status;
      run.publish();
      followStatus(run, effect.status);
      await stripe.setTenantStatus({ tenantId: run.state.tenantId, status: effect.status });
      break;
    case 'start-grace':
      run.graceEndsAt = Date.now() + run.durations.graceMs;
      break;
    case 'warn-owner-payment-failed':
      await notifyOwner(run, PAYMENT_FAILED, `warn-payment-failed:${effect.invoiceId}`);
      break;
    case 'remind-trial-ending':
      await notifyOwner(run, TRIAL_ENDING, 'remind-trial-ending');
      break;
    case 'attach-payment-method':
      try {
        await stripe.attachPaymentMethod({ tenantId: run.state.tenantId, checkoutSessionId: effect.checkoutSessionId, idempotencyKey: run.key(`attach-card:${effect.checkoutSessionId}`) });
      } catch (error) {
        wf.log.error('card from Checkout not attached', { checkoutSessionId: effect.checkoutSessionId, error: String(error) });
      }
      break;
  }
}

/** An event through the pure decision (domain/billing.ts), then its effects, one after another. */
async function apply(run: StripeBillingRun, event: BillingEvent) {
  const decided = decideBilling(run.life, event);
  run.life = decided.life;
  for (const effect of decided.effects) await perform(run, effect);
}

/** The end of the retention window: a final export, the owner told (by the export), billing stopped, then the purge. */
async function retire(run: StripeBillingRun): Promise<boolean> {
  const { tenantId } = run.state;
  const exportId = wf.uuid4(); // deterministic: a retried activity finds the same record
  try {
    await retention.createExportRecord({ tenantId, reason: 'final', exportId });
    await wf.executeChild('tenantExport', {
      workflowId: workflowIds.export(tenantId, exportId),
      args: [{ tenantId, exportId, reason: 'final' }],
      typedSearchAttributes: [{ key: TenantIdKey, value: tenantId }],
    });
  } catch (error) {
    wf.log.error('final export failed: nothing is purged, trying again later', { error: String(error) });
    run.retentionEndsAt = Date.now() + FINAL_EXPORT_RETRY_MS;
    return false;
  }
  if (run.setupDone) await stripe.cancelSubscription({ tenantId, idempotencyKey: run.key('cancel-subscription') });
  const purged = await retention.purgeTenantData({ tenantId, finalExportId: exportId });
  run.state.purgedAt = purged.purgedAt;
  run.retentionEndsAt = null;
  return true;
}

/** One turn of the loop: what is due and what arrived; true once the tenant's life has ended. */
export async function takeTurn(run: StripeBillingRun): Promise<boolean> {
  const now = Date.now();
  if (run.reminderAt !== null && now >= run.reminderAt) {
    run.reminderAt = null;
    await apply(run, { kind: 'trial_will_end', eventId: 'timer:trial-reminder' });
  }
  if (run.trialEndsAt !== null && now >= run.trialEndsAt) {
    run.trialEndsAt = null;
    await apply(run, { kind: 'trial.ended' });
  }
  if (run.graceEndsAt !== null && now >= run.graceEndsAt) {
    run.graceEndsAt = null;
    await apply(run, { kind: 'grace.ended' });
  }
  if (run.scheduledTier !== null && now >= run.scheduledTier.at) {
    const { tier } = run.scheduledTier;
    run.scheduledTier = null;
    if (run.state.status !== 'closed') await applyTier(run, tier);
  }
  while (run.events.length > 0) {
    await apply(run, run.events.shift()!);
    run.state.stripeEventsProcessed = (run.state.stripeEventsProcessed ?? 0) + 1;
  }
  while (run.planChanges.length > 0) {
    const change = run.planChanges[0]!;
    try {
      if (run.state.status !== 'closed' && run.setupDone) await stripe.changePlan({ tenantId: run.state.tenantId, from: change.from, to: change.to, idempotencyKey: run.key(`change-plan:${change.n}`) });
    } catch (error) {
      // Stripe refused (a 4xx): the tier in ServicePro has changed; billing needs a person now.
      wf.log.error('plan change not applied in Stripe', { n: change.n, error: String(error) });
    }
    run.planChanges.shift();
  }
  if (run.closing) {
    // Closed through the registry: billing stops at once, the data is kept for the retention window.
    run.closing = false;
    followStatus(run, 'closed');
    if (run.setupDone && !run.life.isRoot && wf.patched('cancel-on-close')) await stripe.cancelSubscription({ tenantId: run.state.tenantId, idempotencyKey: run.key('cancel-subscription') });
  }
  return run.retentionEndsAt !== null && Date.now() >= run.retentionEndsAt && (run.state.status === 'suspended' || run.state.status === 'closed') && !run.life.isRoot && (await retire(run));
}
