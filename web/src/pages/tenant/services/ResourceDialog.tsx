import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { RESOURCE_KINDS, resourceCreateInput, type ResourceKind } from '../../../../../domain/inputs/booking-setup.ts';
import { normalizeWeeklyHours, WEEKDAYS, type Period } from '../../../../../domain/weekly-hours.ts';
import { bookingKeys } from '../../../api/booking-queries.ts';
import type { Resource, ResourceCreateInput } from '../../../api/booking-types.ts';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { createResource, updateResource } from '../../../api/setup-endpoints.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { FormField } from '../../../components/FormField.tsx';
import { BusinessHoursEditor } from '../phone-settings/BusinessHoursEditor.tsx';
import { emptyDays, type HoursByDay } from '../phone-settings/form-values.ts';
import { fieldMessages } from './setup-format.ts';

export const KIND_LABELS: Record<ResourceKind, string> = { technician: 'Person', van: 'Van', bay: 'Bay' };

const daysOf = (resource: Resource | null): HoursByDay => {
  const days = emptyDays();
  for (const day of WEEKDAYS) days[day] = (resource?.weeklyHours?.[day] ?? []).map(([start, end]) => [start, end] as Period);
  return days;
};
/** A new own week starts as office hours on weekdays, to be changed. */
const weekdaysNineToFive = (): HoursByDay => ({ ...emptyDays(), mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] });

/** Adding or changing a team member, van or bay: its name, its kind and the week it works. */
export function ResourceDialog({ tenantId, resource, onClose }: { tenantId: string; resource: Resource | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(resource?.name ?? '');
  const [kind, setKind] = useState<ResourceKind>(resource?.kind ?? 'technician');
  const [ownHours, setOwnHours] = useState(Boolean(resource?.weeklyHours));
  const [hours, setHours] = useState<HoursByDay>(() => (resource?.weeklyHours ? daysOf(resource) : weekdaysNineToFive()));
  const [active, setActive] = useState(resource?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: (body: ResourceCreateInput) => (resource ? updateResource(tenantId, resource.id, body) : createResource(tenantId, body)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: bookingKeys.resources(tenantId) });
      toast.success(resource ? `Saved ${saved.name}.` : `Added ${saved.name}.`);
      onClose();
    },
    onError: (error) => setErrors(error instanceof ApiError ? error.fields : {}),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = resourceCreateInput.safeParse({ name, kind, active, weeklyHours: ownHours ? normalizeWeeklyHours(hours) : null });
    setErrors(parsed.success ? {} : fieldMessages(parsed.error));
    if (parsed.success) save.mutate(parsed.data);
  };

  const failure = save.isError && save.error instanceof ApiError && save.error.code === 'last_resource' ? save.error.message : save.isError && (!(save.error instanceof ApiError) || Object.keys(save.error.fields).length === 0) ? errorMessage(save.error) : null;
  return (
    <Dialog title={resource ? `Edit ${resource.name}` : 'Add a team member or van'} onDismiss={onClose} busy={save.isPending}>
      <form className="form setup-dialog" onSubmit={submit} noValidate>
        <FormAlert message={failure} />
        <div className="setup-row">
          <FormField id="resource-name" label="Name" hint="A person (“Alex”) or a vehicle (“Van 2”)." error={errors.name}>
            <input type="text" maxLength={80} autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />
          </FormField>
          <FormField id="resource-kind" label="Kind" error={errors.kind}>
            <select value={kind} onChange={(event) => setKind(event.target.value as ResourceKind)}>
              {RESOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </FormField>
        </div>
        <fieldset className="plain-fieldset">
          <legend className="field-label">When they work</legend>
          <div className="choice-row" role="radiogroup" aria-label="When they work">
            <label className="choice">
              <input type="radio" name="resource-hours" checked={!ownHours} onChange={() => setOwnHours(false)} />
              Same as business hours
            </label>
            <label className="choice">
              <input type="radio" name="resource-hours" checked={ownHours} onChange={() => setOwnHours(true)} />
              Their own hours
            </label>
          </div>
          {ownHours && <BusinessHoursEditor hours={hours} label={`${name || 'This'}’s hours by day`} fieldName="weeklyHours" errorAt={(day, index) => errors[`weeklyHours.${day}.${index}`]} disabled={save.isPending} onChange={setHours} />}
          {errors.weeklyHours && (
            <p className="field-error" data-field-error="weeklyHours">
              {errors.weeklyHours}
            </p>
          )}
        </fieldset>
        <label className="choice">
          <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
          Takes bookings
        </label>
        {errors.active && (
          <p className="field-error" data-field-error="active">
            {errors.active}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button button-ghost" onClick={onClose} disabled={save.isPending}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : resource ? 'Save' : 'Add'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
