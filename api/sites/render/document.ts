import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';
import { localBusiness, scriptSafeJson } from '../../../domain/sites/json-ld.ts';
import { BASE_CSS, paletteCss } from './base-css.ts';
import { absoluteUrl, type Html, type RenderContext } from './context.ts';

// The HTML document around a page: everything search engines and link previews read (title,
// description, canonical, Open Graph, the LocalBusiness JSON-LD) and the one inline stylesheet.
// The page's Content-Security-Policy allows exactly that stylesheet (by its hash) and no script.

export interface PageHead {
  title: string;
  description: string;
  /** Pages that must not be listed: the thank-you and not-found pages, the owner's preview. */
  noindex?: boolean;
}

export interface RenderedPage {
  html: string;
  /** The Content-Security-Policy for this page (its stylesheet's hash). */
  csp: string;
}

/** A favicon drawn from the brand colour and initial: no request for /favicon.ico, so no 404. */
function favicon(ctx: RenderContext): string {
  const initial = (ctx.site.businessName.trim()[0] ?? 'S').toUpperCase().replace(/[^A-Z0-9]/, 'S');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${ctx.site.palette.brand}"/><text x="16" y="22" font-family="Arial" font-size="18" font-weight="700" text-anchor="middle" fill="${ctx.site.palette.onBrand}">${initial}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Titles past 70 characters are cut off in search results; a long business name is shortened, not the page's word. */
const clampTitle = (title: string) => (title.length <= 70 ? title : `${title.slice(0, 69).trimEnd()}…`);

export function sitePolicy(styleHash: string): string {
  return [
    "default-src 'none'",
    `style-src '${styleHash}'`,
    // Photos and logos are https addresses (domain/sites/content.ts); the favicon is a data: URL.
    "img-src 'self' https: data:",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export async function renderDocument(ctx: RenderContext, head: PageHead, templateCss: string, bodyClass: string, body: Html): Promise<RenderedPage> {
  const { site } = ctx;
  const css = `${paletteCss(site.palette)}\n${BASE_CSS}\n${templateCss}`;
  const styleHash = `sha256-${createHash('sha256').update(css).digest('base64')}`;
  const canonical = ctx.page === 'not-found' ? null : absoluteUrl(ctx, ctx.page);
  const home = absoluteUrl(ctx, 'home');
  const image = site.logoUrl ?? site.photos[0]?.url ?? null;
  const noindex = head.noindex || ctx.preview || ctx.page === 'not-found' || ctx.page === 'thanks';
  const page = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${clampTitle(head.title)}</title>
<meta name="description" content="${head.description}">
${noindex ? html`<meta name="robots" content="noindex">` : ''}${canonical ? html`<link rel="canonical" href="${canonical}">` : ''}
<meta property="og:type" content="website"><meta property="og:site_name" content="${site.businessName}"><meta property="og:title" content="${clampTitle(head.title)}"><meta property="og:description" content="${head.description}">${canonical ? html`<meta property="og:url" content="${canonical}">` : ''}${image ? html`<meta property="og:image" content="${image}">` : ''}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}"><meta name="theme-color" content="${site.palette.brand}">
<link rel="icon" href="${favicon(ctx)}">
${ctx.page === 'home' ? html`<script type="application/ld+json">${raw(scriptSafeJson(localBusiness(site, home)))}</script>` : ''}
<style>${raw(css)}</style>
</head><body class="${bodyClass}"><a class="skip" href="#main">Skip to content</a>
${body}
</body></html>`;
  return { html: (await page).toString(), csp: sitePolicy(styleHash) };
}
