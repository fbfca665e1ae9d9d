import { z } from 'zod';
import { REGISTRATION_STATES } from '../carrier-registration/states.ts';
import { TENANT_STATUSES, TENANT_TIERS } from '../tenancy.ts';

// The registry's search, filters, sort and page: the query string of GET /api/admin/tenants and
// the search params of the registry page's URL (so a filtered view can be shared), one schema.

export const REGISTRY_SORTS = ['created', 'name', 'trialEnd', 'status'] as const;
export type RegistrySort = (typeof REGISTRY_SORTS)[number];
export const REGISTRY_PAGE_SIZE = 24;

/** "true"/"false" as a query string writes them (a URL has no booleans); anything else is refused. */
const flag = (name: string) =>
  z
    .union([z.boolean(), z.enum(['true', 'false'])], { error: `${name} must be true or false` })
    .transform((value) => value === true || value === 'true')
    .optional();

const count = (name: string, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} cannot be negative`)
    .max(max, `${name} is at most ${max}`);

export const registryQuery = z.object({
  /** Business name, tenant id or slug, owner email (part of any), or a phone number in any format. */
  q: z.string({ error: 'q must be text' }).trim().max(120, 'Search for at most 120 characters').optional(),
  tier: z.enum(TENANT_TIERS, { error: `tier must be one of: ${TENANT_TIERS.join(', ')}` }).optional(),
  status: z.enum(TENANT_STATUSES, { error: `status must be one of: ${TENANT_STATUSES.join(', ')}` }).optional(),
  /** Trialing, with the trial ending within this many days from now. */
  trialEndingDays: count('trialEndingDays', 365).optional(),
  pastDue: flag('pastDue'),
  /** Carrier registration for texting in this state (not_started includes businesses older than registration). */
  texting: z.enum(REGISTRATION_STATES, { error: `texting must be one of: ${REGISTRATION_STATES.join(', ')}` }).optional(),
  includeClosed: flag('includeClosed'),
  sort: z.enum(REGISTRY_SORTS, { error: `sort must be one of: ${REGISTRY_SORTS.join(', ')}` }).optional(),
  dir: z.enum(['asc', 'desc'], { error: 'dir must be asc or desc' }).optional(),
  offset: count('offset', 100_000).optional(),
  limit: count('limit', 200).pipe(z.number().min(1, 'limit is at least 1')).optional(),
});
export type RegistryQuery = z.output<typeof registryQuery>;

/** The direction a sort reads best in when none is asked for: newest first, names A→Z, soonest trial end first. */
export const defaultDirection = (sort: RegistrySort): 'asc' | 'desc' => (sort === 'created' ? 'desc' : 'asc');
