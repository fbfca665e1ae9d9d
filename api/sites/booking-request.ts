import type { Context } from 'hono';
import { csrf } from 'hono/csrf';
import { rateLimiter } from 'hono-rate-limiter';
import { tenantPageUrl } from '../../domain/app-links.ts';
import { siteRequestInput } from '../../domain/inputs/site-request.ts';
import { phoneLabel } from '../../domain/phone.ts';
import { pagePath, type SiteMount } from '../../domain/sites/urls.ts';
import { startWebsiteRequestAlert } from '../../workers/client/website-request.ts';
import { clientAddress } from '../auth/login-throttle.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { fieldErrors } from '../errors.ts';
import { formToken, formTokenValid } from './form-token.ts';
import { buildSitePage } from './page-builder.ts';
import { respondWith } from './site-pages.ts';
import { loadSiteFacts, type SiteTarget } from './site-facts.ts';
import { storeWebsiteRequest } from './website-requests.ts';

// POST <site>/book/request (and <site>/book, where pages cached before online booking post): the request form, sent without JavaScript. Only from the site's own pages (the
// browser's Origin, as hono/csrf checks it), with the form's token, within each address's hourly
// budget; the request creates (or finds) the customer, is stored, and the owner is told. Then
// Post/Redirect/Get to the thank-you page, or the form again with what to fix.

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
};
// Same host as the page the form is on, whichever address (path, subdomain, own domain) it was served at.
export const sameSite = csrf({ origin: (origin, c) => hostOf(origin) === (c.req.header('host') ?? hostOf(c.req.url)) });

const limiters = new WeakMap<AppDeps, ReturnType<typeof rateLimiter<AppEnv>>>();
export function limiterOf(deps: AppDeps) {
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = rateLimiter<AppEnv>({
      windowMs: 60 * 60_000,
      limit: deps.config.SITE_REQUESTS_PER_HOUR,
      standardHeaders: false,
      keyGenerator: (c) => `${clientAddress(c, deps.config.TRUST_PROXY_HOPS)}|${c.req.header('host') ?? ''}|${c.req.path}`,
      handler: (c) => c.text('Too many requests from your connection in the last hour. Please call or text the business instead.', 429, { 'retry-after': '3600' }),
    });
    limiters.set(deps, limiter);
  }
  return limiter;
}

const formValues = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'token'));

export async function handleBookingRequest(c: Context<AppEnv>, target: SiteTarget, mount: SiteMount): Promise<Response> {
  await sameSite(c, async () => {});
  const limited = await limiterOf(c.get('deps'))(c, async () => {});
  if (limited) return limited;

  const deps = c.get('deps');
  const facts = await loadSiteFacts(deps.db, target);
  const token = (tenantId: string) => formToken(deps.masterKey, tenantId);
  // Read fresh, never from the cache: a site unpublished or closed a moment ago takes nothing.
  if (!facts || facts.status === 'closed' || !facts.site?.publishedAt) return respondWith(c, await buildSitePage(facts, 'request', mount, { settings: deps.config, formToken: token }));
  const again = async (status: 400 | 403, values: Record<string, string>, errors: Record<string, string>) => {
    const page = await buildSitePage(facts, 'request', mount, { settings: deps.config, formToken: token, form: { values, errors } });
    return c.body(page.body, status, { 'content-type': page.contentType, 'cache-control': 'no-store', ...(page.csp ? { 'content-security-policy': page.csp } : {}) });
  };
  if (facts.status === 'suspended') return again(403, {}, {});

  const body = await c.req.parseBody();
  const values = formValues(body);
  const parsed = siteRequestInput.safeParse(body);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  if (!formTokenValid(deps.masterKey, facts.tenantId, typeof body.token === 'string' ? body.token : '')) errors.token = 'This form has expired. Please send it again.';
  const chosen = typeof body.serviceId === 'string' && body.serviceId.trim() ? body.serviceId.trim() : null;
  const service = chosen ? facts.services.find((s) => s.id === chosen) : undefined;
  if (chosen && !service) errors.serviceId = 'Choose a service from the list';
  if (!parsed.success || Object.keys(errors).length > 0) return again(400, values, errors);

  const request = parsed.data;
  const stored = await storeWebsiteRequest(deps.db, facts.tenantId, request, service?.name ?? null);
  const summary = [`${request.name}, ${phoneLabel(request.phone)}`, service ? ` — ${service.name}` : '', request.when ? `, ${request.when}` : ''].join('');
  try {
    const owner = await ownerContacts(deps, facts.tenantId);
    await startWebsiteRequestAlert(deps.temporal, deps.config.TEMPORAL_TASK_QUEUE, {
      tenantId: facts.tenantId,
      requestId: stored.requestId,
      ...owner,
      summary,
      businessName: facts.businessName,
      link: tenantPageUrl(deps.config.PUBLIC_BASE_URL, facts.tenantId, 'website'),
    });
  } catch (error) {
    // The request is stored and shows in the app; only the alert is late. Never the visitor's problem.
    c.get('logger').warn({ err: error, tenantId: facts.tenantId, requestId: stored.requestId }, 'website request stored, but the owner alert could not be started');
  }
  return c.redirect(pagePath(mount, 'thanks'), 303);
}

/** Where the owner hears of requests: the alert number (or the forwarding number), the alert email (or the first owner's). */
async function ownerContacts(deps: AppDeps, tenantId: string): Promise<{ ownerPhone: string | null; ownerEmail: string | null }> {
  const phone = await deps.db.tenantPhoneConfig.findUnique({ where: { tenantId }, select: { ownerNotifyPhone: true, forwardingNumber: true, ownerNotifyEmail: true } });
  const email = phone?.ownerNotifyEmail ?? (await deps.db.membership.findFirst({ where: { tenantId, role: 'owner' }, orderBy: { createdAt: 'asc' }, select: { user: { select: { email: true } } } }))?.user.email ?? null;
  return { ownerPhone: phone?.ownerNotifyPhone ?? phone?.forwardingNumber ?? null, ownerEmail: email };
}
