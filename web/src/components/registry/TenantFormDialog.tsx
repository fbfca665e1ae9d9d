import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ROOT_PROTECTED_FIELDS, tenantForm, type TenantFormOutput } from '../../../../domain/inputs/tenant.ts';
import { createTenant, updateTenant } from '../../api/endpoints.ts';
import { TIERS, type Tenant } from '../../api/types.ts';
import { showApiError } from '../../lib/api-form-errors.ts';
import { formatPhone, TIER_DESCRIPTIONS } from '../../lib/format.ts';
import { INDUSTRY_CHOICES, industryLabel } from '../../lib/industries.ts';
import { Dialog } from '../Dialog.tsx';
import { FormField } from '../FormField.tsx';
import { EMPTY_TENANT_FORM, TENANT_FORM_FIELDS, tenantFormValues, toCreateTenantInput, toUpdateTenantInput, type TenantFormValues } from './tenant-form.ts';

interface TenantFormDialogProps {
  /** Without a tenant the dialog creates one; with one it edits it. */
  tenant?: Tenant;
  onDismiss: () => void;
  onSaved: (tenant: Tenant) => void;
}

/** "New tenant" and "Edit tenant": the API's own rules checked as you type, then the API's field messages. */
export function TenantFormDialog({ tenant, onDismiss, onSaved }: TenantFormDialogProps) {
  const editing = tenant !== undefined;
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, watch, formState } = useForm<TenantFormValues, unknown, TenantFormOutput>({
    resolver: zodResolver(tenantForm),
    // An existing tenant's id cannot change: editing leaves it out (blank) and checks the rest.
    defaultValues: tenant ? { ...tenantFormValues(tenant), id: '' } : EMPTY_TENANT_FORM,
  });
  const { errors, isSubmitting } = formState;
  const industry = watch('industry');
  const knownIndustry = INDUSTRY_CHOICES.some((entry) => entry.value === industry);
  // Root's plan and number are fixed (the API refuses them): shown, not offered.
  const isRoot = tenant?.isRoot ?? false;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      if (tenant) {
        const changes = toUpdateTenantInput(values, tenant);
        onSaved(Object.keys(changes).length > 0 ? await updateTenant(tenant.id, changes) : tenant);
      } else {
        onSaved(await createTenant(toCreateTenantInput(values)));
      }
    } catch (error) {
      const isField = (name: string) => (TENANT_FORM_FIELDS as readonly string[]).includes(name) && !(editing && name === 'id');
      setFormError(showApiError(error, setError, isField));
    }
  });

  return (
    <Dialog
      title={editing ? 'Edit tenant' : 'New tenant'}
      description={
        editing ? (
          <>
            Change the details of <strong>{tenant.businessName}</strong>.{' '}
            {tenant.isRoot ? 'Its plan and number are fixed.' : 'Plan changes take effect right away.'}
          </>
        ) : (
          'Add a business to ServicePro. Every plan starts with a 14-day free trial.'
        )
      }
      onDismiss={onDismiss}
      busy={isSubmitting}
    >
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={isSubmitting}>
        {formError && (
          <div className="form-alert" role="alert">
            {formError}
          </div>
        )}

        <FormField id="tenant-businessName" label="Business name" error={errors.businessName?.message}>
          <input type="text" autoComplete="organization" placeholder="Sunny Lawns" required {...register('businessName')} />
        </FormField>

        {isRoot ? (
          <FixedSetting label="Plan" value={TIER_DESCRIPTIONS[tenant!.tier]} why={ROOT_PROTECTED_FIELDS.tier} />
        ) : (
          <FormField id="tenant-tier" label="Plan" error={errors.tier?.message}>
            <select {...register('tier')}>
              {TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {TIER_DESCRIPTIONS[tier]}
                </option>
              ))}
            </select>
          </FormField>
        )}

        {!editing && (
          <FormField id="tenant-id" label="Tenant id" optional hint="Leave blank to generate from the name. Lowercase letters, numbers and hyphens, 3–40 characters." error={errors.id?.message}>
            <input type="text" autoComplete="off" autoCapitalize="none" spellCheck={false} placeholder="sunny-lawns" {...register('id')} />
          </FormField>
        )}

        {isRoot ? (
          <FixedSetting label="Phone number" value={tenant!.phoneNumber ? formatPhone(tenant!.phoneNumber) : 'None'} why={ROOT_PROTECTED_FIELDS.phoneNumber} />
        ) : (
          <FormField id="tenant-phoneNumber" label="Phone number" optional hint="The business line, like (918) 555-0123, or +44 20 7946 0958 outside the US." error={errors.phoneNumber?.message}>
            <input type="tel" autoComplete="off" inputMode="tel" placeholder="(918) 555-0123" {...register('phoneNumber')} />
          </FormField>
        )}

        {!editing && (
          <FormField id="tenant-ownerEmail" label="Owner's email" optional hint="We email them an invite to set their password and run the business." error={errors.ownerEmail?.message}>
            <input type="email" autoComplete="off" inputMode="email" placeholder="owner@example.com" {...register('ownerEmail')} />
          </FormField>
        )}

        <FormField id="tenant-industry" label="Industry" optional error={errors.industry?.message}>
          <select {...register('industry')}>
            <option value="">Choose one</option>
            {INDUSTRY_CHOICES.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
            {industry && !knownIndustry && <option value={industry}>{industryLabel(industry)}</option>}
          </select>
        </FormField>

        <div className="dialog-actions">
          <button type="button" className="button button-ghost" onClick={onDismiss} disabled={isSubmitting}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {editing ? (isSubmitting ? 'Saving…' : 'Save changes') : isSubmitting ? 'Creating…' : 'Create tenant'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A setting shown with why it cannot change here. */
function FixedSetting({ label, value, why }: { label: string; value: string; why: string }) {
  return (
    <div className="form-field fixed-setting" data-testid="fixed-setting">
      <span className="fixed-label">{label}</span>
      <p className="fixed-value">{value}</p>
      <p className="field-hint">{why}</p>
    </div>
  );
}
