import { html } from 'hono/html';
import { formatPrice, type SiteService } from '../../../domain/sites/site-model.ts';
import { bookingPath } from '../../../domain/sites/urls.ts';
import { dayHeading, dayShort } from '../../../domain/sites/booking-times.ts';
import { bookingForm } from './booking-form.ts';
import { actions, callLink } from './contact.ts';
import { href, type Html, type RenderContext } from './context.ts';
import type { PageHead } from './document.ts';

// The public booking pages, readable and usable with no script: services → a day's free times
// (links) → the details form (a plain post) → the booking's own page, which is also where the
// customer cancels or moves it. Every time is said on the business's clock with its zone named.

export interface SlotChoice {
  /** UTC ISO instant: what links and forms carry. */
  start: string;
  /** "9:00 AM" on the business's clock. */
  label: string;
  /** "Sat Mar 14, 9:00 AM CDT" */
  when: string;
}
export interface DayChoice {
  date: string;
  free: number;
}
export interface BookingSummary {
  id: string;
  serviceName: string;
  when: string;
  status: 'held' | 'confirmed' | 'completed' | 'cancelled' | 'expired' | 'no_show';
  depositCents: number;
  depositPaid: boolean;
  address: string | null;
  /** Still ahead and live: it can be cancelled or moved. */
  changeable: boolean;
  cancellationNote: string | null;
}

export type BookingScreen =
  | { kind: 'services'; online: ReadonlySet<string> | null; deposits: Readonly<Record<string, number>> }
  | { kind: 'slots'; service: SiteService; depositCents: number; date: string; days: DayChoice[]; slots: SlotChoice[]; zone: string; timeZone: string }
  | {
      kind: 'details';
      service: SiteService;
      depositCents: number;
      slot: SlotChoice | null;
      /** The chosen time was taken meanwhile: the nearest free ones, offered in the same form. */
      taken?: SlotChoice[];
      /** Why the engine said no, when it was not "taken". */
      refusal?: string;
      address: 'required' | 'optional';
      values: Record<string, string>;
      errors: Record<string, string>;
    }
  | { kind: 'booking'; booking: BookingSummary; token: string; just?: 'booked' | 'moved' | 'cancelled'; checkoutUrl: string | null }
  | { kind: 'cancel'; booking: BookingSummary; token: string; fee: string }
  | { kind: 'reschedule'; booking: BookingSummary; token: string; date: string; days: DayChoice[]; slots: SlotChoice[]; zone: string; timeZone: string; chosen: SlotChoice | null; error?: string };

const priceLine = (service: SiteService, depositCents: number) =>
  html`<p class="muted">${service.price} · ${service.duration}${depositCents > 0 ? html` · ${formatPrice(depositCents)} deposit when you book` : ''}</p>`;

function servicesScreen(ctx: RenderContext, screen: Extract<BookingScreen, { kind: 'services' }>): Html {
  const { site } = ctx;
  if (site.services.length === 0) return requestBody(ctx, site.callToAction);
  const item = (service: SiteService) => {
    const online = screen.online === null || screen.online.has(service.id);
    return html`<li class="svc"><h2>${service.name}</h2>${service.description ? html`<p>${service.description}</p>` : ''}${priceLine(service, screen.deposits[service.id] ?? 0)}${
      online
        ? html`<a class="btn" href="${bookingPath.service(ctx.mount, service.id)}">Pick a time<span class="sr"> for ${service.name}</span></a>`
        : html`<a class="btn ghost" href="${href(ctx, 'request')}?serviceId=${service.id}">Send a request<span class="sr"> for ${service.name}</span></a>`
    }</li>`;
  };
  return html`<section class="booking"><div class="wrap"><h1>${site.callToAction}</h1><p>Pick a service, then a free time. You get a text to confirm it.</p>
<ul class="svc-grid">${site.services.map(item)}</ul>
<p>Not sure what you need? <a href="${href(ctx, 'request')}">Send us a request</a> and we reply with a time and a price.</p></div></section>`;
}

function dayLinks(days: DayChoice[], chosen: string, link: (date: string) => string): Html {
  return html`<nav aria-label="Days"><ul class="days">${days.map(
    (day) =>
      html`<li><a href="${link(day.date)}"${day.date === chosen ? html` aria-current="date"` : ''}${day.free === 0 ? html` class="none"` : ''}>${dayShort(day.date)}<span class="sr">${day.free === 0 ? ', no free times' : `, ${day.free} free`}</span></a></li>`,
  )}</ul></nav>`;
}

function slotLinks(slots: SlotChoice[], link: (slot: SlotChoice) => string): Html {
  return html`<ul class="slots">${slots.map((slot) => html`<li><a class="btn ghost" href="${link(slot)}">${slot.label}</a></li>`)}</ul>`;
}

function dayHeader(date: string, zone: string, timeZone: string): Html {
  return html`<h2>${dayHeading(date)}</h2><p class="muted">Times are ${zone} (${timeZone.replace(/_/g, ' ')}).</p>`;
}

function noTimes(ctx: RenderContext, anyDay: boolean): Html {
  return html`<p>${anyDay ? 'No free times this day — try another day above.' : 'No free times online in the next two weeks.'} You can also <a href="${href(ctx, 'request')}">send us a request</a> or call.</p>${actions(ctx, ['call', 'text'])}`;
}

function slotsScreen(ctx: RenderContext, screen: Extract<BookingScreen, { kind: 'slots' }>): Html {
  const { service } = screen;
  const anyDay = screen.days.some((day) => day.free > 0);
  return html`<section class="booking"><div class="wrap"><p><a href="${href(ctx, 'book')}">← All services</a></p><h1>${service.name}: pick a time</h1>${priceLine(service, screen.depositCents)}
${dayLinks(screen.days, screen.date, (date) => bookingPath.service(ctx.mount, service.id, date))}
${dayHeader(screen.date, screen.zone, screen.timeZone)}${screen.slots.length ? slotLinks(screen.slots, (slot) => bookingPath.details(ctx.mount, service.id, slot.start)) : noTimes(ctx, anyDay)}</div></section>`;
}

const FIELD_IDS = { name: 'b-name', phone: 'b-phone', email: 'b-email', address: 'b-address', notes: 'b-notes' } as const;

function field(screen: Extract<BookingScreen, { kind: 'details' }>, name: keyof typeof FIELD_IDS, label: string, input: (attrs: Html) => Html): Html {
  const error = screen.errors[name];
  const id = FIELD_IDS[name];
  const attrs = html`id="${id}" name="${name}"${error ? html` aria-invalid="true" aria-describedby="${id}-err"` : ''}`;
  return html`<div><label for="${id}">${label}</label>${input(attrs)}${error ? html`<p class="err" id="${id}-err">${error}</p>` : ''}</div>`;
}

function detailsScreen(ctx: RenderContext, screen: Extract<BookingScreen, { kind: 'details' }>): Html {
  const { service, slot } = screen;
  const value = (name: string) => screen.values[name] ?? '';
  const problems = Object.keys(screen.errors).filter((name) => name !== 'token' && name !== 'start').length;
  const alert = screen.taken
    ? html`<p class="alert" role="alert">Sorry — that time was just booked by someone else. ${screen.taken.length ? 'Pick one of the nearest free times below and send the form again.' : html`There are no other free times near it: <a href="${bookingPath.service(ctx.mount, service.id)}">see other days</a>.`}</p>`
    : screen.refusal
      ? html`<p class="alert" role="alert">${screen.refusal}</p>`
      : problems
        ? html`<p class="alert" role="alert">Please check the ${problems === 1 ? 'field' : `${problems} fields`} marked below.</p>`
        : screen.errors.token || screen.errors.start
          ? html`<p class="alert" role="alert">${screen.errors.token ?? screen.errors.start}</p>`
          : '';
  const time = screen.taken
    ? screen.taken.length
      ? html`<fieldset><legend>Nearest free times</legend>${screen.taken.map((s, i) => html`<label class="check"><input type="radio" name="start" value="${s.start}"${i === 0 ? ' checked' : ''}><span>${s.when}</span></label>`)}</fieldset>`
      : ''
    : slot
      ? html`<input type="hidden" name="start" value="${slot.start}">`
      : '';
  const button = screen.depositCents > 0 ? `Book and pay the ${formatPrice(screen.depositCents)} deposit` : 'Book this time';
  return html`<section class="booking"><div class="wrap"><p><a href="${bookingPath.service(ctx.mount, service.id)}">← Other times</a></p><h1>Your details</h1>
<p class="pick"><strong>${service.name}</strong>${slot && !screen.taken ? html`, ${slot.when}` : ''}</p>${priceLine(service, screen.depositCents)}
<form class="book" method="post" action="${bookingPath.details(ctx.mount, service.id)}">
${alert}${time}
${field(screen, 'name', 'Your name', (a) => html`<input ${a} type="text" autocomplete="name" required maxlength="80" value="${value('name')}">`)}
${field(screen, 'phone', 'Mobile number', (a) => html`<input ${a} type="tel" autocomplete="tel" required maxlength="40" value="${value('phone')}">`)}
${field(screen, 'email', 'Email (optional)', (a) => html`<input ${a} type="email" autocomplete="email" maxlength="254" value="${value('email')}">`)}
${field(screen, 'address', screen.address === 'required' ? 'Address where we do the job' : 'Address, if we come to you (optional)', (a) => html`<input ${a} type="text" autocomplete="street-address" maxlength="200"${screen.address === 'required' ? ' required' : ''} value="${value('address')}">`)}
${field(screen, 'notes', 'Anything we should know? (optional)', (a) => html`<textarea ${a} rows="3" maxlength="1000">${value('notes')}</textarea>`)}
<label class="check"><input type="checkbox" name="smsConsent"${value('smsConsent') === 'on' ? ' checked' : ''}><span>Text me about my booking. Message frequency varies. Msg &amp; data rates may apply. Reply STOP to opt out, HELP for help. <a href="${href(ctx, 'smsOptIn')}">Texting terms</a></span></label>
<input type="hidden" name="token" value="${ctx.formToken}">
<div><button class="btn" type="submit"${ctx.preview ? ' disabled' : ''}>${button}</button></div>
<p class="fine">We use your details only for this booking — see our <a href="${href(ctx, 'privacy')}">privacy policy</a>.</p>
</form></div></section>`;
}

const STATUS_TEXT: Record<BookingSummary['status'], string> = {
  held: 'Waiting for the deposit',
  confirmed: 'Booked',
  completed: 'Done',
  cancelled: 'Cancelled',
  expired: 'Lapsed (the deposit was not paid in time)',
  no_show: 'Missed',
};

function summaryList(booking: BookingSummary): Html {
  return html`<dl class="summary"><dt>Service</dt><dd>${booking.serviceName}</dd><dt>When</dt><dd>${booking.when}</dd><dt>Status</dt><dd>${STATUS_TEXT[booking.status]}</dd>${booking.address ? html`<dt>Address</dt><dd>${booking.address}</dd>` : ''}${booking.cancellationNote ? html`<dt>Note</dt><dd>${booking.cancellationNote}</dd>` : ''}</dl>`;
}

function bookingScreen(ctx: RenderContext, screen: Extract<BookingScreen, { kind: 'booking' }>): Html {
  const { booking } = screen;
  const owesDeposit = booking.status === 'held' && booking.depositCents > 0 && !booking.depositPaid;
  const heading =
    screen.just === 'cancelled' ? `Cancelled: ${booking.serviceName}, ${booking.when}`
    : screen.just === 'moved' ? `Moved: ${booking.serviceName}, ${booking.when}`
    : owesDeposit ? `Almost booked: ${booking.serviceName}, ${booking.when}`
    : screen.just === 'booked' ? `Booked: ${booking.serviceName}, ${booking.when}`
    : 'Your booking';
  const lead = owesDeposit
    ? html`<p>Pay the ${formatPrice(booking.depositCents)} deposit to keep this time — we texted you the same link.</p>${screen.checkoutUrl ? html`<p><a class="btn" href="${screen.checkoutUrl}">Pay the ${formatPrice(booking.depositCents)} deposit</a></p>` : html`<p>The payment link is on its way by text.</p>`}`
    : screen.just === 'booked' ? html`<p>We texted you a confirmation. See you then!</p>`
    : screen.just === 'moved' ? html`<p>We texted you the new time.</p>`
    : screen.just === 'cancelled' ? html`<p>We texted you to confirm the cancellation.</p>`
    : '';
  const change = booking.changeable
    ? html`<div class="actions"><a class="btn ghost" href="${bookingPath.manage(ctx.mount, booking.id, screen.token, 'reschedule')}">Reschedule</a><a class="btn ghost" href="${bookingPath.manage(ctx.mount, booking.id, screen.token, 'cancel')}">Cancel</a></div>
<p class="fine">Keep this page’s address: it is your link to change this booking.</p>`
    : html`<p><a href="${href(ctx, 'book')}">Book again</a></p>`;
  return html`<section class="booking"><div class="wrap"><h1>${heading}</h1>${lead}${summaryList(booking)}${change}${actions(ctx, ['call', 'text'])}</div></section>`;
}

function cancelScreen(ctx: RenderContext, screen: Extract<BookingScreen, { kind: 'cancel' }>): Html {
  const { booking } = screen;
  return html`<section class="booking"><div class="wrap"><h1>Cancel your booking?</h1>${summaryList(booking)}<p class="notice">${screen.fee}</p>
<form class="book" method="post" action="${bookingPath.manage(ctx.mount, booking.id, screen.token, 'cancel')}"><input type="hidden" name="t" value="${screen.token}"><input type="hidden" name="token" value="${ctx.formToken}"><div><button class="btn" type="submit">Yes, cancel it</button></div></form>
<p><a href="${bookingPath.manage(ctx.mount, booking.id, screen.token)}">Keep my booking</a></p></div></section>`;
}

function rescheduleScreen(ctx: RenderContext, screen: Extract<BookingScreen, { kind: 'reschedule' }>): Html {
  const { booking } = screen;
  const link = (query: Record<string, string>) => bookingPath.manage(ctx.mount, booking.id, screen.token, 'reschedule', query);
  const confirm = screen.chosen
    ? html`<form class="book" method="post" action="${link({})}"><input type="hidden" name="t" value="${screen.token}"><input type="hidden" name="token" value="${ctx.formToken}"><input type="hidden" name="start" value="${screen.chosen.start}"><p class="pick">Move to <strong>${screen.chosen.when}</strong>?</p><div><button class="btn" type="submit">Move my booking</button></div></form>`
    : '';
  return html`<section class="booking"><div class="wrap"><p><a href="${bookingPath.manage(ctx.mount, booking.id, screen.token)}">← Your booking</a></p><h1>Pick a new time</h1><p>${booking.serviceName}, now ${booking.when}.</p>
${screen.error ? html`<p class="alert" role="alert">${screen.error}</p>` : ''}${confirm}
${dayLinks(screen.days, screen.date, (date) => link({ date }))}
${dayHeader(screen.date, screen.zone, screen.timeZone)}${screen.slots.length ? slotLinks(screen.slots, (slot) => link({ date: screen.date, start: slot.start })) : noTimes(ctx, screen.days.some((d) => d.free > 0))}</div></section>`;
}

/** The old "just send a request" form, for a business with no services or a service not booked online. */
export function requestBody(ctx: RenderContext, heading: string): Html {
  const body = ctx.site.takesRequests
    ? html`<p>Send us this form and we will reply with a time and a price.</p>${bookingForm(ctx)}`
    : html`<p>Online requests are paused right now. Please call us.</p><div class="actions">${callLink(ctx)}</div>`;
  return html`<section id="book" aria-labelledby="book-h"><div class="wrap"><h1 id="book-h">${heading}</h1>${body}</div></section>`;
}

export function bookingPage(ctx: RenderContext, screen: BookingScreen): { head: PageHead; main: Html } {
  const { site } = ctx;
  const private_ = { noindex: true } as const;
  switch (screen.kind) {
    case 'services':
      return { head: { title: `${site.callToAction} — ${site.businessName}`, description: `Book ${site.businessName} online: pick a service and a free time, and get a text to confirm it.` }, main: servicesScreen(ctx, screen) };
    case 'slots':
      return { head: { title: `${screen.service.name}: pick a time — ${site.businessName}`, description: `Free times for ${screen.service.name} at ${site.businessName}.`, ...private_ }, main: slotsScreen(ctx, screen) };
    case 'details':
      return { head: { title: `Your details — ${site.businessName}`, description: `Book ${screen.service.name} at ${site.businessName}.`, ...private_ }, main: detailsScreen(ctx, screen) };
    case 'booking':
      return { head: { title: `Your booking — ${site.businessName}`, description: `Your booking with ${site.businessName}.`, ...private_ }, main: bookingScreen(ctx, screen) };
    case 'cancel':
      return { head: { title: `Cancel your booking — ${site.businessName}`, description: `Cancel your booking with ${site.businessName}.`, ...private_ }, main: cancelScreen(ctx, screen) };
    case 'reschedule':
      return { head: { title: `Pick a new time — ${site.businessName}`, description: `Move your booking with ${site.businessName}.`, ...private_ }, main: rescheduleScreen(ctx, screen) };
  }
}
