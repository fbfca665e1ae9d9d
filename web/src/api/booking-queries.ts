// The booking pages' reads as TanStack Query options. Every booking list of a business sits under
// one key prefix, so a move, a cancel or a new booking refreshes the calendar and the list together.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchAvailability, fetchBookings, fetchResources, fetchServices, searchCustomers } from './booking-endpoints.ts';
import { fetchBookingSettings, fetchTimeOff } from './setup-endpoints.ts';
import type { BookingFilter } from './booking-types.ts';
import { LIST_REFRESH_MS } from './query-client.ts';

export const bookingKeys = {
  all: (tenantId: string) => ['tenant', tenantId, 'bookings'] as const,
  list: (tenantId: string, filter: BookingFilter) => ['tenant', tenantId, 'bookings', filter] as const,
  availability: (tenantId: string, query: object) => ['tenant', tenantId, 'bookings', 'availability', query] as const,
  services: (tenantId: string) => ['tenant', tenantId, 'services'] as const,
  resources: (tenantId: string) => ['tenant', tenantId, 'resources'] as const,
  customers: (tenantId: string, q: string) => ['tenant', tenantId, 'customers', 'search', q] as const,
  timeOff: (tenantId: string, resourceId: string) => ['tenant', tenantId, 'resources', resourceId, 'time-off'] as const,
  settings: (tenantId: string) => ['tenant', tenantId, 'booking-settings'] as const,
};

/** Bookings in a window; refreshed now and then so a web or phone booking shows up on its own. */
export const bookingsQuery = (tenantId: string, filter: BookingFilter) =>
  queryOptions({ queryKey: bookingKeys.list(tenantId, filter), queryFn: ({ signal }) => fetchBookings(tenantId, filter, signal), refetchInterval: LIST_REFRESH_MS, placeholderData: keepPreviousData });

export const availabilityQuery = (tenantId: string, query: { serviceId: string; date: string; days?: number; resourceId?: string }) =>
  queryOptions({ queryKey: bookingKeys.availability(tenantId, query), queryFn: ({ signal }) => fetchAvailability(tenantId, query, signal), enabled: query.serviceId !== '' });

export const servicesQuery = (tenantId: string) => queryOptions({ queryKey: bookingKeys.services(tenantId), queryFn: ({ signal }) => fetchServices(tenantId, signal) });
export const resourcesQuery = (tenantId: string) => queryOptions({ queryKey: bookingKeys.resources(tenantId), queryFn: ({ signal }) => fetchResources(tenantId, signal) });
export const customerSearchQuery = (tenantId: string, q: string) =>
  queryOptions({ queryKey: bookingKeys.customers(tenantId, q), queryFn: ({ signal }) => searchCustomers(tenantId, q, signal), enabled: q.trim().length >= 2 });

export const timeOffQuery = (tenantId: string, resourceId: string) => queryOptions({ queryKey: bookingKeys.timeOff(tenantId, resourceId), queryFn: ({ signal }) => fetchTimeOff(tenantId, resourceId, signal) });
export const bookingSettingsQuery = (tenantId: string) => queryOptions({ queryKey: bookingKeys.settings(tenantId), queryFn: ({ signal }) => fetchBookingSettings(tenantId, signal) });
