import type { FormEventHandler, ReactNode } from 'react';
import { FormAlert } from '../../components/FormAlert.tsx';

interface StepFormProps {
  title: string;
  intro?: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  busy: boolean;
  formError: string | null;
  /** Absent on the first step. */
  onBack?: () => void;
  submitLabel?: string;
  children: ReactNode;
}

/** One wizard step: its question, the fields, a message for the whole step, and Back / Continue. */
export function StepForm({ title, intro, onSubmit, busy, formError, onBack, submitLabel = 'Continue', children }: StepFormProps) {
  return (
    <form className="wizard-step form" onSubmit={onSubmit} noValidate aria-busy={busy} aria-labelledby="wizard-title">
      <div className="wizard-step-head">
        <h1 id="wizard-title">{title}</h1>
        {intro && <p className="muted">{intro}</p>}
      </div>
      <FormAlert message={formError} />
      {children}
      <div className="wizard-actions">
        {onBack && (
          <button type="button" className="button button-ghost" onClick={onBack} disabled={busy}>
            Back
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
