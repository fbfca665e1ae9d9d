import { aboutSection, actions, areaSection, bookingSection, faqSection, hoursSection, html, openBadge, photosSection, policiesSection, reviewsSection, servicesSection, siteFooter, topBar, type SiteTemplate } from './template.ts';

// Bold: the whole first screen in the brand colour with huge type, a shop-window price list after.
export const bold: SiteTemplate = {
  id: 'bold',
  css: `.top,.hero,.loud{background:var(--brand);color:var(--on-brand)}
.top .btn,.hero .btn{background:var(--on-brand);color:var(--brand);border-color:var(--on-brand)}
.hero .btn.ghost{background:transparent;color:var(--on-brand)}
.hero{padding:3rem 0 4rem}
.hero h1,.loud h2{color:inherit}
.hero h1{font-size:clamp(2.6rem,11vw,5.6rem);font-weight:900;text-transform:uppercase;line-height:.95;max-width:14ch}
.hero .lead{font-size:1.25rem;max-width:34rem}
.from{font-size:1.1rem;font-weight:700}
#services h2,#book h2{text-transform:uppercase;letter-spacing:.04em}
.svc-list h3{font-size:1.25rem}.svc-list .price{font-size:1.25rem}
.loud .stars{color:inherit}
.twin{display:grid;gap:0 2rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))}
#book{border-top:8px solid var(--brand)}`,
  home: (ctx) => html`${topBar(ctx)}<main id="main">
<section class="hero"><div class="wrap"><h1>${ctx.site.headline}</h1><p class="lead">${ctx.site.tagline}</p>${ctx.site.priceRange ? html`<p class="from">Prices ${ctx.site.priceRange}</p>` : ''}${openBadge(ctx)}${actions(ctx)}</div></section>
${servicesSection(ctx, 'list', 'Prices')}${reviewsSection(ctx, 'pull', 'People say', 'loud')}${aboutSection(ctx)}${photosSection(ctx)}
<div class="wrap twin">${hoursSection(ctx)}${areaSection(ctx)}</div>
${bookingSection(ctx)}${faqSection(ctx)}${policiesSection(ctx)}
</main>${siteFooter(ctx)}`,
  frame: (ctx, main) => html`${topBar(ctx)}${main}${siteFooter(ctx)}`,
};
