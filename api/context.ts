import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Config } from '../domain/config.ts';
import type { MemberRole } from '../prisma/generated/enums.ts';
import type { PrismaClient } from '../prisma/client.ts';

/** Everything the API is built from; tests build it with the real database and Temporal. */
export interface AppDeps {
  config: Config;
  db: PrismaClient;
  temporal: Client;
  logger: Logger;
  masterKey: Buffer;
  /** Where the built web app lives; omitted in API-only tests. */
  webDist?: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  isPlatformOwner: boolean;
  memberships: { tenantId: string; role: MemberRole; businessName: string }[];
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    logger: Logger;
    user: SessionUser;
  };
};
