import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import type { OnboardingProgress, OnboardingStep } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { formatPhone } from '../../lib/format.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { SETUP_STEPS } from './steps.ts';
import { TestCall } from './TestCall.tsx';

/** Each provisioning step (domain/onboarding/steps.ts PROVISIONING_STEPS) as the owner reads it. */
const STEP_WORDS: Record<string, string> = {
  tenant: 'Saving your business',
  pack: 'Adding your services',
  number: 'Getting your phone number',
  trial: 'Starting your free trial',
  website: 'Publishing your website',
  carrier: 'Starting registration for business texting',
  welcome: 'Sending your welcome text and email',
};
const STATE_WORDS: Record<string, string> = { pending: 'Waiting', running: 'Working…', done: 'Done', failed: 'Failed', undone: 'Rolled back' };
const MARKS: Record<string, string> = { done: '✓', failed: '!', running: '…', undone: '↺' };

interface ProvisioningViewProps {
  tenantId: string;
  progress: OnboardingProgress;
  retrying: boolean;
  retryError: string | null;
  onRetry: () => void;
  onFix: (step: OnboardingStep) => void;
}

/** After "Start my free trial": each provisioning step as it happens, a clear failure with Retry, then "Your business is live". */
export function ProvisioningView({ tenantId, progress, retrying, retryError, onRetry, onFix }: ProvisioningViewProps) {
  const queryClient = useQueryClient();
  const { refreshUser } = useAuth();
  const { status, provisioning } = progress;
  const live = status === 'complete';
  const failed = status === 'failed';
  const fixAt = provisioning?.error?.fixAt ?? null;
  const slug = progress.values.business?.slug;

  // The business's name, number and status changed: what the app holds about it is old now.
  useEffect(() => {
    if (!live) return;
    void queryClient.invalidateQueries({ queryKey: ['tenant', tenantId] });
    void refreshUser();
  }, [live, queryClient, refreshUser, tenantId]);

  if (status === 'expired') {
    return (
      <section className="wizard-step provisioning" aria-labelledby="provisioning-title" data-testid="provisioning" data-status={status}>
        <h1 id="provisioning-title">This setup expired</h1>
        <p>It was not finished within 7 days, so nothing was kept for it. Start again with a new free trial.</p>
        <Link className="button button-primary" to="/signup">
          Start again
        </Link>
      </section>
    );
  }

  return (
    <section className="wizard-step provisioning" aria-labelledby="provisioning-title" data-testid="provisioning" data-status={status}>
      <h1 id="provisioning-title">{live ? 'Your business is live' : failed ? 'Setup stopped' : 'Setting up your business…'}</h1>
      {status === 'provisioning' && <p className="muted">This takes a few seconds. You can leave this page; we keep going.</p>}
      <ol className="provisioning-steps" aria-live="polite">
        {provisioning?.steps.map((step) => (
          <li key={step.name} className={`provisioning-step is-${step.state}`} data-step={step.name} data-state={step.state}>
            <span className="provisioning-mark" aria-hidden="true">
              {MARKS[step.state] ?? ''}
            </span>
            <span>{STEP_WORDS[step.name] ?? step.name}</span>
            <span className="muted small-text">{failed && step.state === 'pending' ? 'Not started' : (STATE_WORDS[step.state] ?? step.state)}</span>
          </li>
        ))}
      </ol>
      {failed && (
        <div className="provisioning-failure" role="alert">
          <p>{provisioning?.error?.message ?? 'Something went wrong while setting up your business. Nothing was charged and nothing was kept.'}</p>
          <p className="muted small-text">Retrying is safe: you never get two numbers or two subscriptions.</p>
          <FormAlert message={retryError} />
          <div className="state-actions">
            {provisioning?.canRetry !== false && (
              <button type="button" className="button button-primary" onClick={onRetry} disabled={retrying}>
                {retrying ? 'Retrying…' : 'Retry'}
              </button>
            )}
            {fixAt && (
              <button type="button" className="button button-ghost" onClick={() => onFix(fixAt)}>
                Change {SETUP_STEPS.find((step) => step.name === fixAt)?.label.toLowerCase() ?? fixAt}
              </button>
            )}
          </div>
        </div>
      )}
      {live && (
        <>
          <p>
            {provisioning?.phoneNumber ? (
              <>
                Your number <strong data-testid="live-number">{formatPhone(provisioning.phoneNumber)}</strong> answers with your greeting.
              </>
            ) : (
              'Your number answers with your greeting.'
            )}{' '}
            Your 14-day free trial has started.
          </p>
          {slug && (
            <p>
              Your website: <a href={`/s/${encodeURIComponent(slug)}`}>{`${location.host}/s/${slug}`}</a>
            </p>
          )}
          <TestCall tenantId={tenantId} />
          <Link className="button button-primary button-block" to="/t/$tenantId" params={{ tenantId }} data-testid="go-to-dashboard">
            Go to your dashboard
          </Link>
        </>
      )}
    </section>
  );
}
