import { html } from 'hono/html';
import { dialable, href, type Html, type RenderContext } from './context.ts';

// How a visitor reaches the business: call and text links with its own number, the booking
// button, the open-now badge and the week's hours.

/** `short`: just "Call" (the header bar on a phone), with the number for screen readers. */
export function callLink(ctx: RenderContext, className = 'btn', short = false): Html {
  const number = ctx.site.phone && dialable(ctx.site.phone.e164);
  if (!number || !ctx.site.phone) return html``;
  if (short) return html`<a class="${className}" href="tel:${number}" aria-label="Call ${ctx.site.phone.label}">Call<span class="wide">&nbsp;${ctx.site.phone.label}</span></a>`;
  return html`<a class="${className}" href="tel:${number}">Call&nbsp;${ctx.site.phone.label}</a>`;
}

export function textLink(ctx: RenderContext, className = 'btn ghost'): Html {
  const number = ctx.site.phone && dialable(ctx.site.phone.e164);
  if (!number) return html``;
  return html`<a class="${className}" href="sms:${number}">Send a text</a>`;
}

export function bookLink(ctx: RenderContext, className = 'btn'): Html {
  if (!ctx.site.takesRequests || !ctx.site.shows('booking')) return html``;
  return html`<a class="${className}" href="${href(ctx, 'book')}">${ctx.site.callToAction}</a>`;
}

/** Book, call and text, in the order a template wants them. */
export function actions(ctx: RenderContext, order: ('book' | 'call' | 'text')[] = ['book', 'call', 'text']): Html {
  const parts = { book: () => bookLink(ctx), call: () => callLink(ctx, ctx.site.takesRequests && ctx.site.shows('booking') ? 'btn ghost' : 'btn'), text: () => textLink(ctx) };
  return html`<div class="actions">${order.map((part) => parts[part]())}</div>`;
}

export function openBadge(ctx: RenderContext): Html {
  const hours = ctx.site.hours;
  if (!hours || hours.openNow === null || !ctx.site.shows('hours')) return html``;
  return hours.openNow ? html`<span class="badge open">Open now</span>` : html`<span class="badge shut">Closed now</span>`;
}

export function hoursTable(ctx: RenderContext): Html {
  const hours = ctx.site.hours;
  if (!hours) return html`<p>Call or text us to find a time that suits you.</p>`;
  return html`<table class="hours"><caption class="muted">Times are local (${hours.timeZone.replace(/_/g, ' ')})</caption><tbody>${hours.rows.map(
    (row) => html`<tr${row.today ? html` class="today"` : ''}><th scope="row">${row.name}${row.today ? ' (today)' : ''}</th><td>${row.text}</td></tr>`,
  )}</tbody></table>`;
}

export function hoursSection(ctx: RenderContext, heading = 'Opening hours'): Html {
  if (!ctx.site.shows('hours')) return html``;
  return html`<section id="hours" aria-labelledby="hours-h"><div class="wrap"><h2 id="hours-h">${heading}</h2><p>${openBadge(ctx)}</p>${hoursTable(ctx)}</div></section>`;
}

export function areaText(ctx: RenderContext): Html {
  const area = ctx.site.serviceArea;
  return area ? html`<p>We work in ${area}.</p>` : html`<p>Ask us whether we cover your area.</p>`;
}

export function areaSection(ctx: RenderContext): Html {
  if (!ctx.site.shows('area') || !ctx.site.serviceArea) return html``;
  return html`<section id="area" aria-labelledby="area-h"><div class="wrap"><h2 id="area-h">Where we work</h2>${areaText(ctx)}${ctx.site.address ? html`<p>${ctx.site.address}</p>` : ''}</div></section>`;
}
