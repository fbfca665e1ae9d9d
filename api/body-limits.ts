import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { renderTwiml } from '../domain/twiml.ts';
import { errorBody } from './errors.ts';

const KB = 1024;
const MB = 1024 * KB;

/**
 * How large a request body each group of routes accepts, first match wins. Twilio posts a few
 * form fields (64 KB is far above any real webhook), Stripe events are at most a few hundred KB,
 * the Temporal UI's codec calls carry whole payload lists (Temporal's own limit is 2 MB a
 * payload), and JSON APIs need about 1 MB. The limit is checked before anything reads the body:
 * a declared Content-Length over it is refused at once, and a streamed body is cut off as soon
 * as it passes the limit, so a 100 MB upload is never read whole.
 */
export const BODY_LIMITS: readonly { prefix: string; maxBytes: number }[] = [
  { prefix: '/twilio/', maxBytes: 64 * KB },
  { prefix: '/stripe/webhook', maxBytes: 512 * KB },
  { prefix: '/codec/', maxBytes: 4 * MB },
];
export const DEFAULT_BODY_LIMIT = 1 * MB;

export function bodyLimitFor(path: string): number {
  return BODY_LIMITS.find((group) => path.startsWith(group.prefix))?.maxBytes ?? DEFAULT_BODY_LIMIT;
}

const human = (bytes: number) => (bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`);

function tooLarge(c: Context, maxBytes: number) {
  // The rest of the body is not read: the connection closes instead of draining it.
  c.header('connection', 'close');
  if (c.req.path.startsWith('/twilio/voice/')) {
    // Voice routes only ever answer TwiML; Twilio itself never sends a body this large.
    return c.body(renderTwiml([{ hangup: true }]), 413, { 'content-type': 'text/xml; charset=utf-8' });
  }
  return c.json(errorBody('payload_too_large', `The request body is larger than ${human(maxBytes)}, the most this endpoint accepts. Send a smaller body.`), 413);
}

/** One middleware for the whole app, registered before any route group, so no handler reads an oversized body. */
export function limitBodies(): MiddlewareHandler {
  const byLimit = new Map<number, MiddlewareHandler>();
  for (const maxBytes of [...BODY_LIMITS.map((g) => g.maxBytes), DEFAULT_BODY_LIMIT]) {
    byLimit.set(maxBytes, bodyLimit({ maxSize: maxBytes, onError: (c) => tooLarge(c, maxBytes) }));
  }
  return async (c, next) => {
    const maxBytes = bodyLimitFor(c.req.path);
    // A declared length is judged from the header alone, as bodyLimit would: bodyLimit first looks
    // at the body itself, which makes @hono/node-server build a web stream for it, and every later
    // read goes through that stream instead of its direct path (about 0.5 ms per Twilio webhook).
    const declared = c.req.header('content-length');
    if (declared !== undefined && !c.req.header('transfer-encoding')) return Number.parseInt(declared, 10) > maxBytes ? tooLarge(c, maxBytes) : next();
    return byLimit.get(maxBytes)!(c, next);
  };
}
