import type { IndustryPack } from './pack.ts';

/**
 * The pack of a trade without its own: plain words that fit any local service business, so no
 * owner is ever shown another trade's copy. The wizard lists it last.
 */
export const otherService = {
  id: 'other',
  name: 'Other service business',
  schemaOrgType: 'LocalBusiness',
  asset: null,
  services: [
    { name: 'Free estimate', description: 'We look at the job with you, answer your questions and give you a price before any work starts.', durationMinutes: 30, priceCents: 0, priceIsFrom: false },
    { name: 'Standard service visit', description: 'A one-hour visit for most jobs, with time to set up, do the work and clean up after.', durationMinutes: 60, priceCents: 9500, priceIsFrom: true },
    { name: 'Extended service visit', description: 'Two hours for a bigger job, or several small ones in the same trip.', durationMinutes: 120, priceCents: 17500, priceIsFrom: true },
    { name: 'Half-day service', description: 'Four hours of our time for larger projects, at a lower hourly rate.', durationMinutes: 240, priceCents: 32900, priceIsFrom: true },
  ],
  faqs: [
    { question: 'How do I book?', answer: 'Online in a minute: pick a service and a time that suits you. You can also call or text us and we will find a time together.' },
    { question: 'Do you give estimates?', answer: 'Yes, free. For most jobs a few photos by text are enough for a price range; bigger jobs get an estimate visit.' },
    { question: 'How do I pay?', answer: 'By card or cash when the job is done. Larger jobs may need a deposit to hold the date, and we always tell you before you book.' },
    { question: 'What areas do you serve?', answer: 'We serve our local area. Text us your address or zip code and we will confirm right away.' },
    { question: 'Are you insured?', answer: 'Yes. We carry insurance for the work we do, and we are happy to show proof.' },
  ],
  policies: {
    weather: 'If weather makes travel or the job unsafe, we text you to move your appointment to the next good day, at no charge.',
    cancellation: 'Please cancel or move at least 24 hours ahead. Late cancellations may be charged a $25 fee.',
    deposit: 'Larger jobs may need a deposit to hold the date. We tell you before you book, and it comes off the final price.',
  },
  ivr: {
    greeting: "Thanks for calling {business}. We're glad you reached us.",
    info: 'We are a local, owner-run service business. Estimates are free and most visits start at $95. Book online or stay on the line to talk to us.',
    jokes: [
      'Why did the clock get a job with us? It was great at keeping appointments. Thanks for calling!',
      'Why did the calendar feel so confident? It knew its days were well planned. Thanks for calling!',
    ],
  },
  sms: {
    reminder: 'Hi {customer}, a reminder from {business}: your {service} is {when}. Reply C to confirm or R to reschedule.',
    followUp: 'Thanks for choosing {business}, {customer}! We hope everything went well. Questions about the job? Just reply here.',
    reviewRequest: 'Hi {customer}, how did we do? A quick review of {business} helps a small local business a lot: {link}',
    info: '{business}: free estimates, visits from $95. See our services and book a time that suits you: {link} or call {phone}',
    missedCall: 'Sorry we missed your call at {business}! Reply here with what you need and we will get right back to you, or book at {link}',
  },
  agentInstructions:
    'You are the friendly assistant of a local service business. Help customers understand the services listed for the business, answer from its FAQs and policies, and book through the booking tools. Ask what they need done and where, so the right service and time are booked. Quote only the prices listed for this business, and say that anything else is priced by the owner after an estimate. Never promise a price for a job nobody has seen, never promise an arrival time to the minute or a result the owner has not confirmed, and never give legal, medical or safety advice.',
  website: {
    headline: 'Local service you can count on',
    tagline: 'Friendly, reliable and on time, with free estimates and easy online booking.',
    about:
      'We are a local, owner-run business that takes pride in doing the job right the first time. We show up when we say we will, explain the work and the price before we start, and clean up when we are done. Book online in a minute, or call or text us and we will find a time that suits you.',
    callToAction: 'Book now',
  },
} satisfies IndustryPack;
