import type { Context } from 'hono';
import { siteBookingInput } from '../../../domain/inputs/site-booking.ts';
import { addressRule } from '../../../domain/sites/booking-rules.ts';
import { nearestStarts, validDate } from '../../../domain/sites/booking-times.ts';
import { buildSite, type SiteFacts } from '../../../domain/sites/site-model.ts';
import { bookingPath, type SiteMount } from '../../../domain/sites/urls.ts';
import type { AppEnv } from '../../context.ts';
import { fieldErrors } from '../../errors.ts';
import { limiterOf, sameSite } from '../booking-request.ts';
import { formToken, formTokenValid } from '../form-token.ts';
import { buildSitePage } from '../page-builder.ts';
import type { BookingScreen } from '../render/booking-pages.ts';
import { loadSiteFacts, type SiteTarget } from '../site-facts.ts';
import { freeTimes, offeredSlot, onlineServices, slotChoice } from './data.ts';
import { bookOnline, manageToken } from './booking-engine.ts';

// The booking flow's answers: services → a day's times → the details form → booked. Each page is
// built fresh (free times change by the minute) and sent with no-store; the rest of the site keeps
// its cache. The details form posts with the request form's protections: same origin, the form
// token, each address's hourly budget.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A booking page, never cached: the HTML with its CSP, or the site's own 404/410 page. */
export async function bookingAnswer(c: Context<AppEnv>, facts: SiteFacts | null, mount: SiteMount, screen: BookingScreen | null, status: 200 | 400 | 403 | 409 = 200, form?: { values: Record<string, string>; errors: Record<string, string> }) {
  const deps = c.get('deps');
  const live = facts && facts.status !== 'closed' && facts.site?.publishedAt;
  const page = await buildSitePage(facts, live && screen ? 'book' : 'not-found', mount, {
    settings: deps.config,
    formToken: (tenantId) => formToken(deps.masterKey, tenantId),
    ...(screen ? { booking: screen } : {}),
    ...(form ? { form } : {}),
  });
  const headers = { 'content-type': page.contentType, 'cache-control': 'no-store', ...(page.csp ? { 'content-security-policy': page.csp } : {}) };
  const answered = page.status === 200 ? status : page.status;
  return c.req.method === 'HEAD' ? c.body(null, answered, headers) : c.body(page.body, answered, headers);
}

/** The site (fresh from the database) and, for a published one that takes work, the service the path names. */
async function siteAndService(c: Context<AppEnv>, target: SiteTarget, serviceId: string) {
  const facts = await loadSiteFacts(c.get('deps').db, target);
  if (!facts || facts.status === 'closed' || facts.status === 'suspended' || !facts.site?.publishedAt) return { facts, service: null };
  const site = buildSite(facts, new Date());
  const service = UUID.test(serviceId) ? site.services.find((s) => s.id === serviceId) ?? null : null;
  return { facts, site, service };
}

export async function servicesPage(c: Context<AppEnv>, target: SiteTarget, mount: SiteMount) {
  const facts = await loadSiteFacts(c.get('deps').db, target);
  if (!facts) return bookingAnswer(c, null, mount, null);
  const { online, deposits } = await onlineServices(c.get('deps').db, facts.tenantId);
  return bookingAnswer(c, facts, mount, { kind: 'services', online, deposits });
}

export async function slotsPage(c: Context<AppEnv>, target: SiteTarget, mount: SiteMount, serviceId: string) {
  const { facts, service } = await siteAndService(c, target, serviceId);
  if (!facts || !service) return bookingAnswer(c, facts, mount, null);
  const { online, deposits } = await onlineServices(c.get('deps').db, facts.tenantId);
  if (!online.has(service.id)) return c.redirect(`${mount.base}/book/request?serviceId=${service.id}`, 303);
  const times = await freeTimes(c.get('deps').db, facts, service.id, validDate(c.req.query('date')));
  return bookingAnswer(c, facts, mount, { kind: 'slots', service, depositCents: deposits[service.id] ?? 0, ...times });
}

export async function detailsPage(c: Context<AppEnv>, target: SiteTarget, mount: SiteMount, serviceId: string) {
  const { facts, service } = await siteAndService(c, target, serviceId);
  if (!facts || !service) return bookingAnswer(c, facts, mount, null);
  const start = c.req.query('start') ?? '';
  const at = new Date(start);
  // A start that is no instant sends the visitor back to pick one.
  if (!start || Number.isNaN(at.getTime())) return c.redirect(bookingPath.service(mount, service.id), 303);
  const { deposits } = await onlineServices(c.get('deps').db, facts.tenantId);
  return bookingAnswer(c, facts, mount, { kind: 'details', service, depositCents: deposits[service.id] ?? 0, slot: slotChoice(at, facts.timeZone), address: addressRule(facts.industry ?? 'other'), values: {}, errors: {} });
}

const formValues = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'token'));

export async function bookDetails(c: Context<AppEnv>, target: SiteTarget, mount: SiteMount, serviceId: string) {
  await sameSite(c, async () => {});
  const deps = c.get('deps');
  const limited = await limiterOf(deps)(c, async () => {});
  if (limited) return limited;
  const { facts, service } = await siteAndService(c, target, serviceId);
  if (!facts || !service) return bookingAnswer(c, facts, mount, facts?.status === 'suspended' ? { kind: 'services', online: new Set(), deposits: {} } : null, 403);

  const body = await c.req.parseBody();
  const values = formValues(body);
  const parsed = siteBookingInput.safeParse(body);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const address = addressRule(facts.industry ?? 'other');
  if (parsed.success && address === 'required' && !parsed.data.address) errors.address = 'Please tell us the address where we do the job';
  if (!formTokenValid(deps.masterKey, facts.tenantId, typeof body.token === 'string' ? body.token : '')) errors.token = 'This form has expired. Please send it again.';
  const { deposits } = await onlineServices(deps.db, facts.tenantId);
  const depositCents = deposits[service.id] ?? 0;
  const startText = typeof body.start === 'string' ? body.start : '';
  const slot = parsed.success ? slotChoice(parsed.data.start, facts.timeZone) : Number.isNaN(Date.parse(startText)) ? null : slotChoice(new Date(startText), facts.timeZone);
  const again = (status: 400 | 409, extra: Partial<Extract<BookingScreen, { kind: 'details' }>> = {}) =>
    bookingAnswer(c, facts, mount, { kind: 'details', service, depositCents, slot, address, values, errors, ...extra }, status);
  if (!parsed.success || Object.keys(errors).length > 0) return again(400);

  const input = parsed.data;
  const result = await bookOnline(deps, {
    tenantId: facts.tenantId,
    serviceId: service.id,
    start: input.start,
    name: input.name,
    phone: input.phone,
    email: input.email,
    address: input.address,
    notes: input.notes,
    source: 'web',
  });
  if (!result.ok) {
    if (result.reason === 'slot_taken' || result.reason === 'not_offered') {
      const times = await freeTimes(deps.db, facts, service.id, null);
      const taken = nearestStarts(times.all.filter((s) => s.start !== slot?.start), input.start, 4);
      return again(409, { taken });
    }
    return again(409, { refusal: `${result.message} Please call us, or send a request instead.` });
  }
  return c.redirect(bookingPath.manage(mount, result.booking.id, manageToken(deps.masterKey, facts.tenantId, result.booking.id), undefined, { done: 'booked' }), 303);
}

export { offeredSlot };
