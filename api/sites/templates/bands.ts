import { aboutSection, actions, areaSection, bookingSection, faqSection, hoursSection, html, openBadge, photosSection, policiesSection, reviewsSection, servicesSection, siteFooter, topBar, type SiteTemplate } from './template.ts';

// Bands: full-width stripes, one per section, alternating brand colour, a pale wash and white;
// the reviews get a band of their own in the middle of the page.
export const bands: SiteTemplate = {
  id: 'bands',
  css: `.brandband{background:var(--brand);color:var(--on-brand)}
.brandband h1,.brandband h2,.brandband a{color:inherit}
.brandband .btn{background:var(--on-brand);color:var(--brand);border-color:var(--on-brand)}
.brandband .btn.ghost{background:transparent;color:var(--on-brand)}
.brandband .stars{color:inherit}
.washband{background:var(--wash)}
.top{border-bottom:1px solid #0001}
.hero{padding:4rem 0;text-align:center}
.hero .actions{justify-content:center}
.hero .lead{font-size:1.25rem;max-width:40rem;margin:0 auto 1rem}
.reviews-quotes figure{border-left:4px solid currentColor;padding-left:1rem}
section{padding:3.5rem 0}`,
  home: (ctx) => html`${topBar(ctx)}<main id="main">
<section class="hero brandband"><div class="wrap"><h1>${ctx.site.headline}</h1><p class="lead">${ctx.site.tagline}</p>${openBadge(ctx)}${actions(ctx)}</div></section>
<div class="washband">${servicesSection(ctx, 'list')}</div>
${aboutSection(ctx)}
<div class="brandband">${reviewsSection(ctx, 'quotes')}</div>
${photosSection(ctx)}
<div class="washband">${hoursSection(ctx)}${areaSection(ctx)}</div>
${faqSection(ctx)}
<div class="washband">${bookingSection(ctx)}</div>
${policiesSection(ctx)}
</main>${siteFooter(ctx)}`,
  frame: (ctx, main) => html`${topBar(ctx)}${main}${siteFooter(ctx)}`,
};
