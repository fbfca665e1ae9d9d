import type { AppDeps } from '../context.ts';

/**
 * Runs `work` against Temporal within the webhook deadline (TWILIO_WEBHOOK_DEADLINE_MS).
 * withDeadline bounds the gRPC call; the race also bounds the client's own connection retries, so
 * a webhook always answers in time — with a fallback when this throws.
 */
export async function withinDeadline<T>(deps: AppDeps, work: () => Promise<T>): Promise<T> {
  const ms = deps.config.TWILIO_WEBHOOK_DEADLINE_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Temporal did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([deps.temporal.connection.withDeadline(Date.now() + ms, work), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A TwiML (or any XML) response for Twilio. */
export const xmlResponse = (body: string) => new Response(body, { headers: { 'content-type': 'text/xml; charset=utf-8' } });
