import { useState } from 'react';
import { changePlan, fetchBilling, paymentLink, type Billing, type BillingPlan, type PlanChange } from '../../api/billing.ts';
import { errorMessage } from '../../api/client.ts';
import type { TenantSummary } from '../../api/tenant-types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ListError, ListLoading } from '../../components/tenant/ListStates.tsx';
import { InvoiceTable } from '../../components/billing/InvoiceTable.tsx';
import { PlanCard } from '../../components/billing/PlanCard.tsx';
import { billingStatusMessage, featuresLost, formatMoney, planMove } from '../../lib/billing-format.ts';
import { formatDate, tierLabel } from '../../lib/format.ts';
import { Link } from '../../lib/router.ts';
import { useLoad } from '../../lib/use-load.ts';

function changeNotice(change: PlanChange): string {
  const name = tierLabel(change.tier);
  if (change.timing === 'now') return `Done — you're now on the ${name} plan.`;
  if (change.timing === 'period_end') return `Your plan changes to ${name} on ${change.effectiveAt ? formatDate(change.effectiveAt) : 'the end of this billing period'}. Until then you keep everything you have today.`;
  return `You're already on the ${name} plan — nothing changed.`;
}

/** `/t/:id/billing`: the plan, what the account's status means, plan changes, the card and invoices. */
export function BillingPage({ tenant, onTenantChanged }: { tenant: TenantSummary; onTenantChanged: () => void }) {
  const { state, reload } = useLoad((signal) => fetchBilling(tenant.id, signal), [tenant.id]);
  const [confirming, setConfirming] = useState<BillingPlan | null>(null);
  const [busy, setBusy] = useState<'plan' | 'link' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  async function confirmChange(plan: BillingPlan) {
    setBusy('plan');
    setActionError(null);
    try {
      const change = await changePlan(tenant.id, plan.tier);
      setNotice(changeNotice(change));
      setConfirming(null);
      reload();
      if (change.timing === 'now') onTenantChanged();
    } catch (error) {
      setActionError(errorMessage(error));
      setConfirming(null);
    } finally {
      setBusy(null);
    }
  }

  async function openPaymentPage(kind: 'checkout' | 'portal') {
    setBusy('link');
    setActionError(null);
    try {
      // Stripe's own page: the card never touches ServicePro. It sends the owner back here.
      window.location.assign(await paymentLink(tenant.id, kind));
    } catch (error) {
      setActionError(errorMessage(error));
      setBusy(null);
    }
  }

  return (
    <section className="billing-page" aria-labelledby="billing-title">
      <div className="page-toolbar">
        <div>
          <h1 id="billing-title">Billing</h1>
          <p className="muted">Your plan, your card and your invoices.</p>
        </div>
        <button type="button" className="button button-ghost" onClick={reload}>
          Refresh
        </button>
      </div>

      <p className="visually-hidden" role="status" aria-live="polite">
        {notice ?? ''}
      </p>
      {notice && <p className="form-notice" data-testid="billing-notice">{notice}</p>}
      {actionError && (
        <p className="form-alert" role="alert">
          {actionError}
        </p>
      )}

      {state.kind === 'loading' && <ListLoading label="Loading billing…" />}
      {state.kind === 'error' && <ListError title="We couldn't load your billing" message={state.message} onRetry={reload} />}
      {state.kind === 'ready' && (
        <BillingDetails
          tenant={tenant}
          billing={state.data}
          busy={busy}
          onChoose={(plan) => {
            setNotice(null);
            setConfirming(plan);
          }}
          onPaymentPage={openPaymentPage}
        />
      )}

      {confirming && state.kind === 'ready' && (
        <ConfirmPlanDialog billing={state.data} plan={confirming} busy={busy === 'plan'} onDismiss={() => setConfirming(null)} onConfirm={() => confirmChange(confirming)} />
      )}
    </section>
  );
}

interface DetailsProps {
  tenant: TenantSummary;
  billing: Billing;
  busy: 'plan' | 'link' | null;
  onChoose: (plan: BillingPlan) => void;
  onPaymentPage: (kind: 'checkout' | 'portal') => void;
}

function BillingDetails({ tenant, billing, busy, onChoose, onPaymentPage }: DetailsProps) {
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
          <Link className="button button-ghost" to={`/t/${encodeURIComponent(tenant.id)}/exports`}>
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

function ConfirmPlanDialog({ billing, plan, busy, onDismiss, onConfirm }: { billing: Billing; plan: BillingPlan; busy: boolean; onDismiss: () => void; onConfirm: () => void }) {
  const move = planMove(billing.tier, plan.tier);
  const current = billing.plans.find((p) => p.current);
  const lost = current ? featuresLost(current.features, plan.features) : [];
  const trial = billing.status === 'trialing';
  const when =
    move === 'upgrade' || trial
      ? 'The change happens right away.'
      : `The change happens at the end of the period you have paid for${billing.currentPeriodEnd ? `, on ${formatDate(billing.currentPeriodEnd)}` : ''}. Until then you keep everything you have today.`;
  const price =
    move === 'upgrade' && !trial
      ? `${formatMoney(plan.priceCents)} a month from now on; the difference for the rest of this month is added to your next invoice.`
      : `${formatMoney(plan.priceCents)} a month${trial ? ' once your free trial ends' : ''}.`;

  return (
    <Dialog title={move === 'upgrade' ? `Upgrade to ${plan.name}?` : `Downgrade to ${plan.name}?`} onDismiss={onDismiss} busy={busy} description={when}>
      <div className="dialog-body">
        <p>{price}</p>
        {move === 'downgrade' && lost.length > 0 && (
          <>
            <p>You will no longer have:</p>
            <ul className="feature-list lost">
              {lost.map((feature) => (
                <li key={feature}>{feature}</li>
              ))}
            </ul>
            <p className="muted small-text">Your settings are kept; they come back if you upgrade again.</p>
          </>
        )}
        <div className="dialog-actions">
          <button type="button" className="button button-ghost" onClick={onDismiss} disabled={busy}>
            Keep {tierLabel(billing.tier)}
          </button>
          <button type="button" className={`button ${move === 'downgrade' ? 'button-danger-solid' : 'button-primary'}`} onClick={onConfirm} disabled={busy} autoFocus>
            {busy ? 'Changing…' : move === 'upgrade' ? `Upgrade to ${plan.name}` : `Downgrade to ${plan.name}`}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
