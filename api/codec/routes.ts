import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { z } from 'zod';
import type { Payload } from '@temporalio/common';
import { EncryptionCodec } from '../../workers/codec.ts';
import { requireAccess } from '../auth/session.ts';
import type { AppEnv } from '../context.ts';

// The Temporal UI's remote codec protocol: JSON payloads with base64 metadata values and data.
const jsonPayloads = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), z.string()).optional(), data: z.string().optional() })),
});
type JsonPayload = z.infer<typeof jsonPayloads>['payloads'][number];

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: p.data === undefined ? undefined : Buffer.from(p.data, 'base64'),
});
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: p.data ? Buffer.from(p.data).toString('base64') : undefined,
});

/** `/codec/encode` and `/codec/decode`, so the platform owner can read payloads in the Temporal UI. */
export function codecRoutes(options: { temporalUiUrl?: string }) {
  const app = new Hono<AppEnv>();
  if (options.temporalUiUrl) {
    app.use(cors({ origin: new URL(options.temporalUiUrl).origin, credentials: true, allowHeaders: ['content-type', 'x-namespace', 'authorization'], allowMethods: ['POST', 'OPTIONS'] }));
  }
  app.use(requireAccess({ kind: 'platform-owner' }));
  for (const direction of ['encode', 'decode'] as const) {
    app.post(`/${direction}`, async (c) => {
      const body = jsonPayloads.parse(await c.req.json());
      const codec = new EncryptionCodec(c.get('deps').masterKey);
      const result = await codec[direction](body.payloads.map(fromJson));
      return c.json({ payloads: result.map(toJson) });
    });
  }
  return app;
}
