import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { campaignWordingInput } from '../../../../../domain/inputs/carrier-registration.ts';
import { resubmitRegistration } from '../../../api/registration-endpoints.ts';
import type { CampaignWordingInput, Registration } from '../../../api/types.ts';
import { FormField } from '../../../components/FormField.tsx';
import { showApiError } from '../../../lib/api-form-errors.ts';
import { apiSchemaResolver } from '../../../lib/form-resolver.ts';

const SAMPLE_SLOTS = 5;
type Values = Omit<CampaignWordingInput, 'messageSamples'> & { messageSamples: string[] };
const FIELDS = new Set(['description', 'messageFlow', 'messageSamples', 'optInMessage', 'optOutMessage', 'helpMessage']);

/**
 * The campaign's words, for the owner to change what carriers refused. The API lints them before
 * anything is submitted (each submission is reviewed by hand and charged), and answers each
 * problem under its field.
 */
export function TextingFixForm({ tenantId, registration, onDone, onCancel }: { tenantId: string; registration: Registration; onDone: (next: Registration) => void; onCancel: () => void }) {
  const wording = registration.wording!;
  const flagged = new Set(registration.fixes.map((fix) => fix.field).filter(Boolean));
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: apiSchemaResolver<Values, typeof campaignWordingInput>(campaignWordingInput),
    defaultValues: { ...wording, messageSamples: Array.from({ length: SAMPLE_SLOTS }, (_, i) => wording.messageSamples[i] ?? '') },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const next = await resubmitRegistration(tenantId, { ...values, messageSamples: values.messageSamples.filter((s) => s.trim() !== '') });
      toast.success('Submitted again. Carriers review it by hand; we will email you when there is news.');
      onDone(next);
    } catch (error) {
      setFormError(showApiError(error, setError, (name) => FIELDS.has(name)));
    }
  });
  const hint = (field: string, text: string) => (flagged.has(field as never) ? <strong>Carriers asked to change this. {text}</strong> : text);

  return (
    <form className="form texting-fix" onSubmit={onSubmit} noValidate aria-busy={isSubmitting} aria-labelledby="texting-fix-title" data-testid="texting-fix-form">
      <h3 id="texting-fix-title">Fix your texting campaign</h3>
      {formError && (
        <div className="form-alert" role="alert">
          {formError}
        </div>
      )}
      <FormField id="fix-description" label="What you text customers about" error={errors.description?.message} hint={hint('description', 'Who you text and why, in a sentence or two (at least 40 characters).')}>
        <textarea rows={3} {...register('description')} />
      </FormField>
      <FormField id="fix-messageFlow" label="How customers sign up for texts" error={errors.messageFlow?.message} hint={hint('messageFlow', `Mention your sign-up page, ${registration.pages.optIn}, and that they can reply STOP.`)}>
        <textarea rows={4} {...register('messageFlow')} />
      </FormField>
      <fieldset className="texting-samples">
        <legend>Example texts (2 to 5)</legend>
        {errors.messageSamples?.message && <p className="field-error">{errors.messageSamples.message}</p>}
        {Array.from({ length: SAMPLE_SLOTS }, (_, i) => (
          <FormField key={i} id={`fix-sample-${i}`} label={`Example ${i + 1}`} optional={i >= 2} error={errors.messageSamples?.[i]?.message}>
            <textarea rows={2} {...register(`messageSamples.${i}` as const)} />
          </FormField>
        ))}
      </fieldset>
      <FormField id="fix-optInMessage" label="Text sent when someone signs up" error={errors.optInMessage?.message} hint="Must say “Reply STOP to opt out” and “HELP for help”.">
        <textarea rows={2} {...register('optInMessage')} />
      </FormField>
      <FormField id="fix-optOutMessage" label="Reply to STOP" error={errors.optOutMessage?.message}>
        <textarea rows={2} {...register('optOutMessage')} />
      </FormField>
      <FormField id="fix-helpMessage" label="Reply to HELP" error={errors.helpMessage?.message}>
        <textarea rows={2} {...register('helpMessage')} />
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Checking and submitting…' : 'Check and submit again'}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </button>
      </div>
    </form>
  );
}
