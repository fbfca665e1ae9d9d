// Everything the worker's workflow bundle contains.
export * from './account-mail.ts';
export * from './billing.ts';
export * from './call.ts';
export * from './call-event-drain.ts';
export * from './conversation.ts';
export * from './export.ts';
export * from './kept-messages.ts';
export * from './held-text.ts';
export * from './usage.ts';
export * from './voicemail-audio.ts';
export * from './carrier-registration.ts';
export * from './onboarding.ts';
export * from './website-request.ts';
export * from './booking.ts';
