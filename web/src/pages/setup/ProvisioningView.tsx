import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import type { OnboardingProgress } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { FormAlert } from '../account/AccountCard.tsx';
import { TestCall } from './TestCall.tsx';

/** Each provisioning step as the owner reads it. */
const STEP_WORDS: Record<string, string> = {
  tenant: 'Creating your business',
  createTenant: 'Creating your business',
  seedPack: 'Adding your services',
  pack: 'Adding your services',
  number: 'Setting up your phone number',
  buyNumber: 'Setting up your phone number',
  trial: 'Starting your free trial',
  startTrial: 'Starting your free trial',
  website: 'Publishing your website',
  publishWebsite: 'Publishing your website',
  welcome: 'Sending your welcome text and email',
  sendWelcome: 'Sending your welcome text and email',
};
const STATUS_WORDS: Record<string, string> = { pending: 'Waiting', running: 'Working…', done: 'Done', failed: 'Failed', compensated: 'Undone', skipped: 'Skipped' };
const humanize = (name: string) => STEP_WORDS[name] ?? name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

interface ProvisioningViewProps {
  tenantId: string;
  progress: OnboardingProgress;
  retrying: boolean;
  retryError: string | null;
  onRetry: () => void;
}

/** After "Start my free trial": each provisioning step as it happens, a clear failure with Retry, then "Your business is live". */
export function ProvisioningView({ tenantId, progress, retrying, retryError, onRetry }: ProvisioningViewProps) {
  const queryClient = useQueryClient();
  const { refreshUser } = useAuth();
  const live = progress.status === 'live' || progress.status === 'completed';
  const failed = progress.status === 'failed';
  const steps = progress.provisioning?.steps ?? [];

  // The business's name, number and status changed: what the app holds about it is old now.
  useEffect(() => {
    if (!live) return;
    void queryClient.invalidateQueries({ queryKey: ['tenant', tenantId] });
    void refreshUser();
  }, [live, queryClient, refreshUser, tenantId]);

  return (
    <section className="wizard-step provisioning" aria-labelledby="provisioning-title" data-testid="provisioning" data-status={progress.status}>
      <h1 id="provisioning-title">{live ? 'Your business is live' : failed ? 'Setup stopped' : 'Setting up your business…'}</h1>
      {!live && !failed && <p className="muted">This takes a few seconds. You can leave this page; we'll keep going.</p>}
      <ol className="provisioning-steps" aria-live="polite">
        {steps.map((step) => (
          <li key={step.name} className={`provisioning-step is-${step.status}`} data-step={step.name} data-status={step.status}>
            <span className="provisioning-mark" aria-hidden="true">
              {step.status === 'done' ? '✓' : step.status === 'failed' ? '!' : step.status === 'running' ? '…' : ''}
            </span>
            <span>{humanize(step.name)}</span>
            <span className="muted small-text">{STATUS_WORDS[step.status] ?? step.status}</span>
          </li>
        ))}
      </ol>
      {failed && (
        <div className="provisioning-failure" role="alert">
          <p>{progress.provisioning?.error ?? 'Something went wrong while setting up your business.'}</p>
          <p className="muted small-text">Nothing was charged, and anything half-done was undone. Retrying is safe: you will never get two numbers or two subscriptions.</p>
          <FormAlert message={retryError} />
          <button type="button" className="button button-primary" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        </div>
      )}
      {live && (
        <>
          <p>Your number answers with your greeting, your website is up and your 14-day free trial has started.</p>
          <TestCall tenantId={tenantId} />
          <Link className="button button-primary button-block" to="/t/$tenantId" params={{ tenantId }} data-testid="go-to-dashboard">
            Go to your dashboard
          </Link>
        </>
      )}
    </section>
  );
}
