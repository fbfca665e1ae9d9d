import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_TENANT_ID } from '../domain/tenancy.ts';
import { testStack, uniqueId } from '../tests/stack.ts';
import { keepCallEvent, keptCallEvents } from './call-events.ts';
import { createPrismaClient, type PrismaClient } from './client.ts';

let db: PrismaClient;
beforeAll(() => {
  db = createPrismaClient(testStack().appDatabaseUrl);
});
afterAll(async () => db?.$disconnect());

describe('call events kept in Postgres', () => {
  it("each task queue's drain takes only its own queue's events (another queue may be another Temporal, sealed with another key)", async () => {
    const mine = uniqueId('tq-mine');
    const theirs = uniqueId('tq-theirs');
    const myKey = randomBytes(32);
    const theirKey = randomBytes(32);
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    await keepCallEvent(db, theirKey, { callSid: `${callSid}x`, eventKey: '1:menu', tenantId: ROOT_TENANT_ID, taskQueue: theirs, payload: { from: 'them' } });
    await keepCallEvent(db, myKey, { callSid, eventKey: '1:menu', tenantId: ROOT_TENANT_ID, taskQueue: mine, payload: { from: 'me' } });

    const kept = await keptCallEvents<{ from: string }>(db, myKey, mine, 100);
    expect(kept.map((event) => [event.callSid, event.taskQueue, event.payload.from])).toEqual([[callSid, mine, 'me']]);
    expect((await keptCallEvents<{ from: string }>(db, theirKey, theirs, 100)).map((event) => event.payload.from)).toEqual(['them']);
  });
});
