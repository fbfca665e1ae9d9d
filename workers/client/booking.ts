import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import type { Config } from '../../domain/config.ts';
import { workflowIds } from '../../domain/workflow-ids.ts';
import type { booking } from '../../workflows/booking.ts';
import {
  bookingStateQuery,
  cancelUpdate,
  confirmUpdate,
  customerReplySignal,
  depositPaidSignal,
  finishUpdate,
  rescheduleUpdate,
  type BookingInput,
  type BookingState,
  type CancelRequest,
  type ChangedBy,
  type ChangeResult,
  type RescheduleRequest,
} from '../../workflows/booking.messages.ts';
import { TenantIdKey } from '../../workflows/search-attributes.ts';

// The API's side of `booking:<tenantId>:<bookingId>`: start it once the row is written, send it
// changes (updates, answered by the workflow once the engine has written them), read its state.
// Callers bound each call with a deadline (api/temporal-deadline.ts).

/** The workflow's input: the ids, and the reminder and follow-up timing from config (tests shorten them). */
export function bookingInput(config: Pick<Config, 'BOOKING_REMINDER_LEAD_MINUTES' | 'BOOKING_FOLLOW_UP_MINUTES'>, tenantId: string, bookingId: string): BookingInput {
  return { tenantId, bookingId, reminderLeadMinutes: config.BOOKING_REMINDER_LEAD_MINUTES, followUpAfterMinutes: config.BOOKING_FOLLOW_UP_MINUTES };
}

/** Starts the booking's workflow; a second start for the same booking is a no-op. */
export async function startBookingWorkflow(client: Client, config: Config, tenantId: string, bookingId: string): Promise<void> {
  await client.workflow.start<typeof booking>('booking', {
    workflowId: workflowIds.booking(tenantId, bookingId),
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    args: [bookingInput(config, tenantId, bookingId)],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    typedSearchAttributes: [{ key: TenantIdKey, value: tenantId }],
  });
}

const handle = (client: Client, tenantId: string, bookingId: string) => client.workflow.getHandle(workflowIds.booking(tenantId, bookingId));

export const confirmBookingChange = (client: Client, tenantId: string, bookingId: string, by: ChangedBy): Promise<ChangeResult> =>
  handle(client, tenantId, bookingId).executeUpdate(confirmUpdate, { args: [{ by }] });

export const rescheduleBookingChange = (client: Client, tenantId: string, bookingId: string, request: RescheduleRequest): Promise<ChangeResult> =>
  handle(client, tenantId, bookingId).executeUpdate(rescheduleUpdate, { args: [request] });

export const cancelBookingChange = (client: Client, tenantId: string, bookingId: string, request: CancelRequest): Promise<ChangeResult> =>
  handle(client, tenantId, bookingId).executeUpdate(cancelUpdate, { args: [request] });

export const finishBookingChange = (client: Client, tenantId: string, bookingId: string, outcome: 'completed' | 'no_show', by: ChangedBy): Promise<ChangeResult> =>
  handle(client, tenantId, bookingId).executeUpdate(finishUpdate, { args: [{ outcome, by }] });

export const queryBookingState = (client: Client, tenantId: string, bookingId: string): Promise<BookingState> => handle(client, tenantId, bookingId).query(bookingStateQuery);

/** Stripe said the deposit is paid (the webhook; Stripe's event id keeps a repeat harmless). */
export const signalDepositPaid = (client: Client, tenantId: string, bookingId: string, paid: { checkoutSessionId: string; eventId: string }): Promise<void> =>
  handle(client, tenantId, bookingId).signal(depositPaidSignal, paid);

/** A customer's reply to a text, from their conversation workflow (activities use this client too). */
export const signalCustomerReply = (client: Client, tenantId: string, bookingId: string, reply: { action: 'confirm' | 'cancel' | 'reschedule'; messageSid: string }): Promise<void> =>
  handle(client, tenantId, bookingId).signal(customerReplySignal, reply);
