import { firstCharacters } from './sms-segments.ts';

// The words ServicePro texts on a tenant's behalf. Pure, so workflows render them.

/** At most `max` characters; counted in code points, so an emoji is never cut in half. */
const preview = (body: string, max = 120) => {
  const flat = body.replace(/\s+/g, ' ').trim();
  return firstCharacters(flat, max).cut ? `${firstCharacters(flat, max - 1).text}…` : flat;
};

/** The owner's way to the page: the full address of the texts page (domain/app-links.ts). */
const seeIt = (link: string | null) => (link ? ` See it: ${link}` : '');

export const smsReplies = {
  /** Sent once, before the opt-out is recorded: the last text this number gets from the tenant. */
  optOutConfirmation: (businessName: string) => `You're unsubscribed from ${businessName}. Reply START to resubscribe.`,
  optInConfirmation: (businessName: string) => `You're resubscribed to texts from ${businessName}. Reply STOP to unsubscribe, HELP for help.`,
  help: (businessName: string, businessNumber: string) =>
    `${businessName}: for help call or text ${businessNumber}. Msg & data rates may apply. Reply STOP to unsubscribe.`,
  defaultAutoReply: (businessName: string) =>
    `Thanks for texting ${businessName}! We got your message and will get back to you shortly. Reply STOP to opt out.`,

  ownerNewText: (who: string, body: string, link: string | null = null) => `New text from ${who}: "${preview(body)}"${seeIt(link)}`,
  ownerPoliteStop: (who: string, body: string, link: string | null = null) =>
    `${who} asked not to be texted: "${preview(body)}". They were not unsubscribed automatically; please review.${seeIt(link)}`,
};

/** The tenant's auto-reply template with `{business}` filled in, or the default. */
export function autoReplyText(template: string | null | undefined, businessName: string): string {
  const text = template?.trim();
  return text ? text.replaceAll('{business}', businessName) : smsReplies.defaultAutoReply(businessName);
}
