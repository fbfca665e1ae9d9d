import { fillPackText, type IndustryPack } from '../industry-packs/index.ts';
import { HELP_KEYWORDS, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS } from '../sms-keywords.ts';
import type { RegistrationPages } from './pages.ts';

// The campaign (Twilio's UsAppToPerson) a business registers: what it texts, how people agree to
// it, and what they get back for START, STOP and HELP. Generated from the business's own data and
// its trade's pack, so it passes the lint (lint.ts) by construction; an owner may rewrite the words.

export interface Campaign {
  /** Twilio's use case; a service business sends reminders, replies and follow-ups: MIXED. */
  usAppToPersonUsecase: string;
  description: string;
  messageFlow: string;
  messageSamples: string[];
  hasEmbeddedLinks: boolean;
  hasEmbeddedPhone: boolean;
  optInMessage: string;
  optOutMessage: string;
  helpMessage: string;
  optInKeywords: string[];
  optOutKeywords: string[];
  helpKeywords: string[];
  privacyPolicyUrl: string;
  termsAndConditionsUrl: string;
}

/** What an owner may rewrite after a refusal; the flags follow from the samples, the links are ours. */
export type CampaignWording = Pick<Campaign, 'description' | 'messageFlow' | 'messageSamples' | 'optInMessage' | 'optOutMessage' | 'helpMessage'>;

export interface CampaignFacts {
  businessName: string;
  /** The business number, as people read it: "(918) 555-0100". */
  phoneLabel: string;
  pages: RegistrationPages;
  pack: IndustryPack;
}

const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/i;
// A North American or international number as people write it in a text: 10+ digits with separators.
const PHONE = /(?:\+?\d[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b/;

export const hasLink = (text: string) => LINK.test(text);
export const hasPhone = (text: string) => PHONE.test(text);

/** The flags Twilio asks for, read off the samples themselves so they always match. */
export function withSampleFlags<T extends Pick<Campaign, 'messageSamples'>>(campaign: T): T & Pick<Campaign, 'hasEmbeddedLinks' | 'hasEmbeddedPhone'> {
  return { ...campaign, hasEmbeddedLinks: campaign.messageSamples.some(hasLink), hasEmbeddedPhone: campaign.messageSamples.some(hasPhone) };
}

export function generateCampaign(facts: CampaignFacts): Campaign {
  const { businessName: business, phoneLabel: phone, pages, pack } = facts;
  const fill = (text: string) =>
    fillPackText(text, { business, customer: 'Jamie', service: pack.services[0]?.name ?? 'appointment', when: 'tomorrow at 9:00 AM', link: pages.home, phone });
  const trade = pack.name.toLowerCase();
  return withSampleFlags({
    usAppToPersonUsecase: 'MIXED',
    description:
      `${business} is a local ${trade} business. We text customers who booked with us or contacted us: ` +
      'appointment reminders and confirmations, answers to their questions, and a follow-up after the job. We do not send texts to people who did not ask.',
    messageFlow:
      `Customers opt in on our website's SMS sign-up page (${pages.optIn}), by ticking an unticked box that says they agree to texts from ${business} when they book, ` +
      `or by texting us first at ${phone}. Consent is not a condition of purchase. Message frequency varies; message and data rates may apply. ` +
      `Reply STOP to opt out and HELP for help. Privacy policy: ${pages.privacy}. Terms: ${pages.terms}.`,
    messageSamples: [`${fill(pack.sms.reminder)} Reply STOP to opt out.`, fill(pack.sms.missedCall), fill(pack.sms.followUp)],
    optInMessage: `${business}: you're signed up for texts about your appointments. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to opt out.`,
    optOutMessage: `${business}: you're unsubscribed and will get no more texts from us. Reply START to text with us again.`,
    helpMessage: `${business}: for help call or text us at ${phone} or visit ${pages.home}. Msg & data rates may apply. Reply STOP to opt out.`,
    optInKeywords: [...OPT_IN_KEYWORDS],
    optOutKeywords: [...OPT_OUT_KEYWORDS],
    helpKeywords: [...HELP_KEYWORDS],
    privacyPolicyUrl: pages.privacy,
    termsAndConditionsUrl: pages.terms,
  });
}

/** The stored campaign with the owner's rewrite applied (flags read again off the new samples). */
export function rewordCampaign(campaign: Campaign, wording: CampaignWording): Campaign {
  return withSampleFlags({ ...campaign, ...wording });
}
