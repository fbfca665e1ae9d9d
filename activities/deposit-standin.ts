import type { ActivityDeps } from './deps.ts';

// STAND-IN for part C's `createDepositCheckout` (activities/deposits.ts, a Stripe Checkout session
// in payment mode for the deposit): a link with the same shape, so the booking workflow's deposit
// path runs before C's commit lands. Replaced on merge: activities/index.ts spreads C's factory instead.

export function createDepositStandInActivities(deps: Pick<ActivityDeps, 'config'>) {
  return {
    async createDepositCheckout({ bookingId }: { tenantId: string; bookingId: string }): Promise<{ url: string; sessionId: string }> {
      const sessionId = `cs_standin_${bookingId.replace(/-/g, '')}`;
      return { url: `${deps.config.PUBLIC_BASE_URL}/sandbox/stripe/checkout/${sessionId}`, sessionId };
    },
  };
}
