import type { CampaignWording } from './campaign.ts';
import type { RegistrationStep } from './states.ts';

// What Twilio (or the carriers behind it) said was wrong, and what the owner should do about it.
// Twilio's errors carry a code and its own description; the codes we know get plain words and the
// field of the fix form they are about, the rest keep Twilio's description and its help page.

export interface Refusal {
  step: RegistrationStep;
  /** Twilio's error code; null for our own checks (the website pages). */
  code: number | null;
  /** Twilio's words (or ours), as received: kept for support. */
  description: string;
}

export interface Fix {
  step: RegistrationStep;
  code: number | null;
  /** What to do, in the owner's words. */
  message: string;
  /** The field of the fix form it is about, when it is one. */
  field?: keyof CampaignWording;
  /** False when a resubmission cannot help (Twilio support must look at it). */
  canResubmit: boolean;
  helpUrl: string | null;
}

const KNOWN: Record<number, Omit<Fix, 'step' | 'code' | 'helpUrl'>> = {
  30886: { field: 'description', canResubmit: true, message: 'Carriers found the description of your texts too vague. Say who you text (customers who booked or contacted you) and what about (reminders, replies, follow-ups).' },
  30889: { field: 'messageSamples', canResubmit: true, message: 'The campaign says your texts contain phone numbers, but the examples do not show one (or the other way round). Make the example texts match what you really send.' },
  30893: { field: 'messageSamples', canResubmit: true, message: 'The example texts do not match what the campaign says you send. Give 2 to 5 real examples; at least one must name your business and say “Reply STOP to opt out”.' },
  30885: { canResubmit: false, message: 'Carriers consider this campaign high risk and do not allow a resubmission. Contact ServicePro support and we will look at it with Twilio.' },
  30900: { canResubmit: false, message: 'This kind of campaign cannot be registered for your business. Contact ServicePro support.' },
  30902: { canResubmit: false, message: 'A carrier refused the campaign. Contact ServicePro support with your business name and we will take it up with Twilio.' },
  21736: { canResubmit: true, message: 'The email address of your business profile was refused. Check the owner email in your account, then submit again.' },
  30792: { canResubmit: true, message: 'Twilio had a problem registering your brand. Submit again; if it happens twice, contact ServicePro support.' },
};

export function fixFor(refusal: Refusal): Fix {
  const base = { step: refusal.step, code: refusal.code, helpUrl: refusal.code ? `https://www.twilio.com/docs/api/errors/${refusal.code}` : null };
  const known = refusal.code !== null ? KNOWN[refusal.code] : undefined;
  if (known) return { ...base, ...known };
  return { ...base, canResubmit: true, message: refusal.description.trim() || 'Twilio refused this step without saying why. Submit again, or contact ServicePro support.' };
}
