import type { BillingPlan } from '../../api/billing.ts';
import { formatMoney } from '../../lib/billing-format.ts';
import { formatDate } from '../../lib/format.ts';

interface PlanCardProps {
  plan: BillingPlan;
  move: 'current' | 'upgrade' | 'downgrade';
  billed: boolean;
  /** Set when a downgrade to this plan is already booked: ISO date, or '' when the date is unknown. */
  scheduledAt: string | null;
  canChange: boolean;
  busy: boolean;
  onChoose: () => void;
}

/** One plan: price, what it includes, and the one thing the owner can do with it. */
export function PlanCard({ plan, move, billed, scheduledAt, canChange, busy, onChoose }: PlanCardProps) {
  const titleId = `plan-${plan.tier}-title`;
  return (
    <article className={`plan-card${plan.current ? ' is-current' : ''}`} aria-labelledby={titleId} data-testid="plan-card" data-tier={plan.tier}>
      <header>
        <h3 id={titleId}>{plan.name}</h3>
        {plan.current && <span className="plan-current-badge">Your plan</span>}
      </header>
      {billed && (
        <p className="plan-price">
          <strong>{formatMoney(plan.priceCents)}</strong> <span className="muted">a month</span>
        </p>
      )}
      <ul className="feature-list">
        {plan.features.length === 0 ? <li>The essentials: call forwarding, texting and a website</li> : plan.features.map((feature) => <li key={feature}>{feature}</li>)}
      </ul>
      <div className="plan-action">
        {scheduledAt !== null ? (
          <p className="plan-scheduled" data-testid="plan-scheduled">
            Changes on {scheduledAt ? formatDate(scheduledAt) : 'the end of this period'}
          </p>
        ) : move === 'current' ? (
          <p className="muted small-text">{billed ? "You're on this plan" : 'The flagship plan'}</p>
        ) : canChange ? (
          <button type="button" className={`button ${move === 'upgrade' ? 'button-primary' : 'button-ghost'}`} onClick={onChoose} disabled={busy}>
            {move === 'upgrade' ? `Upgrade to ${plan.name}` : `Downgrade to ${plan.name}`}
          </button>
        ) : null}
      </div>
    </article>
  );
}
