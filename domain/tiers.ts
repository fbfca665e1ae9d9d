import { TENANT_TIERS, type IvrMode, type TenantTier } from './tenancy.ts';

// What each plan includes (DESIGN.md "Tiers"). Enforced by the API and by workflows; upgrades and
// downgrades take effect at once, without re-onboarding.

export const FEATURES = {
  ivr: 'The phone menu (IVR)',
  smsAutomations: 'SMS automations',
  aiAgent: 'The AI text and web agent',
  allTemplates: 'All website templates',
  customDomain: 'A custom website domain',
  aiVoice: 'The AI voice receptionist',
  sipSoftphone: 'The SIP softphone',
  campaigns: 'Campaigns',
} as const;
export type Feature = keyof typeof FEATURES;

const PRO: Feature[] = ['ivr', 'smsAutomations', 'aiAgent', 'allTemplates', 'campaigns'];

export const TIER_FEATURES: Record<TenantTier, ReadonlySet<Feature>> = {
  // Starter: call forwarding, basic texting, one website template.
  starter: new Set<Feature>([]),
  pro: new Set<Feature>(PRO),
  elite: new Set<Feature>([...PRO, 'customDomain', 'aiVoice', 'sipSoftphone']),
};

/**
 * What is built today. A plan lists only these as included; the rest of what it will bring is
 * shown as "coming soon" (the AI agent, the AI voice receptionist and campaigns do not exist yet).
 * Add a feature here the day it ships.
 */
const AVAILABLE_TODAY: ReadonlySet<Feature> = new Set<Feature>(['ivr', 'smsAutomations', 'sipSoftphone', 'allTemplates', 'customDomain']);

/** What every plan has today, in the owner's words. */
export const EVERY_PLAN = [
  'Your own business number with call forwarding',
  'Voicemail, with a text and an email when one comes in',
  'Texts from your customers in one inbox (STOP and HELP answered for you)',
  'Call log, call simulator and a full data export',
  'A website with your prices, hours and a booking form (one template)',
] as const;

/** A plan's features as the billing page sells them: what it includes today, and what is coming. */
export function planFeatures(tier: TenantTier): { included: string[]; comingSoon: string[] } {
  const features = [...TIER_FEATURES[tier]];
  return {
    included: features.filter((feature) => AVAILABLE_TODAY.has(feature)).map((feature) => FEATURES[feature]),
    comingSoon: features.filter((feature) => !AVAILABLE_TODAY.has(feature)).map((feature) => FEATURES[feature]),
  };
}

/** A plan's name as people read it. */
export const TIER_NAMES: Record<TenantTier, string> = { starter: 'Starter', pro: 'Pro', elite: 'Elite' };

export function hasFeature(tier: TenantTier, feature: Feature): boolean {
  return TIER_FEATURES[tier].has(feature);
}

/** The cheapest plan that includes the feature. */
export function planThatUnlocks(feature: Feature): TenantTier {
  return TENANT_TIERS.find((tier) => hasFeature(tier, feature)) ?? 'elite';
}

/** For an error a person reads: "The phone menu (IVR) is part of the Pro plan — upgrade to use it." */
export function featureLockedMessage(feature: Feature): string {
  return `${FEATURES[feature]} is part of the ${TIER_NAMES[planThatUnlocks(feature)]} plan — upgrade to use it.`;
}

/** Jokes play in the phone menu (press 7): a plan without the menu cannot offer them. null = allowed. */
export function jokesLockedMessage(tier: TenantTier): string | null {
  if (hasFeature(tier, 'ivr')) return null;
  return `Jokes play in the phone menu (press 7), which is part of the ${TIER_NAMES[planThatUnlocks('ivr')]} plan — upgrade to offer them.`;
}

/** The feature an IVR mode needs (`simple` forwarding is in every plan). */
export function featureForIvrMode(mode: IvrMode): Feature | null {
  return mode === 'ivr' ? 'ivr' : mode === 'ai-voice' ? 'aiVoice' : null;
}

/** The IVR mode a tenant actually gets: a downgrade never leaves callers in a menu the plan lacks. */
export function effectiveIvrMode(tier: TenantTier, mode: IvrMode): IvrMode {
  if (mode === 'ai-voice' && !hasFeature(tier, 'aiVoice')) return hasFeature(tier, 'ivr') ? 'ivr' : 'simple';
  if (mode === 'ivr' && !hasFeature(tier, 'ivr')) return 'simple';
  return mode;
}
