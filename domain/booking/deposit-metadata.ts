/** The keys a deposit's Stripe Checkout session carries, so the webhook finds its booking (activities/deposits.ts writes them). */
export const DEPOSIT_METADATA = { tenantId: 'tenant_id', bookingId: 'booking_id' } as const;
