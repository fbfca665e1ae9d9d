import { createBillingActivities } from './billing.ts';
import { createOnboardingActivities } from './onboarding.ts';
import { createBookingActivities } from './bookings.ts';
import { createCallActivities } from './calls.ts';
import { createCallEventActivities } from './call-events.ts';
import { createDepositActivities } from './deposits.ts';
import { createCarrierRegistrationActivities } from './carrier-registration/index.ts';
import { createExportActivities } from './export.ts';
import { createKeptMessageActivities } from './kept-messages.ts';
import { createMailActivities } from './mail.ts';
import { createMessagingActivities } from './messaging.ts';
import { createUsageActivities } from './usage.ts';
import { createRetentionActivities } from './retention.ts';
import type { ActivityDeps } from './deps.ts';
import { createVoicemailAudioActivities, startVoicemailAudio } from './voicemail-audio.ts';

/** Every activity the worker registers, one factory per outside system. */
export function createActivities(deps: ActivityDeps) {
  // Every stored voicemail gets its recording kept (and transcribed) by its own workflow.
  const hooks = { voicemailStored: (voicemail: { tenantId: string; voicemailId: string }) => startVoicemailAudio(deps, voicemail) };
  const billing = createBillingActivities(deps);
  const messaging = createMessagingActivities(deps);
  return {
    ...createCallActivities(deps.db, hooks),
    ...createCallEventActivities(deps, hooks),
    ...createKeptMessageActivities(deps, hooks),
    ...createVoicemailAudioActivities(deps),
    ...messaging,
    ...createBookingActivities(deps, messaging, createDepositActivities(deps)),
    ...createMailActivities(deps),
    ...billing,
    ...createOnboardingActivities(deps, billing),
    ...createExportActivities(deps),
    ...createUsageActivities(deps),
    ...createRetentionActivities(deps),
    ...createCarrierRegistrationActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
