// The customer book's reads. Every key sits under ['tenant', id, 'customers'] with the booking
// dialog's customer search (booking-queries.ts), so one change refreshes every view of the book.
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchCustomerPage, fetchCustomers } from './customer-endpoints.ts';
import { LIST_REFRESH_MS } from './query-client.ts';
import type { CustomerListEntry, Paged } from './types.ts';

export const customerKeys = {
  all: (tenantId: string) => ['tenant', tenantId, 'customers'] as const,
  list: (tenantId: string, q: string) => ['tenant', tenantId, 'customers', 'list', q] as const,
  page: (tenantId: string, customerId: string) => ['tenant', tenantId, 'customers', 'page', customerId] as const,
};

/** The book a page at a time; while the next search loads, the last answer stays on screen. */
export const customersQuery = (tenantId: string, q: string) =>
  infiniteQueryOptions({
    queryKey: customerKeys.list(tenantId, q),
    queryFn: ({ pageParam, signal }) => fetchCustomers(tenantId, { q: q || undefined, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Paged<CustomerListEntry>) => last.nextCursor,
    placeholderData: keepPreviousData,
    refetchInterval: LIST_REFRESH_MS,
  });

/** A customer's page; refreshed like the lists, so a call or text that comes in shows up in the history. */
export const customerPageQuery = (tenantId: string, customerId: string) =>
  queryOptions({ queryKey: customerKeys.page(tenantId, customerId), queryFn: ({ signal }) => fetchCustomerPage(tenantId, customerId, signal), refetchInterval: LIST_REFRESH_MS });
