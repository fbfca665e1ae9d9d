import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { bookingKeys, timeOffQuery } from '../../../api/booking-queries.ts';
import type { Resource } from '../../../api/booking-types.ts';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { addTimeOff, removeTimeOff } from '../../../api/setup-endpoints.ts';
import { FormField } from '../../../components/FormField.tsx';
import { todayIn } from '../../../lib/calendar-time.ts';
import { daysLabel } from './setup-format.ts';

/** One resource's days off: those still to come, and a short form to add more. */
export function TimeOffPanel({ tenantId, timeZone, resource, readOnly }: { tenantId: string; timeZone: string; resource: Resource; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const list = useQuery(timeOffQuery(tenantId, resource.id));
  const today = todayIn(timeZone);
  const [from, setFrom] = useState('');
  const [through, setThrough] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: bookingKeys.timeOff(tenantId, resource.id) });

  const add = useMutation({
    mutationFn: () => addTimeOff(tenantId, resource.id, { from, through: through || from, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    onSuccess: async (result) => {
      await refresh();
      setFrom('');
      setThrough('');
      setReason('');
      setNotice(result.message ?? `Time off added: ${daysLabel(result.timeOff.from, result.timeOff.through)}.`);
    },
    onError: (error) => setErrors(error instanceof ApiError ? error.fields : { _: errorMessage(error) }),
  });
  const remove = useMutation({
    mutationFn: (off: { id: string; from: string; through: string }) => removeTimeOff(tenantId, resource.id, off.id),
    onSuccess: async (_, off) => {
      await refresh();
      setNotice(`Time off removed: ${daysLabel(off.from, off.through)}.`);
    },
    onError: (error) => setNotice(`Not removed: ${errorMessage(error)}`),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (!from) return setErrors({ from: 'Choose the first day off' });
    setErrors({});
    add.mutate();
  };

  const prefix = `timeoff-${resource.id}`;
  return (
    <div className="time-off" data-testid={`time-off-${resource.id}`}>
      <h4>Time off</h4>
      {list.isError && <p className="form-alert">{errorMessage(list.error)}</p>}
      {list.data && list.data.length === 0 && <p className="muted small-text">No time off coming up.</p>}
      {list.data && list.data.length > 0 && (
        <ul className="time-off-list">
          {list.data.map((off) => (
            <li key={off.id} data-time-off-id={off.id}>
              <span>
                <strong>{daysLabel(off.from, off.through)}</strong>
                {off.reason && <span className="muted"> · {off.reason}</span>}
              </span>
              {!readOnly && (
                <button type="button" className="link-button as-button" onClick={() => remove.mutate(off)} disabled={remove.isPending}>
                  Remove<span className="visually-hidden"> time off {daysLabel(off.from, off.through)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form className="time-off-form" onSubmit={submit} noValidate aria-label={`Add time off for ${resource.name}`}>
          <FormField id={`${prefix}-from`} label="First day off" error={errors.from}>
            <input type="date" min={today} value={from} onChange={(event) => setFrom(event.target.value)} />
          </FormField>
          <FormField id={`${prefix}-through`} label="Last day off" hint="Leave empty for one day." error={errors.through}>
            <input type="date" min={from || today} value={through} onChange={(event) => setThrough(event.target.value)} />
          </FormField>
          <FormField id={`${prefix}-reason`} label="Reason" optional error={errors.reason}>
            <input type="text" maxLength={200} placeholder="Vacation" value={reason} onChange={(event) => setReason(event.target.value)} />
          </FormField>
          <button type="submit" className="button button-ghost" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add time off'}
          </button>
        </form>
      )}
      {errors._ && <p className="form-alert">{errors._}</p>}
      {notice && (
        <p className="form-notice" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}
