import { aboutSection, actions, areaSection, bookingSection, faqSection, hoursSection, html, openBadge, photosSection, policiesSection, reviewsSection, servicesSection, siteFooter, topBar, type SiteTemplate } from './template.ts';

// Price board: a dark page that leads with the prices, large, like a menu board over a counter.
export const board: SiteTemplate = {
  id: 'board',
  css: `body{background:#111827;color:#e5e7eb}
h1,h2,h3{color:#fff}
a{color:var(--ink-dark)}
.muted,.hours caption{color:#cbd5e1}
.top{border-bottom:1px solid #374151}
.top .brand{color:#fff}
.hero{padding:2.5rem 0 1rem}
.hero .lead{font-size:1.15rem;color:#d1d5db}
.btn.ghost{background:transparent;color:#fff;border-color:#fff}
.svc-board{display:grid;gap:1px;background:#374151;border:1px solid #374151;border-radius:1rem;overflow:hidden;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}
.svc-board .svc{background:#1f2937;padding:1.25rem}
.svc-board .price{display:block;font-size:2.2rem;color:var(--ink-dark);line-height:1.1;margin-bottom:.35rem}
.svc-board p{color:#d1d5db;margin:0}
.hours th,.hours td,details{border-color:#374151}
.photos img{border-radius:0}
.stars{color:#fcd34d}
#book .wrap{background:#fff;color:#1f2937;border-radius:1rem;padding:1.5rem}
#book h2{color:#111827}#book a{color:var(--ink)}
.site-foot{background:#030712}`,
  home: (ctx) => html`${topBar(ctx)}<main id="main">
<section class="hero"><div class="wrap"><h1>${ctx.site.headline}</h1><p class="lead">${ctx.site.tagline}</p>${openBadge(ctx)}</div></section>
${servicesSection(ctx, 'board', 'Today’s prices')}
<div class="wrap">${actions(ctx)}</div>
${hoursSection(ctx)}${areaSection(ctx)}${reviewsSection(ctx, 'quotes')}${photosSection(ctx)}${aboutSection(ctx)}${faqSection(ctx)}${policiesSection(ctx)}${bookingSection(ctx)}
</main>${siteFooter(ctx)}`,
  frame: (ctx, main) => html`${topBar(ctx)}${main}${siteFooter(ctx)}`,
};
