import type twilio from 'twilio';
import type { ActivityDeps } from '../deps.ts';
import { outcome, refusalsFrom, twilioNameOf, type RegistrationRecords, type StepOutcome } from './records.ts';

// Step 1: the business's Trust Hub profile. As an ISV, ServicePro registers each business under a
// secondary Customer Profile (its details as an End User, assigned and evaluated against Twilio's
// policy) and an A2P Trust Product, both submitted for review. Free of charge; reviewed by Twilio.

/** Twilio's published policies: the Secondary Customer Profile, and the A2P Messaging Profile trust product. */
export const TRUST_HUB_POLICIES = { customerProfile: 'RNdfbf3fae0e1107f8aded0e7cead80bf5', a2pTrustProduct: 'RNb0d4771c2c98518d916a3d4cd70a8f8b' } as const;

type BundleKind = 'customerProfiles' | 'trustProducts';
const REVIEWING = ['pending-review', 'in-review'];

export function trustHubSteps(deps: ActivityDeps, client: twilio.Twilio, records: RegistrationRecords) {
  const trusthub = client.trusthub.v1;
  // The two kinds of bundle have the same API under different names.
  const api = {
    customerProfiles: {
      list: (friendlyName: string) => trusthub.customerProfiles.list({ friendlyName, limit: 1 }),
      fetch: (sid: string) => trusthub.customerProfiles(sid).fetch(),
      submit: (sid: string) => trusthub.customerProfiles(sid).update({ status: 'pending-review' }),
      assign: (sid: string, objectSid: string) => trusthub.customerProfiles(sid).customerProfilesEntityAssignments.create({ objectSid }),
      evaluate: (sid: string, policySid: string) => trusthub.customerProfiles(sid).customerProfilesEvaluations.create({ policySid }),
    },
    trustProducts: {
      list: (friendlyName: string) => trusthub.trustProducts.list({ friendlyName, limit: 1 }),
      fetch: (sid: string) => trusthub.trustProducts(sid).fetch(),
      submit: (sid: string) => trusthub.trustProducts(sid).update({ status: 'pending-review' }),
      assign: (sid: string, objectSid: string) => trusthub.trustProducts(sid).trustProductsEntityAssignments.create({ objectSid }),
      evaluate: (sid: string, policySid: string) => trusthub.trustProducts(sid).trustProductsEvaluations.create({ policySid }),
    },
  };

  async function ownerEmail(tenantId: string) {
    const owner = await deps.db.membership.findFirst({ where: { tenantId, role: 'owner' }, orderBy: { createdAt: 'asc' }, select: { user: { select: { email: true } } } });
    const phone = await deps.db.tenantPhoneConfig.findUnique({ where: { tenantId }, select: { ownerNotifyEmail: true } });
    return owner?.user.email ?? phone?.ownerNotifyEmail ?? deps.config.SERVICEPRO_ADMIN_EMAIL;
  }

  /** The bundle recorded for this business, or the one an earlier attempt created (found by name), or a new one. */
  async function bundle(tenantId: string, kind: BundleKind, recorded: string | null, create: () => Promise<{ sid: string }>) {
    if (recorded) return recorded;
    const name = twilioNameOf(tenantId);
    const [earlier] = await api[kind].list(name);
    const sid = earlier?.sid ?? (await create()).sid;
    await records.update(tenantId, kind === 'customerProfiles' ? { customerProfileSid: sid } : { trustProductSid: sid });
    return sid;
  }

  /** Fills a draft bundle (its details and assignments), evaluates it and submits it; one already submitted is left alone. */
  async function submitDraft(kind: BundleKind, sid: string, policySid: string, assign: () => Promise<string[]>) {
    if ((await api[kind].fetch(sid)).status !== 'draft') return;
    // A retry of a half-filled draft assigns again (an orphan End User costs nothing).
    for (const objectSid of await assign()) await api[kind].assign(sid, objectSid);
    await api[kind].evaluate(sid, policySid);
    await api[kind].submit(sid);
  }

  return {
    async submitTrustProfile({ tenantId }: { tenantId: string }): Promise<StepOutcome> {
      const row = await records.row(tenantId);
      const facts = await records.facts(tenantId);
      const email = await ownerEmail(tenantId);
      const statusCallback = `${deps.config.PUBLIC_BASE_URL}/twilio/carrier-registration/status`;
      const friendlyName = twilioNameOf(tenantId);
      const profileSid = await bundle(tenantId, 'customerProfiles', row.customerProfileSid, () =>
        trusthub.customerProfiles.create({ friendlyName, email, policySid: TRUST_HUB_POLICIES.customerProfile, statusCallback }),
      );
      await submitDraft('customerProfiles', profileSid, TRUST_HUB_POLICIES.customerProfile, async () => {
        const business = await trusthub.endUsers.create({
          friendlyName: `${friendlyName}:business`,
          type: 'customer_profile_business_information',
          attributes: { business_name: facts.businessName, website_url: facts.pages.home, business_regions_of_operation: 'USA_AND_CANADA', business_identity: 'direct_customer' },
        });
        const primary = deps.config.TWILIO_PRIMARY_CUSTOMER_PROFILE_SID;
        return primary ? [business.sid, primary] : [business.sid];
      });
      const productSid = await bundle(tenantId, 'trustProducts', row.trustProductSid, () =>
        trusthub.trustProducts.create({ friendlyName, email, policySid: TRUST_HUB_POLICIES.a2pTrustProduct, statusCallback }),
      );
      await submitDraft('trustProducts', productSid, TRUST_HUB_POLICIES.a2pTrustProduct, async () => {
        const profile = await trusthub.endUsers.create({ friendlyName: `${friendlyName}:a2p`, type: 'us_a2p_messaging_profile_information', attributes: { company_type: 'private' } });
        return [profile.sid, profileSid];
      });
      return outcome(await records.update(tenantId, { state: 'profile_review', failedStep: null }), 'done');
    },

    async checkTrustProfile({ tenantId }: { tenantId: string }): Promise<StepOutcome> {
      const row = await records.row(tenantId);
      const [profile, product] = await Promise.all([trusthub.customerProfiles(row.customerProfileSid!).fetch(), trusthub.trustProducts(row.trustProductSid!).fetch()]);
      const refused = [profile, product].filter((b) => b.status === 'twilio-rejected');
      if (refused.length) return outcome(await records.refuse(tenantId, 'profile', refused.flatMap((b) => refusalsFrom('profile', b.errors, 'Twilio refused the business profile.'))), 'refused');
      if ([profile, product].some((b) => REVIEWING.includes(b.status) || b.status === 'draft')) return outcome(await records.checked(tenantId, 'profile_review'), 'waiting');
      return outcome(row, 'done');
    },

    /** A refused profile goes back to review once the owner has fixed the business's details. */
    async resubmitTrustProfile(tenantId: string) {
      const row = await records.row(tenantId);
      for (const [kind, sid] of [['customerProfiles', row.customerProfileSid], ['trustProducts', row.trustProductSid]] as const) {
        if (sid && (await api[kind].fetch(sid)).status === 'twilio-rejected') await api[kind].submit(sid);
      }
    },
  };
}
