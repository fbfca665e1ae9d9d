import { ApplicationFailure } from '@temporalio/common';
import type twilio from 'twilio';
import { lintCampaign, type Campaign, type RegistrationStep } from '../../domain/carrier-registration/index.ts';
import { isPermanentRejection } from '../../domain/provider-errors.ts';
import type { ActivityDeps } from '../deps.ts';
import { twilioError } from '../twilio-errors.ts';
import { outcome, refusalsFrom, twilioNameOf, type RegistrationRecords, type StepOutcome } from './records.ts';

// Steps 2–4: the brand (The Campaign Registry), the business's Messaging Service, the campaign.
// Brand and campaign submissions cost a fee each time, resubmissions included: Twilio takes no
// idempotency key, so before creating either, the step looks for the one an earlier attempt may
// have created (its answer lost to a crash or a timeout) and adopts it instead of paying twice.

const FEE = { submissions: { increment: 1 } } as const;

/** The campaign as Twilio's SDK takes it: the stored campaign and its brand. */
const campaignParams = (campaign: Campaign) => ({ ...campaign, ageGated: false, directLending: false, subscriberOptIn: true });

export function brandAndCampaignSteps(deps: ActivityDeps, client: twilio.Twilio, records: RegistrationRecords) {
  const messaging = client.messaging.v1;

  /** A 4xx Twilio will answer again however often we ask: the owner must fix something first. */
  async function refusedByTwilio(tenantId: string, step: RegistrationStep, error: unknown): Promise<StepOutcome> {
    const failure = twilioError(error);
    if (!isPermanentRejection(failure.status)) throw error;
    deps.logger.warn({ tenantId, step, code: failure.code, status: failure.status }, 'Twilio refused a carrier registration step');
    return outcome(await records.refuse(tenantId, step, [{ step, code: failure.code ?? null, description: failure.message }]), 'refused');
  }

  return {
    async registerBrand({ tenantId }: { tenantId: string }): Promise<StepOutcome> {
      const row = await records.row(tenantId);
      if (row.brandSid) return outcome(row, 'done');
      const earlier = (await messaging.brandRegistrations.list({ limit: 1000 })).find((b) => b.customerProfileBundleSid === row.customerProfileSid);
      try {
        // Twilio's own Mock flag outside production: a brand that is reviewed but never billed or sent to TCR.
        const brand = earlier ?? (await messaging.brandRegistrations.create({ customerProfileBundleSid: row.customerProfileSid!, a2PProfileBundleSid: row.trustProductSid!, mock: deps.config.NODE_ENV !== 'production' }));
        return outcome(await records.update(tenantId, { brandSid: brand.sid, state: 'brand_review', failedStep: null, ...FEE }), 'done');
      } catch (error) {
        return refusedByTwilio(tenantId, 'brand', error);
      }
    },

    async checkBrand({ tenantId }: { tenantId: string }): Promise<StepOutcome> {
      const row = await records.row(tenantId);
      const brand = await messaging.brandRegistrations(row.brandSid!).fetch();
      if (brand.status === 'APPROVED') return outcome(row, 'done');
      if (brand.status === 'FAILED' || brand.status === 'SUSPENDED') return outcome(await records.refuse(tenantId, 'brand', refusalsFrom('brand', brand.errors, brand.failureReason)), 'refused');
      return outcome(await records.checked(tenantId, 'brand_review'), 'waiting');
    },

    /** The business's own Messaging Service; its number keeps its own webhooks (our canonical SMS URL). */
    async createMessagingService({ tenantId }: { tenantId: string }): Promise<StepOutcome> {
      const row = await records.row(tenantId);
      if (row.messagingServiceSid) return outcome(row, 'done');
      const name = twilioNameOf(tenantId);
      const service =
        (await messaging.services.list({ limit: 1000 })).find((s) => s.friendlyName === name) ??
        (await messaging.services.create({ friendlyName: name, inboundRequestUrl: `${deps.config.PUBLIC_BASE_URL}/twilio/sms/incoming`, useInboundWebhookOnNumber: true }));
      return outcome(await records.update(tenantId, { messagingServiceSid: service.sid }), 'done');
    },

    async submitCampaign({ tenantId }: { tenantId: string }): Promise<StepOutcome> {
      const row = await records.row(tenantId);
      if (row.campaignSid) return outcome(row, 'done');
      const facts = await records.facts(tenantId);
      const campaign = row.campaign as unknown as Campaign;
      // The workflow lints before it gets here; this is the last guard before a fee.
      const problems = lintCampaign(campaign, facts);
      if (problems.length) throw ApplicationFailure.nonRetryable(`The campaign would be refused: ${problems.map((p) => p.message).join(' ')}`, 'CampaignLintFailed', problems);
      const service = messaging.services(row.messagingServiceSid!);
      try {
        const [earlier] = await service.usAppToPerson.list({ limit: 1 });
        const created = earlier ?? (await service.usAppToPerson.create({ brandRegistrationSid: row.brandSid!, ...campaignParams(campaign) }));
        return outcome(await records.update(tenantId, { campaignSid: created.sid, state: 'campaign_review', failedStep: null, ...FEE }), 'done');
      } catch (error) {
        return refusedByTwilio(tenantId, 'campaign', error);
      }
    },

    async checkCampaign({ tenantId }: { tenantId: string }): Promise<StepOutcome> {
      const row = await records.row(tenantId);
      const campaign = await messaging.services(row.messagingServiceSid!).usAppToPerson(row.campaignSid!).fetch();
      if (campaign.campaignStatus === 'VERIFIED') return outcome(row, 'done');
      if (campaign.campaignStatus === 'FAILED') return outcome(await records.refuse(tenantId, 'campaign', refusalsFrom('campaign', campaign.errors, 'The carriers refused the campaign.')), 'refused');
      return outcome(await records.checked(tenantId, 'campaign_review'), 'waiting');
    },

    /**
     * Sends a refused brand or campaign back for review, charged again. The row's submission count
     * is the key: a retry that finds it already past `seen` did the work; one that finds Twilio no
     * longer refusing it (its answer lost) only records it.
     */
    async resubmitToTwilio(tenantId: string, step: 'brand' | 'campaign', seen: number) {
      const row = await records.row(tenantId);
      if (row.submissions > seen) return;
      if (step === 'brand' && row.brandSid) {
        const brand = messaging.brandRegistrations(row.brandSid);
        if ((await brand.fetch()).status === 'FAILED') await brand.update();
        await records.update(tenantId, { state: 'brand_review', failedStep: null, errors: [], ...FEE });
      }
      if (step === 'campaign' && row.campaignSid) {
        const context = messaging.services(row.messagingServiceSid!).usAppToPerson(row.campaignSid);
        const campaign = row.campaign as unknown as Campaign;
        if ((await context.fetch()).campaignStatus === 'FAILED') await context.update(campaignParams(campaign));
        await records.update(tenantId, { state: 'campaign_review', failedStep: null, errors: [], ...FEE });
      }
    },
  };
}
