import { Link } from '@tanstack/react-router';
import type { Billing, BillingPlan, TenantSummary } from '../../../api/types.ts';
import { InvoiceTable } from '../../../components/billing/InvoiceTable.tsx';
import { PlanCard } from '../../../components/billing/PlanCard.tsx';
import { billingStatusMessage, formatMoney, planMove } from '../../../lib/billing-format.ts';
import { formatDate, tierLabel } from '../../../lib/format.ts';

interface DetailsProps {
  tenant: TenantSummary;
  billing: Billing;
  busy: 'plan' | 'link' | null;
  onChoose: (plan: BillingPlan) => void;
  onPaymentPage: (kind: 'checkout' | 'portal') => void;
}

/** What the account's status means and what to do, the plans, and the invoices. */
export function BillingDetails({ tenant, billing, busy, onChoose, onPaymentPage }: DetailsProps) {
  const message = billingStatusMessage(billing);
  const current = billing.plans.find((p) => p.current);
  const canChange = tenant.canManage && billing.billed && billing.status !== 'closed';
  const needsCard = billing.status === 'past_due' || billing.status === 'suspended' || !billing.hasPaymentMethod;

  return (
    <>
      <section className={`billing-status tone-${message.tone}`} data-testid="billing-status" data-status={billing.status} aria-labelledby="billing-status-title">
        <div className="billing-status-text">
          <p className="billing-plan-line">
            {tierLabel(billing.tier)} plan{current && billing.billed ? ` · ${formatMoney(current.priceCents)} a month` : ''}
          </p>
          <h2 id="billing-status-title">{message.headline}</h2>
          <p>{message.detail}</p>
          {billing.scheduledChange && (
            <p className="billing-scheduled" data-testid="scheduled-change">
              Your plan changes to <strong>{tierLabel(billing.scheduledChange.tier)}</strong>
              {billing.scheduledChange.at ? ` on ${formatDate(billing.scheduledChange.at)}` : ' at the end of this billing period'}.
            </p>
          )}
          {!billing.live && <p className="muted small-text">Some dates could not be checked just now; refresh in a minute to see them.</p>}
        </div>
        {billing.billed && tenant.canManage && billing.status !== 'closed' && (
          <div className="billing-status-actions">
            {needsCard ? (
              <button type="button" className="button button-primary" onClick={() => onPaymentPage('checkout')} disabled={busy !== null}>
                {busy === 'link' ? 'Opening…' : billing.hasPaymentMethod ? 'Update your card' : 'Add a card'}
              </button>
            ) : null}
            {billing.hasPaymentMethod && (
              <button type="button" className="button button-ghost" onClick={() => onPaymentPage('portal')} disabled={busy !== null}>
                Manage billing
              </button>
            )}
            <p className="muted small-text">Opens Stripe's secure payment page. ServicePro never sees your card number.</p>
          </div>
        )}
        {(billing.status === 'suspended' || billing.status === 'closed') && (
          <Link className="button button-ghost" to="/t/$tenantId/exports" params={{ tenantId: tenant.id }}>
            Export all your data
          </Link>
        )}
      </section>

      <section aria-labelledby="plans-title" className="billing-section">
        <h2 id="plans-title">Plans</h2>
        <div className="every-plan" data-testid="every-plan">
          <p className="muted">Every plan includes:</p>
          <ul className="feature-list">
            {billing.everyPlan.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
        {billing.billed && <p className="muted">Upgrades start right away; downgrades start at the end of the period you have paid for (right away during the free trial).</p>}
        {!tenant.canManage && billing.billed && <p className="form-notice">Only the business owner can change the plan or the card.</p>}
        <div className="plan-grid">
          {billing.plans.map((plan) => (
            <PlanCard
              key={plan.tier}
              plan={plan}
              usagePrices={billing.usagePrices}
              move={planMove(billing.tier, plan.tier)}
              billed={billing.billed}
              scheduledAt={billing.scheduledChange?.tier === plan.tier ? (billing.scheduledChange.at ?? '') : null}
              canChange={canChange}
              busy={busy !== null}
              onChoose={() => onChoose(plan)}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="invoices-title" className="billing-section">
        <h2 id="invoices-title">Invoices</h2>
        <InvoiceTable invoices={billing.invoices} billed={billing.billed} trialing={billing.status === 'trialing'} />
      </section>
    </>
  );
}

