import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { errorMessage } from '../../../api/client.ts';
import { keys, registrationQuery } from '../../../api/queries.ts';
import { resubmitRegistration, startRegistration } from '../../../api/registration-endpoints.ts';
import type { Registration } from '../../../api/types.ts';
import { formatPhone } from '../../../lib/format.ts';
import { REGISTRATION_STEPS, registrationSentence, stepsDone } from '../../../lib/texting-format.ts';
import { TextingFixForm } from './TextingFixForm.tsx';

/**
 * Business texting (US carrier registration) on the dashboard: where it stands, which number texts go
 * from meanwhile, what carriers asked to change, and — for the owner — the button that starts it for
 * an existing business and the form that fixes and resubmits.
 */
export function TextingRegistrationCard({ tenantId, canManage }: { tenantId: string; canManage: boolean }) {
  const query = useQuery(registrationQuery(tenantId));
  const queryClient = useQueryClient();
  const [fixing, setFixing] = useState(false);
  const refreshed = (registration: Registration) => {
    queryClient.setQueryData(keys.registration(tenantId), registration);
    void queryClient.invalidateQueries({ queryKey: keys.dashboard(tenantId) });
  };
  const start = useMutation({
    mutationFn: () => startRegistration(tenantId),
    onSuccess: (registration) => {
      refreshed(registration);
      toast.success('Registration started. We will email you when carriers approve it, or if they need a change.');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const askAgain = useMutation({
    mutationFn: () => resubmitRegistration(tenantId),
    onSuccess: (registration) => {
      refreshed(registration);
      toast.success('Submitted again. We will email you when there is news.');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  const registration = query.data;
  if (!registration) return null;
  const done = stepsDone(registration.state, registration.failedStep);
  const needsWording = registration.fixes.some((fix) => fix.field);

  return (
    <section className={`dashboard-card texting-card state-${registration.state}`} aria-labelledby="texting-title" data-testid="texting-registration" data-state={registration.state}>
      <div className="dashboard-card-header">
        <h2 id="texting-title">Business texting</h2>
        <span className={`texting-badge state-${registration.state}`}>{registration.label}</span>
      </div>
      <p>{registrationSentence(registration.state, formatPhone(registration.platformNumber))}</p>
      {registration.state !== 'not_started' && (
        <ol className="texting-steps" aria-label="Registration steps">
          {REGISTRATION_STEPS.map((step, i) => (
            <li key={step.key} className={i < done ? 'is-done' : i === done && registration.state !== 'approved' ? 'is-current' : undefined}>
              <span className="setup-mark" aria-hidden="true">
                {i < done ? '✓' : ''}
              </span>
              {step.label}
              <span className="visually-hidden">{i < done ? ' (done)' : ' (not done yet)'}</span>
            </li>
          ))}
        </ol>
      )}
      {registration.fixes.length > 0 && (
        <div className="texting-fixes" role="alert">
          <h3>What to change</h3>
          <ul>
            {registration.fixes.map((fix, i) => (
              <li key={`${fix.code ?? 'ours'}-${i}`}>{fix.message}</li>
            ))}
          </ul>
        </div>
      )}
      {!canManage && (registration.canStart || registration.canResubmit) && <p className="muted small-text">Only the business owner can register or resubmit; ask them to.</p>}
      {canManage && registration.canStart && (
        <button type="button" className="button button-primary" onClick={() => start.mutate()} disabled={start.isPending}>
          {start.isPending ? 'Starting…' : 'Register for business texting'}
        </button>
      )}
      {canManage && registration.canResubmit && !fixing && (
        <div className="texting-actions">
          {needsWording && registration.wording && (
            <button type="button" className="button button-primary" onClick={() => setFixing(true)}>
              Fix and submit again
            </button>
          )}
          {!needsWording && (
            <button type="button" className="button" onClick={() => askAgain.mutate()} disabled={askAgain.isPending}>
              {askAgain.isPending ? 'Submitting…' : 'I fixed it — check again'}
            </button>
          )}
        </div>
      )}
      {canManage && registration.canResubmit && fixing && registration.wording && (
        <TextingFixForm
          tenantId={tenantId}
          registration={registration}
          onDone={(next) => {
            refreshed(next);
            setFixing(false);
          }}
          onCancel={() => setFixing(false)}
        />
      )}
    </section>
  );
}
