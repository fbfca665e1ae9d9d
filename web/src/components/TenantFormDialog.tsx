import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { createTenant, updateTenant } from '../api/endpoints.ts';
import { TIERS, type Tenant, type Tier } from '../api/types.ts';
import { INDUSTRIES, industryLabel, TIER_DESCRIPTIONS } from '../lib/format.ts';
import {
  EMPTY_TENANT_FORM,
  TENANT_FORM_FIELDS,
  tenantFormValues,
  toCreateTenantInput,
  toUpdateTenantInput,
  validateTenantForm,
  type TenantFormErrors,
  type TenantFormField,
  type TenantFormValues,
} from '../lib/tenant-form.ts';
import { Dialog } from './Dialog.tsx';
import { FormField } from './FormField.tsx';

interface TenantFormDialogProps {
  /** Without a tenant the dialog creates one; with one it edits it. */
  tenant?: Tenant;
  onDismiss: () => void;
  onSaved: (tenant: Tenant) => void;
}

function isFormField(name: string): name is TenantFormField {
  return (TENANT_FORM_FIELDS as readonly string[]).includes(name);
}

/** "New tenant" and "Edit tenant": client-side checks first, then the API's field messages. */
export function TenantFormDialog({ tenant, onDismiss, onSaved }: TenantFormDialogProps) {
  const editing = tenant !== undefined;
  const [values, setValues] = useState<TenantFormValues>(() => (tenant ? tenantFormValues(tenant) : EMPTY_TENANT_FORM));
  const [clientErrors, setClientErrors] = useState<TenantFormErrors>({});
  const [serverErrors, setServerErrors] = useState<TenantFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);

  function update<K extends TenantFormField>(field: K, value: TenantFormValues[K]) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (submitted) setClientErrors(validateTenantForm(next));
    if (serverErrors[field]) {
      const { [field]: _cleared, ...rest } = serverErrors;
      setServerErrors(rest);
    }
  }

  function showApiError(error: unknown) {
    if (!(error instanceof ApiError)) {
      setFormError(errorMessage(error));
      return;
    }
    const fieldErrors: TenantFormErrors = {};
    const otherMessages: string[] = [];
    for (const [name, message] of Object.entries(error.fields)) {
      if (isFormField(name) && !(editing && name === 'id')) fieldErrors[name] = message;
      else otherMessages.push(message);
    }
    setServerErrors(fieldErrors);
    // Field messages go under their fields; anything else is shown above the form.
    if (Object.keys(fieldErrors).length === 0) setFormError(error.message);
    else if (otherMessages.length > 0) setFormError(otherMessages.join(' '));
    const firstField = TENANT_FORM_FIELDS.find((field) => fieldErrors[field]);
    if (firstField) document.getElementById(`tenant-${firstField}`)?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setSubmitted(true);
    setFormError(null);
    setServerErrors({});
    const errors = validateTenantForm(editing ? { ...values, id: '' } : values);
    setClientErrors(errors);
    const firstInvalid = TENANT_FORM_FIELDS.find((field) => errors[field]);
    if (firstInvalid) {
      document.getElementById(`tenant-${firstInvalid}`)?.focus();
      return;
    }

    setSaving(true);
    try {
      if (tenant) {
        const changes = toUpdateTenantInput(values, tenant);
        onSaved(Object.keys(changes).length > 0 ? await updateTenant(tenant.id, changes) : tenant);
      } else {
        onSaved(await createTenant(toCreateTenantInput(values)));
      }
    } catch (error) {
      setSaving(false);
      showApiError(error);
    }
  }

  const errorFor = (field: TenantFormField) => clientErrors[field] ?? serverErrors[field];
  const knownIndustry = INDUSTRIES.some((entry) => entry.value === values.industry);

  return (
    <Dialog
      title={editing ? 'Edit tenant' : 'New tenant'}
      description={
        editing ? (
          <>
            Change the details of <strong>{tenant.businessName}</strong>. Plan changes take effect right away.
          </>
        ) : (
          'Add a business to ServicePro. Every plan starts with a 14-day free trial.'
        )
      }
      onDismiss={onDismiss}
      busy={saving}
    >
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={saving}>
        {formError && (
          <div className="form-alert" role="alert">
            {formError}
          </div>
        )}

        <FormField id="tenant-businessName" label="Business name" error={errorFor('businessName')}>
          <input
            name="businessName"
            type="text"
            autoComplete="organization"
            placeholder="Sunny Lawns"
            value={values.businessName}
            onChange={(event) => update('businessName', event.target.value)}
            required
          />
        </FormField>

        <FormField id="tenant-tier" label="Plan" error={errorFor('tier')}>
          <select name="tier" value={values.tier} onChange={(event) => update('tier', event.target.value as Tier)}>
            {TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {TIER_DESCRIPTIONS[tier]}
              </option>
            ))}
          </select>
        </FormField>

        {!editing && (
          <FormField
            id="tenant-id"
            label="Tenant id"
            optional
            hint="Leave blank to generate from the name. Lowercase letters, numbers and hyphens, 3–40 characters."
            error={errorFor('id')}
          >
            <input
              name="id"
              type="text"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              placeholder="sunny-lawns"
              value={values.id}
              onChange={(event) => update('id', event.target.value)}
            />
          </FormField>
        )}

        <FormField
          id="tenant-phoneNumber"
          label="Phone number"
          optional
          hint="The business line, with the country code, like +19185550123."
          error={errorFor('phoneNumber')}
        >
          <input
            name="phoneNumber"
            type="tel"
            autoComplete="off"
            inputMode="tel"
            placeholder="+19185550123"
            value={values.phoneNumber}
            onChange={(event) => update('phoneNumber', event.target.value)}
          />
        </FormField>

        <FormField id="tenant-industry" label="Industry" optional error={errorFor('industry')}>
          <select name="industry" value={values.industry} onChange={(event) => update('industry', event.target.value)}>
            <option value="">Choose one</option>
            {INDUSTRIES.map((industry) => (
              <option key={industry.value} value={industry.value}>
                {industry.label}
              </option>
            ))}
            {values.industry && !knownIndustry && <option value={values.industry}>{industryLabel(values.industry)}</option>}
          </select>
        </FormField>

        <div className="dialog-actions">
          <button type="button" className="button button-ghost" onClick={onDismiss} disabled={saving}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {editing ? (saving ? 'Saving…' : 'Save changes') : saving ? 'Creating…' : 'Create tenant'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
