import { html } from 'hono/html';
import type { SiteService } from '../../../domain/sites/site-model.ts';
import type { Html, RenderContext } from './context.ts';

// The price list, drawn four ways: a grid of tiles, a list with dotted leaders, a menu board, or a
// plain table. Prices come from the business's services table (domain/sites/site-model.ts).

export type ServicesStyle = 'grid' | 'list' | 'board' | 'table';

const tile = (service: SiteService) =>
  html`<li class="svc"><h3>${service.name}</h3>${service.description ? html`<p>${service.description}</p>` : ''}<p><span class="price">${service.price}</span> <span class="muted">· ${service.duration}</span></p></li>`;

const line = (service: SiteService) =>
  html`<li class="svc"><div class="svc-line"><h3>${service.name}</h3><span class="dots" aria-hidden="true"></span><span class="price">${service.price}</span></div>${service.description ? html`<p class="muted">${service.description} · ${service.duration}</p>` : ''}</li>`;

const board = (service: SiteService) => html`<li class="svc"><span class="price">${service.price}</span><h3>${service.name}</h3><p>${service.duration}${service.description ? html` — ${service.description}` : ''}</p></li>`;

function servicesBody(services: SiteService[], style: ServicesStyle): Html {
  if (services.length === 0) return html`<p>Call or text us for a quote.</p>`;
  if (style === 'table') {
    return html`<table class="svc-table"><thead><tr><th scope="col">Service</th><th scope="col">Time</th><th scope="col">Price</th></tr></thead><tbody>${services.map(
      (s) => html`<tr><th scope="row">${s.name}${s.description ? html`<span class="muted">${s.description}</span>` : ''}</th><td>${s.duration}</td><td class="price">${s.price}</td></tr>`,
    )}</tbody></table>`;
  }
  const item = style === 'grid' ? tile : style === 'list' ? line : board;
  return html`<ul class="svc-${style}">${services.map(item)}</ul>`;
}

export function servicesSection(ctx: RenderContext, style: ServicesStyle, heading = 'Services and prices'): Html {
  if (!ctx.site.shows('services')) return html``;
  return html`<section id="services" aria-labelledby="services-h"><div class="wrap"><h2 id="services-h">${heading}</h2>${servicesBody(ctx.site.services, style)}</div></section>`;
}
