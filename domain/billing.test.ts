import { describe, expect, it } from 'vitest';
import { decideBilling, EVENT_MEMORY, initialBillingLife, pausedByBilling, planChangeTiming, planChangeTimingFor, priceLookupKey, stripeIdempotencyKey, type BillingEffect, type BillingEvent, type BillingLife } from './billing.ts';

describe('billing decisions', () => {
  it('names one Stripe price per tier by lookup key', () => {
    expect(priceLookupKey('pro')).toBe('servicepro_pro_monthly');
  });

  it('upgrades now, downgrades at the period end, and ignores a change to the same tier', () => {
    expect(planChangeTiming('starter', 'elite')).toBe('now');
    expect(planChangeTiming('pro', 'elite')).toBe('now');
    expect(planChangeTiming('elite', 'starter')).toBe('period_end');
    expect(planChangeTiming('pro', 'starter')).toBe('period_end');
    expect(planChangeTiming('pro', 'pro')).toBe('none');
  });

  it('derives idempotency keys from the workflow and the step, never from the attempt', () => {
    expect(stripeIdempotencyKey('billing:acme', 'ensure-customer')).toBe('billing:acme:ensure-customer');
    expect(stripeIdempotencyKey('billing:acme', 'change-plan:3')).not.toBe(stripeIdempotencyKey('billing:acme', 'change-plan:4'));
    expect(stripeIdempotencyKey('billing:x', 's'.repeat(400))).toHaveLength(255);
    expect(() => stripeIdempotencyKey('', 'ensure-customer')).toThrow();
  });
});

describe('decideBilling', () => {
  const apply = (life: BillingLife, ...events: BillingEvent[]) => {
    const effects: BillingEffect[] = [];
    for (const event of events) {
      const decided = decideBilling(life, event);
      life = decided.life;
      effects.push(...decided.effects);
    }
    return { life, effects };
  };
  const trial = initialBillingLife('trialing', false);

  it('trial → active on the first paid invoice', () => {
    const { life, effects } = apply(trial, { kind: 'invoice.paid', eventId: 'evt_1', invoiceId: 'in_1' });
    expect(life.status).toBe('active');
    expect(effects).toEqual([{ type: 'set-status', status: 'active' }]);
  });

  it('a trial that ends without a card → suspended; with a card it waits for the invoice', () => {
    expect(apply(trial, { kind: 'trial.ended' }).life.status).toBe('suspended');
    const withCard = apply(trial, { kind: 'subscription.updated', eventId: 'e1', subscriptionStatus: 'trialing', hasPaymentMethod: true }, { kind: 'trial.ended' });
    expect(withCard.life.status).toBe('trialing');
    expect(withCard.effects).toEqual([]);
  });

  it('reminds the owner once before the trial ends', () => {
    const { effects } = apply(trial, { kind: 'trial_will_end', eventId: 'e1' }, { kind: 'trial_will_end', eventId: 'e2' });
    expect(effects).toEqual([{ type: 'remind-trial-ending' }]);
  });

  it('active → past_due (owner warned once per invoice, grace started) → active when paid', () => {
    const active = apply(trial, { kind: 'invoice.paid', eventId: 'e0', invoiceId: 'in_0' }).life;
    const failed = apply(
      active,
      { kind: 'invoice.payment_failed', eventId: 'e1', invoiceId: 'in_1', invoiceStatus: 'open' },
      { kind: 'invoice.payment_failed', eventId: 'e2', invoiceId: 'in_1', invoiceStatus: 'open' }, // Stripe's retry failed too
    );
    expect(failed.life.status).toBe('past_due');
    expect(failed.effects).toEqual([{ type: 'set-status', status: 'past_due' }, { type: 'start-grace' }, { type: 'warn-owner-payment-failed', invoiceId: 'in_1' }]);
    const paid = apply(failed.life, { kind: 'invoice.paid', eventId: 'e3', invoiceId: 'in_1' });
    expect(paid.life.status).toBe('active');
    expect(apply(paid.life, { kind: 'grace.ended' }).life.status).toBe('active'); // a stale grace timer changes nothing
  });

  it('past_due → suspended when the grace period passes or the subscription is deleted', () => {
    const pastDue = apply(initialBillingLife('active', false), { kind: 'invoice.payment_failed', eventId: 'e1', invoiceId: 'in_1', invoiceStatus: 'open' }).life;
    expect(apply(pastDue, { kind: 'grace.ended' }).life.status).toBe('suspended');
    expect(apply(pastDue, { kind: 'subscription.deleted', eventId: 'e2' }).life.status).toBe('suspended');
    expect(apply(pastDue, { kind: 'invoice.paid', eventId: 'e3', invoiceId: 'in_1' }, { kind: 'grace.ended' }).life.status).toBe('active');
  });

  it('applies a duplicate event once and ignores a late failure for an invoice already paid', () => {
    const paid = { kind: 'invoice.paid', eventId: 'e1', invoiceId: 'in_1' } as const;
    const once = apply(trial, paid, paid);
    expect(once.effects).toHaveLength(1);
    const late = apply(once.life, { kind: 'invoice.payment_failed', eventId: 'e0', invoiceId: 'in_1', invoiceStatus: 'open' });
    expect(late.life.status).toBe('active');
    expect(late.effects).toEqual([]);
    // The event itself says the invoice is paid by now (arrived before invoice.paid): nothing happens either.
    expect(apply(initialBillingLife('active', false), { kind: 'invoice.payment_failed', eventId: 'e9', invoiceId: 'in_9', invoiceStatus: 'paid' }).effects).toEqual([]);
  });

  it('follows the subscription’s current status', () => {
    const pastDue = initialBillingLife('past_due', false);
    expect(apply(pastDue, { kind: 'subscription.updated', eventId: 'e1', subscriptionStatus: 'active', hasPaymentMethod: true }).life).toMatchObject({ status: 'active', hasPaymentMethod: true });
    expect(apply(initialBillingLife('active', false), { kind: 'subscription.updated', eventId: 'e1', subscriptionStatus: 'past_due', hasPaymentMethod: true }).life.status).toBe('past_due');
    expect(apply(trial, { kind: 'subscription.updated', eventId: 'e1', subscriptionStatus: 'paused', hasPaymentMethod: false }).life.status).toBe('suspended');
  });

  it('never makes root past due or suspended, and leaves a closed tenant closed', () => {
    const root = initialBillingLife('active', true);
    const { life, effects } = apply(root, { kind: 'invoice.payment_failed', eventId: 'e1', invoiceId: 'in_1', invoiceStatus: 'open' }, { kind: 'subscription.deleted', eventId: 'e2' }, { kind: 'grace.ended' });
    expect(life.status).toBe('active');
    expect(effects).toEqual([]);
    expect(apply(initialBillingLife('closed', false), { kind: 'invoice.paid', eventId: 'e1', invoiceId: 'in_1' }).life.status).toBe('closed');
  });

  it('remembers a bounded number of events', () => {
    let life = initialBillingLife('active', false);
    for (let i = 0; i < EVENT_MEMORY + 10; i++) life = decideBilling(life, { kind: 'subscription.updated', eventId: `e${i}`, subscriptionStatus: 'active', hasPaymentMethod: true }).life;
    expect(life.seenEvents).toHaveLength(EVENT_MEMORY);
    expect(life.seenEvents.at(-1)).toBe(`e${EVENT_MEMORY + 9}`);
  });
});

describe('plan changes and billing pauses', () => {
  it('an upgrade applies now, a downgrade at the period end — except during the trial, when nothing is paid yet', () => {
    expect(planChangeTimingFor('active', 'pro', 'elite')).toBe('now');
    expect(planChangeTimingFor('active', 'elite', 'starter')).toBe('period_end');
    expect(planChangeTimingFor('past_due', 'pro', 'starter')).toBe('period_end');
    expect(planChangeTimingFor('trialing', 'elite', 'starter')).toBe('now');
    expect(planChangeTimingFor('trialing', 'pro', 'pro')).toBe('none');
  });

  it('past due stops campaigns first; suspended or closed stops automations too; replies and owner alerts always go', () => {
    expect(pausedByBilling('active', 'campaign')).toBeNull();
    expect(pausedByBilling('trialing', 'automation')).toBeNull();
    expect(pausedByBilling('past_due', 'campaign')).toMatch(/Campaigns are paused/);
    expect(pausedByBilling('past_due', 'automation')).toBeNull();
    for (const status of ['suspended', 'closed'] as const) {
      expect(pausedByBilling(status, 'campaign')).not.toBeNull();
      expect(pausedByBilling(status, 'automation')).toMatch(/Automations are paused/);
      expect(pausedByBilling(status, 'reply')).toBeNull();
      expect(pausedByBilling(status, 'owner-alert')).toBeNull();
    }
  });

  it('a card saved through Checkout is attached once per event', () => {
    const suspended = initialBillingLife('suspended', false);
    const added = decideBilling(suspended, { kind: 'payment_method.added', eventId: 'e1', checkoutSessionId: 'cs_1' });
    expect(added.life.hasPaymentMethod).toBe(true);
    expect(added.effects).toEqual([{ type: 'attach-payment-method', checkoutSessionId: 'cs_1' }]);
    expect(decideBilling(added.life, { kind: 'payment_method.added', eventId: 'e1', checkoutSessionId: 'cs_1' }).effects).toEqual([]);
  });
});
