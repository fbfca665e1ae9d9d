import type { Logger } from 'pino';
import type { TenantStatus } from '../domain/tenancy.ts';
import type { MemberRole } from '../prisma/generated/enums.ts';
import type { ServiceDeps } from '../workers/runtime/deps.ts';

/** Everything the API is built from; tests build it with the real database and Temporal. */
export interface AppDeps extends ServiceDeps {
  /** Where the built web app lives; omitted in API-only tests. */
  webDist?: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  isPlatformOwner: boolean;
  memberships: { tenantId: string; role: MemberRole; businessName: string; status: TenantStatus }[];
  /** Set while the platform owner views a tenant as its owner: read only, that tenant alone (api/auth/view-as.ts). */
  viewingAs: { tenantId: string; businessName: string } | null;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    logger: Logger;
    user: SessionUser;
  };
};
