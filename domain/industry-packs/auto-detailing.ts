import type { IndustryPack } from './pack.ts';

/** Root's own trade: mobile auto detailing (Clean Machine Auto Detail). */
export const autoDetailing = {
  id: 'auto-detailing',
  name: 'Auto detailing',
  schemaOrgType: 'AutoWash',
  asset: { singular: 'vehicle', plural: 'vehicles' },
  services: [
    { name: 'Express wash & wax', description: 'Hand wash, wheels and tires, spray wax and streak-free windows.', durationMinutes: 60, priceCents: 7900, priceIsFrom: false },
    { name: 'Interior detail', description: 'Vacuum, steam-cleaned seats and carpets, dash and doors wiped, glass inside.', durationMinutes: 150, priceCents: 14900, priceIsFrom: true },
    { name: 'Full detail', description: 'Interior detail plus clay bar, hand wax and tyre dressing outside.', durationMinutes: 240, priceCents: 24900, priceIsFrom: true },
    { name: 'Paint correction', description: 'Machine polish that removes swirls and light scratches, sealed after.', durationMinutes: 360, priceCents: 44900, priceIsFrom: true },
    { name: 'Ceramic coating', description: 'Paint prepared and coated for years of gloss and easy washing.', durationMinutes: 480, priceCents: 89900, priceIsFrom: true },
  ],
  faqs: [
    { question: 'Do you come to me?', answer: 'Yes. We bring our own water and power, so we can work at your home or office. All we need is room around the car.' },
    { question: 'How long does a full detail take?', answer: 'About four hours for a car and up to five for a large SUV or truck. We text you when we are on the way and when we are done.' },
    { question: 'Can you get pet hair and stains out?', answer: 'Most of it, yes. Heavy pet hair or stains may add time; we will tell you before we start if it changes the price.' },
    { question: 'How do I pay?', answer: 'By card or cash when the job is done. Larger jobs such as paint correction or ceramic coating need a deposit to book.' },
    { question: 'Is ceramic coating worth it?', answer: 'If you keep your car for years and want it easy to wash, yes. It protects the paint and keeps the gloss far longer than wax.' },
  ],
  policies: {
    weather: 'We work outside, so heavy rain or freezing temperatures may move your appointment. We text you the day before with a new time if the forecast looks bad; you are never charged for a weather move.',
    cancellation: 'Please cancel or move your appointment at least 24 hours ahead. Later cancellations may be charged a $25 fee.',
    deposit: 'Paint correction and ceramic coating need a 25% deposit to hold the day; it comes off the final price.',
  },
  ivr: {
    greeting: 'Thanks for calling {business}, mobile auto detailing that comes to you.',
    info: 'We come to you and make your car shine: express washes from $79, interior details from $149 and full details from $249. Book online or stay on the line to talk to us.',
    jokes: [
      'Why did the car get a detail? It wanted to look wheel-y good. Thanks for laughing with us!',
      'What do you call a sparkling clean car? A sight for sore exhausts. Thanks for calling!',
      'Why did the sedan go to the spa? It needed to unwind its tired tires. Thanks for calling!',
    ],
  },
  sms: {
    reminder: 'Hi {customer}, a reminder from {business}: your {service} is {when}. Reply C to confirm or R to reschedule.',
    followUp: 'Thanks for choosing {business}, {customer}! We hope your car feels brand new. Questions about the job? Just reply here.',
    reviewRequest: 'Hi {customer}, how did we do? A quick review helps a small business a lot: {link}',
    info: '{business}: mobile detailing at your door. Express wash from $79, interior from $149, full detail from $249. Book: {link}',
    missedCall: 'Sorry we missed your call at {business}! Reply here with what your car needs and we will get back to you, or book at {link}',
  },
  agentInstructions:
    'You are the friendly assistant of a mobile auto detailing business. Help customers pick a service for their vehicle, quote only the prices listed for the business, and book through the booking tools. Ask for the vehicle type and its condition (pet hair, stains, oxidized paint) because they change the time needed. Never promise that a stain or scratch will come out completely; say the detailer will check it on site. Weather can move outdoor jobs.',
  website: {
    headline: 'Showroom shine, in your driveway',
    tagline: 'Mobile auto detailing: we bring the water, the power and the care.',
    about:
      'We are a local, owner-run detailing team. We come to your home or office with everything we need and treat your car as if it were our own: hand washes, deep interior cleans, paint correction and ceramic coatings, booked online in a minute.',
    callToAction: 'Book a detail',
  },
} satisfies IndustryPack;
