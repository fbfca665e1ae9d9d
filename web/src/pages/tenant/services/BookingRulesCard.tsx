import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { bookingSettingsInput } from '../../../../../domain/inputs/booking-setup.ts';
import { bookingKeys } from '../../../api/booking-queries.ts';
import type { BookingSettings } from '../../../api/booking-types.ts';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { saveBookingSettings } from '../../../api/setup-endpoints.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { FormField } from '../../../components/FormField.tsx';
import { Toggle } from '../../../components/Toggle.tsx';
import { centsToDollars, dollarsToCents, DOLLARS_HINT } from '../../../lib/money.ts';
import { fieldMessages, noticeLabel } from './setup-format.ts';

const INTERVALS = [10, 15, 20, 30, 45, 60, 90, 120];
const NOTICES = [0, 30, 60, 120, 240, 720, 1440, 2880, 4320, 10_080];
/** The choices, with the saved value among them even when it is not one of ours. */
const withCurrent = (choices: number[], current: number) => (choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b));

interface Draft {
  slotIntervalMin: number;
  minNoticeMin: number;
  maxAdvanceDays: string;
  cancellationWindowHours: string;
  cancellationFee: string;
  depositsEnabled: boolean;
  remindersEnabled: boolean;
  reviewUrl: string;
}

const draftOf = (s: BookingSettings): Draft => ({
  slotIntervalMin: s.slotIntervalMin,
  minNoticeMin: s.minNoticeMin,
  maxAdvanceDays: String(s.maxAdvanceDays),
  cancellationWindowHours: String(s.cancellationWindowHours),
  cancellationFee: centsToDollars(s.cancellationFeeCents),
  depositsEnabled: s.depositsEnabled,
  remindersEnabled: s.remindersEnabled,
  reviewUrl: s.reviewUrl ?? '',
});

const whole = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** The rules every booking follows: when slots start, notice, how far ahead, cancelling, deposits, reminders. */
export function BookingRulesCard({ tenantId, saved, readOnly }: { tenantId: string; saved: BookingSettings; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => (setDraft((d) => ({ ...d, [key]: value })), setStatus(''));

  const save = useMutation({
    mutationFn: (body: Parameters<typeof saveBookingSettings>[1]) => saveBookingSettings(tenantId, body),
    onSuccess: (next) => {
      queryClient.setQueryData(bookingKeys.settings(tenantId), next);
      setDraft(draftOf(next));
      setStatus('Saved');
    },
    onError: (error) => setErrors(error instanceof ApiError ? error.fields : {}),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fee = dollarsToCents(draft.cancellationFee || '0');
    const parsed = bookingSettingsInput.safeParse({
      slotIntervalMin: draft.slotIntervalMin,
      minNoticeMin: draft.minNoticeMin,
      maxAdvanceDays: whole(draft.maxAdvanceDays),
      cancellationWindowHours: whole(draft.cancellationWindowHours),
      cancellationFeeCents: fee,
      depositsEnabled: draft.depositsEnabled,
      remindersEnabled: draft.remindersEnabled,
      reviewUrl: draft.reviewUrl,
    });
    const found = parsed.success ? {} : fieldMessages(parsed.error);
    if (Number.isNaN(fee)) found.cancellationFeeCents = DOLLARS_HINT;
    setErrors(found);
    if (parsed.success && Object.keys(found).length === 0) save.mutate(parsed.data);
  };

  const failure = save.isError && (!(save.error instanceof ApiError) || Object.keys(save.error.fields).length === 0) ? errorMessage(save.error) : null;
  return (
    <form className="settings-card" onSubmit={submit} noValidate aria-labelledby="rules-title" data-testid="booking-rules">
      <h2 id="rules-title">Booking rules</h2>
      <FormAlert message={failure} />
      <fieldset className="plain-fieldset" disabled={readOnly}>
        <div className="setup-row">
          <FormField id="rules-notice" label="How much notice do you need?" hint="Nobody can book a time sooner than this from now." error={errors.minNoticeMin}>
            <select value={draft.minNoticeMin} onChange={(event) => set('minNoticeMin', Number(event.target.value))}>
              {withCurrent(NOTICES, draft.minNoticeMin).map((m) => (
                <option key={m} value={m}>
                  {m === 0 ? 'No notice needed' : noticeLabel(m)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id="rules-advance" label="How far ahead can people book? (days)" error={errors.maxAdvanceDays}>
            <input type="number" inputMode="numeric" min={1} max={730} value={draft.maxAdvanceDays} onChange={(event) => set('maxAdvanceDays', event.target.value)} />
          </FormField>
        </div>
        <FormField id="rules-interval" label="Offer start times every" hint="For example every 30 minutes: 9:00, 9:30, 10:00…" error={errors.slotIntervalMin}>
          <select value={draft.slotIntervalMin} onChange={(event) => set('slotIntervalMin', Number(event.target.value))}>
            {withCurrent(INTERVALS, draft.slotIntervalMin).map((m) => (
              <option key={m} value={m}>
                {noticeLabel(m)}
              </option>
            ))}
          </select>
        </FormField>
        <div className="setup-row">
          <FormField id="rules-window" label="Free cancelling until (hours before)" hint="Cancelling or moving later than this counts as late." error={errors.cancellationWindowHours}>
            <input type="number" inputMode="numeric" min={0} max={168} value={draft.cancellationWindowHours} onChange={(event) => set('cancellationWindowHours', event.target.value)} />
          </FormField>
          <FormField id="rules-fee" label="Late-cancellation fee ($)" hint="What you tell customers who cancel late; 0 for none." error={errors.cancellationFeeCents}>
            <input type="text" inputMode="decimal" value={draft.cancellationFee} onChange={(event) => set('cancellationFee', event.target.value)} />
          </FormField>
        </div>
        <Toggle label="Ask for a deposit when customers book online" checked={draft.depositsEnabled} disabled={readOnly} onCheckedChange={(on) => set('depositsEnabled', on)} />
        <Toggle label="Text customers a reminder before their booking" checked={draft.remindersEnabled} disabled={readOnly} onCheckedChange={(on) => set('remindersEnabled', on)} />
        <FormField id="rules-review" label="Review link" optional hint="After a job we text a thank-you with this link (your Google or Yelp page)." error={errors.reviewUrl}>
          <input type="url" inputMode="url" placeholder="https://g.page/r/…/review" value={draft.reviewUrl} onChange={(event) => set('reviewUrl', event.target.value)} />
        </FormField>
      </fieldset>
      {!readOnly && (
        <div className="settings-actions">
          <p className="settings-status" role="status" aria-live="polite">
            {status}
          </p>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save rules'}
          </button>
        </div>
      )}
    </form>
  );
}
