import { aboutSection, actions, areaSection, bookingSection, faqSection, hoursSection, href, html, openBadge, photoList, policiesSection, reviewsSection, servicesSection, siteFooter, type Html, type RenderContext, type SiteTemplate } from './template.ts';

// Editorial: a magazine front page — a masthead between rules, a very large headline, photos side
// by side with the first one big, the story in two columns and reviews as pull quotes.
function masthead(ctx: RenderContext): Html {
  return html`<header class="mast"><div class="wrap"><a class="title" href="${href(ctx, 'home')}">${ctx.site.businessName}</a><p class="kicker">${ctx.site.pack.name}${ctx.site.serviceArea ? html` · ${ctx.site.serviceArea}` : ''}${ctx.site.phone ? html` · ${ctx.site.phone.label}` : ''}</p></div></header>`;
}

export const editorial: SiteTemplate = {
  id: 'editorial',
  css: `body{font-family:Charter,"Iowan Old Style",Georgia,Cambria,"Times New Roman",serif}
.btn,.actions,form.book,.badge{font-family:system-ui,sans-serif}
.mast{text-align:center;padding:1.25rem 0 .75rem;border-bottom:3px double #111827}
.mast .title{font-size:clamp(1.6rem,6vw,2.6rem);font-variant:small-caps;letter-spacing:.05em;color:#111827;text-decoration:none;font-weight:700}
.kicker{margin:.25rem 0 0;font-size:.95rem;color:#4b5563;text-transform:uppercase;letter-spacing:.12em}
.hero{padding:2.5rem 0 1rem}
.hero h1{font-size:clamp(2.4rem,9vw,4.8rem);font-weight:700;line-height:1.02;max-width:18ch}
.standfirst{font-size:1.3rem;font-style:italic;color:#374151;max-width:40rem;border-left:4px solid var(--brand);padding-left:1rem}
.mosaic{display:grid;gap:.5rem;grid-template-columns:repeat(2,1fr);list-style:none;margin:0;padding:0}
.mosaic li:first-child{grid-column:1/-1}
.mosaic img{width:100%;aspect-ratio:3/2;object-fit:cover}
#about .wrap{columns:2 20rem;column-gap:2.5rem}
#about h2{column-span:all}
h2{border-top:1px solid #111827;padding-top:.6rem;font-size:1.6rem}
.reviews-pull li{border-top-color:#d1d5db}
.spread{display:grid;gap:0 2.5rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))}`,
  home: (ctx) => html`${masthead(ctx)}<main id="main">
<section class="hero"><div class="wrap"><h1>${ctx.site.headline}</h1><p class="standfirst">${ctx.site.tagline}</p>${openBadge(ctx)}${actions(ctx)}</div></section>
${ctx.site.shows('photos') && ctx.site.photos.length ? html`<div class="wrap">${photoList(ctx, 'mosaic')}</div>` : ''}
${aboutSection(ctx, 'Our story')}${reviewsSection(ctx, 'pull', 'Overheard')}${servicesSection(ctx, 'table', 'The price list')}
<div class="wrap spread">${hoursSection(ctx)}${areaSection(ctx)}${policiesSection(ctx)}</div>
${faqSection(ctx)}${bookingSection(ctx)}
</main>${siteFooter(ctx)}`,
  frame: (ctx, main) => html`${masthead(ctx)}${main}${siteFooter(ctx)}`,
};
