import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createBooking } from '../../api/booking-endpoints.ts';
import { availabilityQuery, bookingKeys, resourcesQuery, servicesQuery } from '../../api/booking-queries.ts';
import type { BookingView, NewBooking } from '../../api/booking-types.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { atClock } from '../../lib/calendar-time.ts';
import { Dialog } from '../Dialog.tsx';
import { FormAlert } from '../FormAlert.tsx';
import { FormField } from '../FormField.tsx';
import { useTenant } from '../tenant/TenantContext.tsx';
import { CustomerPicker, type CustomerChoice } from './CustomerPicker.tsx';
import { SlotPicker } from './SlotPicker.tsx';

/**
 * Booking a job by hand: a customer (found or new), a service, who does it (or anyone), a day and
 * one of its free slots — or, for owners, any time (the engine still refuses an overlap).
 */
/** What the API and the form name the customer's fields' errors: all go once the customer is changed. */
const CUSTOMER_ERRORS = ['customer', 'customer.name', 'customer.phone', 'customer.email', 'name', 'phone', 'email'];

export function NewBookingDialog({ defaultDate, defaultResourceId, onClose, onCreated }: { defaultDate: string; defaultResourceId?: string; onClose: () => void; onCreated: (booking: BookingView) => void }) {
  const tenant = useTenant();
  const queryClient = useQueryClient();
  const services = useQuery(servicesQuery(tenant.id));
  const resources = useQuery(resourcesQuery(tenant.id));
  const [customer, setCustomer] = useState<CustomerChoice>({ kind: 'new', name: '', phone: '', email: '' });
  const [serviceId, setServiceId] = useState('');
  const [resourceId, setResourceId] = useState(defaultResourceId ?? '');
  const [date, setDate] = useState(defaultDate);
  const [slot, setSlot] = useState<{ start: string; resourceIds: string[] } | null>(null);
  const [customTime, setCustomTime] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** A message goes once its field is changed: one left under a field already fixed misleads. */
  const fixed = (...keys: string[]) => setErrors((current) => (keys.some((key) => key in current) ? Object.fromEntries(Object.entries(current).filter(([key]) => !keys.includes(key))) : current));
  const slots = useQuery(availabilityQuery(tenant.id, { serviceId, date, days: 1, ...(resourceId ? { resourceId } : {}) }));
  const day = slots.data?.days.find((d) => d.date === date);

  const create = useMutation({
    mutationFn: (input: NewBooking) => createBooking(tenant.id, input),
    onSuccess: async (booking) => {
      await queryClient.invalidateQueries({ queryKey: bookingKeys.all(tenant.id) });
      onCreated(booking);
      onClose();
    },
    onError: (error) => setErrors(error instanceof ApiError ? error.fields : {}),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (customer.kind === 'new' && !customer.name.trim()) found['customer.name'] = 'Enter the customer’s name.';
    if (customer.kind === 'new' && !customer.phone.trim()) found['customer.phone'] = 'Enter a number we can text about the booking.';
    if (!serviceId) found.serviceId = 'Choose a service.';
    const start = customTime ? (/^\d{2}:\d{2}$/.test(customTime) ? atClock(date, Number(customTime.slice(0, 2)) * 60 + Number(customTime.slice(3)), tenant.timeZone) : null) : (slot?.start ?? null);
    if (!start) found.start = customTime !== null ? 'Enter a time.' : 'Pick a free time, or enter a time of your own.';
    setErrors(found);
    if (Object.keys(found).length > 0 || !start) return;
    const chosenResource = resourceId || (slot && !customTime ? slot.resourceIds[0] : undefined);
    create.mutate({
      serviceId,
      start,
      ...(chosenResource ? { resourceId: chosenResource } : {}),
      customer: customer.kind === 'existing' ? { id: customer.customer.id } : { name: customer.name.trim(), phone: customer.phone.trim(), ...(customer.email.trim() ? { email: customer.email.trim() } : {}) },
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    });
  };

  const formError = create.isError && (!(create.error instanceof ApiError) || Object.keys(create.error.fields).length === 0) ? errorMessage(create.error) : null;
  return (
    <Dialog title="New booking" onDismiss={onClose} busy={create.isPending}>
      <form className="form new-booking" onSubmit={submit} noValidate>
        <FormAlert message={formError} />
        <CustomerPicker tenantId={tenant.id} value={customer} errors={errors} onChange={(next) => (setCustomer(next), fixed(...CUSTOMER_ERRORS))} />
        <FormField id="booking-service" label="Service" error={errors.serviceId}>
          <select value={serviceId} onChange={(event) => (setServiceId(event.target.value), setSlot(null), fixed('serviceId', 'start'))}>
            <option value="">Choose a service</option>
            {(services.data ?? []).filter((s) => s.active !== false).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.durationMin} min)
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="booking-resource" label="Who does it" error={errors.resourceId}>
          <select value={resourceId} onChange={(event) => (setResourceId(event.target.value), setSlot(null), fixed('resourceId'))}>
            <option value="">Anyone free</option>
            {(resources.data ?? []).filter((r) => r.active !== false).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="booking-date" label="Day">
          <input type="date" value={date} onChange={(event) => event.target.value && (setDate(event.target.value), setSlot(null))} />
        </FormField>
        <div className={`form-field${errors.start ? ' has-error' : ''}`}>
          <span className="field-label">Time</span>
          {customTime === null ? (
            <>
              {!serviceId && <p className="muted small-text">Choose a service to see the free times.</p>}
              {slots.isError && <p className="form-alert">{errorMessage(slots.error)}</p>}
              {serviceId && day && <SlotPicker slots={day.slots} timeZone={tenant.timeZone} label="Free times" selected={slot?.start ?? null} onPick={(picked) => (setSlot(picked), fixed('start'))} />}
              {serviceId && slots.isSuccess && !day && <p className="muted">No free times that day. Try another day.</p>}
              {tenant.canManage && (
                <button type="button" className="link-button as-button" onClick={() => setCustomTime('')}>
                  Enter a time of your own
                </button>
              )}
            </>
          ) : (
            <>
              <input id="booking-time" type="time" aria-label="Start time" value={customTime} onChange={(event) => (setCustomTime(event.target.value), fixed('start'))} />
              <button type="button" className="link-button as-button" onClick={() => setCustomTime(null)}>
                Pick from the free times
              </button>
            </>
          )}
          {errors.start && (
            <p className="field-error" data-field-error="start">
              {errors.start}
            </p>
          )}
        </div>
        <FormField id="booking-notes" label="Notes" optional>
          <textarea rows={2} maxLength={2000} value={notes} onChange={(event) => setNotes(event.target.value)} />
        </FormField>
        <div className="dialog-actions">
          <button type="button" className="button button-ghost" onClick={onClose} disabled={create.isPending}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Booking…' : 'Book it'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
