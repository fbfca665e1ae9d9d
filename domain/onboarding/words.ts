import { tenantPageUrl } from '../app-links.ts';
import { phoneLabel } from '../phone.ts';
import type { ProvisioningStepName } from './steps.ts';

// What the onboarding wizard's messages say to the owner: the reminder, the welcome, and each
// provisioning failure in words (never a provider's raw error).

const FAILURE_WORDS: Record<ProvisioningStepName, string> = {
  tenant: 'We could not save your business details.',
  pack: 'We could not add your services.',
  number: 'We could not get your business number from our phone provider.',
  trial: 'We could not start your free trial with our payment provider.',
  website: 'We could not publish your website.',
  carrier: 'We could not start registering your number for business texting.',
  welcome: 'We could not send your welcome text and email.',
};

export const provisioningFailureWords = (step: ProvisioningStepName) =>
  `${FAILURE_WORDS[step]} Nothing was charged and nothing was kept. Try finishing again in a few minutes.`;

interface WelcomeFacts {
  businessName: string;
  tenantId: string;
  appUrl: string;
  /** Our number for the business. */
  phoneNumber: string;
  /** Starter's "keep your number": the owner's own number, to be forwarded to ours. */
  forwardFrom: string | null;
}

function forwardingSteps(facts: WelcomeFacts) {
  return `Last step: forward ${phoneLabel(facts.forwardFrom!)} to ${phoneLabel(facts.phoneNumber)} when you don't answer. On most US carriers dial *71${facts.phoneNumber.slice(2)} from that phone (or ask your carrier for "conditional call forwarding").`;
}

export function welcomeText(facts: WelcomeFacts): string {
  const line = facts.forwardFrom ? forwardingSteps(facts) : `Customers can call and text ${phoneLabel(facts.phoneNumber)} now.`;
  return `Welcome to ServicePro! ${facts.businessName} is set up. ${line}`;
}

export function welcomeMail(facts: WelcomeFacts): { subject: string; text: string } {
  const dashboard = tenantPageUrl(facts.appUrl, facts.tenantId, 'dashboard');
  const line = facts.forwardFrom ? forwardingSteps(facts) : `Your business number is ${phoneLabel(facts.phoneNumber)}: calls and texts to it reach your business now.`;
  return {
    subject: `${facts.businessName} is ready on ServicePro`,
    text: [`Welcome to ServicePro!`, '', `${facts.businessName} is set up and your 14-day free trial has started (no card needed yet).`, line, '', `Your dashboard: ${dashboard}`].join('\n'),
  };
}

export function reminderMail(facts: { businessName: string; tenantId: string; appUrl: string; expiresAt: string }): { subject: string; text: string } {
  const link = tenantPageUrl(facts.appUrl, facts.tenantId, 'onboarding');
  const until = new Date(facts.expiresAt).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
  return {
    subject: `Finish setting up ${facts.businessName}`,
    text: [`You started setting up ${facts.businessName} on ServicePro — it takes a few more minutes to get your business number and website.`, '', `Pick up where you left off: ${link}`, '', `Your setup is kept until ${until}.`].join('\n'),
  };
}

export const reminderText = (facts: { businessName: string; tenantId: string; appUrl: string }) =>
  `ServicePro: ${facts.businessName} is almost set up. Finish in a few minutes: ${tenantPageUrl(facts.appUrl, facts.tenantId, 'onboarding')} Reply STOP to opt out.`;
