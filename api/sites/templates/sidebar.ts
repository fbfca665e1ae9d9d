import { aboutSection, actions, areaText, bookingSection, brandMark, callLink, faqSection, hoursTable, html, openBadge, photosSection, policiesSection, reviewsSection, servicesSection, siteFooter, textLink, type Html, type RenderContext, type SiteTemplate } from './template.ts';

// Sidebar: on a big screen the name, number, hours and area stay in a coloured side column while
// the rest scrolls; on a phone that column is the top of the page.
function side(ctx: RenderContext): Html {
  return html`<header class="side">${brandMark(ctx)}<div class="actions">${callLink(ctx)}${textLink(ctx)}</div>${
    ctx.site.shows('hours') ? html`<p class="label">Hours ${openBadge(ctx)}</p>${hoursTable(ctx)}` : ''
  }${ctx.site.shows('area') ? html`<p class="label">Where we work</p>${areaText(ctx)}` : ''}</header>`;
}

export const sidebar: SiteTemplate = {
  id: 'sidebar',
  css: `.layout{display:grid}
.side{background:var(--brand);color:var(--on-brand);padding:1.25rem}
.side a{color:inherit}
.side .btn{background:var(--on-brand);color:var(--brand);border-color:var(--on-brand)}
.side .btn.ghost{background:transparent;color:var(--on-brand)}
.side .brand{font-size:1.35rem}
.side .hours th,.side .hours td{border-color:currentColor}
.side .hours caption{color:inherit;text-align:left;font-size:.85rem}
.label{font-weight:750;margin:1.25rem 0 .4rem}
.content section{padding:2.25rem 0}
.content .wrap{max-width:52rem;margin:0}
.intro{padding-top:2.5rem}
.intro .lead{font-size:1.2rem}
#book,#faqs{background:#f9fafb}
@media (min-width:60rem){.layout{grid-template-columns:20rem 1fr}.side{position:sticky;top:0;height:100vh;overflow:auto;padding:2rem 1.5rem}.content .wrap{padding:0 3rem}}`,
  home: (ctx) => html`<div class="layout">${side(ctx)}<div class="content"><main id="main">
<section class="intro"><div class="wrap"><h1>${ctx.site.headline}</h1><p class="lead">${ctx.site.tagline}</p>${actions(ctx, ['book'])}</div></section>
${servicesSection(ctx, 'grid')}${aboutSection(ctx)}${photosSection(ctx)}${reviewsSection(ctx, 'quotes')}${faqSection(ctx)}${policiesSection(ctx)}${bookingSection(ctx)}
</main>${siteFooter(ctx)}</div></div>`,
  frame: (ctx, main) => html`<div class="layout">${side(ctx)}<div class="content">${main}${siteFooter(ctx)}</div></div>`,
};
