import { openSecret, sealSecret } from '../domain/secrets.ts';
import type { Prisma, PrismaClient } from './client.ts';

// The call events a voice webhook could not hand to Temporal in time (table call_events): kept
// here, delivered by the worker's drain workflow. The payload is sealed: it holds the caller's number.

const PURPOSE = 'call-event';

export interface KeptCallEvent<Payload> {
  id: bigint;
  callSid: string;
  eventKey: string;
  taskQueue: string;
  payload: Payload;
}

/** Keeps one event (`db` may be a transaction's client); Twilio retrying the webhook (same CallSid and key) keeps it once. */
/** The client, or an interactive transaction's (which Prisma types apart). */
type CallEventWriter = { callEvent: { createMany: (args: { data: Prisma.CallEventCreateManyInput[]; skipDuplicates: boolean }) => PromiseLike<unknown> } };

export async function keepCallEvent(db: CallEventWriter, masterKey: Buffer, event: { callSid: string; eventKey: string; tenantId: string; taskQueue: string; payload: unknown }): Promise<void> {
  await db.callEvent.createMany({
    data: [{ callSid: event.callSid, eventKey: event.eventKey, tenantId: event.tenantId, taskQueue: event.taskQueue, payload: sealSecret(masterKey, JSON.stringify(event.payload), PURPOSE) }],
    skipDuplicates: true,
  });
}

/** True when the call has an event still waiting: later ones queue behind it, so they arrive in order. */
export async function hasKeptCallEvents(db: PrismaClient, callSid: string): Promise<boolean> {
  return (await db.callEvent.count({ where: { callSid, deliveredAt: null }, take: 1 })) > 0;
}

/**
 * What waits for the drain of `taskQueue`, oldest first. Each queue's drain takes only its own: a
 * worker of another queue may run against another Temporal (or seal with another key).
 */
export async function keptCallEvents<Payload>(db: PrismaClient, masterKey: Buffer, taskQueue: string, limit: number): Promise<KeptCallEvent<Payload>[]> {
  const rows = await db.callEvent.findMany({ where: { deliveredAt: null, taskQueue }, orderBy: { id: 'asc' }, take: limit });
  return rows.map((row) => ({ id: row.id, callSid: row.callSid, eventKey: row.eventKey, taskQueue: row.taskQueue, payload: JSON.parse(openSecret(masterKey, row.payload, PURPOSE)) as Payload }));
}

export async function markCallEventDelivered(db: PrismaClient, id: bigint, note?: string): Promise<void> {
  await db.callEvent.update({ where: { id }, data: { deliveredAt: new Date(), attempts: { increment: 1 }, lastError: note ?? null } });
}

export async function markCallEventFailed(db: PrismaClient, id: bigint, error: string): Promise<void> {
  await db.callEvent.update({ where: { id }, data: { attempts: { increment: 1 }, lastError: error.slice(0, 500) } });
}
