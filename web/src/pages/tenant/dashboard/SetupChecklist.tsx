import { Link } from '@tanstack/react-router';
import type { Dashboard, SetupStep } from '../../../api/types.ts';
import { SETUP_STEP_WORDS } from '../../../lib/dashboard-format.ts';

/** Where each step is done (a field on the phone settings page, or billing). */
const STEP_LINKS: Record<SetupStep, { section: 'phone' | 'billing'; hash?: string }> = {
  number: { section: 'phone' },
  forwarding: { section: 'phone', hash: 'phone-forwardingNumber' },
  greeting: { section: 'phone', hash: 'phone-greetingText' },
  card: { section: 'billing' },
};

/** The setup steps still open, each linking to where it is done; gone once everything is. */
export function SetupChecklist({ tenantId, steps, canManage }: { tenantId: string; steps: Dashboard['setup']; canManage: boolean }) {
  const open = steps.filter((s) => !s.done).length;
  if (open === 0) return null;
  return (
    <section className="dashboard-card setup-checklist" aria-labelledby="setup-title" data-testid="setup-checklist">
      <div className="dashboard-card-header">
        <h2 id="setup-title">Finish setting up</h2>
        <span className="muted">
          {steps.length - open} of {steps.length} done
        </span>
      </div>
      {!canManage && <p className="muted small-text">Only the business owner can do these; ask them to finish.</p>}
      <ol className="setup-steps">
        {steps.map(({ step, done }) => {
          const words = SETUP_STEP_WORDS[step];
          const link = STEP_LINKS[step];
          return (
            <li key={step} className={done ? 'is-done' : undefined} data-step={step} data-done={done}>
              <span className="setup-mark" aria-hidden="true">
                {done ? '✓' : ''}
              </span>
              <span className="setup-words">
                {done || !canManage ? (
                  <strong>{done ? words.done : words.todo}</strong>
                ) : (
                  <Link to={`/t/$tenantId/${link.section}`} params={{ tenantId }} hash={link.hash}>
                    <strong>{words.todo}</strong>
                  </Link>
                )}
                {!done && <span className="muted small-text">{words.why}</span>}
                <span className="visually-hidden">{done ? ' (done)' : ' (not done yet)'}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
