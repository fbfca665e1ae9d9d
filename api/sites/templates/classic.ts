import { aboutSection, actions, areaSection, bookingSection, faqSection, hoursSection, html, openBadge, photosSection, policiesSection, reviewsSection, servicesSection, siteFooter, topBar, type SiteTemplate } from './template.ts';

// Classic: a centred welcome on a pale wash, services in a grid, hours beside the service area.
export const classic: SiteTemplate = {
  id: 'classic',
  css: `.top{border-bottom:1px solid #e5e7eb}
.hero{text-align:center;padding:4rem 0 3rem;background:var(--wash)}
.hero .actions{justify-content:center}
.lead{font-size:1.2rem;max-width:38rem;margin:0 auto 1rem}
.duo{display:grid;gap:0 2rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))}
#faqs,#book{background:#f9fafb}`,
  home: (ctx) => html`${topBar(ctx)}<main id="main">
<section class="hero"><div class="wrap"><h1>${ctx.site.headline}</h1><p class="lead">${ctx.site.tagline}</p>${openBadge(ctx)}${actions(ctx)}</div></section>
${servicesSection(ctx, 'grid')}${aboutSection(ctx)}${photosSection(ctx)}${reviewsSection(ctx, 'quotes')}
<div class="wrap duo">${hoursSection(ctx)}${areaSection(ctx)}</div>
${faqSection(ctx)}${policiesSection(ctx)}${bookingSection(ctx)}
</main>${siteFooter(ctx)}`,
  frame: (ctx, main) => html`${topBar(ctx)}${main}${siteFooter(ctx)}`,
};
