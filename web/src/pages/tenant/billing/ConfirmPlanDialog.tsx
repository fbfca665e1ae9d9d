import type { Billing, BillingPlan } from '../../../api/types.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { featuresLost, formatMoney, planMove } from '../../../lib/billing-format.ts';
import { formatDate, tierLabel } from '../../../lib/format.ts';

/** Asks before a plan change: when it happens, what it costs, and what a downgrade takes away. */
export function ConfirmPlanDialog({ billing, plan, busy, onDismiss, onConfirm }: { billing: Billing; plan: BillingPlan; busy: boolean; onDismiss: () => void; onConfirm: () => void }) {
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
          <button type="button" className={`button ${move === 'downgrade' ? 'button-danger-solid' : 'button-primary'}`} onClick={onConfirm} disabled={busy} data-autofocus>
            {busy ? 'Changing…' : move === 'upgrade' ? `Upgrade to ${plan.name}` : `Downgrade to ${plan.name}`}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
