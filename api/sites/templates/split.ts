import { aboutSection, actions, areaText, bookingSection, callLink, faqSection, hoursTable, html, openBadge, photosSection, policiesSection, reviewsSection, servicesSection, siteFooter, textLink, topBar, type RenderContext, type SiteTemplate } from './template.ts';

// Split: the pitch on the left, a contact card (number, open now, hours, area) on the right.
function contactCard(ctx: RenderContext) {
  return html`<aside class="card" aria-label="Contact and hours"><p class="card-title">Call or text</p>${ctx.site.phone ? html`<p class="phone">${ctx.site.phone.label}</p>` : ''}<div class="actions">${callLink(ctx)}${textLink(ctx)}</div>${ctx.site.shows('hours') ? html`<p class="card-title">Hours ${openBadge(ctx)}</p>${hoursTable(ctx)}` : ''}${ctx.site.shows('area') ? html`<p class="card-title">Area</p>${areaText(ctx)}` : ''}</aside>`;
}

export const split: SiteTemplate = {
  id: 'split',
  css: `.top{background:#fff;border-bottom:4px solid var(--brand)}
.hero{padding:3rem 0;background:linear-gradient(180deg,var(--wash),#fff)}
.hero .wrap{display:grid;gap:2rem;align-items:start}
@media (min-width:52rem){.hero .wrap{grid-template-columns:1.2fr .8fr}}
.hero .lead{font-size:1.2rem}
.card{background:#fff;border:1px solid #d1d5db;border-radius:1rem;padding:1.25rem;box-shadow:0 10px 30px -12px #0003}
.card-title{font-weight:750;margin:1rem 0 .4rem;text-transform:uppercase;font-size:.85rem;letter-spacing:.06em;color:#374151}
.card-title:first-child{margin-top:0}
.phone{font-size:1.6rem;font-weight:800;margin:0}
.card .hours caption{text-align:left;font-size:.85rem}
.pair{display:grid;gap:0 2.5rem}
@media (min-width:52rem){.pair{grid-template-columns:1fr 1fr}}
#book{background:var(--wash)}`,
  home: (ctx) => html`${topBar(ctx)}<main id="main">
<section class="hero"><div class="wrap"><div><h1>${ctx.site.headline}</h1><p class="lead">${ctx.site.tagline}</p>${actions(ctx, ['book'])}</div>${contactCard(ctx)}</div></section>
${servicesSection(ctx, 'table')}
<div class="wrap pair">${aboutSection(ctx)}${photosSection(ctx)}</div>
${reviewsSection(ctx, 'cards')}
<div class="wrap pair">${faqSection(ctx)}${policiesSection(ctx)}</div>
${bookingSection(ctx)}
</main>${siteFooter(ctx)}`,
  frame: (ctx, main) => html`${topBar(ctx)}${main}${siteFooter(ctx)}`,
};
