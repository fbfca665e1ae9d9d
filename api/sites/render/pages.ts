import { html } from 'hono/html';
import { legalPage, type LegalPageId } from '../../../domain/sites/legal.ts';
import type { SiteModel } from '../../../domain/sites/site-model.ts';
import { siteTemplate } from '../templates/index.ts';
import { bookingPage, requestBody } from './booking-pages.ts';
import { actions, callLink } from './contact.ts';
import { href, type Html, type RenderContext } from './context.ts';
import { renderDocument, type PageHead, type RenderedPage } from './document.ts';

// Every page of a site in its template: the front page is the template's own layout; the others
// (booking, thank-you, privacy, terms, SMS, not found) sit inside the template's header and footer.

/** Search results cut titles near 60 characters: the area goes in only when it fits. */
function homeTitle(site: SiteModel): string {
  const title = `${site.businessName} — ${site.pack.name}`;
  const withArea = site.serviceArea ? `${title} in ${site.serviceArea}` : title;
  return withArea.length <= 65 ? withArea : title.length <= 65 ? title : site.businessName.slice(0, 65);
}

const homeHead = (site: SiteModel): PageHead => ({
  title: homeTitle(site),
  description: `${site.tagline}${site.priceRange ? ` Prices ${site.priceRange}.` : ''}${site.phone ? ` Call or text ${site.phone.label}.` : ''}`.slice(0, 300),
});

function legalBody(ctx: RenderContext, page: LegalPageId): { head: PageHead; main: Html } {
  const legal = legalPage(ctx.site, page);
  const main = html`<div class="wrap legal"><h1>${legal.title.split(' — ')[0]}</h1><p>${legal.intro}</p>${legal.sections.map(
    (section) => html`<h2>${section.heading}</h2>${section.paragraphs.map((p) => html`<p>${p}</p>`)}`,
  )}${page === 'smsOptIn' ? html`<p>Read our <a href="${href(ctx, 'privacy')}">privacy policy</a> and <a href="${href(ctx, 'terms')}">terms of service</a>.</p>` : ''}</div>`;
  return { head: { title: legal.title, description: legal.description }, main };
}

function inner(ctx: RenderContext): { head: PageHead; main: Html } {
  const { site } = ctx;
  switch (ctx.page) {
    case 'book':
      if (!site.takesRequests || !site.shows('booking')) return { head: { title: `${site.callToAction} — ${site.businessName}`, description: `How to book ${site.businessName}.` }, main: requestBody(ctx, site.callToAction) };
      return bookingPage(ctx, ctx.booking ?? { kind: 'services', online: null, deposits: {} });
    case 'request':
      return {
        head: { title: `Send a request — ${site.businessName}`, description: `Send ${site.businessName} a booking request: pick a service, say when suits you, and we reply with a time and a price.` },
        main: requestBody(ctx, 'Send a request'),
      };
    case 'thanks':
      return {
        head: { title: `Thank you — ${site.businessName}`, description: `Your request reached ${site.businessName}.` },
        main: html`<section><div class="wrap"><h1>Thank you — we have your request</h1><p>${site.businessName} will reply soon with a time and a price. If it is urgent, call us.</p>${actions(ctx, ['call', 'text'])}<p><a href="${href(ctx, 'home')}">Back to the home page</a></p></div></section>`,
      };
    case 'privacy':
    case 'terms':
    case 'smsOptIn':
      return legalBody(ctx, ctx.page);
    default:
      return {
        head: { title: `Page not found — ${site.businessName}`, description: `This page of ${site.businessName}'s website does not exist.` },
        main: html`<section><div class="wrap"><h1>We could not find that page</h1><p><a href="${href(ctx, 'home')}">Go to the home page</a> or call us.</p><div class="actions">${callLink(ctx)}</div></div></section>`,
      };
  }
}

export async function renderSitePage(ctx: RenderContext): Promise<RenderedPage> {
  const template = siteTemplate(ctx.site.template);
  const bodyClass = `t-${template.id} p-${ctx.page}`;
  if (ctx.page === 'home') return renderDocument(ctx, homeHead(ctx.site), template.css, bodyClass, template.home(ctx));
  const { head, main } = inner(ctx);
  return renderDocument(ctx, head, template.css, bodyClass, template.frame(ctx, html`<main id="main" class="page">${main}</main>`));
}
