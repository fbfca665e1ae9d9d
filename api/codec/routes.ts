import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { z } from 'zod';
import type { Payload } from '@temporalio/common';
import { EncryptionCodec } from '../../workers/runtime/codec.ts';
import { requireAccess } from '../auth/session.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationFailed } from '../errors.ts';

// The Temporal UI's remote codec protocol: JSON payloads with base64 metadata values and data.
const jsonPayloads = z.object(
  { payloads: z.array(z.object({ metadata: z.record(z.string(), z.string()).optional(), data: z.string().optional() }), { error: 'payloads must be a list of payloads' }) },
  { error: 'Send the codec protocol’s JSON: { "payloads": [{ "metadata": {…}, "data": "…" }] }' },
);
type JsonPayload = z.infer<typeof jsonPayloads>['payloads'][number];

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: p.data === undefined ? undefined : Buffer.from(p.data, 'base64'),
});
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: p.data ? Buffer.from(p.data).toString('base64') : undefined,
});

/**
 * `/codec/encode` and `/codec/decode`, so the platform owner can read payloads in the Temporal UI.
 * The UI calls from its own origin, with the session cookie ("Include cross-origin credentials"):
 * CORS answers that one origin on every response, a 401 included, so the browser hands the UI
 * (and the network panel) a real 401 rather than a CORS failure.
 */
export function codecRoutes(options: { temporalUiUrl?: string }) {
  const app = new Hono<AppEnv>();
  if (options.temporalUiUrl) {
    app.use(cors({ origin: new URL(options.temporalUiUrl).origin, credentials: true, allowHeaders: ['content-type', 'x-namespace', 'authorization'], allowMethods: ['POST', 'OPTIONS'], maxAge: 600 }));
  }
  app.use(requireAccess({ kind: 'platform-owner' }, { sessionCookie: true }));
  for (const direction of ['encode', 'decode'] as const) {
    app.post(`/${direction}`, async (c) => {
      const raw: unknown = await c.req.json().catch(() => {
        throw new ApiError(400, 'bad_request', 'The body is not JSON. Send { "payloads": [...] } with Content-Type: application/json.');
      });
      const parsed = jsonPayloads.safeParse(raw);
      if (!parsed.success) throw validationFailed(parsed.error);
      const codec = new EncryptionCodec(c.get('deps').masterKey);
      const result = await codec[direction](parsed.data.payloads.map(fromJson)).catch((error: Error) => {
        c.get('logger').warn({ err: error, direction }, 'codec request with a payload it cannot convert');
        throw new ApiError(400, 'undecodable_payload', `A payload could not be ${direction}d: it is damaged, or was encrypted with another SERVICEPRO_ENCRYPTION_KEY than this server's.`);
      });
      return c.json({ payloads: result.map(toJson) });
    });
  }
  return app;
}
