import type { AppDeps } from '../context.ts';
import { withinTemporalDeadline } from '../temporal-deadline.ts';

/** Runs `work` against Temporal within the webhook deadline (TWILIO_WEBHOOK_DEADLINE_MS); a timeout means: answer the fallback. */
export const withinDeadline = <T>(deps: AppDeps, work: () => Promise<T>): Promise<T> => withinTemporalDeadline(deps, deps.config.TWILIO_WEBHOOK_DEADLINE_MS, work);

/** A TwiML (or any XML) response for Twilio. */
export const xmlResponse = (body: string) => new Response(body, { headers: { 'content-type': 'text/xml; charset=utf-8' } });

/** `work`, or a rejection once `ms` have passed: a database that hangs must not hold a webhook until Twilio gives up. */
export function withinMs<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
