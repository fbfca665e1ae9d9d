import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import { changePlan, paymentLink } from '../../../api/endpoints.ts';
import { billingQuery, keys } from '../../../api/queries.ts';
import type { BillingPlan, PlanChange } from '../../../api/types.ts';
import { ListError, ListLoading } from '../../../components/tenant/ListStates.tsx';
import { useTenant } from '../../../components/tenant/TenantContext.tsx';
import { formatDate, tierLabel } from '../../../lib/format.ts';
import { BillingDetails } from './BillingDetails.tsx';
import { ConfirmPlanDialog } from './ConfirmPlanDialog.tsx';

function changeNotice(change: PlanChange): string {
  const name = tierLabel(change.tier);
  if (change.timing === 'now') return `Done — you're now on the ${name} plan.`;
  if (change.timing === 'period_end') return `Your plan changes to ${name} on ${change.effectiveAt ? formatDate(change.effectiveAt) : 'the end of this billing period'}. Until then you keep everything you have today.`;
  return `You're already on the ${name} plan — nothing changed.`;
}

/** `/t/:id/billing`: the plan, what the account's status means, plan changes, the card and invoices. */
export function BillingPage() {
  const tenant = useTenant();
  const queryClient = useQueryClient();
  const query = useQuery(billingQuery(tenant.id));
  const reload = () => void query.refetch();
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
      // The plan shows here and in the header (and in the registry): refresh them all.
      await queryClient.invalidateQueries({ queryKey: keys.billing(tenant.id) });
      if (change.timing === 'now') await queryClient.invalidateQueries({ queryKey: keys.tenant(tenant.id), exact: true });
      void queryClient.invalidateQueries({ queryKey: keys.allTenants });
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

      {query.isPending && <ListLoading label="Loading billing…" />}
      {query.isError && <ListError title="We couldn't load your billing" message={errorMessage(query.error)} onRetry={reload} />}
      {query.isSuccess && (
        <BillingDetails
          tenant={tenant}
          billing={query.data}
          busy={busy}
          onChoose={(plan) => {
            setNotice(null);
            setConfirming(plan);
          }}
          onPaymentPage={openPaymentPage}
        />
      )}

      {confirming && query.isSuccess && (
        <ConfirmPlanDialog billing={query.data} plan={confirming} busy={busy === 'plan'} onDismiss={() => setConfirming(null)} onConfirm={() => confirmChange(confirming)} />
      )}
    </section>
  );
}

