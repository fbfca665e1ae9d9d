import { describe, expect, it } from 'vitest';
import { REGISTRATION_STATES } from '../domain/carrier-registration/states.ts';
import { MESSAGE_STATUSES } from '../domain/message-statuses.ts';
import { TENANT_STATUSES, TENANT_TIERS } from '../domain/tenancy.ts';
import { CarrierRegistrationState, MessageStatus, TenantStatus, TenantTier } from './generated/enums.ts';

// domain/ holds the one list of each status and tier that code imports; the schema's enums are
// the database's copy. They may not drift apart.
describe('the database enums are domain’s lists', () => {
  it.each([
    ['TenantTier', TenantTier, TENANT_TIERS],
    ['TenantStatus', TenantStatus, TENANT_STATUSES],
    ['MessageStatus', MessageStatus, MESSAGE_STATUSES],
    ['CarrierRegistrationState', CarrierRegistrationState, REGISTRATION_STATES],
  ] as const)('%s', (_name, prismaEnum, domainList) => {
    expect(Object.values(prismaEnum)).toEqual([...domainList]);
  });
});
