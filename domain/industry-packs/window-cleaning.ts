import type { IndustryPack } from './pack.ts';

/** Window cleaning for homes and storefronts, plus screens, tracks and solar panels. US 2025–26 prices. */
export const windowCleaning = {
  id: 'window-cleaning',
  name: 'Window cleaning',
  schemaOrgType: 'HomeAndConstructionBusiness',
  asset: null,
  services: [
    { name: 'Exterior window cleaning', description: 'Outside glass, frames and sills cleaned by hand or with a purified-water pole, up to 25 windows on a one or two story home.', durationMinutes: 90, priceCents: 17900, priceIsFrom: true },
    { name: 'Inside & out window cleaning', description: 'Both sides of up to 25 windows, with sills wiped and drop cloths under every inside window.', durationMinutes: 180, priceCents: 29900, priceIsFrom: true },
    { name: 'Screen cleaning', description: 'Screens taken down, washed, dried and put back; add it to any window cleaning.', durationMinutes: 30, priceCents: 4900, priceIsFrom: true },
    { name: 'Track & sill detailing', description: 'Dirt, dead bugs and debris vacuumed and wiped out of window and sliding door tracks.', durationMinutes: 45, priceCents: 5900, priceIsFrom: true },
    { name: 'Hard water spot removal', description: 'Mineral spots from sprinklers polished off the glass, priced by the number of windows.', durationMinutes: 60, priceCents: 9900, priceIsFrom: true },
    { name: 'Solar panel cleaning', description: 'Up to 20 panels rinsed with purified water and a soft brush: no soap, no pressure, no streaks.', durationMinutes: 60, priceCents: 14900, priceIsFrom: true },
    { name: 'Storefront window cleaning', description: 'Street-level glass and doors inside and out, on a weekly, every-other-week or monthly route.', durationMinutes: 30, priceCents: 4500, priceIsFrom: true },
  ],
  faqs: [
    { question: 'Do I need to be home?', answer: 'Only for inside cleaning. For an exterior clean, unlock the gates and we will text you when we are done.' },
    { question: 'Can you clean windows when it rains?', answer: 'Light rain is fine: we rinse with purified water, which dries without spots. We stop only for lightning, high wind or ice.' },
    { question: 'Will there be streaks?', answer: 'There should not be. If you see a streak within 48 hours, send us a photo and we will come back and fix it free.' },
    { question: 'How often should windows be cleaned?', answer: 'Twice a year for most homes, spring and fall. Homes near the coast, busy roads or sprinklers look best with three or four cleans a year.' },
    { question: 'Are you insured to work on ladders?', answer: 'Yes. Our team is trained and insured, and we use pole systems from the ground wherever we can.' },
    { question: 'Why are some of my windows foggy between the panes?', answer: 'That is a failed seal, not dirt, so no cleaning can fix it. We will point out any we see so you can ask a window company about it.' },
  ],
  policies: {
    weather: 'Light rain does not spoil clean windows, so we work through drizzle. Lightning, high wind or ice keep our team off ladders; we text you to move the job at no charge.',
    cancellation: 'Please cancel or move at least 24 hours ahead. Late cancellations may be charged a $35 fee.',
    deposit: 'No deposit for homes. Commercial accounts and jobs over $600 need a 25% deposit to book.',
  },
  ivr: {
    greeting: 'Thanks for calling {business}, streak-free windows for homes and storefronts.',
    info: 'We clean windows inside and out, plus screens, tracks and solar panels. Exterior cleans for most homes start at $179 and inside and out at $299. If anything streaks within two days, we come back free. Book online or stay on the line to talk to us.',
    jokes: [
      'Why did the window go to the doctor? It had a pane in its side. Thanks for calling!',
      'Why are window cleaners so easy to talk to? They are always transparent. Thanks for calling!',
      'How do window cleaners stay so positive? They always look on the bright side. Thanks for calling!',
    ],
  },
  sms: {
    reminder: 'Hi {customer}, {business} here: your {service} is {when}. Please unlock the gates and clear inside sills if we are cleaning both sides. Reply R to reschedule.',
    followUp: 'Thanks {customer}, your windows are done! If you spot a streak in the next 48 hours, reply here and we will come back and fix it free. - {business}',
    reviewRequest: 'Hi {customer}, enjoying the view? A quick review of {business} helps our small team a lot: {link}',
    info: '{business}: exterior windows from $179, inside and out from $299, screens from $49, solar panels from $149. Book: {link} or call {phone}',
    missedCall: 'Sorry we missed your call at {business}, we are probably up a ladder! Reply with your address and about how many windows, or book at {link}',
  },
  agentInstructions:
    'You are the friendly assistant of a window cleaning company. Help customers choose an exterior or inside and out cleaning, screens, tracks or solar panels, and book it with the booking tools. Ask how many stories the home has, about how many windows, whether they have small divided panes (French panes take longer), and whether they want inside, outside or both, because they set the time and price. Quote only the prices listed for this business. Never promise to remove scratches, etching or permanent hard water damage, never promise that fog between panes can be cleaned (it is a failed seal), and never promise work above three stories or on a roof; the owner confirms those after a look.',
  website: {
    headline: 'See your home in a new light',
    tagline: 'Streak-free window cleaning for homes and storefronts, with a 48-hour no-streak promise.',
    about:
      'We are a local, owner-run window cleaning team. We clean glass, frames, sills, screens and tracks by hand and with purified-water poles, lay drop cloths indoors, and treat your home with care. If you see a single streak within two days, we come back and fix it free. Book online in a minute or ask for a storefront route.',
    callToAction: 'Book a window cleaning',
  },
} satisfies IndustryPack;
