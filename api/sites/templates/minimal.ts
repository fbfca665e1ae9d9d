import { aboutSection, actions, areaSection, bookingSection, brandMark, faqSection, hoursSection, html, openBadge, photosSection, policiesSection, reviewsSection, servicesSection, siteFooter, type SiteTemplate } from './template.ts';

// Minimal: one narrow column of well-set serif text; the owner's story first, then the prices.
export const minimal: SiteTemplate = {
  id: 'minimal',
  css: `body{font-family:Charter,"Bitstream Charter","Iowan Old Style",Georgia,Cambria,"Times New Roman",serif;border-top:6px solid var(--brand);font-size:18px}
.wrap{max-width:40rem}
h1,h2,h3{font-weight:600}
h1{font-size:clamp(2rem,6vw,2.8rem)}
h2{font-size:1.5rem;margin-bottom:.75rem}
section{padding:2rem 0}
main>section+section{border-top:1px solid #e5e7eb}
.mast{padding:1.5rem 0 0}
.mast .brand{font-size:1.05rem;letter-spacing:.08em;text-transform:uppercase}
.hero{padding-top:2rem}
.lead{font-size:1.25rem;color:#374151;font-style:italic}
.btn{border-radius:0;font-family:system-ui,sans-serif}
.svc-list .svc{border-bottom-style:dashed}
.site-foot{background:#fff;color:#374151;border-top:1px solid #e5e7eb}
.site-foot a{color:var(--ink)}`,
  home: (ctx) => html`<header class="mast"><div class="wrap">${brandMark(ctx)}</div></header><main id="main">
<section class="hero"><div class="wrap"><h1>${ctx.site.headline}</h1><p class="lead">${ctx.site.tagline}</p>${openBadge(ctx)}${actions(ctx, ['call', 'text', 'book'])}</div></section>
${aboutSection(ctx, 'Who we are')}${servicesSection(ctx, 'list', 'What it costs')}${reviewsSection(ctx, 'pull', 'In their words')}${photosSection(ctx)}${hoursSection(ctx, 'When we work')}${areaSection(ctx)}${faqSection(ctx, 'You might ask')}${policiesSection(ctx)}${bookingSection(ctx, 'Ask for a time')}
</main>${siteFooter(ctx)}`,
  frame: (ctx, main) => html`<header class="mast"><div class="wrap">${brandMark(ctx)}</div></header>${main}${siteFooter(ctx)}`,
};
