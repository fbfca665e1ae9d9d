import { hasLink, hasPhone, type Campaign } from './campaign.ts';
import type { RegistrationPages } from './pages.ts';

// Every campaign is checked here before it is submitted: carriers vet each one by hand, each
// submission costs a fee (again on resubmission), and the most common refusals are a missing
// opt-in description and a website without opt-in, privacy and terms pages. A problem names the
// field it is about and says, in an owner's words, what to change.

export interface CampaignProblem {
  field: keyof Campaign;
  message: string;
}

export const CAMPAIGN_LIMITS = {
  description: { min: 40, max: 4096 },
  messageFlow: { min: 40, max: 2048 },
  samples: { min: 2, max: 5 },
  sample: { min: 20, max: 1024 },
  reply: { min: 20, max: 320 },
} as const;

const length = (text: string) => [...text.trim()].length;
const mentions = (text: string, word: string) => new RegExp(`\\b${word}\\b`, 'i').test(text);
const includesUrl = (text: string, url: string) => text.includes(url);

function lengthProblem(field: keyof Campaign, text: string, what: string, limits: { min: number; max: number }): CampaignProblem | null {
  const n = length(text);
  if (n < limits.min) return { field, message: `${what} needs at least ${limits.min} characters (it has ${n}).` };
  if (n > limits.max) return { field, message: `${what} can have at most ${limits.max.toLocaleString('en-US')} characters (it has ${n.toLocaleString('en-US')}).` };
  return null;
}

/** Every problem of `campaign` for the business `businessName` whose pages are `pages`; none means it may be submitted. */
export function lintCampaign(campaign: Campaign, context: { businessName: string; pages: RegistrationPages }): CampaignProblem[] {
  const { pages, businessName } = context;
  const problems: (CampaignProblem | null)[] = [];
  const push = (problem: CampaignProblem | null) => problems.push(problem);

  push(lengthProblem('description', campaign.description, 'The description of what you text', CAMPAIGN_LIMITS.description));
  push(lengthProblem('messageFlow', campaign.messageFlow, 'How customers sign up for texts', CAMPAIGN_LIMITS.messageFlow));
  if (!includesUrl(campaign.messageFlow, pages.optIn)) {
    push({ field: 'messageFlow', message: `Say where customers sign up: include your SMS sign-up page, ${pages.optIn}.` });
  }
  if (!mentions(campaign.messageFlow, 'STOP')) push({ field: 'messageFlow', message: 'Say that customers can reply STOP to stop the texts.' });

  const samples = campaign.messageSamples;
  if (samples.length < CAMPAIGN_LIMITS.samples.min || samples.length > CAMPAIGN_LIMITS.samples.max) {
    push({ field: 'messageSamples', message: `Give ${CAMPAIGN_LIMITS.samples.min} to ${CAMPAIGN_LIMITS.samples.max} example texts (there are ${samples.length}).` });
  }
  samples.forEach((sample, i) => push(lengthProblem('messageSamples', sample, `Example text ${i + 1}`, CAMPAIGN_LIMITS.sample)));
  if (samples.length > 0 && !samples.some((s) => s.toLowerCase().includes(businessName.toLowerCase()))) {
    push({ field: 'messageSamples', message: `At least one example text must name your business (“${businessName}”), so people know who is texting.` });
  }
  if (samples.length > 0 && !samples.some((s) => mentions(s, 'STOP'))) {
    push({ field: 'messageSamples', message: 'At least one example text must say how to stop the texts (for example “Reply STOP to opt out”).' });
  }
  if (campaign.hasEmbeddedLinks !== samples.some(hasLink)) {
    push({ field: 'hasEmbeddedLinks', message: campaign.hasEmbeddedLinks ? 'The campaign says the texts contain links, but no example text has one.' : 'An example text contains a link: the campaign must say the texts contain links.' });
  }
  if (campaign.hasEmbeddedPhone !== samples.some(hasPhone)) {
    push({ field: 'hasEmbeddedPhone', message: campaign.hasEmbeddedPhone ? 'The campaign says the texts contain phone numbers, but no example text has one.' : 'An example text contains a phone number: the campaign must say the texts contain phone numbers.' });
  }

  push(lengthProblem('optInMessage', campaign.optInMessage, 'The sign-up confirmation text', CAMPAIGN_LIMITS.reply));
  for (const word of ['STOP', 'HELP']) {
    if (!mentions(campaign.optInMessage, word)) push({ field: 'optInMessage', message: `The sign-up confirmation text must tell people to reply ${word}${word === 'STOP' ? ' to opt out' : ' for help'}.` });
  }
  push(lengthProblem('optOutMessage', campaign.optOutMessage, 'The reply to STOP', CAMPAIGN_LIMITS.reply));
  push(lengthProblem('helpMessage', campaign.helpMessage, 'The reply to HELP', CAMPAIGN_LIMITS.reply));
  if (!campaign.optOutKeywords.includes('STOP')) push({ field: 'optOutKeywords', message: 'STOP must be one of the words that stop the texts.' });
  if (!campaign.helpKeywords.includes('HELP')) push({ field: 'helpKeywords', message: 'HELP must be one of the words that ask for help.' });

  if (campaign.privacyPolicyUrl !== pages.privacy) push({ field: 'privacyPolicyUrl', message: `The privacy policy must be your site's own page, ${pages.privacy}.` });
  if (campaign.termsAndConditionsUrl !== pages.terms) push({ field: 'termsAndConditionsUrl', message: `The terms must be your site's own page, ${pages.terms}.` });
  return problems.filter((p): p is CampaignProblem => p !== null);
}

/** The problems as `fields` of an API error: one message per field (the first), as forms show them. */
export function problemFields(problems: CampaignProblem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { field, message } of problems) fields[field] ??= message;
  return fields;
}
