// The calls the calendar, the bookings list and the new-booking dialog make (routes of parts A, B, C
// and D of issue 12). Shapes follow the agreed contracts; a booking is always the shared BookingView.
import { apiRequest } from './client.ts';
import type { AvailabilityAnswer, BookingChange, BookingFilter, BookingView, CustomerMatch, NewBooking, Resource, Service } from './booking-types.ts';

const base = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}`;

function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function fetchBookings(tenantId: string, filter: BookingFilter, signal?: AbortSignal): Promise<BookingView[]> {
  return (await apiRequest<{ bookings: BookingView[] }>(`${base(tenantId)}/bookings${queryString({ ...filter })}`, { signal })).bookings;
}

export async function createBooking(tenantId: string, input: NewBooking): Promise<BookingView> {
  return (await apiRequest<{ booking: BookingView }>(`${base(tenantId)}/bookings`, { method: 'POST', body: input })).booking;
}

/** Reschedule, cancel, confirm, done, no-show. `message` is the policy's word on it (a late-cancel fee). */
export async function changeBooking(tenantId: string, bookingId: string, change: BookingChange): Promise<{ booking: BookingView; message: string | null }> {
  const answer = await apiRequest<{ booking: BookingView; message?: string | null }>(`${base(tenantId)}/bookings/${encodeURIComponent(bookingId)}`, { method: 'PATCH', body: change });
  return { booking: answer.booking, message: answer.message ?? null };
}

export async function fetchAvailability(tenantId: string, query: { serviceId: string; date: string; days?: number; resourceId?: string }, signal?: AbortSignal): Promise<AvailabilityAnswer> {
  return apiRequest<AvailabilityAnswer>(`${base(tenantId)}/availability${queryString(query)}`, { signal });
}

/** Every service, on or off, with who does it (the "Services & hours" page edits the same list). */
export async function fetchServices(tenantId: string, signal?: AbortSignal): Promise<Service[]> {
  return (await apiRequest<{ services: Service[] }>(`${base(tenantId)}/services`, { signal })).services;
}

export async function fetchResources(tenantId: string, signal?: AbortSignal): Promise<Resource[]> {
  return (await apiRequest<{ resources: Resource[] }>(`${base(tenantId)}/resources`, { signal })).resources;
}

export async function searchCustomers(tenantId: string, q: string, signal?: AbortSignal): Promise<CustomerMatch[]> {
  return (await apiRequest<{ customers: CustomerMatch[] }>(`${base(tenantId)}/customers${queryString({ q })}`, { signal })).customers;
}
