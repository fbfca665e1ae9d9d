import { keyedDigest } from '../domain/secrets.ts';
import type { PrismaClient } from './client.ts';

// The shared platform number (texts of businesses whose carrier registration is under way) is one
// number for many businesses: each text sent from it remembers its business for that customer, and
// the customer's reply goes to the business that texted them last. Only a keyed digest of the
// customer's number is stored.

const PURPOSE = 'platform-text-route';

export async function rememberPlatformText(db: PrismaClient, masterKey: Buffer, tenantId: string, customerNumber: string): Promise<void> {
  const customerDigest = keyedDigest(masterKey, PURPOSE, customerNumber);
  await db.platformTextRoute.upsert({ where: { customerDigest }, create: { customerDigest, tenantId }, update: { tenantId, lastSentAt: new Date() } });
}

/** The business that last texted `customerNumber` from the platform number, if any. */
export async function tenantOfPlatformReply(db: PrismaClient, masterKey: Buffer, customerNumber: string): Promise<string | null> {
  const route = await db.platformTextRoute.findUnique({ where: { customerDigest: keyedDigest(masterKey, PURPOSE, customerNumber) }, select: { tenantId: true } });
  return route?.tenantId ?? null;
}
