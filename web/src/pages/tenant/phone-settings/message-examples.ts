// The example text under each message box, in the words of the business's own trade (its industry
// pack), with its name and number filled in: what a new owner can copy, or leave blank. Importing
// the packs here keeps their data in the phone settings page's chunk, out of the app's first bundle.
import { fillPackText, industryPack } from '../../../../../domain/industry-packs/index.ts';
import type { TenantSummary } from '../../../api/types.ts';
import { formatPhone } from '../../../lib/format.ts';
import type { TextField } from './form-values.ts';

/** What the owner must add by hand: said in words, so the example never shows a placeholder. */
const BOOKING_LINK = 'your booking link';

export function messageExamples(tenant: Pick<TenantSummary, 'businessName' | 'industry' | 'phoneNumber'>): Record<TextField, string> {
  const pack = industryPack(tenant.industry);
  const fill = (text: string) =>
    fillPackText(text, { business: tenant.businessName, link: BOOKING_LINK, phone: tenant.phoneNumber ? formatPhone(tenant.phoneNumber) : undefined });
  return {
    greetingText: fill(pack.ivr.greeting),
    infoText: fill(pack.ivr.info),
    afterHoursText: "We're closed right now. Leave a message and we'll call you back first thing.",
    infoSmsText: fill(pack.sms.info),
    missedCallText: fill(pack.sms.missedCall),
    autoReplyText: "Thanks for your text! We'll reply shortly.",
  };
}
