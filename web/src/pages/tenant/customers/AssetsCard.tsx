import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { assetCreateInput } from '../../../../../domain/inputs/customer.ts';
import { addAsset, changeAsset, removeAsset } from '../../../api/customer-endpoints.ts';
import { customerKeys } from '../../../api/customer-queries.ts';
import type { AssetInput, AssetLabel, CustomerAsset } from '../../../api/types.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { FormField } from '../../../components/FormField.tsx';
import { showApiError } from '../../../lib/api-form-errors.ts';
import { assetWords, type AssetWords } from '../../../lib/customer-format.ts';
import { apiSchemaResolver } from '../../../lib/form-resolver.ts';

interface AssetsCardProps {
  tenantId: string;
  customerId: string;
  assets: CustomerAsset[];
  /** The trade's word ("vehicle", "pet", "pool"); null for a trade that keeps none. */
  label: AssetLabel | null;
  readOnly: boolean;
}

/** What the business works on for this customer — their vehicles, pets or pools — each added, changed or removed in place. */
export function AssetsCard({ tenantId, customerId, assets, label, readOnly }: AssetsCardProps) {
  const queryClient = useQueryClient();
  const words = assetWords(label);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [removing, setRemoving] = useState<CustomerAsset | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: customerKeys.page(tenantId, customerId) });

  return (
    <section className="settings-card customer-assets" aria-labelledby="assets-title" data-testid="customer-assets">
      <h2 id="assets-title">{words.heading}</h2>
      {assets.length === 0 && editing !== 'new' && <p className="muted">No {words.heading.toLowerCase()} yet.</p>}
      {assets.length > 0 && (
        <ul className="asset-list">
          {assets.map((asset) =>
            editing === asset.id ? (
              <li key={asset.id}>
                <AssetForm
                  words={words}
                  asset={asset}
                  onCancel={() => setEditing(null)}
                  onSave={async (input) => {
                    await changeAsset(tenantId, customerId, asset.id, input);
                    await refresh();
                    setEditing(null);
                  }}
                />
              </li>
            ) : (
              <li key={asset.id} className="asset-item" data-asset-id={asset.id}>
                <div className="asset-text">
                  <strong>{asset.description}</strong>
                  {asset.notes && <p className="muted small-text asset-notes">{asset.notes}</p>}
                </div>
                {!readOnly && (
                  <div className="record-actions">
                    <button type="button" className="button button-ghost" onClick={() => setEditing(asset.id)} aria-label={`Edit ${asset.description}`}>
                      Edit
                    </button>
                    <button type="button" className="button button-ghost button-danger" onClick={() => setRemoving(asset)} aria-label={`Remove ${asset.description}`}>
                      Remove
                    </button>
                  </div>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {editing === 'new' ? (
        <AssetForm
          words={words}
          onCancel={() => setEditing(null)}
          onSave={async (input) => {
            await addAsset(tenantId, customerId, { ...input, description: input.description ?? '' });
            await refresh();
            setEditing(null);
          }}
        />
      ) : (
        !readOnly && (
          <div>
            <button type="button" className="button button-ghost" onClick={() => setEditing('new')}>
              {words.add}
            </button>
          </div>
        )
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.description}?`}
          confirmLabel="Remove"
          busyLabel="Removing…"
          danger
          onDismiss={() => setRemoving(null)}
          onConfirm={async () => {
            await removeAsset(tenantId, customerId, removing.id);
            await refresh();
            toast.success(`${removing.description} was removed.`);
            setRemoving(null);
          }}
        >
          It comes off this customer's page. Their calls, texts and bookings stay.
        </ConfirmDialog>
      )}
    </section>
  );
}

interface AssetFormValues {
  description: string;
  notes: string;
}

function AssetForm({ words, asset, onSave, onCancel }: { words: AssetWords; asset?: CustomerAsset; onSave: (input: AssetInput) => Promise<void>; onCancel: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<AssetFormValues, unknown, AssetInput & { description: string }>({
    resolver: apiSchemaResolver<AssetFormValues, typeof assetCreateInput>(assetCreateInput),
    defaultValues: { description: asset?.description ?? '', notes: asset?.notes ?? '' },
  });
  const { errors, isSubmitting } = formState;
  const id = asset ? `asset-${asset.id}` : 'asset-new';
  const onSubmit = handleSubmit(async (checked) => {
    setFormError(null);
    try {
      // Notes left blank clear them (null), as the API reads a blank.
      await onSave({ description: checked.description, notes: checked.notes ?? null });
    } catch (error) {
      setFormError(showApiError(error, setError, (name) => name === 'description' || name === 'notes'));
    }
  });
  return (
    <form className="asset-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={isSubmitting} aria-label={asset ? `Edit ${asset.description}` : words.add}>
      <FormAlert message={formError} />
      <FormField id={`${id}-description`} label={words.label} hint={words.example ?? undefined} error={errors.description?.message}>
        <input autoComplete="off" {...register('description')} />
      </FormField>
      <FormField id={`${id}-notes`} label="Notes" optional error={errors.notes?.message}>
        <textarea rows={2} {...register('notes')} />
      </FormField>
      <div className="asset-form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : asset ? 'Save' : words.add}
        </button>
      </div>
    </form>
  );
}
