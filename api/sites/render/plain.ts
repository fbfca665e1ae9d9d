import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';
import { sitePolicy, type RenderedPage } from './document.ts';

// Pages a site shows when there is no site to show: a business that closed ("no longer
// available", nothing else), and an address with no published site (a 404 page). They share no
// template and name nothing but what the visitor needs.

const CSS = 'body{margin:0;font:18px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2937;background:#f9fafb}main{max-width:36rem;margin:0 auto;padding:4rem 1.25rem}h1{font-size:1.8rem;line-height:1.2;color:#111827}a{color:#1d4ed8}';

async function plainPage(title: string, body: ReturnType<typeof html>): Promise<RenderedPage> {
  const page = html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><meta name="description" content="${title}"><link rel="icon" href="data:,"><style>${raw(CSS)}</style></head><body><main>${body}</main></body></html>`;
  return { html: (await page).toString(), csp: sitePolicy(`sha256-${createHash('sha256').update(CSS).digest('base64')}`) };
}

export const closedPage = (businessName: string) =>
  plainPage(`${businessName} is no longer available`, html`<h1>${businessName} is no longer available</h1><p>This business has closed its website. Thank you for your interest.</p>`);

export const noSitePage = () => plainPage('Website not found', html`<h1>There is no website here</h1><p>Check the address, or ask the business for its link.</p>`);
