import type { SiteModel } from './site-model.ts';

// The privacy policy, terms and SMS opt-in page of a business, written from its industry pack and
// its own details. Carriers read these before they approve the business's texting (A2P 10DLC):
// how people opt in, what is sent and how often, "Msg & data rates may apply", STOP and HELP, and
// that mobile numbers are never shared for marketing.

export interface LegalSection {
  heading: string;
  paragraphs: string[];
}

export interface LegalPage {
  title: string;
  description: string;
  intro: string;
  sections: LegalSection[];
}

export type LegalPageId = 'privacy' | 'terms' | 'smsOptIn';

const contactLine = (site: SiteModel) =>
  [site.phone ? `call or text ${site.phone.label}` : null, site.email ? `email ${site.email}` : null].filter(Boolean).join(' or ') || 'use the booking form on this website';

/** Said on every page that collects a number, and in the privacy policy. */
export const NO_SHARING =
  'We do not sell or share your mobile number or your consent to receive texts with third parties or affiliates for their marketing or promotional purposes.';

function privacy(site: SiteModel): LegalPage {
  const asset = site.pack.asset ? `, details about your ${site.pack.asset.singular}` : '';
  return {
    title: `Privacy policy — ${site.businessName}`,
    description: `How ${site.businessName} collects, uses and protects your name, number and messages.`,
    intro: `${site.businessName} (“we”) respects your privacy. This policy explains what we collect when you call, text, book or use this website, and what we do with it.`,
    sections: [
      { heading: 'What we collect', paragraphs: [`Your name, phone number and email address when you give them to us, the address where we do the work${asset}, the messages you send us, and records of your calls and voicemails with us.`] },
      { heading: 'How we use it', paragraphs: ['Only to answer you, schedule and do the work you ask for, bill you for it, and send the texts and emails about it that you agreed to receive.'] },
      { heading: 'Text messages', paragraphs: [NO_SHARING, 'You can stop texts at any time by replying STOP.'] },
      { heading: 'Who else sees it', paragraphs: ['Only the companies that run our phone, texting, payments and booking software, and only to provide those services to us. They may not use your information for anything else.'] },
      { heading: 'How long we keep it', paragraphs: ['While you are a customer, and afterwards only as long as the law requires for our records. Ask us and we will delete what we are not required to keep.'] },
      { heading: 'Your choices', paragraphs: [`To see, correct or delete what we hold about you, ${contactLine(site)}.`] },
    ],
  };
}

function terms(site: SiteModel): LegalPage {
  const policy = (title: string) => site.policies.find((p) => p.title === title)?.text ?? '';
  return {
    title: `Terms of service — ${site.businessName}`,
    description: `Booking, prices, cancellations and texting terms of ${site.businessName}.`,
    intro: `These terms apply when you book or receive a service from ${site.businessName}.`,
    sections: [
      { heading: 'Services and prices', paragraphs: ['Prices on this website are what the service usually costs. A price shown as “from” depends on size or condition; we confirm the final price with you before we start.'] },
      { heading: 'Cancellations', paragraphs: [policy('Cancellations')] },
      { heading: 'Deposits', paragraphs: [policy('Deposits')] },
      { heading: 'Weather', paragraphs: [policy('Weather')] },
      { heading: 'Text messages', paragraphs: ['If you agree to receive texts, we send appointment confirmations, reminders and replies. Message frequency varies. Msg & data rates may apply. Reply STOP to opt out, HELP for help.'] },
      { heading: 'If something is not right', paragraphs: [`Tell us within 48 hours and we will come back to make it right. To reach us, ${contactLine(site)}.`] },
    ],
  };
}

function smsOptIn(site: SiteModel): LegalPage {
  const number = site.phone ? ` at ${site.phone.label}` : '';
  return {
    title: `Text messages (SMS) — ${site.businessName}`,
    description: `How to sign up for, and stop, text messages from ${site.businessName}. Msg & data rates may apply.`,
    intro: `${site.businessName} texts customers about their appointments and questions. You only get texts if you ask for them.`,
    sections: [
      {
        heading: 'How you sign up',
        paragraphs: [`Any one of these: tick the box “Text me about my request” on our booking form (it is never required to book); text us first${number}; or ask us on a call to text you.`],
      },
      { heading: 'What we send', paragraphs: ['Confirmations and reminders of your appointments, replies to your questions, and a follow-up after the work. No marketing blasts unless you ask for them.'] },
      { heading: 'How often', paragraphs: ['Message frequency varies: usually two to five texts per appointment.'] },
      { heading: 'Costs', paragraphs: ['Msg & data rates may apply.'] },
      { heading: 'Stop or get help', paragraphs: ['Reply STOP to any text to stop receiving texts; we confirm once and send nothing more. Reply START to sign up again.', `Reply HELP for help, or ${contactLine(site)}.`] },
      { heading: 'Your number stays with us', paragraphs: [NO_SHARING, 'Carriers are not liable for delayed or undelivered messages.'] },
    ],
  };
}

export function legalPage(site: SiteModel, page: LegalPageId): LegalPage {
  return page === 'privacy' ? privacy(site) : page === 'terms' ? terms(site) : smsOptIn(site);
}
