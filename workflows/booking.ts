import * as wf from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import type { BookingActivities, BookingFacts, BookingTextName, BookingWrite } from '../activities/contracts.ts';
import { REFUSAL_MESSAGES } from '../domain/booking/refusals.ts';
import {
  bookingStateQuery,
  cancelUpdate,
  confirmUpdate,
  customerReplySignal,
  depositPaidSignal,
  finishUpdate,
  rescheduleUpdate,
  type BookingInput,
  type BookingPhase,
  type BookingState,
  type CancelRequest,
  type ChangedBy,
  type ChangeResult,
  type RescheduleRequest,
} from './booking.messages.ts';

// One booking over time (`booking:<tenantId>:<bookingId>`): the hold (and its deposit) → confirmed
// → the confirmation text → reminders before the start → the job → the thank-you → completed.
// The row in `bookings` is the truth and every write goes through the engine's activities; this
// workflow owns the timing, and every change (confirm, reschedule, cancel, finish, the customer's
// reply) is a handler serialised by one lock, so two changes at once cannot undo each other.

export * from './booking.messages.ts';

const DEFAULT_LEADS = [1440, 120];
const DEFAULT_FOLLOW_UP_MINUTES = 120;
const MINUTE = 60_000;
const CHANGES_AFTER_LOAD = 'booking-changes-after-load';
const ONE_CONFIRMATION_TEXT = 'booking-one-confirmation-text';

const engine = wf.proxyActivities<BookingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 30 },
});
const messaging = wf.proxyActivities<Pick<BookingActivities, 'sendBookingText'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', maximumAttempts: 10, nonRetryableErrorTypes: ['TwilioRejected', 'NoSenderNumber', 'TextTooLong'] },
});

type Refusal = Exclude<BookingWrite, { ok: true }>['reason'];
const refusal = (reason: Refusal | 'too_late'): ChangeResult => ({ ok: false, reason, message: REFUSAL_MESSAGES[reason] });

class BookingFlow {
  phase: BookingPhase = 'held';
  facts: BookingFacts | null = null;
  checkoutUrl: string | null = null;
  deposit: { checkoutSessionId: string; eventId: string } | null = null;
  /** `<lead>@<start>`: a reminder goes once per start; a moved booking gets its own. */
  readonly sentReminders = new Set<string>();
  readonly replies = new Set<string>();
  completed = false;
  /** Bumped by every handler that changes the plan, so the main wait wakes and plans again. */
  version = 0;
  /** The row has been read once. A signal buffered before the start runs as soon as its handler is set, before `run` reads the row. */
  loaded = false;
  readonly lock = new Mutex();
  readonly exclusive = <T>(body: () => Promise<T>): Promise<T> =>
    this.lock.runExclusive(async () => {
      // Histories from before this wait ran such a change against the not-yet-read booking.
      if (wf.patched(CHANGES_AFTER_LOAD)) await wf.condition(() => this.loaded);
      return body();
    });
  readonly leads: number[];
  readonly followUpMs: number;

  constructor(readonly input: BookingInput) {
    this.leads = input.reminderLeadMinutes ?? DEFAULT_LEADS;
    this.followUpMs = (input.followUpAfterMinutes ?? DEFAULT_FOLLOW_UP_MINUTES) * MINUTE;
  }

  get ref() {
    return { tenantId: this.input.tenantId, bookingId: this.input.bookingId };
  }

  state(): BookingState {
    const start = this.facts?.start ?? null;
    const next = this.phase === 'confirmed' ? this.dueReminders()[0] : undefined;
    return {
      phase: this.phase,
      start,
      remindersSent: [...this.sentReminders].filter((key) => key.endsWith(`@${start}`)).map((key) => Number(key.split('@')[0])),
      nextReminderAt: next?.at ?? null,
      checkoutUrl: this.phase === 'awaiting_deposit' ? this.checkoutUrl : null,
    };
  }

  dueReminders() {
    const facts = this.facts;
    if (!facts) return [];
    return facts.reminders.filter((r) => !this.sentReminders.has(`${r.lead}@${facts.start}`));
  }

  /** Texts never stop the booking: a text Twilio refuses is logged, and the booking goes on. */
  async text(text: BookingTextName, idempotencyKey: string, extra: { notAfter?: string; feeNote?: string | null; checkoutUrl?: string | null } = {}) {
    try {
      await messaging.sendBookingText({ ...this.ref, text, idempotencyKey, ...extra });
    } catch (error) {
      wf.log.warn('booking text not sent', { bookingId: this.input.bookingId, text, error: String(error) });
    }
  }

  key = (...parts: string[]) => ['booking', this.input.bookingId, ...parts].join(':');

  applied(write: BookingWrite): ChangeResult {
    if (!write.ok) return refusal(write.reason);
    this.facts = write.facts;
    this.version += 1;
    return { ok: true, start: write.facts.start, status: write.facts.status };
  }

  isLive = () => this.phase === 'held' || this.phase === 'awaiting_deposit' || this.phase === 'confirmed';

  async confirm(by: ChangedBy, depositPaid = false): Promise<ChangeResult> {
    if (this.phase === 'confirmed') return { ok: true, start: this.facts!.start, status: 'confirmed' };
    if (!this.isLive()) return refusal('not_changeable');
    // A customer confirms a deposit hold by paying; the owner may confirm it without.
    if (this.phase === 'awaiting_deposit' && by === 'customer' && !depositPaid) return { ok: false, reason: 'not_changeable', message: 'Please pay the deposit with the link we sent to confirm this booking.' };
    const result = this.applied(await engine.confirmHeldBooking({ ...this.ref, leads: this.leads, depositPaid }));
    if (result.ok) this.phase = 'confirmed';
    return result;
  }

  async reschedule(request: RescheduleRequest): Promise<ChangeResult> {
    if (!this.isLive()) return refusal('not_changeable');
    const facts = this.facts!;
    // The policy: inside the cancellation window, only the business moves a booking.
    if (request.by !== 'owner' && Date.parse(facts.start) - Date.now() < facts.cancellationWindowHours * 60 * MINUTE) return refusal('too_late');
    const start = new Date(request.start).toISOString();
    const result = this.applied(await engine.moveBookingTo({ ...this.ref, leads: this.leads, start, resourceId: request.resourceId ?? null, askOffered: request.by !== 'owner' }));
    if (!result.ok) return result;
    await engine.dropBookingReminders({ ...this.ref, keepStart: result.start });
    if (this.phase === 'confirmed') await this.text('moved', this.key('moved', result.start));
    return result;
  }

  async cancel(request: CancelRequest): Promise<ChangeResult> {
    if (this.phase === 'cancelled') return { ok: true, start: this.facts!.start, status: 'cancelled' };
    if (!this.isLive()) return refusal('not_changeable');
    // The late-cancellation fee applies to the customer's own cancellations (the owner waives it by cancelling).
    const feeNote = request.by === 'owner' ? null : await engine.lateCancellationNote(this.ref);
    const note = [feeNote, request.reason?.trim() || null].filter(Boolean).join(' ') || null;
    const result = this.applied(await engine.cancelBookingFor({ ...this.ref, leads: this.leads, note }));
    if (!result.ok) return result;
    const wasBooked = this.phase === 'confirmed';
    this.phase = 'cancelled';
    await engine.dropBookingReminders(this.ref);
    if (wasBooked) await this.text('cancelled', this.key('cancelled'), { feeNote });
    return result;
  }

  async finish(outcome: 'completed' | 'no_show'): Promise<ChangeResult> {
    if (this.phase !== 'confirmed') return refusal('not_changeable');
    const result = this.applied(await engine.finishBookingAs({ ...this.ref, leads: this.leads, outcome }));
    if (!result.ok) return result;
    await engine.dropBookingReminders(this.ref);
    if (outcome === 'no_show') this.phase = 'done';
    else this.completed = true; // the thank-you still waits for its time after the end
    return result;
  }

  async reply(action: 'confirm' | 'cancel' | 'reschedule', messageSid: string): Promise<void> {
    if (this.replies.has(messageSid)) return;
    this.replies.add(messageSid);
    if (action === 'confirm') {
      const wasConfirmed = this.phase === 'confirmed';
      const result = await this.confirm('customer');
      // A hold just confirmed gets the confirmation text next (bookedPhase): one text, not two.
      if (result.ok && (wasConfirmed || !wf.patched(ONE_CONFIRMATION_TEXT))) await this.text('confirmed_reply', this.key('reply', messageSid));
    } else if (action === 'cancel') {
      await this.cancel({ by: 'customer', reason: 'Cancelled by the customer by text.' });
    } else if (this.isLive()) {
      await this.text('manage', this.key('reply', messageSid));
    }
  }

  listen() {
    wf.setHandler(bookingStateQuery, () => this.state());
    wf.setHandler(confirmUpdate, ({ by }) => this.exclusive(() => this.confirm(by)));
    wf.setHandler(rescheduleUpdate, (request) => this.exclusive(() => this.reschedule(request)), {
      validator: (request) => {
        const at = Date.parse(request.start);
        if (!Number.isFinite(at)) throw new Error('The new time is not a date and time.');
        if (at <= Date.now()) throw new Error('The new time has already passed. Please pick a time in the future.');
      },
    });
    wf.setHandler(cancelUpdate, (request) => this.exclusive(() => this.cancel(request)));
    wf.setHandler(finishUpdate, ({ outcome }) => this.exclusive(() => this.finish(outcome)));
    wf.setHandler(depositPaidSignal, (paid) => {
      this.deposit ??= paid;
      this.version += 1;
    });
    // Returned, not dropped: the run waits for this handler (allHandlersFinished) before it completes.
    wf.setHandler(customerReplySignal, ({ action, messageSid }) => this.exclusive(() => this.reply(action, messageSid)));
  }

  /** Until `at` (ISO) or until a handler changes the plan; true when the time came. */
  async waitUntil(at: string): Promise<boolean> {
    const version = this.version;
    const woke = await wf.condition(() => this.version !== version, Math.max(0, Date.parse(at) - Date.now()));
    return !woke;
  }

  /** The hold: paid (or confirmed) in time, or lapsed. */
  async holdPhase(): Promise<void> {
    const facts = this.facts!;
    if (facts.depositCents > 0 && !facts.depositPaid) {
      await this.exclusive(async () => {
        const checkout = await engine.createDepositCheckout(this.ref);
        this.checkoutUrl = checkout.url;
        this.phase = 'awaiting_deposit';
        await this.text('deposit', this.key('deposit'), { checkoutUrl: checkout.url });
      });
    }
    while (this.phase === 'held' || this.phase === 'awaiting_deposit') {
      if (this.deposit) {
        await this.exclusive(() => this.confirm('customer', true));
        if ((this.phase as BookingPhase) === 'confirmed') return;
        // Paid, but the time was taken after the hold lapsed: the owner sees it (and refunds).
        wf.log.warn('deposit paid for a booking that could not be confirmed', { bookingId: this.input.bookingId });
      }
      const expires = this.facts!.holdExpiresAt;
      if (!expires) {
        const version = this.version;
        await wf.condition(() => this.version !== version);
        continue;
      }
      if (!(await this.waitUntil(expires))) continue;
      await this.exclusive(async () => {
        if (this.phase !== 'held' && this.phase !== 'awaiting_deposit') return;
        const { lapsed } = await engine.lapseBookingHold(this.ref);
        if (!lapsed) {
          // The database's clock is a little behind the timer's: look again shortly.
          const facts = await engine.loadBookingFacts({ ...this.ref, leads: this.leads });
          if (facts) this.facts = { ...facts, holdExpiresAt: facts.status === 'held' ? new Date(Date.now() + 5_000).toISOString() : facts.holdExpiresAt };
          if (facts && facts.status !== 'held') this.phase = phaseOf(facts);
          return;
        }
        const deposit = this.phase === 'awaiting_deposit';
        this.phase = 'expired';
        if (deposit) await this.text('expired', this.key('expired'));
      });
    }
  }

  /** Confirmed: reminders before the start, then the thank-you after the end. */
  async bookedPhase(): Promise<void> {
    await this.text('confirmation', this.key('confirmation', this.facts!.start));
    while (this.phase === 'confirmed') {
      const facts = this.facts!;
      const reminder = this.completed ? undefined : this.dueReminders()[0];
      const followUpAt = new Date(Date.parse(facts.end) + this.followUpMs).toISOString();
      if (!(await this.waitUntil(reminder?.at ?? followUpAt))) continue;
      await this.exclusive(async () => {
        // A handler may have moved or ended it while this waited for the lock.
        if (this.phase !== 'confirmed' || this.facts!.start !== facts.start) return;
        if (reminder) {
          this.sentReminders.add(`${reminder.lead}@${facts.start}`);
          await this.text('reminder', this.key('reminder', String(reminder.lead), facts.start), { notAfter: facts.start });
          return;
        }
        if (!this.completed) this.applied(await engine.finishBookingAs({ ...this.ref, leads: this.leads, outcome: 'completed' }));
        this.phase = 'done';
        if (this.facts!.status === 'completed') await this.text('follow_up', this.key('follow_up'));
      });
    }
  }

  async run(): Promise<BookingPhase> {
    this.facts = await engine.loadBookingFacts({ ...this.ref, leads: this.leads });
    // Withdrawn before this ran (the API could not start it in time), or already over.
    this.phase = this.facts ? phaseOf(this.facts) : 'cancelled';
    this.loaded = true;
    if (this.phase === 'held') await this.holdPhase();
    if (this.phase === 'confirmed') await this.bookedPhase();
    await wf.condition(wf.allHandlersFinished);
    return this.phase;
  }
}

function phaseOf(facts: BookingFacts): BookingPhase {
  switch (facts.status) {
    case 'held':
      return 'held';
    case 'confirmed':
      return 'confirmed';
    case 'cancelled':
      return 'cancelled';
    case 'expired':
      return 'expired';
    default:
      return 'done';
  }
}

export async function booking(input: BookingInput): Promise<BookingPhase> {
  const flow = new BookingFlow(input);
  flow.listen();
  return flow.run();
}
