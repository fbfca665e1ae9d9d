import { html } from 'hono/html';
import { callLink } from './contact.ts';
import { dialable, href, type Html, type RenderContext } from './context.ts';

// What every page of a site has around its content: the name (and logo) linking home, and a
// footer with the number, the legal pages carriers read, and the year.

export function brandMark(ctx: RenderContext, className = 'brand'): Html {
  const { site } = ctx;
  const logo = site.logoUrl ? html`<img src="${site.logoUrl}" alt="" width="44" height="44">` : '';
  return html`<a class="${className}" href="${href(ctx, 'home')}">${logo}<span>${site.businessName}</span></a>`;
}

/** A header bar: the brand on the left, the call button on the right. */
export function topBar(ctx: RenderContext, className = 'top'): Html {
  return html`<header class="${className}"><div class="wrap bar">${brandMark(ctx)}${callLink(ctx, 'btn small', true)}</div></header>`;
}

export function siteFooter(ctx: RenderContext, className = 'site-foot'): Html {
  const { site } = ctx;
  return html`<footer class="${className}"><div class="wrap">
<nav aria-label="Site pages"><a href="${href(ctx, 'home')}">Home</a>${site.takesRequests && site.shows('booking') ? html`<a href="${href(ctx, 'book')}">Book</a>` : ''}<a href="${href(ctx, 'privacy')}">Privacy policy</a><a href="${href(ctx, 'terms')}">Terms of service</a><a href="${href(ctx, 'smsOptIn')}">Text messages (SMS)</a></nav>
<p>${site.businessName}${site.phone ? html` · <a href="tel:${dialable(site.phone.e164) ?? ""}">${site.phone.label}</a>` : ''}${site.email ? html` · <a href="mailto:${site.email}">${site.email}</a>` : ''}</p>
<p>© ${new Date().getUTCFullYear()} ${site.businessName}. ${site.pack.name}${site.serviceArea ? ` in ${site.serviceArea}` : ''}.</p>
</div></footer>`;
}
