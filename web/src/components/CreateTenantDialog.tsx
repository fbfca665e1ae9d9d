import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { createTenant } from '../api/endpoints.ts';
import { TIERS, type Tenant, type Tier } from '../api/types.ts';
import { INDUSTRIES, TIER_DESCRIPTIONS } from '../lib/format.ts';
import {
  EMPTY_TENANT_FORM,
  TENANT_FORM_FIELDS,
  toCreateTenantInput,
  validateTenantForm,
  type TenantFormErrors,
  type TenantFormField,
  type TenantFormValues,
} from '../lib/tenant-form.ts';
import { Dialog } from './Dialog.tsx';
import { FormField } from './FormField.tsx';

interface CreateTenantDialogProps {
  onDismiss: () => void;
  onCreated: (tenant: Tenant) => void;
}

const FIELD_LABELS: Record<TenantFormField, string> = {
  businessName: 'Business name',
  tier: 'Plan',
  id: 'Tenant id',
  phoneNumber: 'Phone number',
  industry: 'Industry',
};

function isFormField(name: string): name is TenantFormField {
  return (TENANT_FORM_FIELDS as readonly string[]).includes(name);
}

export function CreateTenantDialog({ onDismiss, onCreated }: CreateTenantDialogProps) {
  const [values, setValues] = useState<TenantFormValues>(EMPTY_TENANT_FORM);
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

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setSubmitted(true);
    setFormError(null);
    setServerErrors({});
    const errors = validateTenantForm(values);
    setClientErrors(errors);
    const firstInvalid = TENANT_FORM_FIELDS.find((field) => errors[field]);
    if (firstInvalid) {
      document.getElementById(`tenant-${firstInvalid}`)?.focus();
      return;
    }

    setSaving(true);
    try {
      const tenant = await createTenant(toCreateTenantInput(values));
      onCreated(tenant);
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError) {
        const fieldErrors: TenantFormErrors = {};
        const otherMessages: string[] = [];
        for (const [name, message] of Object.entries(error.fields)) {
          if (isFormField(name)) fieldErrors[name] = message;
          else otherMessages.push(message);
        }
        setServerErrors(fieldErrors);
        // Field messages go under their fields; anything else is shown above the form.
        if (Object.keys(fieldErrors).length === 0) setFormError(error.message);
        else if (otherMessages.length > 0) setFormError(otherMessages.join(' '));
        const firstServerField = TENANT_FORM_FIELDS.find((field) => fieldErrors[field]);
        if (firstServerField) document.getElementById(`tenant-${firstServerField}`)?.focus();
      } else {
        setFormError(errorMessage(error));
      }
    }
  }

  const errorFor = (field: TenantFormField) => clientErrors[field] ?? serverErrors[field];

  return (
    <Dialog
      title="New tenant"
      description="Add a business to ServicePro. Every plan starts with a 14-day free trial."
      onDismiss={onDismiss}
      busy={saving}
    >
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={saving}>
        {formError && (
          <div className="form-alert" role="alert">
            {formError}
          </div>
        )}

        <FormField id="tenant-businessName" label={FIELD_LABELS.businessName} error={errorFor('businessName')}>
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

        <FormField id="tenant-tier" label={FIELD_LABELS.tier} error={errorFor('tier')}>
          <select name="tier" value={values.tier} onChange={(event) => update('tier', event.target.value as Tier)}>
            {TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {TIER_DESCRIPTIONS[tier]}
              </option>
            ))}
          </select>
        </FormField>

        <FormField
          id="tenant-id"
          label={FIELD_LABELS.id}
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

        <FormField
          id="tenant-phoneNumber"
          label={FIELD_LABELS.phoneNumber}
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

        <FormField id="tenant-industry" label={FIELD_LABELS.industry} optional error={errorFor('industry')}>
          <select name="industry" value={values.industry} onChange={(event) => update('industry', event.target.value)}>
            <option value="">Choose one</option>
            {INDUSTRIES.map((industry) => (
              <option key={industry.value} value={industry.value}>
                {industry.label}
              </option>
            ))}
          </select>
        </FormField>

        <div className="dialog-actions">
          <button type="button" className="button button-ghost" onClick={onDismiss} disabled={saving}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Creating…' : 'Create tenant'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
