import { html } from 'hono/html';
import type { Html, RenderContext } from './context.ts';

// The owner's words and the pack's copy as page sections. Each section hides itself when the owner
// turned it off (content.hiddenSections) or has nothing to show in it.

const section = (id: string, heading: string, body: Html, className = '') =>
  html`<section id="${id}" aria-labelledby="${id}-h"${className ? html` class="${className}"` : ''}><div class="wrap"><h2 id="${id}-h">${heading}</h2>${body}</div></section>`;

export function aboutSection(ctx: RenderContext, heading = 'About us', className = ''): Html {
  if (!ctx.site.shows('about')) return html``;
  return section('about', heading, html`${ctx.site.about.split(/\n{2,}/).map((paragraph) => html`<p>${paragraph}</p>`)}`, className);
}

export function photoList(ctx: RenderContext, className = 'photos'): Html {
  // width/height reserve the space before a photo loads (no layout shift); CSS sets the real size.
  return html`<ul class="${className}">${ctx.site.photos.map(
    (photo, index) => html`<li><img src="${photo.url}" alt="${photo.alt}" width="800" height="600" ${index < 2 ? '' : html`loading="lazy" `}decoding="async"></li>`,
  )}</ul>`;
}

export function photosSection(ctx: RenderContext, heading = 'Our work', className = 'photos'): Html {
  if (!ctx.site.shows('photos') || ctx.site.photos.length === 0) return html``;
  return section('photos', heading, photoList(ctx, className));
}

const stars = (rating: number | undefined) =>
  rating ? html`<span class="stars" role="img" aria-label="${rating} out of 5 stars">${'★'.repeat(rating)}${'☆'.repeat(5 - rating)}</span>` : '';

export type ReviewsStyle = 'quotes' | 'cards' | 'pull';

export function reviewsSection(ctx: RenderContext, style: ReviewsStyle = 'quotes', heading = 'What customers say', className = ''): Html {
  if (!ctx.site.shows('testimonials') || ctx.site.testimonials.length === 0) return html``;
  const items = ctx.site.testimonials.map(
    (review) => html`<li><figure><blockquote><p>“${review.quote}”</p></blockquote><figcaption>${stars(review.rating)} <span>${review.name}</span></figcaption></figure></li>`,
  );
  return section('reviews', heading, html`<ul class="reviews-${style}">${items}</ul>`, className);
}

export function faqSection(ctx: RenderContext, heading = 'Questions and answers', className = ''): Html {
  if (!ctx.site.shows('faqs') || ctx.site.faqs.length === 0) return html``;
  // <details> opens and closes without any script.
  return section('faqs', heading, html`${ctx.site.faqs.map((faq) => html`<details><summary>${faq.question}</summary><p>${faq.answer}</p></details>`)}`, className);
}

export function policiesSection(ctx: RenderContext, heading = 'Good to know', className = ''): Html {
  if (!ctx.site.shows('policies')) return html``;
  return section('policies', heading, html`<div class="policies">${ctx.site.policies.map((policy) => html`<div><h3>${policy.title}</h3><p>${policy.text}</p></div>`)}</div>`, className);
}

/** Three steps from request to done, for templates that explain how booking works. */
export function stepsSection(ctx: RenderContext, className = ''): Html {
  const steps = [
    ['Tell us what you need', ctx.site.takesRequests && ctx.site.shows('booking') ? 'Book a time online or give us a call — it takes a minute.' : 'Give us a call or send a text — it takes a minute.'],
    ['We confirm a time', 'We reply by phone or text with a time and a price, before anything is booked.'],
    ['We do the work', 'We arrive on time, do the job and check it with you before we leave.'],
  ] as const;
  return section('how', 'How it works', html`<ol class="steps">${steps.map(([title, text]) => html`<li><h3>${title}</h3><p>${text}</p></li>`)}</ol>`, className);
}
