// The registry page's URL search params: the API's own query rules (domain/inputs/registry-query.ts),
// read one param at a time so a bad one in a shared link is dropped without losing the rest.
import type { z } from 'zod';
import { registryQuery, type RegistryQuery, type RegistrySort } from '../../../domain/inputs/registry-query.ts';
import { auditQuery, type AuditQuery } from '../../../domain/inputs/audit-query.ts';

function eachValid<Shape extends z.ZodRawShape>(shape: Shape, search: Record<string, unknown>) {
  const valid: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    if (search[key] === undefined || search[key] === '') continue;
    const parsed = (schema as z.ZodType).safeParse(search[key]);
    if (parsed.success && parsed.data !== undefined) valid[key] = parsed.data;
  }
  return valid;
}

export const parseRegistrySearch = (search: Record<string, unknown>): RegistryQuery => eachValid(registryQuery.shape, search) as RegistryQuery;

export const parseAuditSearch = (search: Record<string, unknown>): Omit<AuditQuery, 'cursor' | 'limit'> => {
  const { tenantId, action } = eachValid(auditQuery.shape, search) as AuditQuery;
  return { ...(tenantId ? { tenantId } : {}), ...(action ? { action } : {}) };
};

/** The sort menu: each choice is a sort and a direction. */
export const SORT_CHOICES: { value: string; label: string; sort: RegistrySort; dir: 'asc' | 'desc' }[] = [
  { value: 'created-desc', label: 'Newest first', sort: 'created', dir: 'desc' },
  { value: 'created-asc', label: 'Oldest first', sort: 'created', dir: 'asc' },
  { value: 'name-asc', label: 'Name, A to Z', sort: 'name', dir: 'asc' },
  { value: 'name-desc', label: 'Name, Z to A', sort: 'name', dir: 'desc' },
  { value: 'trialEnd-asc', label: 'Trial ends soonest', sort: 'trialEnd', dir: 'asc' },
  { value: 'status-asc', label: 'Status', sort: 'status', dir: 'asc' },
];

export function sortChoiceOf(query: RegistryQuery): string {
  const sort = query.sort ?? 'created';
  const dir = query.dir ?? (sort === 'created' ? 'desc' : 'asc');
  return SORT_CHOICES.find((choice) => choice.sort === sort && choice.dir === dir)?.value ?? 'created-desc';
}

/** True when anything narrows the list (the "Clear filters" link shows). */
export const isFiltered = (query: RegistryQuery) => Boolean(query.q || query.tier || query.status || query.texting || query.trialEndingDays !== undefined || query.pastDue || query.includeClosed);
