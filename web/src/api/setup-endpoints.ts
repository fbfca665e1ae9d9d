// The changes the "Services & hours" page makes (api/bookings/setup-routes.ts). The lists themselves
// are the calendar's (booking-endpoints.ts fetchServices, fetchResources), so one change refreshes both.
import { apiRequest } from './client.ts';
import type { BookingSettings, BookingSettingsInput, NewTimeOff, Resource, ResourceCreateInput, ResourceUpdateInput, Service, ServiceCreateInput, ServiceUpdateInput, TimeOff } from './booking-types.ts';

const base = (tenantId: string) => `/api/tenants/${encodeURIComponent(tenantId)}`;
const id = encodeURIComponent;

export async function createService(tenantId: string, input: Partial<ServiceCreateInput>): Promise<Service> {
  return (await apiRequest<{ service: Service }>(`${base(tenantId)}/services`, { method: 'POST', body: input })).service;
}

export async function updateService(tenantId: string, serviceId: string, input: ServiceUpdateInput): Promise<Service> {
  return (await apiRequest<{ service: Service }>(`${base(tenantId)}/services/${id(serviceId)}`, { method: 'PATCH', body: input })).service;
}

/** Deleted when nobody booked it; otherwise turned off, with a message saying so. */
export function removeService(tenantId: string, serviceId: string): Promise<{ removed: true } | { removed: false; service: Service; message: string }> {
  return apiRequest(`${base(tenantId)}/services/${id(serviceId)}`, { method: 'DELETE' });
}

export async function createResource(tenantId: string, input: Partial<ResourceCreateInput>): Promise<Resource> {
  return (await apiRequest<{ resource: Resource }>(`${base(tenantId)}/resources`, { method: 'POST', body: input })).resource;
}

export async function updateResource(tenantId: string, resourceId: string, input: ResourceUpdateInput): Promise<Resource> {
  return (await apiRequest<{ resource: Resource }>(`${base(tenantId)}/resources/${id(resourceId)}`, { method: 'PATCH', body: input })).resource;
}

export async function fetchTimeOff(tenantId: string, resourceId: string, signal?: AbortSignal): Promise<TimeOff[]> {
  return (await apiRequest<{ timeOff: TimeOff[] }>(`${base(tenantId)}/resources/${id(resourceId)}/time-off`, { signal })).timeOff;
}

export function addTimeOff(tenantId: string, resourceId: string, input: NewTimeOff): Promise<{ timeOff: TimeOff; bookingsInside: number; message: string | null }> {
  return apiRequest(`${base(tenantId)}/resources/${id(resourceId)}/time-off`, { method: 'POST', body: input });
}

export async function removeTimeOff(tenantId: string, resourceId: string, timeOffId: string): Promise<void> {
  await apiRequest(`${base(tenantId)}/resources/${id(resourceId)}/time-off/${id(timeOffId)}`, { method: 'DELETE' });
}

export async function fetchBookingSettings(tenantId: string, signal?: AbortSignal): Promise<BookingSettings> {
  return (await apiRequest<{ bookingSettings: BookingSettings }>(`${base(tenantId)}/booking-settings`, { signal })).bookingSettings;
}

export async function saveBookingSettings(tenantId: string, input: BookingSettingsInput): Promise<BookingSettings> {
  return (await apiRequest<{ bookingSettings: BookingSettings }>(`${base(tenantId)}/booking-settings`, { method: 'PUT', body: input })).bookingSettings;
}
