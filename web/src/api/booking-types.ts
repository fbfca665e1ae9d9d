// The shapes of the booking routes. The booking itself is the API's shared view (type-only import:
// nothing of domain/ is bundled). The others are the fields the pages read.
export type { BookingView } from '../../../domain/booking/view.ts';
import type { BookingView } from '../../../domain/booking/view.ts';

export type BookingStatus = BookingView['status'];
export const BOOKING_STATUSES = ['held', 'confirmed', 'completed', 'cancelled', 'expired', 'no_show'] as const satisfies readonly BookingStatus[];

export interface BookingFilter {
  /** ISO instants (with the business's offset) bounding the start. */
  from?: string;
  to?: string;
  resourceId?: string;
  status?: BookingStatus;
  customerId?: string;
}

export interface NewBooking {
  serviceId: string;
  start: string;
  resourceId?: string;
  customer: { id: string } | { name: string; phone: string; email?: string };
  notes?: string;
  address?: string;
}

export type BookingChange =
  | { action: 'reschedule'; start: string; resourceId?: string }
  | { action: 'cancel'; reason?: string }
  | { action: 'confirm' | 'complete' | 'no_show' };

export interface AvailabilityAnswer {
  timeZone: string;
  days: { date: string; slots: { start: string; end: string; resourceIds: string[] }[] }[];
}

export interface ServiceChoice {
  id: string;
  name: string;
  durationMin: number;
  priceCents?: number;
  active?: boolean;
}

export interface ResourceChoice {
  id: string;
  name: string;
  kind: string;
  active?: boolean;
}

export interface CustomerMatch {
  id: string;
  name: string;
  phone: string | null;
  email?: string | null;
}

// What the "Services & hours" page reads and sends (api/bookings/setup.ts; domain/inputs/booking-setup.ts).
export type { BookingSettingsView as BookingSettings, ResourceView as Resource, ServiceView as Service, TimeOffView as TimeOff } from '../../../api/bookings/setup.ts';
export type { BookingSettingsInput, ResourceCreateInput, ResourceUpdateInput, ServiceCreateInput, ServiceUpdateInput } from '../../../domain/inputs/booking-setup.ts';

/** POST …/time-off: whole local days, both included. */
export interface NewTimeOff {
  from: string;
  through: string;
  reason?: string;
}
