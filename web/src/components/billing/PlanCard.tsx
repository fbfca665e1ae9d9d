import type { BillingPlan, UsagePrices } from '../../api/types.ts';
import { formatMoney, usagePriceLines } from '../../lib/billing-format.ts';
import { formatDate } from '../../lib/format.ts';

interface PlanCardProps {
  plan: BillingPlan;
  /** Billed on top of the monthly price, the same on every plan. */
  usagePrices: UsagePrices;
  move: 'current' | 'upgrade' | 'downgrade';
  billed: boolean;
  /** Set when a downgrade to this plan is already booked: ISO date, or '' when the date is unknown. */
  scheduledAt: string | null;
  canChange: boolean;
  busy: boolean;
  onChoose: () => void;
}

/** One plan: price and usage prices, what it includes today and what is coming, and the one thing the owner can do with it. */
export function PlanCard({ plan, usagePrices, move, billed, scheduledAt, canChange, busy, onChoose }: PlanCardProps) {
  const titleId = `plan-${plan.tier}-title`;
  return (
    <article className={`plan-card${plan.current ? ' is-current' : ''}`} aria-labelledby={titleId} data-testid="plan-card" data-tier={plan.tier}>
      <header>
        <h3 id={titleId}>{plan.name}</h3>
        {plan.current && <span className="plan-current-badge">Your plan</span>}
      </header>
      {billed && (
        <>
          <p className="plan-price">
            <strong>{formatMoney(plan.priceCents)}</strong> <span className="muted">a month</span>
          </p>
          <p className="plan-usage muted small-text" data-testid="plan-usage">
            plus {usagePriceLines(usagePrices).join(' and ')}
          </p>
        </>
      )}
      <ul className="feature-list" data-testid="plan-features">
        {plan.features.length === 0 ? <li>The essentials every plan has</li> : plan.features.map((feature) => <li key={feature}>{feature}</li>)}
      </ul>
      {plan.comingSoon.length > 0 && (
        <div className="plan-coming-soon" data-testid="plan-coming-soon">
          <p className="plan-coming-soon-title">Coming soon</p>
          <ul className="feature-list coming">
            {plan.comingSoon.map((feature) => (
              <li key={feature}>{feature}</li>
            ))}
          </ul>
        </div>
      )}
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
