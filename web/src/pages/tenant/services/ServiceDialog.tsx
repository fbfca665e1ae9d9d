import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { serviceCreateInput } from '../../../../../domain/inputs/booking-setup.ts';
import { bookingKeys } from '../../../api/booking-queries.ts';
import type { Resource, Service, ServiceCreateInput } from '../../../api/booking-types.ts';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { createService, removeService, updateService } from '../../../api/setup-endpoints.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { FormField } from '../../../components/FormField.tsx';
import { centsToDollars, dollarsToCents, DOLLARS_HINT } from '../../../lib/money.ts';
import { fieldMessages } from './setup-format.ts';

interface Draft {
  name: string;
  description: string;
  duration: string;
  price: string;
  bufferBefore: string;
  bufferAfter: string;
  deposit: string;
  resourceIds: string[];
  active: boolean;
}

const draftOf = (service: Service | null): Draft => ({
  name: service?.name ?? '',
  description: service?.description ?? '',
  duration: String(service?.durationMin ?? 60),
  price: service ? centsToDollars(service.priceCents) : '',
  bufferBefore: String(service?.bufferBeforeMin ?? 0),
  bufferAfter: String(service?.bufferAfterMin ?? 0),
  deposit: service ? centsToDollars(service.depositCents) : '0',
  resourceIds: service?.resourceIds ?? [],
  active: service?.active ?? true,
});

const minutes = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** Adding or changing a service: what it is, how long, what it costs, and who can do it. */
export function ServiceDialog({ tenantId, service, resources, depositsEnabled, onClose }: { tenantId: string; service: Service | null; resources: Resource[]; depositsEnabled: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(service));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: bookingKeys.services(tenantId) });

  const save = useMutation({
    mutationFn: (body: ServiceCreateInput) => (service ? updateService(tenantId, service.id, body) : createService(tenantId, body)),
    onSuccess: async (saved) => {
      await refresh();
      toast.success(service ? `Saved “${saved.name}”.` : `Added “${saved.name}”.`);
      onClose();
    },
    onError: (error) => setErrors(error instanceof ApiError ? error.fields : {}),
  });
  const remove = useMutation({
    mutationFn: () => removeService(tenantId, service!.id),
    onSuccess: async (result) => {
      await refresh();
      if (result.removed) toast.success(`Removed “${service!.name}”.`);
      else toast.info(result.message);
      onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const price = dollarsToCents(draft.price);
    const deposit = depositsEnabled ? dollarsToCents(draft.deposit || '0') : (service?.depositCents ?? 0);
    const body = {
      name: draft.name,
      description: draft.description,
      durationMin: minutes(draft.duration),
      priceCents: price,
      bufferBeforeMin: minutes(draft.bufferBefore || '0'),
      bufferAfterMin: minutes(draft.bufferAfter || '0'),
      // With deposits off the field is hidden: a deposit kept from before must still fit a lower price.
      depositCents: depositsEnabled ? deposit : Math.min(deposit, Number.isNaN(price) ? deposit : price),
      resourceIds: draft.resourceIds,
      active: draft.active,
    };
    const found: Record<string, string> = {};
    const parsed = serviceCreateInput.safeParse(body);
    if (!parsed.success) Object.assign(found, fieldMessages(parsed.error));
    if (Number.isNaN(price)) found.priceCents = DOLLARS_HINT;
    if (Number.isNaN(deposit)) found.depositCents = DOLLARS_HINT;
    setErrors(found);
    if (Object.keys(found).length === 0 && parsed.success) save.mutate(parsed.data);
  };

  const busy = save.isPending || remove.isPending;
  const failure = save.isError && (!(save.error instanceof ApiError) || Object.keys(save.error.fields).length === 0) ? errorMessage(save.error) : remove.isError ? errorMessage(remove.error) : null;
  const people = resources.filter((r) => r.active || draft.resourceIds.includes(r.id));
  const number = (field: 'duration' | 'bufferBefore' | 'bufferAfter', max: number) => (
    <input type="number" inputMode="numeric" min={0} max={max} step={5} value={draft[field]} onChange={(event) => set(field, event.target.value)} />
  );

  return (
    <Dialog title={service ? `Edit ${service.name}` : 'Add a service'} onDismiss={onClose} busy={busy}>
      <form className="form setup-dialog" onSubmit={submit} noValidate>
        <FormAlert message={failure ?? errors._ ?? null} />
        <FormField id="service-name" label="Name" error={errors.name}>
          <input type="text" maxLength={80} autoComplete="off" value={draft.name} onChange={(event) => set('name', event.target.value)} />
        </FormField>
        <FormField id="service-description" label="Description" optional hint="Shown to customers on your booking page." error={errors.description}>
          <textarea rows={2} maxLength={500} value={draft.description} onChange={(event) => set('description', event.target.value)} />
        </FormField>
        <div className="setup-row">
          <FormField id="service-duration" label="How long it takes (minutes)" error={errors.durationMin}>
            {number('duration', 720)}
          </FormField>
          <FormField id="service-price" label="Price ($)" error={errors.priceCents}>
            <input type="text" inputMode="decimal" placeholder="79" value={draft.price} onChange={(event) => set('price', event.target.value)} />
          </FormField>
        </div>
        <div className="setup-row">
          <FormField id="service-buffer-before" label="Time before (minutes)" hint="Travel or setup. Customers don’t see it." error={errors.bufferBeforeMin}>
            {number('bufferBefore', 240)}
          </FormField>
          <FormField id="service-buffer-after" label="Time after (minutes)" hint="Clean-up before the next job." error={errors.bufferAfterMin}>
            {number('bufferAfter', 240)}
          </FormField>
        </div>
        {depositsEnabled && (
          <FormField id="service-deposit" label="Deposit ($)" hint="Paid by card when a customer books online; 0 for none. It can’t be more than the price." error={errors.depositCents}>
            <input type="text" inputMode="decimal" value={draft.deposit} onChange={(event) => set('deposit', event.target.value)} />
          </FormField>
        )}
        <fieldset className="plain-fieldset setup-who">
          <legend className="field-label">Who can do it</legend>
          <p className="field-hint">Tick the people or vans that do this job. Leave all unticked and anyone on the team can.</p>
          <div className="choice-row">
            {people.map((resource) => (
              <label key={resource.id} className="choice">
                <input
                  type="checkbox"
                  checked={draft.resourceIds.includes(resource.id)}
                  onChange={(event) => set('resourceIds', event.target.checked ? [...draft.resourceIds, resource.id] : draft.resourceIds.filter((id) => id !== resource.id))}
                />
                {resource.name}
              </label>
            ))}
          </div>
          {errors.resourceIds && (
            <p className="field-error" data-field-error="resourceIds">
              {errors.resourceIds}
            </p>
          )}
        </fieldset>
        <label className="choice">
          <input type="checkbox" checked={draft.active} onChange={(event) => set('active', event.target.checked)} />
          Customers can book this
        </label>
        <div className="dialog-actions">
          {service && (
            <button type="button" className="button button-danger" onClick={() => remove.mutate()} disabled={busy}>
              {remove.isPending ? 'Removing…' : 'Remove service'}
            </button>
          )}
          <button type="button" className="button button-ghost" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {save.isPending ? 'Saving…' : service ? 'Save service' : 'Add service'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
