import { html } from 'hono/html';
import { callLink } from './contact.ts';
import { href, type Html, type RenderContext } from './context.ts';

// The "just send a request" form: a plain form post (no script), answered with a thank-you page, or
// with this form again showing what to fix. Online booking with real times is render/booking-pages.ts. The texting box is unticked and optional, as carriers require.

const FIELD_IDS = { name: 'f-name', phone: 'f-phone', email: 'f-email', serviceId: 'f-service', when: 'f-when', address: 'f-address', message: 'f-message' } as const;
type Field = keyof typeof FIELD_IDS;

function field(ctx: RenderContext, name: Field, label: string, input: (attrs: Html) => Html): Html {
  const error = ctx.form?.errors[name];
  const id = FIELD_IDS[name];
  const attrs = html`id="${id}" name="${name}"${error ? html` aria-invalid="true" aria-describedby="${id}-err"` : ''}`;
  return html`<div><label for="${id}">${label}</label>${input(attrs)}${error ? html`<p class="err" id="${id}-err">${error}</p>` : ''}</div>`;
}

export function bookingForm(ctx: RenderContext): Html {
  const value = (name: string) => ctx.form?.values[name] ?? '';
  const expired = ctx.form?.errors.token;
  const errors = ctx.form ? Object.keys(ctx.form.errors).filter((name) => name !== 'token').length : 0;
  const chosen = value('serviceId');
  return html`<form class="book" method="post" action="${href(ctx, 'request')}">
${errors ? html`<p class="alert" role="alert">Please check the ${errors === 1 ? 'field' : `${errors} fields`} marked below.</p>` : expired ? html`<p class="alert" role="alert">${expired}</p>` : ''}
${field(ctx, 'name', 'Your name', (a) => html`<input ${a} type="text" autocomplete="name" required maxlength="80" value="${value('name')}">`)}
${field(ctx, 'phone', 'Phone number', (a) => html`<input ${a} type="tel" autocomplete="tel" required maxlength="40" value="${value('phone')}">`)}
${field(ctx, 'email', 'Email (optional)', (a) => html`<input ${a} type="email" autocomplete="email" maxlength="254" value="${value('email')}">`)}
${ctx.site.services.length
  ? field(ctx, 'serviceId', 'Service', (a) => html`<select ${a}><option value="">Not sure yet</option>${ctx.site.services.map((s) => html`<option value="${s.id}"${s.id === chosen ? ' selected' : ''}>${s.name} — ${s.price}</option>`)}</select>`)
  : ''}
${field(ctx, 'when', 'When suits you? (optional)', (a) => html`<input ${a} type="text" maxlength="120" placeholder="For example: Saturday morning" value="${value('when')}">`)}
${field(ctx, 'address', 'Address, if we come to you (optional)', (a) => html`<input ${a} type="text" autocomplete="address-line1" maxlength="200" value="${value('address')}">`)}
${field(ctx, 'message', 'Anything we should know? (optional)', (a) => html`<textarea ${a} rows="3" maxlength="1000">${value('message')}</textarea>`)}
<label class="check"><input type="checkbox" name="smsConsent"${value('smsConsent') === 'on' ? ' checked' : ''}><span>Text me about my request. Message frequency varies. Msg &amp; data rates may apply. Reply STOP to opt out, HELP for help. <a href="${href(ctx, 'smsOptIn')}">Texting terms</a></span></label>
<input type="hidden" name="token" value="${ctx.formToken}">
<div><button class="btn" type="submit"${ctx.preview ? ' disabled' : ''}>${ctx.site.callToAction}</button></div>
<p class="fine">We use your details only to answer this request — see our <a href="${href(ctx, 'privacy')}">privacy policy</a>.</p>
</form>`;
}

/**
 * The front page's booking section: the way into online booking (a service, then a free time), the
 * request form for a business with no services, or — for a business that takes no work right now — how to call.
 */
export function bookingSection(ctx: RenderContext, heading = 'Book online', className = ''): Html {
  if (!ctx.site.shows('booking')) return html``;
  const body = !ctx.site.takesRequests
    ? html`<p>Online requests are paused right now. Please call us.</p><div class="actions">${callLink(ctx)}</div>`
    : ctx.site.services.length === 0
      ? html`<p>Send us a request and we will reply with a time and a price.</p><div class="actions"><a class="btn" href="${href(ctx, 'request')}">Send a request</a></div>`
      : html`<p>Pick a service and a free time — you get a text to confirm it.</p><div class="actions"><a class="btn" href="${href(ctx, 'book')}">${ctx.site.callToAction}</a></div><p>Rather tell us what you need? <a href="${href(ctx, 'request')}">Send a request</a>.</p>`;
  return html`<section id="book" aria-labelledby="book-h"${className ? html` class="${className}"` : ''}><div class="wrap"><h2 id="book-h">${heading}</h2>${body}</div></section>`;
}
