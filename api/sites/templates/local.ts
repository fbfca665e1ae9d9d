import { aboutSection, actions, bookingSection, faqSection, hoursSection, html, openBadge, photosSection, policiesSection, reviewsSection, servicesSection, siteFooter, stepsSection, topBar, type SiteTemplate } from './template.ts';

// Neighbourhood: leads with where the business works and how booking goes, step by step.
export const local: SiteTemplate = {
  id: 'local',
  css: `.top{background:#fff;box-shadow:0 1px 0 #e5e7eb}
.hero{padding:3rem 0 2rem}
.hero .wrap{border-left:6px solid var(--brand);padding-left:1.25rem}
.where{display:inline-block;background:var(--wash);border-radius:.6rem;padding:.5rem .9rem;font-weight:650;margin:0 0 1rem}
.where strong{color:var(--ink)}
.hero .lead{font-size:1.2rem;max-width:40rem}
#how{background:#f9fafb}
.steps li{background:#fff;border:1px solid #e5e7eb}
.duo{display:grid;gap:0 2rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))}
#book{background:var(--wash)}`,
  home: (ctx) => html`${topBar(ctx)}<main id="main">
<section class="hero"><div class="wrap">${ctx.site.serviceArea && ctx.site.shows('area') ? html`<p class="where">Serving <strong>${ctx.site.serviceArea}</strong></p>` : ''}<h1>${ctx.site.headline}</h1><p class="lead">${ctx.site.tagline}</p>${openBadge(ctx)}${actions(ctx)}</div></section>
${stepsSection(ctx)}${servicesSection(ctx, 'table', 'Services and prices')}
<div class="wrap duo">${hoursSection(ctx)}${aboutSection(ctx, 'Your neighbours')}</div>
${reviewsSection(ctx, 'cards', 'From people nearby')}${photosSection(ctx)}${faqSection(ctx)}${policiesSection(ctx)}${bookingSection(ctx)}
</main>${siteFooter(ctx)}`,
  frame: (ctx, main) => html`${topBar(ctx)}${main}${siteFooter(ctx)}`,
};
