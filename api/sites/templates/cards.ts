import { aboutSection, actions, areaSection, bookingSection, faqSection, hoursSection, html, openBadge, photosSection, policiesSection, reviewsSection, servicesSection, siteFooter, topBar, type SiteTemplate } from './template.ts';

// Cards: a soft grey page where every part sits on its own rounded white card.
export const cards: SiteTemplate = {
  id: 'cards',
  css: `body{background:#eef0f3}
.top{background:#fff}
main{padding:1rem 0 2rem}
section{padding:.6rem 0}
section>.wrap{background:#fff;border-radius:1.1rem;padding:1.5rem;box-shadow:0 1px 2px #0000000f,0 4px 14px -6px #0000001f}
.wrap .wrap{padding:1.5rem}
.hero>.wrap{background:var(--brand);color:var(--on-brand);padding:2.5rem 1.5rem}
.hero h1{color:inherit}
.hero .btn{background:var(--on-brand);color:var(--brand);border-color:var(--on-brand)}
.hero .btn.ghost{background:transparent;color:var(--on-brand)}
.svc-grid .svc{background:var(--wash);border:0}
.svc-grid .price{display:inline-block;background:#fff;border-radius:99rem;padding:.1rem .6rem}
.reviews-cards figure{background:var(--wash);box-shadow:none}
.grid2{display:grid;gap:0 1rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));max-width:70rem;margin:0 auto;padding:0 1.25rem}
.grid2>section>.wrap{height:100%}
.site-foot{margin-top:1rem}`,
  home: (ctx) => html`${topBar(ctx)}<main id="main">
<section class="hero"><div class="wrap"><h1>${ctx.site.headline}</h1><p>${ctx.site.tagline}</p>${openBadge(ctx)}${actions(ctx)}</div></section>
${servicesSection(ctx, 'grid')}
<div class="grid2">${hoursSection(ctx)}${areaSection(ctx)}</div>
${reviewsSection(ctx, 'cards')}${aboutSection(ctx)}${photosSection(ctx)}
<div class="grid2">${faqSection(ctx)}${policiesSection(ctx)}</div>
${bookingSection(ctx)}
</main>${siteFooter(ctx)}`,
  frame: (ctx, main) => html`${topBar(ctx)}${main}${siteFooter(ctx)}`,
};
