import type { SiteTemplateId } from '../../../domain/sites/templates.ts';
import type { Html, RenderContext } from '../render/context.ts';

export type { Html, RenderContext } from '../render/context.ts';
export { href } from '../render/context.ts';
export { html } from 'hono/html';
export { bookingSection } from '../render/booking-form.ts';
export { brandMark, siteFooter, topBar } from '../render/chrome.ts';
export { actions, areaSection, areaText, callLink, hoursSection, hoursTable, openBadge, textLink } from '../render/contact.ts';
export { aboutSection, faqSection, photoList, photosSection, policiesSection, reviewsSection, stepsSection } from '../render/sections.ts';
export { servicesSection } from '../render/services.ts';

/**
 * One website template: its own layout of the front page, the frame (header and footer) every
 * other page sits in, and its CSS. Templates differ in layout, not just colour; they all draw from
 * the same site model and the shared sections, so every template shows every fact.
 */
export interface SiteTemplate {
  id: SiteTemplateId;
  css: string;
  home: (ctx: RenderContext) => Html;
  frame: (ctx: RenderContext, main: Html) => Html;
}
