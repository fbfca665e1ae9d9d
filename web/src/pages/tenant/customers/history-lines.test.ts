import { describe, expect, it } from 'vitest';
import type { CustomerHistoryEntry } from '../../../api/types.ts';
import { historyLine } from './history-lines.ts';

const ZONE = 'America/Denver';
const at = '2031-06-01T12:00:00.000Z';
type Booking = Extract<CustomerHistoryEntry, { kind: 'booking' }>['booking'];

const booking = (changes: Partial<Booking> = {}): Booking => ({
  id: 'b1', status: 'confirmed', source: 'web', start: '2031-06-03T09:00:00-06:00', end: '2031-06-03T11:00:00-06:00', timeZone: ZONE,
  service: { id: 's1', name: 'Full detail' }, resource: { id: 'r1', name: 'Van 1', kind: 'van' }, customer: { id: 'c1', name: 'Ana Lopez', phone: null, email: null },
  priceCents: 0, depositCents: 0, depositPaid: false, holdExpiresAt: null, address: null, notes: null, cancellationNote: null, createdAt: at, ...changes,
});

describe('historyLine', () => {
  it('says how a call ended and how long it was', () => {
    expect(historyLine({ kind: 'call', id: '1', at, outcome: 'missed', durationSec: 0, from: '+19185550142' }, ZONE)).toEqual({ title: 'Missed call', detail: null, badge: null });
    expect(historyLine({ kind: 'call', id: '1', at, outcome: 'answered', durationSec: 75, from: '+19185550142' }, ZONE).detail).toBe('1 min 15 s');
  });

  it('marks an unheard voicemail and shows its transcript', () => {
    expect(historyLine({ kind: 'voicemail', id: '1', at, durationSec: 20, listened: false, transcript: 'Call me back' }, ZONE)).toEqual({ title: 'Voicemail, 20 s', detail: 'Call me back', badge: 'New' });
    expect(historyLine({ kind: 'voicemail', id: '1', at, durationSec: 20, listened: true, transcript: null }, ZONE).badge).toBeNull();
  });

  it('tells a text in from a text out, and says what became of one that did not go', () => {
    expect(historyLine({ kind: 'text', id: '1', at, direction: 'inbound', body: 'Friday?', status: 'received' }, ZONE)).toEqual({ title: 'They texted', detail: 'Friday?', badge: null });
    expect(historyLine({ kind: 'text', id: '1', at, direction: 'outbound', body: 'Yes', status: 'sent' }, ZONE).title).toBe('We texted');
    expect(historyLine({ kind: 'text', id: '1', at, direction: 'outbound', body: 'Yes', status: 'blocked_opt_out' }, ZONE).badge).toBe('Blocked — they texted STOP');
  });

  it("names a booking's service, its time on the business's clock, who does it and its status", () => {
    expect(historyLine({ kind: 'booking', id: 'b1', at, booking: booking() }, ZONE)).toEqual({ title: 'Booked on the website', detail: 'Full detail · Tue, Jun 3, 9:00 AM · Van 1', badge: 'Confirmed' });
    expect(historyLine({ kind: 'booking', id: 'b1', at, booking: booking({ service: null, source: 'owner', status: 'cancelled' }) }, ZONE)).toMatchObject({ title: 'Booked by you', badge: 'Cancelled' });
  });

  it('puts what a website request asked for together', () => {
    expect(historyLine({ kind: 'website_request', id: '1', at, serviceName: 'Interior detail', preferredTime: 'mornings', message: null }, ZONE).detail).toBe('Interior detail · prefers mornings');
    expect(historyLine({ kind: 'website_request', id: '1', at, serviceName: null, preferredTime: null, message: null }, ZONE).detail).toBeNull();
  });
});
