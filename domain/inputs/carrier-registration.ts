import { z } from 'zod';
import { CAMPAIGN_LIMITS } from '../carrier-registration/lint.ts';

// The owner's rewrite of their texting campaign after carriers refused it: the request body of
// POST /api/tenants/:id/carrier-registration/resubmit and the dashboard's fix form, one schema. Only
// shapes and upper bounds here; the lint (domain/carrier-registration/lint.ts) judges the words.

const words = (name: string, max: number) => z.string({ error: `${name} must be text` }).trim().max(max, `${name} can have at most ${max.toLocaleString('en-US')} characters`);

export const campaignWordingInput = z.strictObject({
  description: words('The description', CAMPAIGN_LIMITS.description.max),
  messageFlow: words('How customers sign up', CAMPAIGN_LIMITS.messageFlow.max),
  messageSamples: z
    .array(words('An example text', CAMPAIGN_LIMITS.sample.max), { error: 'Give the example texts as a list' })
    .max(CAMPAIGN_LIMITS.samples.max, `Give at most ${CAMPAIGN_LIMITS.samples.max} example texts`),
  optInMessage: words('The sign-up confirmation text', CAMPAIGN_LIMITS.reply.max),
  optOutMessage: words('The reply to STOP', CAMPAIGN_LIMITS.reply.max),
  helpMessage: words('The reply to HELP', CAMPAIGN_LIMITS.reply.max),
});
export type CampaignWordingInput = z.output<typeof campaignWordingInput>;

/** No wording: the owner fixed something else (their website, their details) and asks again. */
export const resubmitRegistrationInput = z.strictObject({ wording: campaignWordingInput.optional() });
