import { fixFor, registrationActionMail, registrationApprovedMail, type Refusal } from '../../domain/carrier-registration/index.ts';
import type twilio from 'twilio';
import type { ActivityDeps } from '../deps.ts';
import { createMailActivities } from '../mail.ts';
import { twilioError } from '../twilio-errors.ts';
import { outcome, type RegistrationRecords, type StepOutcome } from './records.ts';

// Step 5 and the end: the business number joins its Messaging Service (from then on its texts go
// through it), and the owner is told — approved, or what to fix.

/** Twilio's "Phone Number is already in the Messaging Service": a retried attach that already worked. */
const ALREADY_IN_SERVICE = 21710;

export function finishingSteps(deps: ActivityDeps, client: twilio.Twilio, records: RegistrationRecords) {
  const mail = createMailActivities(deps);

  return {
    async attachBusinessNumber({ tenantId }: { tenantId: string }): Promise<StepOutcome> {
      const row = await records.row(tenantId);
      const { phoneNumber } = await records.facts(tenantId);
      const refuse = (description: string) => records.refuse(tenantId, 'number', [{ step: 'number', code: null, description }]);
      if (!phoneNumber) return outcome(await refuse('Your business has no phone number yet. Choose one in Phone settings, then submit again.'), 'refused');
      let pnSid = row.phoneNumberSid;
      if (!pnSid) {
        const [number] = await client.incomingPhoneNumbers.list({ phoneNumber, limit: 1 });
        if (!number) return outcome(await refuse(`Your number ${phoneNumber} is not one ServicePro manages at Twilio. Contact ServicePro support.`), 'refused');
        pnSid = number.sid;
        await records.update(tenantId, { phoneNumberSid: pnSid });
      }
      try {
        await client.messaging.v1.services(row.messagingServiceSid!).phoneNumbers.create({ phoneNumberSid: pnSid });
      } catch (error) {
        if (twilioError(error).code !== ALREADY_IN_SERVICE) throw error;
      }
      // Approved: from now on sendSms sends this business's texts through its own Messaging Service.
      const [approved] = await deps.db.$transaction([
        deps.db.carrierRegistration.update({ where: { tenantId }, data: { state: 'approved', failedStep: null, errors: [], approvedAt: row.approvedAt ?? new Date() } }),
        deps.db.tenantPhoneConfig.update({ where: { tenantId }, data: { messagingServiceSid: row.messagingServiceSid } }),
      ]);
      return outcome(approved, 'done');
    },

    /** Emails the owners (once per `round`): approved, or the fixes the refusal asks for. */
    async tellOwnerAboutRegistration({ tenantId, about, round }: { tenantId: string; about: 'approved' | 'action_needed'; round: number }): Promise<{ emailed: number }> {
      const row = await records.row(tenantId);
      const { businessName } = await records.facts(tenantId);
      const [owners, phone] = await Promise.all([
        deps.db.membership.findMany({ where: { tenantId, role: 'owner' }, select: { user: { select: { email: true } } } }),
        deps.db.tenantPhoneConfig.findUnique({ where: { tenantId }, select: { ownerNotifyEmail: true } }),
      ]);
      const link = `${deps.config.PUBLIC_BASE_URL}/t/${encodeURIComponent(tenantId)}`;
      const message = about === 'approved' ? registrationApprovedMail({ businessName, link }) : registrationActionMail({ businessName, link, fixes: (row.errors as unknown as Refusal[]).map(fixFor) });
      const addresses = [...new Set([phone?.ownerNotifyEmail, ...owners.map((m) => m.user.email)].filter((a): a is string => !!a).map((a) => a.trim().toLowerCase()))];
      for (const to of addresses) {
        await mail.sendEmail({ tenantId, to, subject: message.subject, text: message.text, idempotencyKey: `carrier-registration:${about}:${round}:${to}` });
      }
      return { emailed: addresses.length };
    },
  };
}
