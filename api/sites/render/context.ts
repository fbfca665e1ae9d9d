import type { html } from 'hono/html';
import type { BookingScreen } from './booking-pages.ts';
import type { SiteModel } from '../../../domain/sites/site-model.ts';
import { pagePath, type SiteMount, type SitePage } from '../../../domain/sites/urls.ts';

/** What a template function returns: hono/html's escaped markup (tenant text in it is already escaped). */
export type Html = ReturnType<typeof html>;

/** One page being rendered: the site, where it is served, and the booking form's state. */
export interface RenderContext {
  site: SiteModel;
  /** The address the page is served at: its links stay on it. */
  mount: SiteMount;
  /** The one absolute address search engines are given (canonical, Open Graph, JSON-LD, sitemap). */
  canonical: SiteMount;
  page: SitePage | 'not-found';
  /** The booking form's signed token (api/sites/form-token.ts). */
  formToken: string;
  /** A form sent back with problems: what was typed and what to fix. */
  form?: { values: Record<string, string>; errors: Record<string, string> };
  /** What the booking page shows (services, a day's times, the details form, a booking); the services when absent. */
  booking?: BookingScreen;
  /** The owner's preview: never indexed, and the form does not post. */
  preview?: boolean;
}

export const href = (ctx: RenderContext, page: SitePage) => pagePath(ctx.mount, page);
export const absoluteUrl = (ctx: RenderContext, page: SitePage) => pagePath(ctx.canonical, page);

/** A phone number fit for a tel: or sms: link (E.164 only; anything else gets no link). */
export const dialable = (e164: string) => (/^\+[1-9]\d{6,14}$/.test(e164) ? e164 : null);
